"""The rules of an adjudication by the Tax Tribunal, as the office tracks it (Arts. 119, 120,
131), as a table.

Read off ``workflows/procedures/external.py`` (``ADJUDICATION``) and the Act, row by row: the
office records the filing, the Tribunal's decision and what follows it.
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
from workflows.procedures.external import ADJUDICATION as PROCEDURE

NOW = kst(2026, 3, 16)
"""Monday 16 March 2026, 10:00 KST: a request for adjudication filed on 16 February."""
BASE = Case(
    now=NOW,
    data={"filed_on": "2026-02-16", "disposition_kind": "assessment"},
    open_deadlines={"external_decision": open_until("external_decision", "2026-05-18")},
    entered_on=day("2026-03-12"),
)
FILING = {"disposition": "Assessment of KRW 12,000,000 of customs duty",
          "disposition_ref": "SEL-2026-0001", "disposition_kind": "assessment",
          "external_reference": "2026관0123", "filed_on": "2026-02-16",
          "filing_rule": "online", "posted_on": "", "reasons": "The value is wrong"}
FILED = given(raw=FILING)
DECISION = given(values={"outcome": "rejected", "decision_served_on": day("2026-03-13")})
TRIBUNAL_LATE = given(
    open_deadlines={"external_decision": open_until("external_decision", "2026-03-13")})

TABLE = [
    # -- the filing, recorded (Arts. 119(1), 131) ------------------------------------------
    (NEW, "duty_payer", "file", ALLOWED, FILED),
    (NEW, "officer", "file", ALLOWED, FILED),
    (NEW, "supervisor", "file", ALLOWED, FILED),
    (NEW, "system", "file", NOT_PERMITTED, FILED),
    ("filed", "officer", "file", NOT_AVAILABLE),
    # after an objection (Art. 119(2)), and against a reinvestigation's result with the
    # Tribunal that ordered it (Art. 119(3) proviso)
    (NEW, "duty_payer", "file", ALLOWED,
     given(raw={**FILING, "disposition_kind": "objection_decision"})),
    (NEW, "duty_payer", "file", ALLOWED,
     given(raw={**FILING, "disposition_kind": "reinvestigation_result"})),
    # Art. 119(1)3, (3): nothing under this Section against these
    (NEW, "duty_payer", "file", guard_failed("an administrative fine (Art. 119(1)3"),
     given(raw={**FILING, "disposition_kind": "administrative_fine"})),
    (NEW, "duty_payer", "file", guard_failed("(Art. 119(3))"),
     given(values={"disposition_kind": "appeal_decision"})),
    # Art. 119(10): no overlapping request for examination or adjudication
    (NEW, "duty_payer", "file",
     guard_failed("a request for examination is already pursued against this disposition"),
     given(raw=FILING, data={"other_routes": ("examination",)})),
    (NEW, "duty_payer", "file", invalid_field("after today"),
     given(raw={**FILING, "filed_on": "2026-03-17"})),

    # -- the Tribunal's decision, recorded by the office (Art. 131) ------------------------
    ("filed", "officer", "record_decision", ALLOWED, DECISION),
    ("filed", "supervisor", "record_decision", ALLOWED, DECISION),
    ("filed", "duty_payer", "record_decision", NOT_PERMITTED, DECISION),
    ("filed", "system", "record_decision", NOT_PERMITTED, DECISION),
    ("decided", "officer", "record_decision", NOT_AVAILABLE, DECISION),
    ("filed", "officer", "record_decision",
     invalid_field("before the request was filed with the Tax Tribunal on 2026-02-16"),
     given(values={"outcome": "rejected", "decision_served_on": day("2026-02-13")})),
    ("filed", "officer", "record_decision", invalid_field("after today"),
     given(values={"outcome": "rejected", "decision_served_on": day("2026-03-17")})),

    # -- the administrative lawsuit within 90 days of the decision (Art. 120(3), (6)) ------
    ("decided", "duty_payer", "lawsuit_filed", ALLOWED),
    ("decided", "officer", "lawsuit_filed", ALLOWED),
    ("decided", "supervisor", "lawsuit_filed", ALLOWED),
    ("decided", "system", "lawsuit_filed", NOT_PERMITTED),
    ("withdrawn", "duty_payer", "lawsuit_filed", NOT_AVAILABLE),
    # Art. 120(3) proviso: no decision within the period of Art. 131, the lawsuit may be
    # brought from the day that period expires, before the decision.
    pytest.param("filed", "duty_payer", "lawsuit_filed", ALLOWED, TRIBUNAL_LATE,
                 marks=pytest.mark.xfail(
                     reason="Art. 120(3) proviso: when no decision is received within the "
                            "period of Art. 131, a lawsuit may be brought before it; the "
                            "adjudication has no lawsuit from 'filed'", strict=True)),
    ("decided", "system", "close", ALLOWED),  # the 90 days passed unused
    ("decided", "officer", "close", NOT_PERMITTED),
    ("decided", "supervisor", "close", NOT_PERMITTED),
    ("decided", "duty_payer", "close", NOT_PERMITTED),
    ("filed", "system", "close", NOT_AVAILABLE, TRIBUNAL_LATE),  # the Tribunal's delay only

    # -- withdrawal before the decision ----------------------------------------------------
    ("filed", "duty_payer", "withdraw", ALLOWED),
    ("filed", "officer", "withdraw", ALLOWED),
    ("filed", "supervisor", "withdraw", ALLOWED),
    ("filed", "system", "withdraw", NOT_PERMITTED),
    ("decided", "duty_payer", "withdraw", NOT_AVAILABLE),
    ("closed", "duty_payer", "withdraw", NOT_AVAILABLE),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_adjudication_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
