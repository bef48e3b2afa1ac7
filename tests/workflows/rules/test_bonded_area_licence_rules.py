"""The rules of the licensed bonded area (Arts. 174 to 182) as a table.

Read off ``workflows/procedures/bonded_area_licence.py`` and the Act, row by row. The base
case: a bonded warehouse licensed from 1 March 2024 for ten years; today is Tuesday
1 December 2026. The party's other cases open the bars of Art. 175: a compliance with a
notification disposition for smuggling on 30 November 2024 bars it to 30 November 2026
(175 7: two years from the next day, ending on the day of the second anniversary, Civil Act
Arts. 157, 160(2)), yesterday: it no longer refuses; one on 1 December 2024 bars it to
1 December 2026, today: it refuses.
"""

import pytest

from tests.workflows.rules.table import (
    ALLOWED,
    NEW,
    NOT_AVAILABLE,
    NOT_PERMITTED,
    Case,
    assert_covers,
    assert_rule,
    day,
    given,
    guard_failed,
    kst,
    open_until,
    rows,
)
from workflows.procedures.bonded_area_licence import PROCEDURE

BASE = Case(now=kst(2026, 12, 1),
            data={"area_type": "warehouse", "location": "Incheon, Jung-gu 1",
                  "valid_from": "2024-03-01", "valid_to": "2034-02-28", "term": 1,
                  "renewals": 0})

OFFICE_ONLY = {"officer": ALLOWED, "supervisor": ALLOWED, "duty_payer": NOT_PERMITTED,
               "system": NOT_PERMITTED}
OPERATOR_TOO = {"officer": ALLOWED, "supervisor": ALLOWED, "duty_payer": ALLOWED,
                "system": NOT_PERMITTED}
"""The operator files it on its portal (179(2), 174(1)); the office records a paper one."""
SCHEDULER_ONLY = {"officer": NOT_PERMITTED, "supervisor": NOT_PERMITTED,
                  "duty_payer": NOT_PERMITTED, "system": ALLOWED}


def by_role(state: str, trigger: str, verdicts: dict, changes: dict | None = None) -> list:
    return [(state, role, trigger, verdict, changes or {}) for role, verdict in verdicts.items()]


def barred(article: str, since: str, until: str) -> dict:
    return {"bonded_area_bars": [{"article": article, "from": since, "until": until,
                                  "case": "OFN-2024-000031"}]}


TEN_YEARS = {"values": {"valid_from": day("2026-12-15"), "years": 10, "valid_to": None}}
STORE = {"data": {"area_type": "store"}}

