"""The demo's cases, as plain data: which procedure each opens, for whom, with which values, and
what happens to it next.

``backoffice.demo`` loads them in this order (``flask seed-demo``, and ``make run`` on an empty
database), after the demo's offices, parties and users, which the cases name by their keys. A
date is given as a number of days before the day the demo is loaded (:class:`DaysAgo`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DaysAgo:
    """The legal day this many days before the demo is loaded (0: that day), or that day at
    ``hour`` o'clock in Seoul for a moment (the start of a seizure)."""

    days: int
    hour: int | None = None


@dataclass(frozen=True)
class CaseOf:
    """The reference of the first demo case of ``procedure`` opened for ``party`` (a licence the
    application names)."""

    procedure: str
    party: str


@dataclass(frozen=True, kw_only=True)
class Action:
    """An action fired on the case, by the user ``actor``, with ``values`` (dates as
    :class:`DaysAgo`)."""

    trigger: str
    actor: str
    values: Mapping[str, Any] | None = None
    at: DaysAgo | None = None
    """The legal day it was taken (at 10:00 KST), when not the day the demo is loaded."""


@dataclass(frozen=True, kw_only=True)
class Assignment:
    """The case assigned to the officer ``officer`` by the supervisor ``by``."""

    officer: str
    by: str


@dataclass(frozen=True, kw_only=True)
class Service:
    """The service of the one notice the case has (the one its opening issued, Art. 11)."""

    actor: str
    method: str
    served: DaysAgo
    reference: str


@dataclass(frozen=True, kw_only=True)
class DemoCase:
    procedure: str
    party: str
    office: str
    actor: str
    """The user who opens it (a duty payer filing, or an officer)."""
    values: Mapping[str, Any]
    """The opening's values (dates as :class:`DaysAgo`)."""
    assigned: str | None = None
    """The officer the case is assigned to when it opens."""
    then: tuple[Action | Assignment | Service, ...] = ()
    """What happens next, in order."""
    opened: DaysAgo | None = None
    """The legal day it was opened (at 10:00 KST), when not the day the demo is loaded."""


OBJECTIONS = (
    DemoCase(
        procedure="objection", party="payer", office="SEOUL", actor="payer",
        values={"disposition": "Payment notice on an online purchase (KRW 184,000)",
                "disposition_ref": "SEL-2026-104411",
                "disposition_kind": "assessment",
                "notice_received_on": DaysAgo(25 + 12),
                "filed_on": DaysAgo(25), "filing_rule": "online",
                "reasons": "The goods were a gift for personal use (demo)."},
        then=(Assignment(officer="officer", by="supervisor"),),
    ),
    DemoCase(
        procedure="objection", party="company", office="SEOUL", actor="company",
        assigned="officer2",
        values={"disposition": "Tariff classification of heading 8471 (demo)",
                "disposition_ref": "SEL-2026-099812",
                "disposition_kind": "classification",
                "notice_received_on": DaysAgo(40),
                "filed_on": DaysAgo(6), "filing_rule": "at_office",
                "reasons": "The goods are parts, not complete machines (demo)."},
        then=(Action(trigger="order_revision", actor="officer2",
                     values={"revision_days": 14,
                             "matters": "Attach the technical drawings (demo)."}),),
    ),
    DemoCase(
        procedure="objection", party="alien", office="SEOUL", actor="officer",
        assigned="officer",
        values={"disposition": "Duty on a used car shipped as household goods (demo)",
                "disposition_ref": "SEL-2026-071230", "disposition_kind": "assessment",
                "notice_received_on": DaysAgo(60),
                "filed_on": DaysAgo(45), "filing_rule": "postmaster",
                "reasons": "The car was used abroad for over a year (demo)."},
        then=(Action(trigger="issue_opinion", actor="officer",
                     values={"opinion": "Ownership abroad under one year (demo)."}),
              Action(trigger="refer_to_committee", actor="officer")),
    ),
)

EXAMINATION = DemoCase(
    procedure="examination", party="company", office="SEOUL", actor="company",
    assigned="officer2",
    values={"disposition": "Customs valuation of imported machinery (demo)",
            "disposition_ref": "SEL-2026-087001",
            "disposition_kind": "classification", "route": "direct",
            "period_starts_on": DaysAgo(50),
            "filed_on": DaysAgo(4), "filing_rule": "at_office",
            "reasons": "Royalties are not part of the customs value (demo)."},
    then=(Action(trigger="forward", actor="officer2",
                 values={"opinion": "The royalties are a condition of sale (demo)."}),),
)

