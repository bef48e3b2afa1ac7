"""The rules of a disqualification recorded from outside (Art. 175, with 178(2)2) as a table.

Read off ``workflows/procedures/licence_disqualification.py`` and the Act, row by row. The base
case: a fine for smuggling sentenced on 2 September 2026 (175 7), recorded on 3 September; the
two years end on 2 September 2028. Today is 1 December 2026.
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
from workflows.procedures.licence_disqualification import PROCEDURE

BASE = Case(now=kst(2026, 12, 1),
            data={"ground": "fine_smuggling", "occurred_on": "2026-09-02",
                  "bonded_area_bar": {"article": "Art. 175 7", "from": "2026-09-02",
                                      "until": "2028-09-02"}})
FINE = {"ground": "fine_smuggling", "occurred_on": date(2026, 9, 2),
        "authority": "Incheon District Court 2026GoDan1234"}

OFFICE_ONLY = {"officer": ALLOWED, "supervisor": ALLOWED, "duty_payer": NOT_PERMITTED,
               "system": NOT_PERMITTED}
SCHEDULER_ONLY = {"officer": NOT_PERMITTED, "supervisor": NOT_PERMITTED,
                  "duty_payer": NOT_PERMITTED, "system": ALLOWED}


def by_role(state: str, trigger: str, verdicts: dict, changes: dict | None = None) -> list:
    return [(state, role, trigger, verdict, changes or {}) for role, verdict in verdicts.items()]


TABLE = [
    # -- the record (Art. 175 2-8) ---------------------------------------------------------------
    *by_role(NEW, "record", OFFICE_ONLY, given(values=FINE)),
    ("recorded", "officer", "record", NOT_AVAILABLE),
    (NEW, "officer", "record", ALLOWED,  # a suspended sentence, to the end of its suspension
     given(values={**FINE, "ground": "suspended_sentence", "last_day": date(2028, 5, 31)})),
    (NEW, "officer", "record", guard_failed("last day of the suspension"),
     given(values={**FINE, "ground": "suspended_sentence"})),
    (NEW, "officer", "record", guard_failed("leave the last day empty"),  # two years, 175 7
     given(values={**FINE, "last_day": date(2027, 1, 1)})),
    (NEW, "officer", "record", guard_failed("before the date"),
     given(values={**FINE, "ground": "bankrupt", "last_day": date(2026, 9, 1)})),
    (NEW, "officer", "record", guard_failed("Art. 175 7 proviso"),
     given(values={**FINE, "joint_penalty": True})),

    # -- the review of the licences in force (178(2)2) -----------------------------------------
    *by_role("recorded", "review_licences", OFFICE_ONLY),
    ("lifted", "officer", "review_licences", NOT_AVAILABLE),

    # -- the end of the bar ----------------------------------------------------------------------
    *by_role("recorded", "lift", OFFICE_ONLY),
    ("lapsed", "officer", "lift", NOT_AVAILABLE),
    *by_role("recorded", "bar_ends", SCHEDULER_ONLY),
    ("lifted", "system", "bar_ends", NOT_AVAILABLE),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_licence_disqualification_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