TABLE = [
    # -- application and review (Arts. 174, 175) ---------------------------------------------
    *by_role(NEW, "apply", OFFICE_ONLY),
    ("applied", "officer", "apply", NOT_AVAILABLE),
    *by_role("applied", "start_review", OFFICE_ONLY),
    ("under_review", "officer", "start_review", NOT_AVAILABLE),
    *by_role("under_review", "grant", OFFICE_ONLY, given(**TEN_YEARS)),
    ("applied", "officer", "grant", NOT_AVAILABLE),  # reviewed first
    ("under_review", "officer", "grant", guard_failed("KRW 45,000 is not paid in full"),
     given(data={"fee_paid": 40_000, "fee_due": 45_000}, **TEN_YEARS)),  # Art. 174(2)
    ("under_review", "officer", "grant", ALLOWED,
     given(data={"fee_paid": 45_000, "fee_due": 45_000}, **TEN_YEARS)),
    ("under_review", "officer", "grant", ALLOWED),  # offered before the term is entered
    # a bar that ended yesterday no longer refuses; one that ends today does
    ("under_review", "officer", "grant", ALLOWED,
     given(**TEN_YEARS, party=barred("Art. 175 7", "2024-11-30", "2026-11-30"))),
    ("under_review", "officer", "grant", guard_failed("barred from a licence until 2026-12-01"),
     given(**TEN_YEARS, party=barred("Art. 175 7", "2024-12-01", "2026-12-01"))),
    ("under_review", "officer", "grant", guard_failed("by Art. 175 6(a)"),
     given(**TEN_YEARS, party=barred("Art. 175 6(a)", "2025-06-01", "2027-06-01"))),
    ("under_review", "officer", "grant", guard_failed("by Art. 175 6(b)"),
     given(**TEN_YEARS, party=barred("Art. 175 6(b)", "2025-06-01", "2027-06-01"))),
    # the term (Art. 176)
    ("under_review", "officer", "grant", guard_failed("give the term in years"),
     given(values={"valid_from": day("2026-12-15"), "years": None, "valid_to": None})),
    ("under_review", "officer", "grant", guard_failed("the last day fixed from the exhibition"),
     given(**TEN_YEARS, data={"area_type": "exhibition"})),
    ("under_review", "officer", "grant", ALLOWED,
     given(values={"valid_from": day("2026-12-15"), "years": None,
                   "valid_to": day("2027-03-31")}, data={"area_type": "exhibition"})),
    ("under_review", "officer", "grant", guard_failed("the last day is before the first"),
     given(values={"valid_from": day("2026-12-15"), "years": None,
                   "valid_to": day("2026-12-14")}, data={"area_type": "construction_site"})),
    *by_role("under_review", "refuse", OFFICE_ONLY),
    ("active", "officer", "refuse", NOT_AVAILABLE),

    # -- renewal (Arts. 174(1), 176-2(6)) ------------------------------------------------------
    *by_role("active", "request_renewal", OPERATOR_TOO,
             given(values={"requested_years": 10, "fee_paid": 45_000})),
    ("suspended", "duty_payer", "request_renewal", NOT_AVAILABLE),
    ("active", "duty_payer", "request_renewal", guard_failed("at most five years"),
     given(data={"area_type": "store"}, values={"requested_years": 6, "fee_paid": 45_000})),
    *by_role("active", "renew", OFFICE_ONLY, given(values={"years": 10})),
    ("active", "officer", "renew", guard_failed("(KRW 0 paid"),  # the request paid nothing
     given(values={"years": 10}, data={"renewal_requested_on": "2026-11-02",
                                       "renewal_fee_paid": 0, "renewal_fee_due": 45_000})),
    ("suspended", "officer", "renew", NOT_AVAILABLE),
    # the 175 proviso: a bar of 175 6 from another case leaves an existing licence; 175 7 not
    ("active", "officer", "renew", ALLOWED,
     given(values={"years": 10}, party=barred("Art. 175 6(a)", "2025-06-01", "2027-06-01"))),
    # ... but not the area where the ground arose (a 6(b) fine for this licence's name lending)
    ("active", "officer", "renew", guard_failed("by Art. 175 6(b)"),
     given(values={"years": 10}, reference="BAL-2024-000003",
           party={"bonded_area_bars": [{"article": "Art. 175 6(b)", "from": "2025-06-01",
                                        "until": "2027-06-01", "case": "LDQ-2025-000001",
                                        "licence": "BAL-2024-000003"}]})),
    ("active", "officer", "renew", ALLOWED,  # another area's ground leaves this one
     given(values={"years": 10}, reference="BAL-2024-000009",
           party={"bonded_area_bars": [{"article": "Art. 175 6(b)", "from": "2025-06-01",
                                        "until": "2027-06-01", "case": "LDQ-2025-000001",
                                        "licence": "BAL-2024-000003"}]})),
    ("active", "officer", "renew", guard_failed("by Art. 175 7"),
     given(values={"years": 10}, party=barred("Art. 175 7", "2025-06-01", "2027-06-01"))),
    ("active", "officer", "renew", ALLOWED,
     given(values={"years": 5}, data={"area_type": "store", "renewals": 1})),
    ("active", "officer", "renew", guard_failed("at most five years"),
     given(values={"years": 6}, **STORE)),
    ("active", "officer", "renew", guard_failed("renewed only twice"),
     given(values={"years": 5}, data={"area_type": "store", "renewals": 2})),
    ("active", "officer", "renew", ALLOWED,  # a warehouse: no limit of renewals
     given(values={"years": 10}, data={"renewals": 4})),
    ("active", "officer", "renew", guard_failed("extended, not renewed"),
     given(data={"area_type": "exhibition"})),
    ("under_review", "officer", "grant", guard_failed("a last day is fixed only for"),
     given(values={"valid_from": day("2026-12-15"), "years": 10,
                   "valid_to": day("2027-03-31")})),
    # -- the period of an exhibition or construction site (Art. 176(2) proviso) --------------
    *by_role("active", "extend_period", OFFICE_ONLY,
             given(values={"valid_to": day("2027-06-30")},
                   data={"area_type": "exhibition", "valid_to": "2027-03-31"})),
    ("active", "officer", "extend_period", guard_failed("must be after 2027-03-31"),
     given(values={"valid_to": day("2027-03-31")},
           data={"area_type": "construction_site", "valid_to": "2027-03-31"})),
    ("active", "officer", "extend_period", guard_failed("only an exhibition or construction")),
    ("suspended", "officer", "extend_period", NOT_AVAILABLE),

    # -- suspension (Art. 178(1)) ---------------------------------------------------------------
    *by_role("active", "suspend", OFFICE_ONLY),
    ("suspended", "officer", "suspend", NOT_AVAILABLE),
    *by_role("suspended", "end_suspension", SCHEDULER_ONLY),
    ("active", "system", "end_suspension", NOT_AVAILABLE),

    # -- revocation (Art. 178(2)) ---------------------------------------------------------------
    *by_role("active", "revoke", OFFICE_ONLY, given(values={"ground": "fraud"})),
    ("suspended", "officer", "revoke", ALLOWED, given(values={"ground": "name_lending"})),
    # three suspensions within one year: decided after 1 December 2025
    ("suspended", "officer", "revoke", ALLOWED,
     given(values={"ground": "repeated_suspensions"},
           data={"suspensions_decided": ["2025-12-02", "2026-05-10", "2026-11-20"]})),
    ("suspended", "officer", "revoke", guard_failed("2 suspension(s) within the year"),
     given(values={"ground": "repeated_suspensions"},
           data={"suspensions_decided": ["2025-12-01", "2026-05-10", "2026-11-20"]})),
    # 178(2)4: two years without goods, from the last entry (from 2 December 2024: the two
    # years end on 2 December 2026) or the licence's first day (1 March 2024: ended 2026-03-01)
    ("active", "officer", "revoke", ALLOWED, given(values={"ground": "dormant"})),
    ("active", "officer", "revoke", guard_failed("after 2026-12-02"),
     given(values={"ground": "dormant"}, data={"last_goods_entry_on": "2024-12-02"})),
    ("active", "officer", "revoke", ALLOWED,
     given(values={"ground": "dormant"}, data={"last_goods_entry_on": "2024-11-30"})),
    ("active", "officer", "revoke", ALLOWED,  # a renewal does not restart the two years
     given(values={"ground": "dormant"},
           data={"valid_from": "2026-03-01", "licensed_since": "2024-03-01"})),
    ("active", "officer", "revoke", guard_failed("since the licence began on 2025-01-10"),
     given(values={"ground": "dormant"}, data={"licensed_since": "2025-01-10"})),
    ("revoked", "officer", "revoke", NOT_AVAILABLE),

    # -- the end of the licence (Arts. 179, 182) ------------------------------------------------
    *by_role("active", "expire", SCHEDULER_ONLY),
    ("suspended", "system", "expire", ALLOWED),
    ("invalidated", "system", "expire", NOT_AVAILABLE),
    *by_role("active", "cease", OPERATOR_TOO),
    ("under_review", "officer", "cease", NOT_AVAILABLE),
    *by_role("revoked", "fix_wind_down", OFFICE_ONLY),
    ("invalidated", "officer", "fix_wind_down", ALLOWED),
    ("active", "officer", "fix_wind_down", NOT_AVAILABLE),  # the licence ends first
    *by_role("wind_down", "goods_out", OFFICE_ONLY),
    ("revoked", "officer", "goods_out", NOT_AVAILABLE),
    *by_role("wind_down", "wind_down_ended", SCHEDULER_ONLY),
    ("closed", "system", "wind_down_ended", NOT_AVAILABLE),
    ("refused", "officer", "grant", NOT_AVAILABLE),
]