APPLICATIONS = (
    # kind, days since receipt, office, officer, what happens next
    ("161", 8, "BUSAN", "busan.officer", None, "10 sample bottles of imported wine"),
    ("158", 9, "BUSAN", "busan.officer", None, "relabelling of 400 cartons in bonded warehouse 3"),
    ("250", 14, "SEOUL", "officer2", None, "withdrawal of import declaration 12345-26-000001"),
    ("89-187", 3, "SEOUL", "officer", "extend", "assembly work outside designated factory 7"),
    ("134", 2, "BUSAN", "busan.officer", "grant", "entry of MV Hanbit Star at Gamcheon"),
)
"""Applications of several kinds of deemed permission: some about to be deemed granted, one
already due."""

NEXT_FOR_APPLICATIONS = {
    "extend": ("extend", {"extension_days": 10, "reasons": "site inspection needed (demo)"}),
    "grant": ("grant", {"conditions": "berth 4 only, 6-8 December"}),
}

DEEMED_PERMISSIONS = tuple(
    DemoCase(procedure="deemed_permission", party="company", office=office, actor=officer,
             assigned=officer,
             values={"permission_kind": kind, "received_on": DaysAgo(age), "application": what},
             then=(Action(trigger=NEXT_FOR_APPLICATIONS[then][0], actor=officer,
                          values=NEXT_FOR_APPLICATIONS[then][1]),) if then else ())
    for kind, age, office, officer, then, what in APPLICATIONS
)

PRE_ASSESSMENT_REVIEW = DemoCase(
    procedure="pre_assessment_review", party="alien", office="BUSAN", actor="busan.officer",
    assigned="busan.officer",
    values={"shortage": 1_240_000, "grounds": "Undervalued invoice for cosmetics (demo)."},
    then=(Service(actor="busan.officer", method="mail", served=DaysAgo(0),
                  reference="RR 1234 5678 9KR (demo)"),),
)

SCORES = {"legal_compliance": "93", "internal_control": "88", "financial_solvency": "y",
          "safety_management": "y"}


def _certified(party: str, *, age: int, then: tuple[Action, ...] = (),
               reported: bool = True) -> DemoCase:
    """An operator audited and certified ``age`` days ago, its self-assessments reported and
    verified each year since (ten and forty days after each anniversary), unless not
    ``reported``."""
    def at(days_after_certification: int) -> DaysAgo:
        return DaysAgo(age - days_after_certification)

    yearly = []
    for year in range(1, 5):
        anniversary = round(365.25 * year)
        if reported and anniversary + 40 < age:
            yearly += [Action(trigger="report_self_assessment", actor="officer",
                              values={"results": f"Year {year}: all standards kept (demo)."},
                              at=at(anniversary + 10)),
                       Action(trigger="record_verification", actor="officer",
                              values={"result": "meets", "findings": "Checked (demo)."},
                              at=at(anniversary + 40))]
    return DemoCase(
        procedure="aeo_certification", party=party, office="SEOUL", actor="officer",
        assigned="officer", values={"business_type": "importer" if party == "company"
                                    else "forwarder"},
        opened=DaysAgo(age + 60),
        then=(Action(trigger="start_audit", actor="officer", at=DaysAgo(age + 45)),
              Action(trigger="record_audit_step", actor="officer", at=DaysAgo(age + 30),
                     values={"step": "document_review", "findings": "Complete (demo)."}),
              Action(trigger="record_audit_step", actor="officer", at=DaysAgo(age + 10),
                     values={"step": "on_site_audit", "findings": "Gate, seals, IT: kept."}),
              Action(trigger="certify", actor="officer", at=DaysAgo(age),
                     values={**SCORES, "valid_from": DaysAgo(age)}),
              *yearly, *then),
    )


AEO_OPERATORS = (
    # Certified this year, benefits in force; it reported a change of address late.
    _certified("company", age=200, then=(
        Action(trigger="report_change", actor="company", at=DaysAgo(20),
               values={"change": "address", "changed_on": DaysAgo(60),
                       "description": "Head office moved to Incheon (demo)."}),)),
    # The term ends in about 200 days: the renewal application is due in a few weeks.
    _certified("forwarder", age=1626 - 10),
    # The first year's self-assessment was not reported: benefits suspended for three months.
    _certified("logistics", age=410, reported=False, then=(
        Action(trigger="suspend_benefits", actor="officer", at=DaysAgo(5),
               values={"ground": "self_assessment_not_reported", "scope": "all",
                       "months": "3", "suspended_from": DaysAgo(4),
                       "reasons": "The self-assessment of the first year was not reported."}),)),
    # Revoked: it no longer met the safety-management standards.
    _certified("broker", age=300, then=(
        Action(trigger="revoke", actor="officer", at=DaysAgo(20),
               values={"ground": "3", "reasons": "Access control and seals failed the "
                                                 "verification (demo)."}),)),
)



