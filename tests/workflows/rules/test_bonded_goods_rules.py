"""The rules of goods stored in a licensed bonded area (Arts. 177, 184, 208) as a table.

Read off ``workflows/procedures/bonded_goods.py`` and the Act, row by row. The base case: 40
pallets of foreign goods entered a bonded warehouse on Monday 4 January 2027; the twelve months
the Commissioner fixes (177(1)1(a)) run from the 5th (Civil Act Art. 157) and end on Tuesday 4
January 2028 (Civil Act Art. 160(2)); the one-year extension (177(1)1(a) proviso) reaches at most
Thursday 4 January 2029. Today is 1 December 2027.
"""

from datetime import date

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
    rows,
)
from workflows.procedures.bonded_goods import PROCEDURE

BASE = Case(now=kst(2027, 12, 1),
            data={"goods_kind": "foreign", "area_type": "warehouse", "entered_on": "2027-01-04",
                  "storage_from": "2027-01-05", "storage_until": "2028-01-04",
                  "parent_reference": "BAL-2026-000001"},
            linked={"parent_reference": {"reference": "BAL-2026-000001", "state": "active",
                                         "data": {"area_type": "warehouse"}}})
ENTRY = {"declaration_number": "02012-27-000123X", "goods": "40 pallets of frozen shrimp",
         "goods_kind": "foreign", "entered_on": date(2027, 1, 4),
         "parent_reference": "BAL-2026-000001"}

OFFICE_ONLY = {"officer": ALLOWED, "supervisor": ALLOWED, "duty_payer": NOT_PERMITTED,
               "system": NOT_PERMITTED}
SCHEDULER_ONLY = {"officer": NOT_PERMITTED, "supervisor": NOT_PERMITTED,
                  "duty_payer": NOT_PERMITTED, "system": ALLOWED}
EXTENSION = {"values": {"extended_until": date(2029, 1, 4), "reasons": "Awaiting a licence"}}
ORDER = {"values": {"ship_out_by": date(2027, 12, 15), "reasons": "Repairs"}}


def by_role(state: str, trigger: str, verdicts: dict, changes: dict | None = None) -> list:
    return [(state, role, trigger, verdict, changes or {}) for role, verdict in verdicts.items()]


TABLE = [
    # -- the entry, from the licence's page (Art. 177(1)) ----------------------------------------
    *by_role(NEW, "record_entry", OFFICE_ONLY, given(values=ENTRY)),
    ("stored", "officer", "record_entry", NOT_AVAILABLE),
    (NEW, "officer", "record_entry", guard_failed("whose licence is active"),
     given(values=ENTRY, linked={"parent_reference": {"reference": "BAL-2026-000001",
                                                      "state": "suspended", "data": {}}})),

    # -- the extension of foreign goods' period (177(1)1(a) proviso) ----------------------------
    *by_role("stored", "extend_storage", OFFICE_ONLY, given(**EXTENSION)),
    ("stored", "officer", "extend_storage", guard_failed("to 2029-01-04"),
     given(values={"extended_until": date(2029, 1, 5), "reasons": "x"})),
    ("stored", "officer", "extend_storage", guard_failed("give a later day"),
     given(values={"extended_until": date(2028, 1, 4), "reasons": "x"})),
    ("stored", "officer", "extend_storage", guard_failed("foreign goods in a bonded warehouse"),
     given(data={"goods_kind": "domestic"}, **EXTENSION)),
    ("period_ended", "officer", "extend_storage", NOT_AVAILABLE),

    # -- an order to ship out early (177(2)) -----------------------------------------------------
    *by_role("stored", "order_ship_out", OFFICE_ONLY, given(**ORDER)),
    ("stored", "officer", "order_ship_out", guard_failed("Art. 177(2)"),
     given(data={"area_type": "factory"}, **ORDER)),
    ("stored", "officer", "order_ship_out", guard_failed("a day after today"),
     given(values={"ship_out_by": date(2027, 12, 1), "reasons": "Repairs"})),
    ("stored", "officer", "order_ship_out", guard_failed("within the storage period"),
     given(values={"ship_out_by": date(2028, 1, 5), "reasons": "Repairs"})),
    ("stored", "officer", "order_ship_out", ALLOWED,  # its last day
     given(values={"ship_out_by": date(2028, 1, 4), "reasons": "Repairs"})),
    ("period_ended", "officer", "order_ship_out", NOT_AVAILABLE),

    # -- the period ends (177(1), 184(1), 208(1)) -----------------------------------------------
    *by_role("stored", "storage_period_ends", SCHEDULER_ONLY),
    ("ship_out_ordered", "system", "storage_period_ends", NOT_AVAILABLE),
    *by_role("period_ended", "refer_to_sale", OFFICE_ONLY),
    ("stored", "officer", "refer_to_sale", NOT_AVAILABLE),  # only after the period
    ("period_ended", "officer", "refer_to_sale", guard_failed("domestic goods are not sold"),
     given(data={"goods_kind": "domestic"})),  # they leave within ten days (184(1))

    # -- the shipment out ------------------------------------------------------------------------
    *by_role("stored", "record_ship_out", OFFICE_ONLY),
    ("ship_out_ordered", "officer", "record_ship_out", ALLOWED),
    ("period_ended", "officer", "record_ship_out", ALLOWED),
    ("shipped_out", "officer", "record_ship_out", NOT_AVAILABLE),
    ("referred_for_sale", "officer", "record_ship_out", NOT_AVAILABLE),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_bonded_goods_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