SUCCESSION = {"now": kst(2026, 12, 23), "data": {"succession_event_on": "2026-11-20"},
              "deadlines": {"succession": open_until("succession", "2026-12-21")},
              "open_deadlines": {"succession": open_until("succession", "2026-12-21")}}
"""A death on Friday 20 November 2026: the 30 days end on Sunday 20 December and roll over to
Monday 21 December (Art. 8(3): a deadline for a report)."""

TABLE += [
    # -- succession (Art. 179(2)-(5)) ----------------------------------------------------------
    *by_role("active", "report_death_or_dissolution", OPERATOR_TOO),  # the liquidator, heirs
    ("suspended", "officer", "report_death_or_dissolution", ALLOWED),
    ("succession_pending", "officer", "report_death_or_dissolution", NOT_AVAILABLE),
    *by_role("succession_pending", "report_succession", OFFICE_ONLY,
             given(values={"reported_on": day("2026-12-21")}, **SUCCESSION)),
    ("succession_pending", "officer", "report_succession",
     guard_failed("ended on 2026-12-21"),
     given(values={"reported_on": day("2026-12-22")}, **SUCCESSION)),
    ("active", "officer", "report_succession", NOT_AVAILABLE),
    *by_role("succession_pending", "succession_lapsed", SCHEDULER_ONLY),
    ("active", "system", "succession_lapsed", NOT_AVAILABLE),
    ("succession_pending", "system", "expire", ALLOWED),

    # -- a disqualified executive (Arts. 175 8, 178(2)2 proviso) -------------------------------
    *by_role("active", "record_executive_disqualified", OFFICE_ONLY),
    ("revoked", "officer", "record_executive_disqualified", NOT_AVAILABLE),
    *by_role("active", "record_executive_replaced", OFFICE_ONLY,
             given(data={"disqualified_executive": "KIM"})),
    ("active", "officer", "record_executive_replaced", guard_failed("no executive is recorded")),
    ("wind_down", "officer", "record_executive_replaced", NOT_AVAILABLE),
    ("active", "officer", "revoke", guard_failed("may replace its executive until 2027-02-15"),
     given(values={"ground": "disqualified"},
           open_deadlines={"executive_cure": open_until("executive_cure", "2027-02-15")})),

    # -- goods entered into the area: their own case (Art. 177(1)) -------------------------------
    *by_role("active", "record_goods_entry", OFFICE_ONLY),
    ("active", "officer", "record_goods_entry", guard_failed("licensed from 2024-03-01"),
     given(values={"entered_on": day("2024-02-29")})),  # before the first day (174(1))
    ("active", "officer", "record_goods_entry", ALLOWED,
     given(values={"entered_on": day("2024-03-01")})),
    ("suspended", "officer", "record_goods_entry", NOT_AVAILABLE),  # no entry (178(1))

    # -- the penalty surcharge (Art. 178(3)) ---------------------------------------------------
    *by_role("active", "impose_surcharge", OFFICE_ONLY,
             given(values={"sales": 600_000_000, "days": 180, "amount": 18_000_000})),
    ("active", "officer", "impose_surcharge", guard_failed("more than the surcharge computed"),
     given(values={"sales": 600_000_000, "days": 180, "amount": 18_000_001})),
    ("suspended", "officer", "impose_surcharge", NOT_AVAILABLE),  # instead of a suspension
    *by_role("active", "record_surcharge_paid", OFFICE_ONLY,
             given(data={"surcharge_imposed_on": "2026-11-30"})),
    ("active", "officer", "record_surcharge_paid", guard_failed("no penalty surcharge is owed")),
    ("closed", "officer", "record_surcharge_paid", NOT_AVAILABLE),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_bonded_area_licence_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
