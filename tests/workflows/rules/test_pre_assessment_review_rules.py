"""The rules of a pre-assessment notice and its review (Art. 118; 121(3), 122(2), 123, 126,
127(3), 128(4)-(6), 129-2, 130 via 118(6)) as a table.

Read off ``workflows/procedures/pre_assessment_review.py`` and the Act, row by row.
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
from workflows.procedures.pre_assessment_review import PROCEDURE

NOW = kst(2026, 3, 16)
"""Monday 16 March 2026, 10:00 KST: a notice received on 20 February (its 30 days end on 23
March), a request filed in time on 9 March, a decision made on the 12th when a row is past it."""
BASE = Case(
    now=NOW,
    data={"shortage": 5_000_000, "notice_received_on": "2026-02-20", "filed_on": "2026-03-09",
          "filed_in_time": True, "filing_period_ends": "2026-03-23",
          "family_attorney_limit": 30_000_000},
    open_deadlines={"decision": open_until("decision", "2026-04-08")},
    entered_on=day("2026-03-12"),
)
LATE = {"filed_in_time": False, "filing_period_ends": "2026-03-04"}
"""A request filed on 9 March after the 30 days of a notice received on 2 February."""
WINDOW_OPEN = {"review_window": open_until("review_window", "2026-03-23")}
REQUEST = given(values={"filed_on": day("2026-03-16"), "filing_rule": "at_office"},
                open_deadlines=WINDOW_OPEN)
REVISION_RUNS = given(open_deadlines={"revision": open_until("revision", "2026-03-20")})
REVISION_PASSED = given(open_deadlines={"revision": open_until("revision", "2026-03-13")})
REFERRED = given(data={"referrals": 1}, values={"outcome": "not_accepted"})
SERVED = given(values={"decision_served_on": day("2026-03-14")})
NOTICE = {"shortage": "5000000", "grounds": "Undervalued royalties (Art. 30(1)4)"}


def decided(outcome: str, **data) -> dict:
    return given(data={"outcome": outcome, **data})


TABLE = [
    # -- the prior written notice, or collection under an exemption (Art. 118(1)) ----------
    (NEW, "officer", "notify", ALLOWED, given(raw=NOTICE)),
    (NEW, "supervisor", "notify", ALLOWED, given(raw=NOTICE)),
    (NEW, "duty_payer", "notify", NOT_PERMITTED),
    (NEW, "system", "notify", NOT_PERMITTED),
    ("notice_issued", "officer", "notify", NOT_AVAILABLE),
    (NEW, "officer", "notify", invalid_field("at least 1"),  # a shortage to collect
     given(raw={**NOTICE, "shortage": "0"})),
    # 118(1) proviso: one of the six cases in which no notice is given
    (NEW, "officer", "collect_without_notice", ALLOWED,
     given(raw={"shortage": "5000000", "exemption": "5", "grounds": "Accusation filed"})),
    (NEW, "supervisor", "collect_without_notice", ALLOWED),
    (NEW, "duty_payer", "collect_without_notice", NOT_PERMITTED),
    (NEW, "system", "collect_without_notice", NOT_PERMITTED),
    ("notice_served", "officer", "collect_without_notice", NOT_AVAILABLE),
    (NEW, "officer", "collect_without_notice", invalid_field("choose one of the listed options"),
     given(raw={"shortage": "5000000", "exemption": "7", "grounds": "No seventh case"})),
    # Art. 118(2): the 30 days run from the receipt of the notice
    ("notice_issued", "officer", "record_service", ALLOWED,
     given(values={"notice_received_on": day("2026-03-14")})),
    ("notice_issued", "supervisor", "record_service", ALLOWED),
    ("notice_issued", "duty_payer", "record_service", NOT_PERMITTED),
    ("notice_issued", "system", "record_service", NOT_PERMITTED),
    ("notice_served", "officer", "record_service", NOT_AVAILABLE),
    ("notice_issued", "officer", "record_service",
     invalid_field("before the notice was issued on 2026-03-12"),
     given(values={"notice_received_on": day("2026-03-11")})),

    # -- the request for review within 30 days (Art. 118(2); 121(3), 122(2), 129-2) --------
    ("notice_served", "duty_payer", "request_review", ALLOWED, REQUEST),
    ("notice_served", "officer", "request_review", ALLOWED, REQUEST),
    ("notice_served", "supervisor", "request_review", ALLOWED, REQUEST),
    ("notice_served", "system", "request_review", NOT_PERMITTED, REQUEST),
    # a late request is still received, and decided not to be reviewed (118(4)3)
    ("window_passed", "duty_payer", "request_review", ALLOWED, REQUEST),
    ("notice_issued", "duty_payer", "request_review", NOT_AVAILABLE, REQUEST),
    ("withdrawn", "duty_payer", "request_review", NOT_AVAILABLE, REQUEST),
    # 121(3) via 118(6): posted within the 30 days, it counts as filed on their last day
    ("window_passed", "duty_payer", "request_review", ALLOWED,
     given(values={"filed_on": day("2026-03-16"), "filing_rule": "posted_late",
                   "posted_on": day("2026-03-10")})),
    ("window_passed", "duty_payer", "request_review", guard_failed("give the postmark date"),
     given(values={"filed_on": day("2026-03-16"), "filing_rule": "posted_late"})),
    ("window_passed", "duty_payer", "request_review",
     guard_failed("the postmark (2026-03-16) cannot be later than the arrival (2026-03-13)"),
     given(values={"filed_on": day("2026-03-13"), "filing_rule": "posted_late",
                   "posted_on": day("2026-03-16")})),
    ("notice_served", "duty_payer", "request_review",
     invalid_field("before the pre-assessment notice was received on 2026-02-20"),
     given(values={"filed_on": day("2026-02-19"), "filing_rule": "at_office"})),
    # Art. 118(5): early rectification instead of a review, applied at once
    ("notice_served", "duty_payer", "rectify_early", ALLOWED),
    ("notice_served", "officer", "rectify_early", ALLOWED),
    ("notice_served", "supervisor", "rectify_early", ALLOWED),
    ("notice_served", "system", "rectify_early", NOT_PERMITTED),
    ("review_requested", "duty_payer", "rectify_early", NOT_AVAILABLE),  # "without a review"
    # Art. 118(2); 39(3): the 30 days passed unused, collection may proceed
    ("notice_served", "system", "window_expired", ALLOWED),
    ("notice_served", "officer", "window_expired", NOT_PERMITTED),
    ("notice_served", "supervisor", "window_expired", NOT_PERMITTED),
    ("notice_served", "duty_payer", "window_expired", NOT_PERMITTED),
    ("review_requested", "system", "window_expired", NOT_AVAILABLE),

    # -- revision (118(6) → 123; 128(4)) ---------------------------------------------------
    ("review_requested", "officer", "order_revision", ALLOWED),
    ("review_requested", "supervisor", "order_revision", ALLOWED),
    ("review_requested", "duty_payer", "order_revision", NOT_PERMITTED),
    ("review_requested", "system", "order_revision", NOT_PERMITTED),
    ("under_committee_review", "officer", "order_revision", NOT_AVAILABLE),
    ("review_requested", "officer", "order_revision", invalid_field("at most 20"),
     given(raw={"revision_days": "21", "matters": "Attach the contract"})),
    ("in_revision", "duty_payer", "revise", ALLOWED, REVISION_RUNS),
    ("in_revision", "officer", "revise", ALLOWED, REVISION_RUNS),
    ("in_revision", "supervisor", "revise", ALLOWED, REVISION_RUNS),
    ("in_revision", "system", "revise", NOT_PERMITTED, REVISION_RUNS),
    ("review_requested", "duty_payer", "revise", NOT_AVAILABLE),
    ("in_revision", "duty_payer", "revise", guard_failed("ended on 2026-03-13"),
     REVISION_PASSED),
    ("revision_lapsed", "duty_payer", "revise", guard_failed("the revision period has ended")),
    ("revision_lapsed", "officer", "revise", ALLOWED),  # a late revision, recorded
    ("in_revision", "system", "revision_lapsed", ALLOWED),
    ("in_revision", "officer", "revision_lapsed", NOT_PERMITTED),
    ("in_revision", "supervisor", "revision_lapsed", NOT_PERMITTED),
    ("in_revision", "duty_payer", "revision_lapsed", NOT_PERMITTED),
    ("review_requested", "system", "revision_lapsed", NOT_AVAILABLE),

    # -- the Customs Appeal Committee's review (Art. 118(3)) -------------------------------
    ("review_requested", "officer", "refer_to_committee", ALLOWED),
    ("review_requested", "supervisor", "refer_to_committee", ALLOWED),
    ("review_requested", "duty_payer", "refer_to_committee", NOT_PERMITTED),
    ("review_requested", "system", "refer_to_committee", NOT_PERMITTED),
    ("decision_overdue", "officer", "refer_to_committee", ALLOWED),
    ("in_revision", "officer", "refer_to_committee", NOT_AVAILABLE),
    ("under_committee_review", "officer", "refer_to_committee", NOT_AVAILABLE),
    # Art. 118(3); 42-2(1)7: 30 days without a decision, the delay's additional duty halved
    ("review_requested", "system", "note_overdue", ALLOWED),
    ("under_committee_review", "system", "note_overdue", ALLOWED),
    ("review_requested", "officer", "note_overdue", NOT_PERMITTED),
    ("review_requested", "supervisor", "note_overdue", NOT_PERMITTED),
    ("review_requested", "duty_payer", "note_overdue", NOT_PERMITTED),
    ("in_revision", "system", "note_overdue", NOT_AVAILABLE),  # 118(6) → 128(4)

    # -- the decision of Art. 118(4), after the committee's review (118(3)) ----------------
    ("under_committee_review", "officer", "decide", ALLOWED, REFERRED),
    ("under_committee_review", "supervisor", "decide", ALLOWED, REFERRED),
    ("under_committee_review", "duty_payer", "decide", NOT_PERMITTED, REFERRED),
    ("under_committee_review", "system", "decide", NOT_PERMITTED, REFERRED),
    ("decision_overdue", "officer", "decide", ALLOWED, REFERRED),
    ("decided", "officer", "decide", NOT_AVAILABLE, REFERRED),
    ("review_requested", "officer", "decide",
     guard_failed("refer the request to the Customs Appeal Committee first, or give the "
                  "ground"),
     given(values={"outcome": "not_accepted"})),
    # 118(3) proviso: a late request is decided without the committee ...
    ("review_requested", "officer", "decide", ALLOWED,
     given(data=LATE, values={"outcome": "not_reviewed", "committee_skipped": "late_request"})),
    ("review_requested", "officer", "decide",
     guard_failed("filed in time (the 30 days ended on 2026-03-23): it cannot be decided "
                  "without the committee as late"),
     given(values={"outcome": "not_accepted", "committee_skipped": "late_request"})),
    ("review_requested", "officer", "decide", ALLOWED,
     given(values={"outcome": "not_accepted", "committee_skipped": "decree_case"})),
    # ... and 118(4)3: a late request, or one not revised in time, is not reviewed
    ("review_requested", "officer", "decide",
     guard_failed("after the 30 days of Art. 118(2) ended on 2026-03-04: the decision can only "
                  "be not to review it (Art. 118(4)3)"),
     given(data={**LATE, "referrals": 1}, values={"outcome": "accepted_part"})),
    ("revision_lapsed", "officer", "decide",
     guard_failed("no revision was made within the revision period"),
     given(data={"referrals": 1, "revision_orders": 1}, values={"outcome": "accepted_full"})),
    ("revision_lapsed", "officer", "decide", ALLOWED,
     given(data={"referrals": 1, "revision_orders": 1}, values={"outcome": "not_reviewed"})),
    ("review_requested", "officer", "decide", ALLOWED,  # revised in time
     given(data={"referrals": 1, "revision_orders": 1, "revisions": 1},
           values={"outcome": "accepted_full"})),
    # 118(4)2 second sentence: acceptance with a reinvestigation, after the committee
    ("under_committee_review", "officer", "decide_reinvestigate", ALLOWED, REFERRED),
    ("under_committee_review", "supervisor", "decide_reinvestigate", ALLOWED, REFERRED),
    ("under_committee_review", "duty_payer", "decide_reinvestigate", NOT_PERMITTED),
    ("under_committee_review", "system", "decide_reinvestigate", NOT_PERMITTED),
    ("revision_lapsed", "officer", "decide_reinvestigate", NOT_AVAILABLE),  # 118(4)3
    ("under_committee_review", "officer", "decide_reinvestigate",
     guard_failed("it can only be decided not to be reviewed (Art. 118(4)3)"),
     given(data={**LATE, "referrals": 1})),
    ("review_requested", "officer", "decide_reinvestigate",
     guard_failed("an acceptance with a reinvestigation follows its review (Art. 118(3))")),

    # -- the notice of the decision (Art. 118(3)); the delay is recorded (42-2(1)7) --------
    ("decided", "officer", "record_decision_served", ALLOWED, SERVED),
    ("decided", "supervisor", "record_decision_served", ALLOWED, SERVED),
    ("decided", "duty_payer", "record_decision_served", NOT_PERMITTED, SERVED),
    ("decided", "system", "record_decision_served", NOT_PERMITTED, SERVED),
    ("reinvestigating", "officer", "record_decision_served", NOT_AVAILABLE, SERVED),
    ("decided", "officer", "record_decision_served",
     invalid_field("before the decision was made on 2026-03-12"),
     given(values={"decision_served_on": day("2026-03-10")})),
    ("reinvestigating", "officer", "record_reinvestigation_served", ALLOWED, SERVED),
    ("reinvestigating", "supervisor", "record_reinvestigation_served", ALLOWED, SERVED),
    ("reinvestigating", "duty_payer", "record_reinvestigation_served", NOT_PERMITTED, SERVED),
    ("reinvestigating", "system", "record_reinvestigation_served", NOT_PERMITTED, SERVED),
    ("decided", "officer", "record_reinvestigation_served", NOT_AVAILABLE, SERVED),
    ("reinvestigating", "officer", "record_reinvestigation_served",
     invalid_field("after today"), given(values={"decision_served_on": day("2026-03-17")})),
    # 118(4)2: the notice amended after the reinvestigation (informed by that case)
    ("reinvestigating", "system", "record_amended_notice", ALLOWED),
    ("reinvestigating", "officer", "record_amended_notice", NOT_PERMITTED),
    ("reinvestigating", "supervisor", "record_amended_notice", NOT_PERMITTED),
    ("reinvestigating", "duty_payer", "record_amended_notice", NOT_PERMITTED),
    ("decided", "system", "record_amended_notice", NOT_AVAILABLE),
    ("reinvestigating", "system", "record_amended_notice",
     invalid_field("before the reinvestigation was decided on 2026-03-12"),
     given(values={"amended_notice_on": day("2026-03-11")})),

    # -- after the decision: collect (39(3)) or close without assessment (118(4)2) ---------
    ("window_passed", "officer", "proceed_to_assessment", ALLOWED),
    ("window_passed", "supervisor", "proceed_to_assessment", ALLOWED),
    ("window_passed", "duty_payer", "proceed_to_assessment", NOT_PERMITTED),
    ("window_passed", "system", "proceed_to_assessment", NOT_PERMITTED),
    ("notice_served", "officer", "proceed_to_assessment", NOT_AVAILABLE),  # 30 days running
    ("review_requested", "officer", "proceed_to_assessment", NOT_AVAILABLE),  # 118(3)
    ("ready_to_assess", "officer", "proceed_to_assessment", NOT_AVAILABLE),
    ("decided", "officer", "proceed_to_assessment", ALLOWED,
     decided("accepted_part", decision_served_on="2026-03-14")),
    ("decided", "officer", "proceed_to_assessment",
     guard_failed("accepted in whole (Art. 118(4)2): the shortage may not be collected"),
     decided("accepted_full", decision_served_on="2026-03-14")),
    ("decided", "officer", "proceed_to_assessment",
     guard_failed("record the notice of the decision to the applicant first (Art. 118(3))"),
     decided("not_accepted")),
    ("notice_amended", "officer", "proceed_to_assessment", ALLOWED,
     given(data={"amended_shortage": 1_000_000})),
    ("notice_amended", "officer", "proceed_to_assessment",
     guard_failed("the amended notice leaves no shortage to collect"),
     given(data={"amended_shortage": 0})),
    ("decided", "officer", "close_without_assessment", ALLOWED, decided("accepted_full")),
    ("decided", "supervisor", "close_without_assessment", ALLOWED, decided("accepted_full")),
    ("decided", "duty_payer", "close_without_assessment", NOT_PERMITTED),
    ("decided", "system", "close_without_assessment", NOT_PERMITTED),
    ("notice_amended", "officer", "close_without_assessment", ALLOWED,
     given(data={"amended_shortage": 0})),
    ("window_passed", "officer", "close_without_assessment", NOT_AVAILABLE),
    ("closed", "officer", "close_without_assessment", NOT_AVAILABLE),

    # -- beside the course (118(6) → 126, 130); not 125: nothing is assessed yet -----------
    ("review_requested", "duty_payer", "appoint_attorney", ALLOWED),
    ("review_requested", "officer", "appoint_attorney", ALLOWED),
    ("review_requested", "supervisor", "appoint_attorney", ALLOWED),
    ("review_requested", "system", "appoint_attorney", NOT_PERMITTED),
    ("notice_served", "duty_payer", "appoint_attorney", NOT_AVAILABLE),
    ("review_requested", "duty_payer", "appoint_attorney",
     guard_failed("less than KRW 30,000,000 is in dispute (Art. 126(2))"),
     given(values={"attorney_kind": "family", "amount_in_dispute": 31_000_000})),
    ("review_requested", "duty_payer", "dismiss_attorney", ALLOWED,
     given(data={"attorney_appointments": 1})),
    ("review_requested", "officer", "dismiss_attorney", ALLOWED,
     given(data={"attorney_appointments": 1})),
    ("review_requested", "supervisor", "dismiss_attorney", ALLOWED,
     given(data={"attorney_appointments": 1})),
    ("review_requested", "system", "dismiss_attorney", NOT_PERMITTED),
    ("decided", "duty_payer", "dismiss_attorney", NOT_AVAILABLE),
    ("review_requested", "duty_payer", "dismiss_attorney", guard_failed("no attorney acts")),
    ("in_revision", "duty_payer", "peruse_or_state_opinion", ALLOWED),
    ("in_revision", "officer", "peruse_or_state_opinion", ALLOWED),
    ("in_revision", "supervisor", "peruse_or_state_opinion", ALLOWED),
    ("in_revision", "system", "peruse_or_state_opinion", NOT_PERMITTED),
    ("ready_to_assess", "duty_payer", "peruse_or_state_opinion", NOT_AVAILABLE),
    ("review_requested", "officer", "suspend_execution", NOT_AVAILABLE),  # 118(6) omits 125
    # withdrawal (118(6) → 126(4))
    ("review_requested", "duty_payer", "withdraw", ALLOWED),
    ("decision_overdue", "duty_payer", "withdraw", ALLOWED),
    ("review_requested", "officer", "withdraw", ALLOWED),
    ("review_requested", "supervisor", "withdraw", ALLOWED),
    ("review_requested", "system", "withdraw", NOT_PERMITTED),
    ("decided", "duty_payer", "withdraw", NOT_AVAILABLE),
    ("review_requested", "duty_payer", "withdraw",
     guard_failed("no special authority to withdraw (Art. 126(4))"),
     given(values={"by_attorney": True}, data={"attorney_appointments": 1})),
    ("review_requested", "duty_payer", "withdraw", guard_failed("the claimant withdraws"),
     given(values={"by_attorney": True})),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_pre_assessment_review_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