SEIZURE = Action(trigger="record_seizure", actor="officer", at=DaysAgo(44),
                 values={"started_at": DaysAgo(44, hour=14), "place": "Incheon Airport, T1",
                         "warrant": "Incheon District Court 2026-4711 (demo)",
                         "goods": "12 cartons of cigarettes", "quantity": "12 cartons",
                         "value": "540000", "custody": "office",
                         "record": "Seizure report No. 12 (demo)."})
"""The cigarettes seized in the investigation, in the office's custody (Arts. 303, 305)."""


def _offence(*, notified: int, served: int, then: tuple[Action, ...] = (),
             seized: tuple[Action, ...] = ()) -> DemoCase:
    """A traveller's undeclared import (Art. 269(2)), investigated (with the ``seized``
    goods), notified ``notified`` days ago and served ``served`` days ago in person (Arts.
    311, 315)."""
    return DemoCase(
        procedure="offense_notification", party="alien", office="SEOUL", actor="officer",
        assigned="officer", opened=DaysAgo(notified + 40),
        values={"offence": "269(2)", "source": "found", "joint_penalty": False,
                "facts": "Brought 12 cartons of cigarettes in without declaring them at "
                         "Incheon Airport (demo)."},
        then=(Action(trigger="start_investigation", actor="officer", at=DaysAgo(notified + 39)),
              *seized,
              Action(trigger="report_results", actor="officer", at=DaysAgo(notified + 5),
                     values={"findings": "Established by the seizure report (demo)."}),
              Action(trigger="notify", actor="officer", at=DaysAgo(notified),
                     values={"duty_involved": "600000", "prime_cost": "540000",
                             "fine_equivalent": "1200000", "additional_collection": "300000",
                             "provisions": "Arts. 269(2), 282(3), 311", "age": "41",
                             "sex": "male", "occupation": "Engineer",
                             "place_of_performance": "Seoul Main Customs, investigation "
                                                     "division, room 301",
                             "reasons": "The facts and the value of the goods (demo)."}),
              Service(actor="officer", method="in_person", served=DaysAgo(served),
                      reference=f"RC-{served:03d} (demo)"),
              *then),
    )


def _paid(trigger: str, days_ago: int, amount: str | None = None) -> Action:
    """A part payment of ``amount`` made ``days_ago``, or the rest (a compliance)."""
    part = {"amount": amount} if amount else {}
    return Action(trigger=trigger, actor="officer", at=DaysAgo(days_ago),
                  values={**part, "method": "cash", "paid_on": DaysAgo(days_ago)})


OFFENCES = (
    # Served three days ago: the 15 days run; a part payment is recorded.
    # The cigarettes seized in the investigation are a goods case of their own, in custody.
    _offence(notified=5, served=3, then=(_paid("record_part_payment", 1, "500000"),),
             seized=(SEIZURE,)),
    # Complied within the 15 days: closed, no further punishment (Art. 317).
    _offence(notified=40, served=38, then=(_paid("comply", 30),)),
    # The 15 days passed without compliance: to be accused promptly (Art. 316).
    _offence(notified=30, served=26),
    # Complied after the 15 days, before any accusation: closed (Art. 316 proviso).
    _offence(notified=70, served=66, then=(_paid("comply_late", 45),)),
)

EXEMPTED = DemoCase(
    procedure="offense_notification", party="alien", office="SEOUL", actor="officer",
    assigned="officer", opened=DaysAgo(60),
    values={"offence": "269(2)", "source": "found", "joint_penalty": False,
            "facts": "Brought a camera worth KRW 800,000 in without declaring it (demo)."},
    then=(Action(trigger="start_investigation", actor="officer", at=DaysAgo(59)),
          Action(trigger="report_results", actor="officer", at=DaysAgo(30),
                 values={"findings": "A first breach, a gift for a relative (demo)."}),
          Action(trigger="refer_to_committee", actor="officer", at=DaysAgo(29)),
          Action(trigger="record_resolution", actor="officer", at=DaysAgo(15),
                 values={"committee_resolution": "exempt", "resolved_on": DaysAgo(15),
                         "reasons": "First breach, a small value (demo)."}),
          Action(trigger="exempt", actor="supervisor", at=DaysAgo(14),
                 values={"duty_involved": "90000", "prime_cost": "800000",
                         "fine_equivalent": "200000", "goods_value": "0",
                         "additional_collection": "0",
                         "reasons": "A first breach, a gift of a small value; within both "
                                    "limits of Art. 311(9) (demo)."})),
)
"""Exempted on the committee's resolution, within both limits of Art. 311(9)."""

