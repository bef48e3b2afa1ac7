"""The rules of a request for examination (Arts. 121 to 128) as a table.

Read off ``workflows/procedures/examination.py`` and the Act, row by row. The Commissioner's
own acts (revision, referral, re-deliberation, decision) are recorded by supervisors.
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
    met_late,
    open_until,
    rows,
)
from workflows.procedures.examination import PROCEDURE

NOW = kst(2026, 3, 16)
"""Monday 16 March 2026, 10:00 KST: a request filed on the 2nd, forwarded on the 6th, decided
on the 12th when a row is in a decided state."""
BASE = Case(
    now=NOW,
    data={"filed_on": "2026-03-02", "disposition_kind": "assessment", "filed_in_time": True,
          "filing_period_ends": "2026-05-21", "family_attorney_limit": 30_000_000},
    open_deadlines={"decision": open_until("decision", "2026-06-01")},
    entered_on=day("2026-03-12"),
)
FILING = {"disposition": "Assessment of KRW 12,000,000 of customs duty",
          "disposition_ref": "SEL-2026-0001", "disposition_kind": "assessment",
          "route": "direct", "period_starts_on": "2026-02-20", "hindrance": "",
          "filed_on": "2026-03-02", "filing_rule": "at_office", "posted_on": "",
          "reasons": "The value is wrong"}
FILED = given(raw=FILING)
EVIDENCE = given(values={"counter_evidence_on": day("2026-03-16")},
                 happened={"forward": day("2026-03-06")})
REVISION_RUNS = given(open_deadlines={"revision": open_until("revision", "2026-03-20")})
REVISION_PASSED = given(open_deadlines={"revision": open_until("revision", "2026-03-13")})
SERVED = given(values={"decision_served_on": day("2026-03-14")})
UNLAWFUL = given(values={"ground": "d"})
ATTORNEY = given(data={"attorney_appointments": 1},
                 happened={"appoint_attorney": day("2026-03-04")},
                 values={"attorney_dismissed_on": day("2026-03-16")})

TABLE = [
    # -- file, through the head of the disposing office (Arts. 121, 122(1)) ----------------
    (NEW, "duty_payer", "file", ALLOWED, FILED),
    (NEW, "officer", "file", ALLOWED, FILED),
    (NEW, "supervisor", "file", ALLOWED, FILED),
    (NEW, "system", "file", NOT_PERMITTED, FILED),
    ("at_customs_office", "duty_payer", "file", NOT_AVAILABLE),
    # Art. 121(2): after an objection, within 90 days of its decision
    (NEW, "duty_payer", "file", ALLOWED,
     given(raw={**FILING, "route": "after_objection", "disposition_kind": "objection_decision"})),
    # Art. 119(3) proviso: against a reinvestigation's result, with the body that ordered it
    (NEW, "duty_payer", "file", ALLOWED,
     given(raw={**FILING, "disposition_kind": "reinvestigation_result"})),
    # Art. 119(1)1, (3): nothing under this Section against these
    (NEW, "duty_payer", "file", guard_failed("(Art. 119(1)1)"),
     given(raw={**FILING, "disposition_kind": "notification"})),
    (NEW, "duty_payer", "file",
     guard_failed("a disposition on a request for examination or adjudication (Art. 119(3))"),
     given(values={"disposition_kind": "appeal_decision"})),
    # Art. 119(10): no overlapping examination, adjudication or BAI examination
    (NEW, "duty_payer", "file",
     guard_failed("a request for adjudication (Tax Tribunal) is already pursued"),
     given(raw=FILING, data={"other_routes": ("adjudication",)})),
    # Art. 121(3): posted in time, arrived late
    (NEW, "duty_payer", "file", guard_failed("give the date of posting"),
     given(raw={**FILING, "filing_rule": "posted_late"})),
    # Art. 121(2) proviso: after an undecided objection, from the day after its period ended
    (NEW, "duty_payer", "file", ALLOWED,
     given(raw={**FILING, "route": "objection_overdue", "period_starts_on": "2026-03-02"})),
    (NEW, "duty_payer", "file",
     guard_failed("may be filed from 2026-03-03 (Art. 121(2) proviso)"),
     given(raw={**FILING, "route": "objection_overdue", "period_starts_on": "2026-03-03"})),
    # Art. 121(4): after an Art. 10 hindrance, with its statement
    (NEW, "duty_payer", "file", guard_failed("state the Art. 10 reason"),
     given(raw={**FILING, "route": "after_hindrance"})),
    (NEW, "duty_payer", "file", ALLOWED,
     given(raw={**FILING, "route": "after_hindrance",
                "hindrance": "A typhoon from 2026-02-25, ceased 2026-02-27"})),
    (NEW, "duty_payer", "file", invalid_field("after today"),
     given(raw={**FILING, "filed_on": "2026-03-17"})),

    # -- forwarded with the office's opinion within 7 days (Art. 122(3)-(4)) ---------------
    ("at_customs_office", "officer", "forward", ALLOWED),
    ("at_customs_office", "supervisor", "forward", ALLOWED),
    ("at_customs_office", "duty_payer", "forward", NOT_PERMITTED),
    ("at_customs_office", "system", "forward", NOT_PERMITTED),
    ("forwarded", "officer", "forward", NOT_AVAILABLE),
    # Art. 122(5): evidence contrary to the opinion received; the decision period stays 90 days
    ("forwarded", "duty_payer", "submit_counter_evidence", ALLOWED, EVIDENCE),
    ("forwarded", "officer", "submit_counter_evidence", ALLOWED, EVIDENCE),
    ("forwarded", "supervisor", "submit_counter_evidence", ALLOWED, EVIDENCE),
    ("forwarded", "system", "submit_counter_evidence", NOT_PERMITTED, EVIDENCE),
    ("at_customs_office", "duty_payer", "submit_counter_evidence", NOT_AVAILABLE),
    ("under_deliberation", "duty_payer", "submit_counter_evidence",
     guard_failed("the office's opinion has not been sent yet")),
    ("under_deliberation", "duty_payer", "submit_counter_evidence", ALLOWED,
     given(data={"opinions_sent": 1})),
    ("forwarded", "duty_payer", "submit_counter_evidence",
     invalid_field("before the office's opinion was forwarded on 2026-03-06"),
     given(values={"counter_evidence_on": day("2026-03-05")},
           happened={"forward": day("2026-03-06")})),

    # -- revision ordered by the Commissioner, up to 20 days (Art. 123) --------------------
    ("forwarded", "supervisor", "order_revision", ALLOWED),
    ("forwarded", "officer", "order_revision", NOT_PERMITTED),  # Art. 123(1): the Commissioner
    ("forwarded", "duty_payer", "order_revision", NOT_PERMITTED),
    ("forwarded", "system", "order_revision", NOT_PERMITTED),
    ("at_customs_office", "supervisor", "order_revision", NOT_AVAILABLE),
    ("forwarded", "supervisor", "order_revision", invalid_field("at most 20"),
     given(raw={"revision_days": "21", "matters": "Attach the notice"})),
    ("in_revision", "duty_payer", "revise", ALLOWED, REVISION_RUNS),  # Art. 123(2)
    ("in_revision", "officer", "revise", ALLOWED, REVISION_RUNS),
    ("in_revision", "supervisor", "revise", ALLOWED, REVISION_RUNS),
    ("in_revision", "system", "revise", NOT_PERMITTED, REVISION_RUNS),
    ("forwarded", "duty_payer", "revise", NOT_AVAILABLE),
    ("in_revision", "duty_payer", "revise",
     guard_failed("the revision period ended on 2026-03-13"), REVISION_PASSED),
    ("revision_lapsed", "duty_payer", "revise", guard_failed("contact the office")),
    ("revision_lapsed", "supervisor", "revise", ALLOWED),  # a late revision, recorded
    ("in_revision", "system", "revision_lapsed", ALLOWED),
    ("in_revision", "officer", "revision_lapsed", NOT_PERMITTED),
    ("in_revision", "supervisor", "revision_lapsed", NOT_PERMITTED),
    ("in_revision", "duty_payer", "revision_lapsed", NOT_PERMITTED),
    ("forwarded", "system", "revision_lapsed", NOT_AVAILABLE),

    # -- the Customs Appeal Committee (Art. 127) -------------------------------------------
    ("forwarded", "supervisor", "refer_to_committee", ALLOWED),
    ("forwarded", "officer", "refer_to_committee", NOT_PERMITTED),  # the Commissioner refers
    ("forwarded", "duty_payer", "refer_to_committee", NOT_PERMITTED),
    ("forwarded", "system", "refer_to_committee", NOT_PERMITTED),
    ("decision_overdue", "supervisor", "refer_to_committee", ALLOWED),
    ("at_customs_office", "supervisor", "refer_to_committee", NOT_AVAILABLE),
    ("under_deliberation", "supervisor", "request_redeliberation", ALLOWED),  # Art. 127(2)
    ("under_deliberation", "officer", "request_redeliberation", NOT_PERMITTED),
    ("under_deliberation", "duty_payer", "request_redeliberation", NOT_PERMITTED),
    ("under_deliberation", "system", "request_redeliberation", NOT_PERMITTED),
    ("forwarded", "supervisor", "request_redeliberation", NOT_AVAILABLE),
    ("under_deliberation", "supervisor", "request_redeliberation",
     guard_failed("only once (Art. 127(2))"), given(data={"redeliberations": 1})),

    # -- 90 days without a decision: the claimant may go to court (Art. 129(2)2) -----------
    ("at_customs_office", "system", "note_overdue", ALLOWED),
    ("forwarded", "system", "note_overdue", ALLOWED),
    ("forwarded", "officer", "note_overdue", NOT_PERMITTED),
    ("forwarded", "supervisor", "note_overdue", NOT_PERMITTED),
    ("forwarded", "duty_payer", "note_overdue", NOT_PERMITTED),
    ("in_revision", "system", "note_overdue", NOT_AVAILABLE),  # Art. 128(4): clock stopped

    # -- the decisions of Art. 128(1), by the Commissioner ---------------------------------
    ("forwarded", "supervisor", "decide_dismiss", ALLOWED, UNLAWFUL),
    ("forwarded", "officer", "decide_dismiss", NOT_PERMITTED, UNLAWFUL),
    ("forwarded", "duty_payer", "decide_dismiss", NOT_PERMITTED, UNLAWFUL),
    ("forwarded", "system", "decide_dismiss", NOT_PERMITTED, UNLAWFUL),
    ("at_customs_office", "supervisor", "decide_dismiss", ALLOWED, UNLAWFUL),
    ("decided", "supervisor", "decide_dismiss", NOT_AVAILABLE, UNLAWFUL),
    # (a): filed after, or on the day of, a request for adjudication
    ("forwarded", "supervisor", "decide_dismiss", ALLOWED, given(values={"ground": "a"})),
    # (b): after the period of Art. 121; none runs after an undecided objection (121(2) proviso)
    ("forwarded", "supervisor", "decide_dismiss",
     guard_failed("no filing period runs on this route, Art. 121(2) proviso"),
     given(values={"ground": "b"}, data={"filing_period_ends": None})),
    ("forwarded", "supervisor", "decide_dismiss", ALLOWED,
     given(values={"ground": "b"}, data={"filed_in_time": False})),
    # (c): the revision not made within the period of Art. 123
    ("revision_lapsed", "supervisor", "decide_dismiss", ALLOWED,
     given(values={"ground": "c"}, data={"revision_lapses": 1})),
    ("forwarded", "supervisor", "decide_dismiss", ALLOWED,  # a late revision, recorded
     given(values={"ground": "c"},
           deadlines={"revision": met_late("revision", "2026-03-11", "2026-03-13")})),
    ("forwarded", "supervisor", "decide_dismiss",
     guard_failed("ground (c) applies only when the revision was not made"),
     given(values={"ground": "c"})),
    ("under_deliberation", "supervisor", "decide_reject", ALLOWED),
    ("under_deliberation", "officer", "decide_reject", NOT_PERMITTED),
    ("under_deliberation", "duty_payer", "decide_reject", NOT_PERMITTED),
    ("under_deliberation", "system", "decide_reject", NOT_PERMITTED),
    ("at_customs_office", "supervisor", "decide_reject", NOT_AVAILABLE),  # not yet forwarded
    ("in_revision", "supervisor", "decide_reject", NOT_AVAILABLE),
    # Art. 127(1): after the committee, unless its proviso applies
    ("forwarded", "supervisor", "decide_reject",
     guard_failed("refer the case to the Customs Appeal Committee first")),
    ("forwarded", "supervisor", "decide_reject", ALLOWED,
     given(values={"committee_skipped": "late_request"}, data={"filed_in_time": False})),
    ("forwarded", "supervisor", "decide_reject", guard_failed("not skipped as for a late"),
     given(values={"committee_skipped": "late_request"})),
    ("under_deliberation", "supervisor", "decide_accept", ALLOWED),
    ("under_deliberation", "officer", "decide_accept", NOT_PERMITTED),
    ("under_deliberation", "duty_payer", "decide_accept", NOT_PERMITTED),
    ("under_deliberation", "system", "decide_accept", NOT_PERMITTED),
    ("closed", "supervisor", "decide_accept", NOT_AVAILABLE),
    ("revision_lapsed", "supervisor", "decide_accept",
     guard_failed("refer the case to the Customs Appeal Committee first")),
    ("decision_overdue", "supervisor", "decide_accept", ALLOWED, given(data={"referrals": 1})),
    ("under_deliberation", "supervisor", "decide_reinvestigate", ALLOWED),  # 128(1)3 latter
    ("under_deliberation", "officer", "decide_reinvestigate", NOT_PERMITTED),
    ("under_deliberation", "duty_payer", "decide_reinvestigate", NOT_PERMITTED),
    ("under_deliberation", "system", "decide_reinvestigate", NOT_PERMITTED),
    ("reinvestigating", "supervisor", "decide_reinvestigate", NOT_AVAILABLE),
    ("forwarded", "supervisor", "decide_reinvestigate",
     guard_failed("refer the case to the Customs Appeal Committee first")),

    # -- the written decision served within the period (Art. 128(3)) -----------------------
    ("decided", "officer", "record_decision_served", ALLOWED, SERVED),
    ("decided", "supervisor", "record_decision_served", ALLOWED, SERVED),
    ("decided", "duty_payer", "record_decision_served", NOT_PERMITTED, SERVED),
    ("decided", "system", "record_decision_served", NOT_PERMITTED, SERVED),
    ("under_deliberation", "officer", "record_decision_served", NOT_AVAILABLE, SERVED),
    ("decided", "officer", "record_decision_served", invalid_field("before the decision"),
     given(values={"decision_served_on": day("2026-03-11")})),
    ("reinvestigating", "officer", "record_reinvestigation_served", ALLOWED, SERVED),
    ("reinvestigating", "supervisor", "record_reinvestigation_served", ALLOWED, SERVED),
    ("reinvestigating", "duty_payer", "record_reinvestigation_served", NOT_PERMITTED, SERVED),
    ("reinvestigating", "system", "record_reinvestigation_served", NOT_PERMITTED, SERVED),
    ("decided", "officer", "record_reinvestigation_served", NOT_AVAILABLE, SERVED),
    ("reinvestigating", "officer", "record_reinvestigation_served", invalid_field("after today"),
     given(values={"decision_served_on": day("2026-03-17")})),
    ("reinvestigating", "system", "reinvestigation_concluded", ALLOWED),  # 128(5); 120(4)
    ("reinvestigating", "officer", "reinvestigation_concluded", NOT_PERMITTED),
    ("reinvestigating", "supervisor", "reinvestigation_concluded", NOT_PERMITTED),
    ("reinvestigating", "duty_payer", "reinvestigation_concluded", NOT_PERMITTED),
    ("decided", "system", "reinvestigation_concluded", NOT_AVAILABLE),

    # -- the administrative lawsuit within 90 days (Art. 120(2)-(3); 129(1)2) --------------
    ("decided", "duty_payer", "lawsuit_filed", ALLOWED),
    ("decided", "officer", "lawsuit_filed", ALLOWED),
    ("decided", "supervisor", "lawsuit_filed", ALLOWED),
    ("decided", "system", "lawsuit_filed", NOT_PERMITTED),
    ("decision_overdue", "duty_payer", "lawsuit_filed", ALLOWED),  # Art. 120(3) proviso
    ("under_deliberation", "duty_payer", "lawsuit_filed",
     guard_failed("the decision period runs until 2026-06-01")),
    ("under_deliberation", "duty_payer", "lawsuit_filed", ALLOWED,
     given(open_deadlines={"decision": None})),
    ("forwarded", "duty_payer", "lawsuit_filed", NOT_AVAILABLE),  # 120(2): a decision first
    ("decided", "system", "close", ALLOWED),  # Art. 120(3), (6): the 90 days passed
    ("decided", "officer", "close", NOT_PERMITTED),
    ("decided", "supervisor", "close", NOT_PERMITTED),
    ("decided", "duty_payer", "close", NOT_PERMITTED),
    ("decision_overdue", "system", "close", NOT_AVAILABLE),

    # -- beside the course -----------------------------------------------------------------
    ("at_customs_office", "duty_payer", "appoint_attorney", ALLOWED),  # Art. 126(1)
    ("at_customs_office", "officer", "appoint_attorney", ALLOWED),
    ("at_customs_office", "supervisor", "appoint_attorney", ALLOWED),
    ("at_customs_office", "system", "appoint_attorney", NOT_PERMITTED),
    ("decided", "duty_payer", "appoint_attorney", NOT_AVAILABLE),
    ("forwarded", "duty_payer", "appoint_attorney",  # Art. 126(2): "less than"
     guard_failed("only where less than KRW 30,000,000 is in dispute (Art. 126(2))"),
     given(values={"attorney_kind": "family", "amount_in_dispute": 30_000_000})),
    ("forwarded", "duty_payer", "dismiss_attorney", ALLOWED, ATTORNEY),  # Art. 126(5)
    ("forwarded", "officer", "dismiss_attorney", ALLOWED, ATTORNEY),
    ("forwarded", "supervisor", "dismiss_attorney", ALLOWED, ATTORNEY),
    ("forwarded", "system", "dismiss_attorney", NOT_PERMITTED, ATTORNEY),
    ("withdrawn", "duty_payer", "dismiss_attorney", NOT_AVAILABLE, ATTORNEY),
    ("forwarded", "duty_payer", "dismiss_attorney", guard_failed("no attorney acts")),
    ("forwarded", "officer", "suspend_execution", ALLOWED),  # Art. 125(1)-(2)
    ("forwarded", "supervisor", "suspend_execution", ALLOWED),
    ("forwarded", "duty_payer", "suspend_execution", NOT_PERMITTED),
    ("forwarded", "system", "suspend_execution", NOT_PERMITTED),
    ("closed", "officer", "suspend_execution", NOT_AVAILABLE),
    ("forwarded", "duty_payer", "peruse_or_state_opinion", ALLOWED),  # Art. 130
    ("forwarded", "officer", "peruse_or_state_opinion", ALLOWED),
    ("forwarded", "supervisor", "peruse_or_state_opinion", ALLOWED),
    ("forwarded", "system", "peruse_or_state_opinion", NOT_PERMITTED),
    ("decided", "duty_payer", "peruse_or_state_opinion", NOT_AVAILABLE),
    # withdrawal (Art. 120(1): Administrative Appeals Act Art. 42; 126(4))
    ("forwarded", "duty_payer", "withdraw", ALLOWED),
    ("forwarded", "officer", "withdraw", ALLOWED),
    ("forwarded", "supervisor", "withdraw", ALLOWED),
    ("forwarded", "system", "withdraw", NOT_PERMITTED),
    ("decided", "duty_payer", "withdraw", NOT_AVAILABLE),
    ("forwarded", "duty_payer", "withdraw", guard_failed("no special authority to withdraw"),
     given(values={"by_attorney": True}, data={"attorney_appointments": 1})),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_examination_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
