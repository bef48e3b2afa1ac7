"""The rules of a reinvestigation (Art. 128(1)3 latter part, 128(5); 118(4)2; 119(3)-(4);
120(2), (4)) as a table.

Read off ``workflows/procedures/reinvestigation.py`` and the Act, row by row. What ends it and
how its result is contested depend on the procedure that ordered it (``ordered_by``).
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
from workflows.procedures.reinvestigation import PROCEDURE

NOW = kst(2026, 3, 16)
"""Monday 16 March 2026, 10:00 KST: a reinvestigation decided on a request for examination on
2 March; its 60 days end on 1 May; its result notified on the 12th when a row is past it."""
BASE = Case(
    now=NOW,
    data={"decided_on": "2026-03-02", "ordered_by": "examination", "extension_limit_days": 60},
    open_deadlines={"reinvestigation": open_until("reinvestigation", "2026-05-01")},
    entered_on=day("2026-03-12"),
)
ORDER = {"scope": "Verify the invoices of the importer", "decided_on": "2026-03-02",
         "ordered_by": "examination", "parent_reference": "EXM-2026-000001"}
ORDERED = given(raw=ORDER)
PERIOD_PASSED = given(
    open_deadlines={"reinvestigation": open_until("reinvestigation", "2026-03-13")})
RESULT = given(values={"result": "rectified", "result_served_on": day("2026-03-14")})
REVIEW = {"ordered_by": "pre_assessment_review"}
AMENDED = given(data=REVIEW, values={"amendment": "amended", "amended_shortage": 1_000_000,
                                     "amended_notice_on": day("2026-03-14")})
LAPSED = given(data={"result_lapses": 1}, values={"lawsuit_filed_on": day("2026-03-16")})


def contested(ordered_by: str, route: str) -> dict:
    return given(data={"ordered_by": ordered_by}, values={"route": route})


TABLE = [
    # -- opened by the decision that orders it (Art. 128(1)3 latter part; 118(4)2) ---------
    (NEW, "system", "order", ALLOWED, ORDERED),  # spawned by the deciding case
    (NEW, "officer", "order", ALLOWED, ORDERED),  # ordered by another body (the Tribunal)
    (NEW, "supervisor", "order", ALLOWED, ORDERED),
    (NEW, "duty_payer", "order", NOT_PERMITTED, ORDERED),
    ("investigating", "officer", "order", NOT_AVAILABLE),
    (NEW, "officer", "order", invalid_field("after today"),
     given(raw={**ORDER, "decided_on": "2026-03-17"})),
    (NEW, "officer", "order", invalid_field("choose one of the listed options"),
     given(raw={**ORDER, "ordered_by": "bai_examination"})),  # the four that decide one

    # -- postponed, suspended or extended while its period runs (Art. 128(5) latter part) --
    ("investigating", "officer", "suspend", ALLOWED),
    ("investigating", "supervisor", "suspend", ALLOWED),
    ("investigating", "duty_payer", "suspend", NOT_PERMITTED),
    ("investigating", "system", "suspend", NOT_PERMITTED),
    ("suspended", "officer", "suspend", NOT_AVAILABLE),
    ("investigating", "officer", "suspend",
     guard_failed("the period of the reinvestigation has ended"), PERIOD_PASSED),
    ("investigating", "officer", "suspend", guard_failed("can no longer be postponed"),
     given(open_deadlines={"reinvestigation": None})),
    ("suspended", "officer", "resume", ALLOWED),
    ("suspended", "supervisor", "resume", ALLOWED),
    ("suspended", "duty_payer", "resume", NOT_PERMITTED),
    ("suspended", "system", "resume", NOT_PERMITTED),
    ("investigating", "officer", "resume", NOT_AVAILABLE),
    ("investigating", "officer", "extend", ALLOWED, given(values={"extended_days": 30})),
    ("investigating", "supervisor", "extend", ALLOWED, given(values={"extended_days": 30})),
    ("investigating", "duty_payer", "extend", NOT_PERMITTED),
    ("investigating", "system", "extend", NOT_PERMITTED),
    ("suspended", "officer", "extend", NOT_AVAILABLE),
    ("investigating", "officer", "extend", guard_failed("can no longer be postponed, "
                                                        "suspended or extended"),
     given(values={"extended_days": 30}, **PERIOD_PASSED)),
    # the Decree's limit, as configured and kept on the case
    ("investigating", "officer", "extend",
     guard_failed("extended by at most 60 days in total"),
     given(values={"extended_days": 61})),
    ("investigating", "officer", "extend", ALLOWED,
     given(values={"extended_days": 61}, data={"extension_limit_days": 90})),
    ("investigating", "officer", "extend", invalid_field("at least 1"),
     given(raw={"extended_days": "0", "reason": "More documents are needed"})),

    # -- the period passes without a result: recorded, the result still owed (120(4)1) -----
    ("investigating", "system", "note_result_overdue", ALLOWED),
    ("investigating", "officer", "note_result_overdue", NOT_PERMITTED),
    ("investigating", "supervisor", "note_result_overdue", NOT_PERMITTED),
    ("investigating", "duty_payer", "note_result_overdue", NOT_PERMITTED),
    ("suspended", "system", "note_result_overdue", NOT_AVAILABLE),  # suspended days count in

    # -- the result: revoke, rectify or maintain the disposition (Art. 128(5)) -------------
    ("investigating", "officer", "notify_result", ALLOWED, RESULT),
    ("investigating", "supervisor", "notify_result", ALLOWED, RESULT),
    ("investigating", "duty_payer", "notify_result", NOT_PERMITTED, RESULT),
    ("investigating", "system", "notify_result", NOT_PERMITTED, RESULT),
    ("suspended", "officer", "notify_result", NOT_AVAILABLE, RESULT),
    ("notice_amended", "officer", "notify_result", NOT_AVAILABLE, RESULT),
    ("investigating", "officer", "notify_result", ALLOWED,
     given(data={"ordered_by": "objection"}, values={"result": "maintained"})),
    ("investigating", "officer", "notify_result",
     guard_failed("ends in an amended pre-assessment notice (Art. 118(4)2)"),
     given(data=REVIEW, values={"result": "maintained"})),
    ("investigating", "officer", "notify_result",
     invalid_field("before the reinvestigation was decided on 2026-03-02"),
     given(values={"result": "maintained", "result_served_on": day("2026-03-01")})),
    # Art. 118(4)2: after a pre-assessment review, the original notice amended and notified
    ("investigating", "officer", "notify_amended_notice", ALLOWED, AMENDED),
    ("investigating", "supervisor", "notify_amended_notice", ALLOWED, AMENDED),
    ("investigating", "duty_payer", "notify_amended_notice", NOT_PERMITTED, AMENDED),
    ("investigating", "system", "notify_amended_notice", NOT_PERMITTED, AMENDED),
    ("result_notified", "officer", "notify_amended_notice", NOT_AVAILABLE, AMENDED),
    ("investigating", "officer", "notify_amended_notice",
     guard_failed("only a reinvestigation decided on a pre-assessment review ends in an "
                  "amended notice"),
     given(data={"ordered_by": "objection"}, values={"amendment": "amended"})),
    ("investigating", "officer", "notify_amended_notice",
     invalid_field("before the reinvestigation was decided"),
     given(data=REVIEW, values={"amendment": "withdrawn",
                                "amended_notice_on": day("2026-02-27")})),
    # Art. 120(4)1; 121(1): the periods run from the receipt of the result
    ("result_notified", "officer", "record_result_served", ALLOWED, RESULT),
    ("result_notified", "supervisor", "record_result_served", ALLOWED, RESULT),
    ("result_notified", "duty_payer", "record_result_served", NOT_PERMITTED, RESULT),
    ("result_notified", "system", "record_result_served", NOT_PERMITTED, RESULT),
    ("investigating", "officer", "record_result_served", NOT_AVAILABLE, RESULT),
    ("result_notified", "officer", "record_result_served",
     invalid_field("before the result was notified on 2026-03-12"),
     given(values={"result_served_on": day("2026-03-11")})),

    # -- contesting the result: the routes depend on who ordered it ------------------------
    ("result_notified", "officer", "contested", ALLOWED, contested("examination", "lawsuit")),
    ("result_notified", "supervisor", "contested", ALLOWED,
     contested("examination", "lawsuit")),
    ("result_notified", "duty_payer", "contested", NOT_PERMITTED,
     contested("examination", "lawsuit")),
    ("result_notified", "system", "contested", NOT_PERMITTED,
     contested("examination", "lawsuit")),
    ("investigating", "officer", "contested", NOT_AVAILABLE,
     contested("examination", "lawsuit")),
    # after an objection: examination (121(1)) or adjudication (131); not to court directly
    # (120(2): its proviso covers examination and adjudication), no second objection (119(4))
    ("result_notified", "officer", "contested", ALLOWED, contested("objection", "examination")),
    ("result_notified", "officer", "contested", ALLOWED,
     contested("objection", "adjudication")),
    ("result_notified", "officer", "contested",
     guard_failed("cannot be taken to court directly"), contested("objection", "lawsuit")),
    # after an examination or adjudication: the same ruling agency (119(3) proviso) or a
    # lawsuit (120(2) proviso, 120(4)1)
    ("result_notified", "officer", "contested", ALLOWED,
     contested("examination", "examination")),
    ("result_notified", "officer", "contested",
     guard_failed("the Commissioner of the Korea Customs Service (a request for examination) "
                  "(Art. 119(3) proviso)"),
     contested("examination", "adjudication")),
    ("result_notified", "officer", "contested", ALLOWED,
     contested("adjudication", "adjudication")),
    ("result_notified", "officer", "contested", ALLOWED, contested("adjudication", "lawsuit")),
    ("result_notified", "officer", "contested",
     guard_failed("the Tax Tribunal (a request for adjudication)"),
     contested("adjudication", "examination")),
    # Art. 120(4)1 proviso: a lawsuit before the result, once the period (with the days
    # postponed, suspended or added) has passed, after an examination or adjudication only
    ("investigating", "officer", "lawsuit_before_result", ALLOWED, LAPSED),
    ("investigating", "supervisor", "lawsuit_before_result", ALLOWED, LAPSED),
    ("investigating", "duty_payer", "lawsuit_before_result", NOT_PERMITTED, LAPSED),
    ("investigating", "system", "lawsuit_before_result", NOT_PERMITTED, LAPSED),
    ("suspended", "officer", "lawsuit_before_result", ALLOWED, LAPSED),
    ("result_notified", "officer", "lawsuit_before_result", NOT_AVAILABLE, LAPSED),
    ("investigating", "officer", "lawsuit_before_result", ALLOWED,
     given(data={"result_lapses": 1, "ordered_by": "adjudication"})),
    ("investigating", "officer", "lawsuit_before_result",
     guard_failed("the reinvestigation's period has not passed")),
    ("investigating", "officer", "lawsuit_before_result",
     guard_failed("open only after a reinvestigation decided on a request for examination or "
                  "adjudication (Art. 120(2) proviso, 120(4)1)"),
     given(data={"result_lapses": 1, "ordered_by": "objection"})),
    ("investigating", "officer", "lawsuit_before_result",
     guard_failed("(Art. 120(2) proviso, 120(4)1)"),
     given(data={"result_lapses": 1, **REVIEW})),
    ("investigating", "officer", "lawsuit_before_result",
     invalid_field("before the reinvestigation was decided"),
     given(data={"result_lapses": 1}, values={"lawsuit_filed_on": day("2026-03-01")})),
    # the 90 days to contest passed unused (Art. 120(4)1, (6); 121(1))
    ("result_notified", "system", "close", ALLOWED),
    ("result_notified", "officer", "close", NOT_PERMITTED),
    ("result_notified", "supervisor", "close", NOT_PERMITTED),
    ("result_notified", "duty_payer", "close", NOT_PERMITTED),
    ("investigating", "system", "close", NOT_AVAILABLE),  # the result is still owed
    ("closed", "system", "close", NOT_AVAILABLE),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_reinvestigation_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
