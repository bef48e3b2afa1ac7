"""The rules of an examination by the Board of Audit and Inspection, as the office tracks it
(Art. 119(5)-(7), (10); 120(5)), as a table.

Read off ``workflows/procedures/external.py`` (``BAI_EXAMINATION``) and the Act, row by row.
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
from workflows.procedures.external import BAI_EXAMINATION as PROCEDURE

NOW = kst(2026, 3, 16)
"""Monday 16 March 2026, 10:00 KST: a BAI examination requested on 16 February, 6 days after
the disposition notice was received."""
BASE = Case(
    now=NOW,
    data={"filed_on": "2026-02-16", "notice_received_on": "2026-02-10",
          "disposition_kind": "assessment"},
    open_deadlines={"external_decision": open_until("external_decision", "2026-05-18")},
    entered_on=day("2026-03-12"),
)
FILING = {"disposition": "Assessment of KRW 12,000,000 of customs duty",
          "disposition_ref": "SEL-2026-0001", "disposition_kind": "assessment",
          "external_reference": "BAI-2026-77", "notice_received_on": "2026-02-10",
          "filed_on": "2026-02-16", "filing_rule": "at_office", "posted_on": "",
          "reasons": "The value is wrong"}
FILED = given(raw=FILING)
DECISION = given(values={"outcome": "accepted", "decision_served_on": day("2026-03-13")})

TABLE = [
    # -- the request, within 90 days of receiving the disposition notice (Art. 119(5)) -----
    (NEW, "duty_payer", "file", ALLOWED, FILED),
    (NEW, "officer", "file", ALLOWED, FILED),
    (NEW, "supervisor", "file", ALLOWED, FILED),
    (NEW, "system", "file", NOT_PERMITTED, FILED),
    ("filed", "duty_payer", "file", NOT_AVAILABLE),
    # Art. 119(1)2: not against a disposition on a BAI examination or taken at its request
    (NEW, "duty_payer", "file", guard_failed("on the BAI's request (Art. 119(1)2)"),
     given(raw={**FILING, "disposition_kind": "bai"})),
    (NEW, "duty_payer", "file", guard_failed("(Art. 119(1)1)"),
     given(raw={**FILING, "disposition_kind": "notification"})),
    # Art. 119(10): one of examination, adjudication and BAI examination
    (NEW, "duty_payer", "file",
     guard_failed("only one of examination, adjudication and BAI examination is allowed"),
     given(raw=FILING, data={"other_routes": ("examination", "adjudication")})),
    # the request follows the receipt of the notice it is counted from
    (NEW, "duty_payer", "file", invalid_field("before the disposition notice was received"),
     given(raw={**FILING, "filed_on": "2026-02-09"})),
    (NEW, "duty_payer", "file", invalid_field("after today"),
     given(raw={**FILING, "notice_received_on": "2026-03-17", "filed_on": "2026-03-17"})),

    # -- the Board's decision, recorded by the office --------------------------------------
    ("filed", "officer", "record_decision", ALLOWED, DECISION),
    ("filed", "supervisor", "record_decision", ALLOWED, DECISION),
    ("filed", "duty_payer", "record_decision", NOT_PERMITTED, DECISION),
    ("filed", "system", "record_decision", NOT_PERMITTED, DECISION),
    ("closed", "officer", "record_decision", NOT_AVAILABLE, DECISION),
    ("filed", "officer", "record_decision",
     invalid_field("before the request was filed with the Board of Audit and Inspection"),
     given(values={"outcome": "accepted", "decision_served_on": day("2026-02-15")})),

    # -- the lawsuit within 90 days of the decision, peremptory (Art. 119(6)-(7)) ----------
    ("decided", "duty_payer", "lawsuit_filed", ALLOWED),
    ("decided", "officer", "lawsuit_filed", ALLOWED),
    ("decided", "supervisor", "lawsuit_filed", ALLOWED),
    ("decided", "system", "lawsuit_filed", NOT_PERMITTED),
    ("filed", "duty_payer", "lawsuit_filed", NOT_AVAILABLE),  # 119(6): from its decision
    ("decided", "system", "close", ALLOWED),
    ("decided", "officer", "close", NOT_PERMITTED),
    ("decided", "supervisor", "close", NOT_PERMITTED),
    ("decided", "duty_payer", "close", NOT_PERMITTED),
    ("withdrawn", "system", "close", NOT_AVAILABLE),

    # -- withdrawal before the decision ----------------------------------------------------
    ("filed", "duty_payer", "withdraw", ALLOWED),
    ("filed", "officer", "withdraw", ALLOWED),
    ("filed", "supervisor", "withdraw", ALLOWED),
    ("filed", "system", "withdraw", NOT_PERMITTED),
    ("decided", "duty_payer", "withdraw", NOT_AVAILABLE),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_bai_examination_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
