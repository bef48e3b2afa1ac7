"""The rules of the offence notification disposition (Arts. 283 to 319) as a table.

Read off ``workflows/procedures/offense_notification.py`` and the Act, row by row. The base
case: an import without declaration (Art. 269(2)) notified with a fine equivalent of KRW
2,000,000 and an additional-collection equivalent of KRW 500,000, the notice served on Friday
11 September 2026. The 15 days of Art. 316, counted from the next day (Art. 8; Civil Act
Art. 157), end on Saturday 26 September, the third day of Chuseok, and roll over the Sunday
to Monday 28 September 2026 (Art. 8(3)); today is Sunday 20 September.
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
    invalid_field,
    kst,
    open_until,
    rows,
)
from workflows.procedures.offense_notification import PROCEDURE

BASE = Case(now=kst(2026, 9, 20),
            data={"offence": "269(2)", "fine_equivalent": 2_000_000,
                  "additional_collection": 500_000, "served_on": "2026-09-11"},
            open_deadlines={"compliance": open_until("compliance", "2026-09-28")},
            entered_on=day("2026-09-11"))

OFFICE_ONLY = {"officer": ALLOWED, "supervisor": ALLOWED, "duty_payer": NOT_PERMITTED,
               "system": NOT_PERMITTED}
SCHEDULER_ONLY = {"officer": NOT_PERMITTED, "supervisor": NOT_PERMITTED,
                  "duty_payer": NOT_PERMITTED, "system": ALLOWED}


def by_role(state: str, trigger: str, verdicts: dict, changes: dict | None = None) -> list:
    return [(state, role, trigger, verdict, changes or {}) for role, verdict in verdicts.items()]


def paid(on: str, amount: int | None = None, **more) -> dict:
    """A payment recorded at 18:00 on the day it was made: a part payment of ``amount``, or
    the rest (a compliance)."""
    paid_on = day(on)
    sent = {"amount": amount} if amount is not None else {}
    return given(values={**sent, "method": "cash", "paid_on": paid_on, **more},
                 now=kst(paid_on.year, paid_on.month, paid_on.day, 18))


def card(paid_on: str, approved_on: str) -> dict:
    approved = day(approved_on)
    return given(values={"method": "card", "paid_on": day(paid_on),
                         "card_approved_on": approved},
                 now=kst(approved.year, approved.month, approved.day, 18))


LATE = {"deadlines": {"compliance": open_until("compliance", "2026-09-28")},
        "open_deadlines": {"compliance": None}, "now": kst(2026, 10, 2)}
EXEMPTION = {"data": {"committee_resolution": "exempt"}}

TABLE = [
    # -- report and investigation (Arts. 283, 284(2), 290, 310) -------------------------------
    *by_role(NEW, "report", OFFICE_ONLY),
    ("reported", "officer", "report", NOT_AVAILABLE),
    *by_role("reported", "start_investigation", OFFICE_ONLY),
    ("under_investigation", "officer", "start_investigation", NOT_AVAILABLE),
    # Art. 306: in Seoul on 20 September 2026 the sun rises at 06:18 and sets at 18:32
    *by_role("under_investigation", "record_investigation_step", OFFICE_ONLY,
             given(values={"step": "search", "started_at": kst(2026, 9, 20, 14)})),
    ("under_investigation", "officer", "record_investigation_step",
     guard_failed("may not be started then"),
     given(values={"step": "search", "started_at": kst(2026, 9, 20, 19)})),  # after sunset
    # a seizure opens the goods' own case (Arts. 303, 305), under the same rule of 306
    *by_role("under_investigation", "record_seizure", OFFICE_ONLY,
             given(values={"goods": "watches", "started_at": kst(2026, 9, 20, 14)})),
    ("under_investigation", "officer", "record_seizure", guard_failed("may not be started then"),
     given(values={"goods": "watches", "started_at": kst(2026, 9, 20, 5, 50)})),  # before dawn
    ("under_investigation", "officer", "record_seizure", ALLOWED,
     given(values={"goods": "watches", "started_at": kst(2026, 9, 20, 5, 50),
                   "flagrant": True})),
    ("reported", "officer", "record_seizure", NOT_AVAILABLE),  # in the investigation (303(1))
    ("under_investigation", "officer", "record_investigation_step", ALLOWED,
     given(values={"step": "search", "started_at": kst(2026, 9, 20, 19), "flagrant": True})),
    ("under_investigation", "officer", "record_investigation_step", ALLOWED,
     given(values={"step": "questioning", "started_at": kst(2026, 9, 20, 21)})),
    ("reported", "officer", "record_investigation_step", NOT_AVAILABLE),
    *by_role("under_investigation", "report_results", OFFICE_ONLY),
    ("reported", "officer", "report_results", NOT_AVAILABLE),  # investigate first (310)

    # -- the committee on whether to investigate (Art. 284-2(1)1) -----------------------------
    *by_role("reported", "refer_start_to_committee", OFFICE_ONLY),
    ("under_investigation", "officer", "refer_start_to_committee", NOT_AVAILABLE),
    *by_role("deliberating_start", "resolve_to_investigate", OFFICE_ONLY),
    ("reported", "officer", "resolve_to_investigate", NOT_AVAILABLE),
    *by_role("deliberating_start", "resolve_not_to_investigate", OFFICE_ONLY),
    ("under_investigation", "officer", "resolve_not_to_investigate", NOT_AVAILABLE),
    ("deliberating_start", "officer", "start_investigation", NOT_AVAILABLE),  # it resolves

    # -- the committee (Art. 284-2) ------------------------------------------------------------
    *by_role("investigation_reported", "refer_to_committee", OFFICE_ONLY),
    ("under_deliberation", "officer", "refer_to_committee", NOT_AVAILABLE),
    *by_role("under_deliberation", "record_resolution", OFFICE_ONLY),
    ("investigation_reported", "officer", "record_resolution", NOT_AVAILABLE),

    # -- immediate accusation, closure, transfer (Arts. 312, 318, 284-2(1)2) --------------------
    *by_role("investigation_reported", "accuse_immediately", OFFICE_ONLY),
    ("under_deliberation", "officer", "accuse_immediately", ALLOWED),
    ("notified", "officer", "accuse_immediately", NOT_AVAILABLE),  # served: 316 applies
    *by_role("investigation_reported", "terminate", OFFICE_ONLY),
    ("notified", "officer", "terminate", NOT_AVAILABLE),
    *by_role("under_deliberation", "transfer", OFFICE_ONLY),
    ("accused", "officer", "transfer", NOT_AVAILABLE),

    # -- exemption: the committee's resolution and both limits of Art. 311(9) ------------------
    *by_role("investigation_reported", "exempt", OFFICE_ONLY,
             given(values={"fine_equivalent": 300_000, "goods_value": 700_000,
                           "additional_collection": 300_000}, **EXEMPTION)),
    ("investigation_reported", "officer", "exempt", guard_failed("committee's resolution"),
     given(values={"fine_equivalent": 100_000})),
    ("investigation_reported", "officer", "exempt", guard_failed("exceeds KRW 300,000"),
     given(values={"fine_equivalent": 300_001}, **EXEMPTION)),
    ("investigation_reported", "officer", "exempt", guard_failed("above KRW 1,000,000"),
     given(values={"fine_equivalent": 300_000, "goods_value": 700_001,
                   "additional_collection": 300_000}, **EXEMPTION)),
    ("under_deliberation", "officer", "exempt", NOT_AVAILABLE),  # the resolution first

    # -- the notification disposition and its service (Arts. 311(1), 314, 288, 315) -----------
    *by_role("investigation_reported", "notify", OFFICE_ONLY,
             given(values={"fine_equivalent": 2_000_000, "additional_collection": 0})),
    ("under_deliberation", "officer", "notify", ALLOWED,
     given(values={"fine_equivalent": 0, "additional_collection": 0,
                   "forfeited_goods": "12 cartons of cigarettes"})),
    ("investigation_reported", "officer", "notify", guard_failed("must demand"),
     given(values={"fine_equivalent": 0, "additional_collection": 0})),
    # the criteria of 311(4): 269(2)'s maximum is the higher of ten times the duty and the prime
    # cost, KRW 10,000,000 here; 30/100 of it moved by half: KRW 1,500,000 to 4,500,000
    ("investigation_reported", "officer", "notify", ALLOWED,
     given(values={"duty_involved": 1_000_000, "prime_cost": 4_000_000,
                   "fine_equivalent": 1_500_000, "additional_collection": 0})),
    ("investigation_reported", "officer", "notify", ALLOWED,
     given(values={"duty_involved": 1_000_000, "prime_cost": 4_000_000,
                   "fine_equivalent": 4_500_000, "additional_collection": 0})),
    ("investigation_reported", "officer", "notify",
     guard_failed("KRW 1,499,999, is outside the criteria"),
     given(values={"duty_involved": 1_000_000, "prime_cost": 4_000_000,
                   "fine_equivalent": 1_499_999, "additional_collection": 0})),
    ("investigation_reported", "officer", "notify", guard_failed("KRW 1,500,000 to 4,500,000"),
     given(values={"duty_involved": 1_000_000, "prime_cost": 4_000_000,
                   "fine_equivalent": 4_500_001, "additional_collection": 0})),
    # the prime cost is the higher: KRW 20,000,000, so KRW 3,000,000 to 9,000,000
    ("investigation_reported", "officer", "notify", guard_failed("KRW 3,000,000 to 9,000,000"),
     given(values={"duty_involved": 1_000_000, "prime_cost": 20_000_000,
                   "fine_equivalent": 2_000_000, "additional_collection": 0})),
    # a deployment's criteria kept on the case: 20/100 moved by a quarter
    ("investigation_reported", "officer", "notify", guard_failed("KRW 1,500,000 to 2,500,000"),
     given(values={"duty_involved": 1_000_000, "prime_cost": 4_000_000,
                   "fine_equivalent": 3_000_000, "additional_collection": 0},
           data={"fine_rate_percent": 20, "fine_adjustment_percent": 25})),
    # goods only: no fine equivalent to weigh
    ("investigation_reported", "officer", "notify", ALLOWED,
     given(values={"duty_involved": 1_000_000, "prime_cost": 4_000_000, "fine_equivalent": 0,
                   "additional_collection": 0, "forfeited_goods": "12 cartons"})),
    # Art. 271 is punished as the principal offence, which the case does not name
    ("investigation_reported", "officer", "notify", ALLOWED,
     given(values={"duty_involved": 1_000_000, "prime_cost": 4_000_000,
                   "fine_equivalent": 100, "additional_collection": 0},
           data={"offence": "271"})),
    # the exemption weighs the same amount: a fine equivalent the criteria give
    ("investigation_reported", "officer", "exempt", guard_failed("outside the criteria"),
     given(values={"duty_involved": 90_000, "prime_cost": 800_000, "fine_equivalent": 50_000},
           **EXEMPTION)),
    ("investigation_reported", "officer", "exempt", ALLOWED,
     given(values={"duty_involved": 90_000, "prime_cost": 800_000, "fine_equivalent": 200_000,
                   "goods_value": 0, "additional_collection": 0}, **EXEMPTION)),
    ("investigation_reported", "officer", "notify", ALLOWED),  # offered before it is filled
    ("notice_prepared", "supervisor", "accuse_immediately", ALLOWED,
     given(values={"ground": "cannot_be_served"})),  # Art. 318 2
    ("notice_prepared", "officer", "notify", NOT_AVAILABLE),
    *by_role("notice_prepared", "record_service", OFFICE_ONLY),
    ("notified", "officer", "record_service", NOT_AVAILABLE),

    # -- compliance within the 15 days (Arts. 316, 317) ----------------------------------------
    *by_role("notified", "comply", OFFICE_ONLY, paid("2026-09-28")),  # the last day
    ("notified", "officer", "comply", guard_failed("a compliance on 2026-09-29 is late"),
     paid("2026-09-29")),  # the day after: late
    ("notified", "officer", "comply", guard_failed("goods to be forfeited have not been"),
     given(**paid("2026-09-18"), data={"forfeited_goods": "12 cartons"})),
    ("notified", "officer", "comply", ALLOWED,
     given(**paid("2026-09-18", goods_delivered=True), data={"forfeited_goods": "12 cartons"})),
    ("notified", "officer", "comply", guard_failed("give the card approval day"),
     given(values={"method": "card", "paid_on": day("2026-09-18")},
           now=kst(2026, 9, 18, 18))),
    # a card payment made on the last day and approved the day after counts the day after
    ("notified", "officer", "comply", guard_failed("a compliance on 2026-09-29 is late"),
     card("2026-09-28", "2026-09-29")),
    ("notified", "officer", "comply", ALLOWED, card("2026-09-27", "2026-09-28")),
    ("notified", "officer", "comply", invalid_field("before the notice was served"),
     given(raw={"method": "cash", "paid_on": "2026-09-10"})),
    ("notified", "officer", "comply", ALLOWED),  # offered before the payment is entered
    ("notified", "officer", "comply_late", guard_failed("the 15 days run until 2026-09-28")),
    ("notified", "officer", "record_part_payment", ALLOWED),
    ("notice_prepared", "officer", "comply", NOT_AVAILABLE),  # served first: 15 days from it
    ("complied", "officer", "comply", NOT_AVAILABLE),
    # a part payment is not compliance (316): it leaves the case as it is
    *by_role("notified", "record_part_payment", OFFICE_ONLY, paid("2026-09-14", 1_000_000)),
    ("overdue", "officer", "record_part_payment", ALLOWED, paid("2026-10-01", 1_000_000)),
    ("notified", "officer", "record_part_payment", guard_failed("completes the amount"),
     paid("2026-09-14", 2_500_000)),
    ("notified", "officer", "record_part_payment", guard_failed("more than the KRW 1,500,000"),
     given(**paid("2026-09-14", 2_000_000),
           data={"payments": [{"amount": 1_000_000, "counts_on": "2026-09-12"}]})),
    # the money paid in full while the goods are still owed: a part payment, not compliance
    ("notified", "officer", "record_part_payment", ALLOWED,
     given(**paid("2026-09-14", 2_500_000), data={"forfeited_goods": "12 cartons"})),
    ("complied", "officer", "record_part_payment", NOT_AVAILABLE),

    # -- prepayment before the disposition is made (Art. 311(2)) ---------------------------------
    *by_role("investigation_reported", "record_prepayment", OFFICE_ONLY,
             given(values={"amount": 500_000, "method": "cash", "paid_on": day("2026-09-14")})),
    ("under_deliberation", "officer", "record_prepayment", ALLOWED),
    ("notice_prepared", "officer", "record_prepayment", ALLOWED,
     given(values={"amount": 2_500_000, "method": "cash", "paid_on": day("2026-09-14")})),
    ("notice_prepared", "officer", "record_prepayment",
     guard_failed("more than the KRW 2,500,000 the notice demands"),
     given(values={"amount": 2_500_001, "method": "cash", "paid_on": day("2026-09-14")})),
    ("investigation_reported", "officer", "record_prepayment",
     guard_failed("give the card approval day"),
     given(values={"amount": 500_000, "method": "card", "paid_on": day("2026-09-14")})),
    ("notified", "officer", "record_prepayment", NOT_AVAILABLE),  # served: a part payment now
    ("under_investigation", "officer", "record_prepayment", NOT_AVAILABLE),

    # -- the 15 days pass; late compliance before the accusation (Art. 316 and proviso) --------
    *by_role("notified", "period_passed", SCHEDULER_ONLY),
    ("overdue", "system", "period_passed", NOT_AVAILABLE),
    *by_role("overdue", "comply_late", OFFICE_ONLY, given(**{**paid("2026-10-01"), **LATE})),
    ("notified", "officer", "comply_late", ALLOWED, paid("2026-09-29")),  # not swept yet
    ("overdue", "officer", "comply_late", guard_failed("within the 15 days"),
     given(**{**paid("2026-09-28"), **LATE})),
    ("accused", "officer", "comply_late", NOT_AVAILABLE),  # after the accusation: too late
    *by_role("overdue", "accuse", OFFICE_ONLY),
    ("complied", "officer", "accuse", NOT_AVAILABLE),  # compliance ends the case (317)
    ("complied_late", "officer", "accuse", NOT_AVAILABLE),
    ("notified", "officer", "accuse", NOT_AVAILABLE),  # the 15 days run first
    ("exempted", "officer", "accuse", NOT_AVAILABLE),
    ("terminated", "officer", "accuse", NOT_AVAILABLE),
    ("transferred", "officer", "accuse", NOT_AVAILABLE),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_offense_notification_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