def _licence(party: str, area_type: str, *, granted: int, years: int,
             then: tuple[Action, ...] = ()) -> DemoCase:
    """A licensed bonded area applied for, reviewed and granted ``granted`` days ago for
    ``years`` (Arts. 174, 176)."""
    return DemoCase(
        procedure="bonded_area_licence", party=party, office="SEOUL", actor="officer",
        assigned="officer", opened=DaysAgo(granted + 30),
        values={"area_type": area_type, "location": f"Incheon, Jung-gu (demo {party})",
                "area_m2": "8000", "licensed_matters": "Storage of foreign goods (demo).",
                "fee_paid": "72000", "received_on": DaysAgo(granted + 30)},
        then=(Action(trigger="start_review", actor="officer", at=DaysAgo(granted + 25)),
              Action(trigger="grant", actor="officer", at=DaysAgo(granted),
                     values={"valid_from": DaysAgo(granted), "years": str(years),
                             "requirements": "Facilities, capital and staff checked (demo)."}),
              *then),
    )


LICENCES = (
    # A bonded warehouse licensed for ten years, operating.
    # Its goods: domestic goods whose twelve months end within the month (Art. 177(1)1(b)).
    _licence("company", "warehouse", granted=400, years=10, then=(
        Action(trigger="record_goods_entry", actor="officer", at=DaysAgo(340),
               values={"declaration_number": "02012-26-004711X (demo)",
                       "goods": "300 cartons of cosmetics (demo)", "goods_kind": "domestic",
                       "entered_on": DaysAgo(340)}),)),
    # A bonded factory whose entry of goods is suspended for two months (Art. 178(1)).
    _licence("logistics", "factory", granted=700, years=10, then=(
        Action(trigger="suspend", actor="officer", at=DaysAgo(10),
               values={"ground": "facilities", "scope": "entry", "months": "2",
                       "suspended_from": DaysAgo(9),
                       "reasons": "The fire doors failed the inspection (demo)."}),)),
    # A bonded store whose five-year term ends within two months.
    _licence("forwarder", "store", granted=5 * 365 - 50, years=5),
    # Revoked for lending its name (Art. 178(2)5): the goods still stored are winding down.
    _licence("broker", "warehouse", granted=900, years=10, then=(
        Action(trigger="revoke", actor="supervisor", at=DaysAgo(20),
               values={"ground": "name_lending",
                       "reasons": "The area was run by another company under its name "
                                  "(demo)."}),
        Action(trigger="fix_wind_down", actor="supervisor", at=DaysAgo(19),
               values={"months": "6", "wind_down_from": DaysAgo(18),
                       "goods": "120 pallets of general cargo (demo)."}))),
)

LICENSED_WORK = DemoCase(
    procedure="deemed_permission", party="company", office="SEOUL", actor="officer",
    assigned="officer",
    values={"permission_kind": "158", "received_on": DaysAgo(2),
            "application": "Relabelling of 300 cartons of cosmetics in the warehouse (demo).",
            "licence": CaseOf("bonded_area_licence", "company")},
)
"""Maintenance work on goods stored in the company's licensed warehouse (Art. 158), under its
licence: listed on the licence's page."""

DISQUALIFICATION = DemoCase(
    procedure="licence_disqualification", party="logistics", office="SEOUL", actor="officer",
    assigned="officer", opened=DaysAgo(3),
    values={"ground": "bankrupt", "occurred_on": DaysAgo(6),
            "authority": "Seoul Bankruptcy Court 2026Ha1234 (demo)",
            "executive": "Park Ji-hoon, director of the bonded factory (demo)"},
)
"""An executive of the factory's operator declared bankrupt (Arts. 175 3 and 8): the record
bars the company and opens the review of its licence (178(2)2, with the three months of its
proviso to replace the executive)."""

DEMO_CASES: tuple[DemoCase, ...] = (*OBJECTIONS, EXAMINATION, *DEEMED_PERMISSIONS,
                                    PRE_ASSESSMENT_REVIEW, *AEO_OPERATORS, *OFFENCES, EXEMPTED,
                                    *LICENCES, LICENSED_WORK, DISQUALIFICATION)
"""Every demo case, in the order they are opened."""
