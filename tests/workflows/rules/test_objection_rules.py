"""The rules of an objection (Art. 132; Arts. 121, 122(2), 123, 127, 128 via 132(4)) as a table.

Read off ``workflows/procedures/objection.py`` and the Act, row by row: who may take which
action in which state, and which refusals the Act's conditions give.
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
from workflows.procedures.objection import PROCEDURE

NOW = kst(2026, 3, 16)
"""Monday 16 March 2026, 10:00 KST: an objection filed on the 9th, its decision made on the
12th when a row is in a decided state."""
BASE = Case(
    now=NOW,
    data={"filed_on": "2026-03-09", "disposition_kind": "assessment", "filed_in_time": True,
          "filing_period_ends": "2026-05-21", "family_attorney_limit": 30_000_000},
    open_deadlines={"opinion": open_until("opinion", "2026-03-16"),
                    "decision": open_until("decision", "2026-04-08")},
    entered_on=day("2026-03-12"),
)
FILING = {"disposition": "Assessment of KRW 12,000,000 of customs duty",
          "disposition_ref": "SEL-2026-0001", "disposition_kind": "assessment",
          "commissioner_processed": "", "notice_received_on": "2026-02-20", "route": "",
          "hindrance": "", "hindrance_ended_on": "", "filed_on": "2026-03-09",
          "filing_rule": "at_office", "posted_on": "", "reasons": "The value is wrong"}
FILED = given(raw=FILING)
HINDERED = {**FILING, "route": "after_hindrance",
            "hindrance": "A typhoon closed the port from 2026-02-25 to 2026-03-02"}
EVIDENCE = given(values={"counter_evidence_on": day("2026-03-16")},
                 happened={"issue_opinion": day("2026-03-13")})
REVISION_RUNS = given(open_deadlines={"revision": open_until("revision", "2026-03-20")})
REVISION_PASSED = given(open_deadlines={"revision": open_until("revision", "2026-03-13")})
SERVED = given(values={"decision_served_on": day("2026-03-14")})
UNLAWFUL = given(values={"ground": "d"})
ATTORNEY = given(data={"attorney_appointments": 1},
                 happened={"appoint_attorney": day("2026-03-11")},
                 values={"attorney_dismissed_on": day("2026-03-16")})

TABLE = [
    # -- file: the objection to the head of the disposing office (Art. 132(1)) --------------
    (NEW, "duty_payer", "file", ALLOWED, FILED),
    (NEW, "officer", "file", ALLOWED, FILED),  # received at the office and keyed there
    (NEW, "supervisor", "file", ALLOWED, FILED),
    (NEW, "system", "file", NOT_PERMITTED, FILED),
    ("filed", "duty_payer", "file", NOT_AVAILABLE),
    # Art. 119(1)1-3: no appeal under this Section against these dispositions
    (NEW, "duty_payer", "file",
     guard_failed("a notification disposition under this Act (Art. 119(1)1)"),
     given(raw={**FILING, "disposition_kind": "notification"})),
    (NEW, "duty_payer", "file", guard_failed("(Art. 119(1)2)"),
     given(raw={**FILING, "disposition_kind": "bai"})),
    (NEW, "duty_payer", "file", guard_failed("an administrative fine"),
     given(raw={**FILING, "disposition_kind": "administrative_fine"})),
    # Art. 119(3): nor against a disposition on an examination or adjudication
    (NEW, "duty_payer", "file", guard_failed("an administrative lawsuit lies against"),
     given(values={"disposition_kind": "appeal_decision"})),
    # Art. 119(4): no objection against an objection decision or a reinvestigation's result
    (NEW, "duty_payer", "file", guard_failed("no objection lies against a disposition on an "
                                             "objection (Art. 119(4))"),
     given(raw={**FILING, "disposition_kind": "objection_decision"})),
    (NEW, "duty_payer", "file", guard_failed("based on a reinvestigation decision"),
     given(raw={**FILING, "disposition_kind": "reinvestigation_result"})),
    # Art. 119(2): none where the Commissioner investigated, decided or processed it
    (NEW, "duty_payer", "file", guard_failed("request an examination or adjudication directly"),
     given(raw={**FILING, "commissioner_processed": "yes"})),
    # Art. 121(3) via 132(4): posted in time, arrived late, decided by the postmark
    (NEW, "duty_payer", "file", ALLOWED,
     given(raw={**FILING, "filing_rule": "posted_late", "posted_on": "2026-03-06"})),
    (NEW, "duty_payer", "file", guard_failed("give the date of posting (the postmark)"),
     given(raw={**FILING, "filing_rule": "posted_late"})),
    (NEW, "duty_payer", "file", guard_failed("is after the date it arrived"),
     given(raw={**FILING, "filing_rule": "posted_late", "posted_on": "2026-03-10"})),
    # Art. 121(4) via 132(4): after an Art. 10 hindrance, its statement and the day it ceased
    (NEW, "duty_payer", "file", ALLOWED,
     given(raw={**HINDERED, "hindrance_ended_on": "2026-03-02"})),
    (NEW, "duty_payer", "file", guard_failed("state the Art. 10 reason"),
     given(raw={**FILING, "route": "after_hindrance"})),
    (NEW, "duty_payer", "file", guard_failed("give the day the hindrance ceased"),
     given(raw=HINDERED)),
    # legal dates: nothing is filed before the disposition notice, nor after today
    (NEW, "duty_payer", "file", invalid_field("before the disposition notice was received"),
     given(raw={**FILING, "filed_on": "2026-02-19"})),
    (NEW, "duty_payer", "file", invalid_field("after today"),
     given(raw={**FILING, "filed_on": "2026-03-17"})),

    # -- the written opinion within 7 days of receipt (Art. 132(5)) ------------------------
    ("filed", "officer", "issue_opinion", ALLOWED),
    ("filed", "supervisor", "issue_opinion", ALLOWED),
    ("filed", "duty_payer", "issue_opinion", NOT_PERMITTED),  # the office's duty
    ("filed", "system", "issue_opinion", NOT_PERMITTED),
    ("revised", "officer", "issue_opinion", ALLOWED),  # a revision came back before it
    ("revision_lapsed", "officer", "issue_opinion", ALLOWED),
    ("decided", "officer", "issue_opinion", NOT_AVAILABLE),
    ("opinion_issued", "officer", "issue_opinion",
     guard_failed("the written opinion has already been sent (Art. 132(5))")),
    ("revised", "officer", "issue_opinion", guard_failed("has already been sent"),
     given(data={"opinions_sent": 1})),
    # Art. 132(5) binds the office within 7 days of receipt whatever else happens; a revision
    # order (Art. 123 via 132(4)) stops only the decision period (Art. 128(4)).
    pytest.param("in_revision", "officer", "issue_opinion", ALLOWED, marks=pytest.mark.xfail(
        reason="Art. 132(5): the written opinion is due within 7 days of receipt; a revision "
               "order does not suspend that duty (Art. 128(4) stops only the decision period), "
               "yet no opinion can be sent while a revision runs", strict=True)),
    ("under_deliberation", "officer", "issue_opinion_in_deliberation", ALLOWED),
    ("under_deliberation", "supervisor", "issue_opinion_in_deliberation", ALLOWED),
    ("under_deliberation", "duty_payer", "issue_opinion_in_deliberation", NOT_PERMITTED),
    ("under_deliberation", "system", "issue_opinion_in_deliberation", NOT_PERMITTED),
    ("filed", "officer", "issue_opinion_in_deliberation", NOT_AVAILABLE),
    ("under_deliberation", "officer", "issue_opinion_in_deliberation",
     guard_failed("has already been sent"), given(data={"opinions_sent": 1})),
    ("decision_overdue", "officer", "issue_opinion_when_overdue", ALLOWED),
    ("decision_overdue", "supervisor", "issue_opinion_when_overdue", ALLOWED),
    ("decision_overdue", "duty_payer", "issue_opinion_when_overdue", NOT_PERMITTED),
    ("decision_overdue", "system", "issue_opinion_when_overdue", NOT_PERMITTED),
    ("opinion_issued", "officer", "issue_opinion_when_overdue", NOT_AVAILABLE),
    ("decision_overdue", "officer", "issue_opinion_when_overdue",
     guard_failed("has already been sent"), given(data={"opinions_sent": 1})),

    # -- evidence against the opinion: 60 days for the decision (Art. 132(6); 132(4)) -------
    ("opinion_issued", "duty_payer", "submit_counter_evidence", ALLOWED, EVIDENCE),
    ("opinion_issued", "officer", "submit_counter_evidence", ALLOWED, EVIDENCE),
    ("opinion_issued", "supervisor", "submit_counter_evidence", ALLOWED, EVIDENCE),
    ("opinion_issued", "system", "submit_counter_evidence", NOT_PERMITTED, EVIDENCE),
    ("decision_overdue", "duty_payer", "submit_counter_evidence", ALLOWED,
     given(data={"opinions_sent": 1})),  # received until the decision
    ("filed", "duty_payer", "submit_counter_evidence", NOT_AVAILABLE),  # no opinion yet
    ("decided", "duty_payer", "submit_counter_evidence", NOT_AVAILABLE),
    ("under_deliberation", "duty_payer", "submit_counter_evidence",
     guard_failed("the office's opinion has not been sent yet")),
    ("revised", "duty_payer", "submit_counter_evidence",
     invalid_field("before the written opinion was sent on 2026-03-13"),
     given(values={"counter_evidence_on": day("2026-03-12")},
           happened={"issue_opinion": day("2026-03-13")})),
    ("opinion_issued", "duty_payer", "submit_counter_evidence",
     invalid_field("before the request was filed on 2026-03-09"),
     given(values={"counter_evidence_on": day("2026-03-08")})),

    # -- revision within a period of up to 20 days (Art. 123 via 132(4)) -------------------
    ("opinion_issued", "officer", "order_revision", ALLOWED),
    ("opinion_issued", "supervisor", "order_revision", ALLOWED),
    ("opinion_issued", "duty_payer", "order_revision", NOT_PERMITTED),
    ("opinion_issued", "system", "order_revision", NOT_PERMITTED),
    ("under_deliberation", "officer", "order_revision", NOT_AVAILABLE),
    ("filed", "officer", "order_revision", ALLOWED,
     given(raw={"revision_days": "20", "matters": "Sign the request"})),
    ("filed", "officer", "order_revision", invalid_field("at most 20"),  # Art. 123(1)
     given(raw={"revision_days": "21", "matters": "Sign the request"})),
    ("in_revision", "duty_payer", "revise", ALLOWED, REVISION_RUNS),  # Art. 123(2)
    ("in_revision", "officer", "revise", ALLOWED, REVISION_RUNS),
    ("in_revision", "supervisor", "revise", ALLOWED, REVISION_RUNS),
    ("in_revision", "system", "revise", NOT_PERMITTED, REVISION_RUNS),
    ("filed", "duty_payer", "revise", NOT_AVAILABLE),
    ("in_revision", "duty_payer", "revise",
     guard_failed("the revision period ended on 2026-03-13"), REVISION_PASSED),
    ("revision_lapsed", "duty_payer", "revise",
     guard_failed("the revision period has ended; contact the office")),
    ("revision_lapsed", "officer", "revise", ALLOWED),  # a late revision, recorded by the office
    ("in_revision", "system", "revision_lapsed", ALLOWED),  # the period passed unanswered
    ("in_revision", "officer", "revision_lapsed", NOT_PERMITTED),
    ("in_revision", "supervisor", "revision_lapsed", NOT_PERMITTED),
    ("in_revision", "duty_payer", "revision_lapsed", NOT_PERMITTED),
    ("revised", "system", "revision_lapsed", NOT_AVAILABLE),

    # -- the Customs Appeal Committee (Art. 132(2); 127 via 132(4)) -------------------------
    ("opinion_issued", "officer", "refer_to_committee", ALLOWED),
    ("opinion_issued", "supervisor", "refer_to_committee", ALLOWED),
    ("opinion_issued", "duty_payer", "refer_to_committee", NOT_PERMITTED),
    ("opinion_issued", "system", "refer_to_committee", NOT_PERMITTED),
    ("decision_overdue", "officer", "refer_to_committee", ALLOWED),  # still to be decided
    ("in_revision", "officer", "refer_to_committee", NOT_AVAILABLE),
    ("under_deliberation", "officer", "refer_to_committee", NOT_AVAILABLE),
    # Art. 127(2) via 132(4): the head of the office asks once for a re-deliberation
    ("under_deliberation", "supervisor", "request_redeliberation", ALLOWED),
    ("under_deliberation", "officer", "request_redeliberation", NOT_PERMITTED),
    ("under_deliberation", "duty_payer", "request_redeliberation", NOT_PERMITTED),
    ("under_deliberation", "system", "request_redeliberation", NOT_PERMITTED),
    ("decided", "supervisor", "request_redeliberation", NOT_AVAILABLE),
    ("under_deliberation", "supervisor", "request_redeliberation",
     guard_failed("re-deliberation may be requested only once (Art. 127(2))"),
     given(data={"redeliberations": 1})),

    # -- the decision period passes: the objector is told the next step is open (129(2)1) ---
    ("filed", "system", "note_overdue", ALLOWED),
    ("under_deliberation", "system", "note_overdue", ALLOWED),
    ("filed", "officer", "note_overdue", NOT_PERMITTED),
    ("filed", "supervisor", "note_overdue", NOT_PERMITTED),
    ("filed", "duty_payer", "note_overdue", NOT_PERMITTED),
    ("in_revision", "system", "note_overdue", NOT_AVAILABLE),  # Art. 128(4): clock stopped

    # -- the decisions of Art. 128(1) via 132(4) -------------------------------------------
    # 1: dismissal, from any open state, on a ground of (a)-(e)
    ("filed", "officer", "decide_dismiss", ALLOWED, UNLAWFUL),
    ("filed", "supervisor", "decide_dismiss", ALLOWED, UNLAWFUL),
    ("filed", "duty_payer", "decide_dismiss", NOT_PERMITTED, UNLAWFUL),
    ("filed", "system", "decide_dismiss", NOT_PERMITTED, UNLAWFUL),
    ("decision_overdue", "officer", "decide_dismiss", ALLOWED, UNLAWFUL),
    ("decided", "officer", "decide_dismiss", NOT_AVAILABLE, UNLAWFUL),
    ("reinvestigating", "officer", "decide_dismiss", NOT_AVAILABLE, UNLAWFUL),
    # (b): filed after the period of Art. 121
    ("filed", "officer", "decide_dismiss", ALLOWED,
     given(values={"ground": "b"}, data={"filed_in_time": False})),
    ("filed", "officer", "decide_dismiss",
     guard_failed("it was filed in time (the period ended on 2026-05-21): ground (b)"),
     given(values={"ground": "b"})),
    # (c): the revision was not made within the period of Art. 123
    ("revision_lapsed", "officer", "decide_dismiss", ALLOWED,
     given(values={"ground": "c"}, data={"revision_lapses": 1})),
    ("in_revision", "officer", "decide_dismiss", ALLOWED,  # passed, not yet seen by the sweep
     given(values={"ground": "c"}, **REVISION_PASSED)),
    ("revised", "officer", "decide_dismiss", ALLOWED,  # the revision was recorded late
     given(values={"ground": "c"},
           deadlines={"revision": met_late("revision", "2026-03-11", "2026-03-12")})),
    ("in_revision", "officer", "decide_dismiss",
     guard_failed("no revision period has passed unanswered: ground (c)"),
     given(values={"ground": "c"}, **REVISION_RUNS)),
    ("filed", "officer", "decide_dismiss", guard_failed("no revision period has passed"),
     given(values={"ground": "c"})),
    # 2: rejection, after the committee's deliberation (132(2)) or a ground of 127(1) proviso
    ("under_deliberation", "officer", "decide_reject", ALLOWED),
    ("under_deliberation", "supervisor", "decide_reject", ALLOWED),
    ("under_deliberation", "duty_payer", "decide_reject", NOT_PERMITTED),
    ("under_deliberation", "system", "decide_reject", NOT_PERMITTED),
    ("in_revision", "officer", "decide_reject", NOT_AVAILABLE),  # not while a revision runs
    ("opinion_issued", "officer", "decide_reject",
     guard_failed("refer the case to the Customs Appeal Committee first")),
    ("opinion_issued", "officer", "decide_reject", ALLOWED, given(data={"referrals": 1})),
    ("opinion_issued", "officer", "decide_reject", ALLOWED,  # 127(1) proviso: a late request
     given(values={"committee_skipped": "late_request"}, data={"filed_in_time": False})),
    ("opinion_issued", "officer", "decide_reject",
     guard_failed("it was filed in time: the committee is not skipped"),
     given(values={"committee_skipped": "late_request"})),
    ("decision_overdue", "officer", "decide_reject", ALLOWED,
     given(values={"committee_skipped": "decree_case"})),
    # 3: acceptance in full or in part
    ("under_deliberation", "officer", "decide_accept", ALLOWED),
    ("under_deliberation", "supervisor", "decide_accept", ALLOWED),
    ("under_deliberation", "duty_payer", "decide_accept", NOT_PERMITTED),
    ("under_deliberation", "system", "decide_accept", NOT_PERMITTED),
    ("withdrawn", "officer", "decide_accept", NOT_AVAILABLE),
    ("revised", "officer", "decide_accept",
     guard_failed("refer the case to the Customs Appeal Committee first")),
    # 3, latter part: a reinvestigation (128(5))
    ("under_deliberation", "officer", "decide_reinvestigate", ALLOWED),
    ("under_deliberation", "supervisor", "decide_reinvestigate", ALLOWED),
    ("under_deliberation", "duty_payer", "decide_reinvestigate", NOT_PERMITTED),
    ("under_deliberation", "system", "decide_reinvestigate", NOT_PERMITTED),
    ("decided", "officer", "decide_reinvestigate", NOT_AVAILABLE),
    ("filed", "officer", "decide_reinvestigate",
     guard_failed("or record the ground on which its deliberation is skipped")),

    # -- service of the written decision meets the decision period (Art. 128(3)) -----------
    ("decided", "officer", "record_decision_served", ALLOWED, SERVED),
    ("decided", "supervisor", "record_decision_served", ALLOWED, SERVED),
    ("decided", "duty_payer", "record_decision_served", NOT_PERMITTED, SERVED),
    ("decided", "system", "record_decision_served", NOT_PERMITTED, SERVED),
    ("reinvestigating", "officer", "record_decision_served", NOT_AVAILABLE, SERVED),
    ("decided", "officer", "record_decision_served",
     invalid_field("before the decision was made on 2026-03-12"),
     given(values={"decision_served_on": day("2026-03-11")})),
    ("decided", "officer", "record_decision_served", invalid_field("after today"),
     given(values={"decision_served_on": day("2026-03-17")})),
    ("reinvestigating", "officer", "record_reinvestigation_served", ALLOWED, SERVED),
    ("reinvestigating", "supervisor", "record_reinvestigation_served", ALLOWED, SERVED),
    ("reinvestigating", "duty_payer", "record_reinvestigation_served", NOT_PERMITTED, SERVED),
    ("reinvestigating", "system", "record_reinvestigation_served", NOT_PERMITTED, SERVED),
    ("decided", "officer", "record_reinvestigation_served", NOT_AVAILABLE, SERVED),
    ("reinvestigating", "officer", "record_reinvestigation_served",
     invalid_field("before the reinvestigation was decided"),
     given(values={"decision_served_on": day("2026-03-11")})),
    # Art. 128(5), 120(4): the case closes with the reinvestigation's result
    ("reinvestigating", "system", "reinvestigation_concluded", ALLOWED),
    ("reinvestigating", "officer", "reinvestigation_concluded", NOT_PERMITTED),
    ("reinvestigating", "supervisor", "reinvestigation_concluded", NOT_PERMITTED),
    ("reinvestigating", "duty_payer", "reinvestigation_concluded", NOT_PERMITTED),
    ("decided", "system", "reinvestigation_concluded", NOT_AVAILABLE),

    # -- the next step: examination or adjudication within 90 days (121(2); 129(1)1) -------
    ("decided", "duty_payer", "next_step_filed", ALLOWED),
    ("decided", "officer", "next_step_filed", ALLOWED),
    ("decided", "supervisor", "next_step_filed", ALLOWED),
    ("decided", "system", "next_step_filed", NOT_PERMITTED),
    # Art. 121(2) proviso: without the decision, once its period has passed
    ("decision_overdue", "duty_payer", "next_step_filed", ALLOWED),
    ("under_deliberation", "duty_payer", "next_step_filed", ALLOWED,
     given(open_deadlines={"decision": None})),  # referred after the period passed
    ("under_deliberation", "duty_payer", "next_step_filed", ALLOWED,
     given(open_deadlines={"decision": open_until("decision", "2026-03-15")})),
    ("under_deliberation", "duty_payer", "next_step_filed",
     guard_failed("the decision period runs until 2026-04-08")),
    ("filed", "duty_payer", "next_step_filed", NOT_AVAILABLE),
    # Art. 129(1)1: the 90 days passed unused
    ("decided", "system", "close", ALLOWED),
    ("decided", "officer", "close", NOT_PERMITTED),
    ("decided", "supervisor", "close", NOT_PERMITTED),
    ("decided", "duty_payer", "close", NOT_PERMITTED),
    ("decision_overdue", "system", "close", NOT_AVAILABLE),  # a late decision is still owed

    # -- beside the course, while the objection is open ------------------------------------
    # Art. 126: attorneys; a family member only below the Decree's amount (126(2))
    ("filed", "duty_payer", "appoint_attorney", ALLOWED),
    ("filed", "officer", "appoint_attorney", ALLOWED),
    ("filed", "supervisor", "appoint_attorney", ALLOWED),
    ("filed", "system", "appoint_attorney", NOT_PERMITTED),
    ("decided", "duty_payer", "appoint_attorney", NOT_AVAILABLE),
    ("filed", "duty_payer", "appoint_attorney", ALLOWED,
     given(values={"attorney_kind": "family", "amount_in_dispute": 29_999_999})),
    ("filed", "duty_payer", "appoint_attorney",
     guard_failed("a family member may act only where less than KRW 30,000,000"),
     given(values={"attorney_kind": "family", "amount_in_dispute": 30_000_000})),
    ("filed", "duty_payer", "appoint_attorney", guard_failed("less than KRW 10,000,000"),
     given(values={"attorney_kind": "family", "amount_in_dispute": 20_000_000},
           data={"family_attorney_limit": 10_000_000})),  # the rule kept on the case
    ("filed", "duty_payer", "appoint_attorney", ALLOWED,
     given(values={"attorney_kind": "lawyer", "amount_in_dispute": 90_000_000})),
    # Art. 126(5): the dismissal is reported in writing
    ("filed", "duty_payer", "dismiss_attorney", ALLOWED, ATTORNEY),
    ("filed", "officer", "dismiss_attorney", ALLOWED, ATTORNEY),
    ("filed", "supervisor", "dismiss_attorney", ALLOWED, ATTORNEY),
    ("filed", "system", "dismiss_attorney", NOT_PERMITTED, ATTORNEY),
    ("closed", "duty_payer", "dismiss_attorney", NOT_AVAILABLE, ATTORNEY),
    ("filed", "duty_payer", "dismiss_attorney", guard_failed("no attorney acts in this case")),
    ("filed", "duty_payer", "dismiss_attorney", guard_failed("no attorney acts"),
     given(data={"attorney_appointments": 1, "attorney_dismissals": 1})),
    ("filed", "duty_payer", "dismiss_attorney", ALLOWED,  # appointed before they were counted
     given(data={"attorney_name": "Kim Lawyer"})),
    ("filed", "duty_payer", "dismiss_attorney",
     invalid_field("before the attorney's appointment was recorded"),
     given(data={"attorney_appointments": 1}, happened={"appoint_attorney": day("2026-03-11")},
           values={"attorney_dismissed_on": day("2026-03-10")})),
    # Art. 125(1)-(2): the ruling agency suspends execution to prevent a grave loss
    ("filed", "officer", "suspend_execution", ALLOWED),
    ("filed", "supervisor", "suspend_execution", ALLOWED),
    ("filed", "duty_payer", "suspend_execution", NOT_PERMITTED),
    ("filed", "system", "suspend_execution", NOT_PERMITTED),
    ("decided", "officer", "suspend_execution", NOT_AVAILABLE),
    # Art. 130: perusal of the documents and statement of an opinion
    ("under_deliberation", "duty_payer", "peruse_or_state_opinion", ALLOWED),
    ("under_deliberation", "officer", "peruse_or_state_opinion", ALLOWED),
    ("under_deliberation", "supervisor", "peruse_or_state_opinion", ALLOWED),
    ("under_deliberation", "system", "peruse_or_state_opinion", NOT_PERMITTED),
    ("withdrawn", "duty_payer", "peruse_or_state_opinion", NOT_AVAILABLE),
    ("filed", "duty_payer", "peruse_or_state_opinion",
     invalid_field("before the request was filed"),
     given(values={"requested_on": day("2026-03-08")})),
    # withdrawal; by an attorney only with special authority (Art. 126(4))
    ("filed", "duty_payer", "withdraw", ALLOWED),
    ("decision_overdue", "duty_payer", "withdraw", ALLOWED),
    ("filed", "officer", "withdraw", ALLOWED),
    ("filed", "supervisor", "withdraw", ALLOWED),
    ("filed", "system", "withdraw", NOT_PERMITTED),
    ("decided", "duty_payer", "withdraw", NOT_AVAILABLE),
    ("closed", "duty_payer", "withdraw", NOT_AVAILABLE),
    ("filed", "duty_payer", "withdraw", guard_failed("the claimant withdraws (Art. 126(5))"),
     given(values={"by_attorney": True})),
    ("filed", "duty_payer", "withdraw",
     guard_failed("no special authority to withdraw (Art. 126(4))"),
     given(values={"by_attorney": True}, data={"attorney_appointments": 1})),
    ("filed", "duty_payer", "withdraw", ALLOWED,
     given(values={"by_attorney": True},
           data={"attorney_appointments": 1, "special_authority": True})),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_objection_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
