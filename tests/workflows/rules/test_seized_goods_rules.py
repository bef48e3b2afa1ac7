"""The rules of seized goods (Arts. 299, 303, 304, 313) as a table.

Read off ``workflows/procedures/seized_goods.py`` and the Act, row by row. The base case:
30 wristwatches seized on 6 August 2026 for an import without declaration (269(2)); a summary
of them as unreturnable published on 2 December 2026, whose six months for a request for their
return (Art. 313(3)) run from 3 December and end on 2 June 2027 (Civil Act Arts. 157, 160(2);
not moved by Art. 8(3), which moves deadlines, not such periods). Today is 1 March 2027.
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
    given,
    guard_failed,
    kst,
    open_until,
    rows,
)
from workflows.procedures.seized_goods import PROCEDURE

BASE = Case(now=kst(2027, 3, 1),
            data={"offence": "269(2)", "goods": "30 wristwatches", "seized_on": "2026-08-06",
                  "unreturnable_published_on": "2026-12-02"},
            open_deadlines={"return_request": open_until("return_request", "2027-06-02")},
            deadlines={"return_request": open_until("return_request", "2027-06-02")})

OFFICE_ONLY = {"officer": ALLOWED, "supervisor": ALLOWED, "duty_payer": NOT_PERMITTED,
               "system": NOT_PERMITTED}
SCHEDULER_ONLY = {"officer": NOT_PERMITTED, "supervisor": NOT_PERMITTED,
                  "duty_payer": NOT_PERMITTED, "system": ALLOWED}
PASSED = {"open_deadlines": {"return_request": None}, "now": kst(2027, 6, 3, 9)}


def by_role(state: str, trigger: str, verdicts: dict, changes: dict | None = None) -> list:
    return [(state, role, trigger, verdict, changes or {}) for role, verdict in verdicts.items()]


TABLE = [
    # -- seizure and custody (Art. 303(1)-(2)) ---------------------------------------------------
    *by_role(NEW, "seize", OFFICE_ONLY),
    ("in_custody", "officer", "seize", NOT_AVAILABLE),
    *by_role("in_custody", "change_custody", OFFICE_ONLY),
    ("sold", "officer", "change_custody", NOT_AVAILABLE),  # the proceeds are kept by the office

    # -- owner and offender unknown (Art. 299) ---------------------------------------------------
    *by_role("in_custody", "owner_unidentified", SCHEDULER_ONLY),
    ("sold", "system", "owner_unidentified", ALLOWED),  # the proceeds count on
    ("deemed_lost", "system", "owner_unidentified", NOT_AVAILABLE),
    *by_role("deemed_lost", "publish_as_lost", OFFICE_ONLY),
    ("in_custody", "officer", "publish_as_lost", NOT_AVAILABLE),  # six months first
    *by_role("published_as_lost", "revert_lost", SCHEDULER_ONLY),
    ("deemed_lost", "system", "revert_lost", NOT_AVAILABLE),  # published first, then a year
    *by_role("deemed_lost", "identify_owner", OFFICE_ONLY),
    ("published_as_lost", "officer", "identify_owner", ALLOWED),
    ("in_custody", "officer", "identify_owner", ALLOWED),
    ("reverted", "officer", "identify_owner", NOT_AVAILABLE),  # too late: the Treasury's

    # -- sale (Art. 303(3)): notified before, or just after when there is no time ---------------
    *by_role("in_custody", "announce_sale", OFFICE_ONLY),
    ("sold", "officer", "announce_sale", NOT_AVAILABLE),
    *by_role("sale_announced", "sell", OFFICE_ONLY),
    ("in_custody", "officer", "sell", NOT_AVAILABLE),  # the notice first (303(3))
    *by_role("in_custody", "sell_at_once", OFFICE_ONLY),
    ("sale_announced", "officer", "sell_at_once", NOT_AVAILABLE),

    # -- disposal (Art. 304) --------------------------------------------------------------------
    *by_role("in_custody", "announce_disposal", OFFICE_ONLY),
    ("sold", "officer", "announce_disposal", NOT_AVAILABLE),  # nothing left to dispose of
    *by_role("disposal_announced", "dispose", OFFICE_ONLY),
    ("in_custody", "officer", "dispose", NOT_AVAILABLE),
    *by_role("in_custody", "dispose_at_once", OFFICE_ONLY),
    ("disposed", "officer", "dispose_at_once", NOT_AVAILABLE),

    # -- forfeiture, hand-over, return (Arts. 282, 311(1)2, 319, 313) ---------------------------
    *by_role("in_custody", "forfeit", OFFICE_ONLY),
    ("sold", "officer", "forfeit", ALLOWED),  # the proceeds stand for the goods
    ("return_due", "officer", "forfeit", NOT_AVAILABLE),
    *by_role("sold", "hand_over", OFFICE_ONLY),
    ("forfeited", "officer", "hand_over", NOT_AVAILABLE),
    *by_role("in_custody", "order_return", OFFICE_ONLY),
    ("disposed", "officer", "order_return", NOT_AVAILABLE),  # nothing to return
    *by_role("return_due", "return_goods", OFFICE_ONLY),
    ("published_unreturnable", "officer", "return_goods", ALLOWED),  # requested in time
    ("returned", "officer", "return_goods", NOT_AVAILABLE),
    *by_role("return_due", "publish_unreturnable", OFFICE_ONLY),
    ("in_custody", "officer", "publish_unreturnable", NOT_AVAILABLE),  # not forfeited first

    # -- reversion of unreturnable goods (Art. 313(3)) ------------------------------------------
    *by_role("published_unreturnable", "revert_unclaimed", OFFICE_ONLY, given(**PASSED)),
    ("published_unreturnable", "officer", "revert_unclaimed",
     guard_failed("run (until 2027-06-02)")),
    ("published_unreturnable", "officer", "revert_unclaimed",
     guard_failed("run (until 2027-06-02)"), given(now=kst(2027, 6, 2, 23))),  # the last day
    ("return_due", "officer", "revert_unclaimed", NOT_AVAILABLE),  # published first
    ("handed_over", "officer", "revert_unclaimed", NOT_AVAILABLE),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_seized_goods_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)


def test_article_299_names_only_offences_the_back_office_knows():
    from workflows.procedures.offense_notification import OFFENCES
    from workflows.procedures.seized_goods import LOST_GOODS_OFFENCES

    assert set(OFFENCES) >= LOST_GOODS_OFFENCES
    assert not {"270(4)", "270(5)", "271", "275-2", "276(2)"} & LOST_GOODS_OFFENCES
