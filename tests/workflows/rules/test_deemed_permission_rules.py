"""The rules of an application deemed granted on silence (e.g. Art. 134(3)-(4)) as a table.

Read off ``workflows/procedures/deemed_permission.py`` and the Act, row by row. The base case
is an application for entry into a place other than an open port (Art. 134(1) proviso)
received on Monday 9 March 2026: the office must notify within 10 days (134(3)), to 24:00 KST
of the 19th; otherwise permission is deemed granted on the 20th (134(4)).
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
    invalid_field,
    kst,
    open_until,
    rows,
)
from workflows.procedures.deemed_permission import PROCEDURE

NOW = kst(2026, 3, 16)
BASE = Case(
    now=NOW,
    data={"permission_kind": "134", "received_on": "2026-03-09"},
    open_deadlines={"processing": open_until("processing", "2026-03-19")},
)
APPLICATION = {"permission_kind": "134", "received_on": "2026-03-09",
               "application": "Entry of MV Hanbit at the Yeonpyeong anchorage"}
RECEIVED = given(raw=APPLICATION)
FACTORY_WORK = {**APPLICATION, "permission_kind": "187", "licence": "BAL-2026-000001",
                "application": "Sewing at a subcontractor's plant, 10 to 31 March"}
FACTORY = {"reference": "BAL-2026-000001", "state": "active",
           "data": {"area_type": "factory"}}
OUTSIDE_FACTORY = given(raw=FACTORY_WORK, linked={"licence": FACTORY})
PASSED = given(open_deadlines={"processing": open_until("processing", "2026-03-12")})
"""The 10 days ended at 24:00 KST on 12 March: permission deemed granted from the 13th."""
EXTENSION = given(values={"extension_days": 5})
EXTENSION_FORM = {"extension_days": "5", "reasons": "A site inspection is needed",
                  "expected_completion": ""}

TABLE = [
    # -- the application (e.g. Art. 134(1) proviso) ----------------------------------------
    (NEW, "duty_payer", "receive", ALLOWED, RECEIVED),  # the applicant files it
    (NEW, "officer", "receive", ALLOWED, RECEIVED),
    (NEW, "supervisor", "receive", ALLOWED, RECEIVED),
    (NEW, "system", "receive", NOT_PERMITTED, RECEIVED),
    ("received", "officer", "receive", NOT_AVAILABLE),
    (NEW, "officer", "receive", invalid_field("after today"),
     given(raw={**APPLICATION, "received_on": "2026-03-17"})),
    (NEW, "officer", "receive", invalid_field("choose one of the listed options"),
     given(raw={**APPLICATION, "permission_kind": "160"})),  # 160 has no deemed clause
    # Arts. 185(2), 187(1), 195(1): the operator applies under its active licence
    (NEW, "officer", "receive", ALLOWED, OUTSIDE_FACTORY),
    (NEW, "officer", "receive", guard_failed("licensed Bonded factory"),
     given(raw={**FACTORY_WORK, "licence": ""})),
    (NEW, "officer", "receive", guard_failed("not active (Entry of goods suspended)"),
     given(raw=FACTORY_WORK, linked={"licence": {**FACTORY, "state": "suspended"}})),
    (NEW, "officer", "receive", guard_failed("is a licence for a Bonded warehouse"),
     given(raw=FACTORY_WORK,
           linked={"licence": {**FACTORY, "data": {"area_type": "warehouse"}}})),
    (NEW, "officer", "receive", guard_failed("not a licensed bonded area of this operator"),
     given(raw=FACTORY_WORK)),  # no licence of the applicant's has that reference
    (NEW, "officer", "receive", guard_failed("Art. 195(1)"),
     given(raw={**FACTORY_WORK, "permission_kind": "195-187"},
           linked={"licence": FACTORY})),  # work outside a construction site, not a factory
    (NEW, "officer", "receive", ALLOWED,  # maintenance work may name its warehouse
     given(raw={**APPLICATION, "permission_kind": "158", "licence": "BAL-2026-000002"},
           linked={"licence": {**FACTORY, "data": {"area_type": "warehouse"}}})),

    # -- the notice within the period: grant or refuse (e.g. Art. 134(3)) ------------------
    ("received", "officer", "grant", ALLOWED),
    ("received", "supervisor", "grant", ALLOWED),
    ("received", "duty_payer", "grant", NOT_PERMITTED),
    ("received", "system", "grant", NOT_PERMITTED),
    ("extended", "officer", "grant", ALLOWED),
    ("deemed_granted", "officer", "grant", NOT_AVAILABLE),
    ("received", "officer", "grant", ALLOWED, given(now=kst(2026, 3, 19, 23, 59))),
    # Art. 134(4): "deemed granted on the day following the day such period ends"
    ("received", "officer", "grant", guard_failed("deemed granted from 2026-03-20"),
     given(now=kst(2026, 3, 20, 0, 0))),
    ("received", "officer", "grant",
     guard_failed("the processing period ended on 2026-03-12 (24:00 KST): permission is "
                  "deemed granted from 2026-03-13 (Art. 134(4))"), PASSED),
    ("received", "officer", "grant", guard_failed("(Art. 146(1) → 136(5))"),  # applied
     given(data={"permission_kind": "146-136"}, **PASSED)),
    ("received", "officer", "grant", guard_failed("no processing period is running"),
     given(open_deadlines={"processing": None})),
    ("received", "officer", "refuse", ALLOWED),
    ("received", "supervisor", "refuse", ALLOWED),
    ("received", "duty_payer", "refuse", NOT_PERMITTED),
    ("received", "system", "refuse", NOT_PERMITTED),
    ("extended", "supervisor", "refuse", ALLOWED),
    ("granted", "officer", "refuse", NOT_AVAILABLE),
    ("received", "officer", "refuse", guard_failed("a refusal now is a revocation"), PASSED),

    # -- the civil-petition extension, notified within the period (e.g. Art. 134(4)) -------
    ("received", "officer", "extend", ALLOWED, EXTENSION),
    ("received", "supervisor", "extend", ALLOWED, EXTENSION),
    ("received", "duty_payer", "extend", NOT_PERMITTED, EXTENSION),
    ("received", "system", "extend", NOT_PERMITTED, EXTENSION),
    ("deemed_granted", "officer", "extend", NOT_AVAILABLE, EXTENSION),
    ("extended", "officer", "extend", ALLOWED,  # "extended or re-extended"
     given(data={"extensions": 1}, values={"extension_days": 5})),
    ("extended", "officer", "extend",
     guard_failed("already extended and re-extended; no further extension"),
     given(data={"extensions": 2}, values={"extension_days": 5})),
    ("received", "officer", "extend", guard_failed("deemed granted from 2026-03-13"),
     given(values={"extension_days": 5}, **PASSED)),
    ("received", "officer", "extend", ALLOWED, given(raw=EXTENSION_FORM)),
    ("received", "officer", "extend", invalid_field("at most 10"),  # within the period's range
     given(raw={**EXTENSION_FORM, "extension_days": "11"})),
    ("received", "officer", "extend", ALLOWED,  # a planned date: ahead, not after today
     given(raw={**EXTENSION_FORM, "expected_completion": "2026-03-27"})),
    ("received", "officer", "extend",
     invalid_field("before the application was received on 2026-03-09"),
     given(raw={**EXTENSION_FORM, "expected_completion": "2026-03-06"})),

    # -- silence: permission deemed granted, by the scheduler (e.g. Art. 134(4)) -----------
    ("received", "system", "deem_grant", ALLOWED, PASSED),
    ("extended", "system", "deem_grant", ALLOWED, PASSED),
    ("received", "officer", "deem_grant", NOT_PERMITTED, PASSED),
    ("received", "supervisor", "deem_grant", NOT_PERMITTED, PASSED),
    ("received", "duty_payer", "deem_grant", NOT_PERMITTED, PASSED),
    ("granted", "system", "deem_grant", NOT_AVAILABLE),
    ("refused", "system", "deem_grant", NOT_AVAILABLE),

    # -- withdrawal of the application, while it is pending --------------------------------
    ("received", "duty_payer", "withdraw", ALLOWED),
    ("received", "officer", "withdraw", ALLOWED),
    ("received", "supervisor", "withdraw", ALLOWED),
    ("received", "system", "withdraw", NOT_PERMITTED),
    ("extended", "duty_payer", "withdraw", ALLOWED),
    ("withdrawn", "duty_payer", "withdraw", NOT_AVAILABLE),
    ("received", "duty_payer", "withdraw", guard_failed("deemed granted from 2026-03-13"),
     PASSED),

    # -- revocation of a deemed permission, with reasons [Assumption] ----------------------
    ("deemed_granted", "officer", "revoke", ALLOWED),
    ("deemed_granted", "supervisor", "revoke", ALLOWED),
    ("deemed_granted", "duty_payer", "revoke", NOT_PERMITTED),
    ("deemed_granted", "system", "revoke", NOT_PERMITTED),
    ("received", "officer", "revoke", NOT_AVAILABLE),  # not yet granted: refuse instead
    ("revoked", "officer", "revoke", NOT_AVAILABLE),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_deemed_permission_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
