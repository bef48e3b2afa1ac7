"""Pre-assessment review (Art. 118) read against the Act: the rules of issue 12, on a real DB.

Every date is counted by Art. 8: a period in days does not count its first day (Civil Act 157)
and ends at 24:00 of its last day; a last day on a Saturday, Sunday, public holiday or Workers'
Day (1 May) moves to the next working day. The notice of every case here is received on
Tuesday 3 March 2026, so the 30 days of Art. 118(2) run from 4 March to Thursday 2 April.
"""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, DeadlineStatus
from backoffice.workflow import actions_for, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.procedure_helpers import act, deadline, kst, refused
from workflows import clock
from workflows.engine import Context, DeadlineView, Refusal, Settlement
from workflows.procedures import procedure_for
from workflows.procedures.pre_assessment_review import (
    decision_delay,
    decision_facts,
    request_facts,
)


@pytest.fixture
def served(people):
    with clock.frozen(kst(2026, 3, 2, 10)):
        case = open_procedure_case(
            "pre_assessment_review", party=people["payer"].party, office=people["office"],
            actor=people["officer"], assigned_officer=people["officer"],
            values={"shortage": 500_000, "grounds": "undervaluation"})
        db.session.commit()
    act(case, "record_service", people["officer"], kst(2026, 3, 4, 10),
        notice_received_on="2026-03-03")
    return case


@pytest.fixture
def requested(served, people):
    """A request filed online on Friday 20 March: decided and notified by Monday 20 April (21
    March + 30 days = Sunday 19 April, moved to Monday)."""
    act(served, "request_review", people["payer"], kst(2026, 3, 20, 10), filed_on="2026-03-20",
        filing_rule="online", reasons="The price was genuine")
    return served


def sweep(*at):
    with clock.frozen(kst(*at)):
        result = enforce_due_deadlines()
    db.session.expire_all()
    return result




def triggers(case, user, at) -> set[str]:
    return {a.transition.trigger for a in actions_for(case, user, at) if a.allowed}


def events(case, trigger) -> list[CaseEvent]:
    return list(db.session.scalars(select(CaseEvent).where(
        CaseEvent.case_id == case.id, CaseEvent.trigger == trigger)))


def window_passed(served):
    sweep(2026, 4, 3, 0, 1)  # 24:00 of Thursday 2 April has passed
    assert served.state == "window_passed"
    return served


# -- 1. The revision stops the decision clock for the revision period only (123(1), 128(4)) --

def test_a_revision_period_that_passes_restarts_the_decision_clock_the_day_after(requested,
                                                                                 people):
    # Ordered Mon 23 March for 5 days: 24-28 March, Saturday 28 moved to Monday 30 March.
    act(requested, "order_revision", people["officer"], kst(2026, 3, 23, 10), revision_days=5,
        matters="sign the request")
    assert deadline(requested, "revision").due_date == date(2026, 3, 30)
    sweep(2026, 3, 31, 0, 1)
    assert requested.state == "revision_lapsed"
    [lapse] = events(requested, "revision_lapsed")
    assert lapse.article == "Art. 118(6) → 123(1), 128(4)"
    decision = deadline(requested, "decision")
    assert decision.status == DeadlineStatus.OPEN and decision.suspended_since is None
    # The revision period is not counted: from the day after the order (24 March) to its last
    # day (30 March), 7 days. Sunday 19 April + 7 = Sunday 26 April, moved to Monday 27 April.
    assert decision.due_date == date(2026, 4, 27)


def test_a_revision_in_time_returns_the_request_to_be_referred(requested, people):
    act(requested, "order_revision", people["officer"], kst(2026, 3, 23, 10), revision_days=5,
        matters="sign the request")
    act(requested, "revise", people["payer"], kst(2026, 3, 25, 10), revision="signed")
    assert requested.state == "review_requested"
    assert "refer_to_committee" in triggers(requested, people["officer"], kst(2026, 3, 25, 11))


def test_after_the_revision_period_only_the_office_records_a_late_revision(requested, people):
    act(requested, "order_revision", people["officer"], kst(2026, 3, 23, 10), revision_days=5,
        matters="sign the request")
    sweep(2026, 3, 31, 0, 1)
    late = refused(requested, "revise", people["payer"], kst(2026, 3, 31, 10), revision="x")
    assert "the revision period has ended" in late.message
    act(requested, "revise", people["officer"], kst(2026, 3, 31, 11), revision="signed late")
    assert requested.state == "review_requested"
    act(requested, "refer_to_committee", people["officer"], kst(2026, 4, 1, 10))
    act(requested, "decide", people["officer"], kst(2026, 4, 15, 10), outcome="not_accepted",
        reasons="The price was not genuine")
    assert requested.data["outcome"] == "not_accepted"


def test_a_request_not_revised_in_time_can_only_be_decided_not_reviewed(requested, people):
    act(requested, "order_revision", people["officer"], kst(2026, 3, 23, 10), revision_days=5,
        matters="sign the request")
    sweep(2026, 3, 31, 0, 1)
    act(requested, "refer_to_committee", people["officer"], kst(2026, 4, 1, 10))
    merits = refused(requested, "decide", people["officer"], kst(2026, 4, 10, 10),
                     outcome="accepted_part", reasons="r")
    assert merits.reason is Refusal.GUARD_FAILED
    assert "no revision was made within the revision period" in merits.message
    act(requested, "decide", people["officer"], kst(2026, 4, 10, 11), outcome="not_reviewed",
        reasons="not revised in time")
    assert requested.state == "decided"


# -- 5. The Customs Appeal Committee is not skipped (118(3)) -------------------------------

def test_a_review_is_decided_after_the_committee_or_on_a_ground_to_decide_without_it(requested,
                                                                                  people):
    at = kst(2026, 4, 1, 10)
    direct = refused(requested, "decide", people["officer"], at, outcome="not_accepted",
                     reasons="r")
    assert "refer the request to the Customs Appeal Committee first" in direct.message
    as_late = refused(requested, "decide", people["officer"], at, outcome="not_accepted",
                      reasons="r", committee_skipped="late_request")
    assert "filed in time (the 30 days ended on 2026-04-02)" in as_late.message
    act(requested, "refer_to_committee", people["officer"], at)
    assert (requested.state, requested.data["referrals"]) == (
        "under_committee_review", 1)
    act(requested, "decide", people["officer"], kst(2026, 4, 8, 10), outcome="not_accepted",
        reasons="The price was not genuine")
    assert requested.state == "decided"


def test_after_the_decision_period_passed_the_request_can_still_be_referred(requested, people):
    sweep(2026, 4, 21, 0, 1)  # 24:00 of Monday 20 April has passed
    assert requested.state == "decision_overdue"
    act(requested, "refer_to_committee", people["officer"], kst(2026, 4, 22, 10))
    assert requested.state == "under_committee_review"


def test_a_reinvestigation_follows_the_committees_review(requested, people):
    skipped = refused(requested, "decide_reinvestigate", people["officer"], kst(2026, 4, 1, 10),
                      scope="invoices", reasons="r")
    assert "refer the request to the Customs Appeal Committee first" in skipped.message


# -- 6. The decision period is met by the notice of the decision (118(3); 42-2(1)7) ---------

def test_the_decision_period_is_met_by_notifying_the_decision_not_by_recording_it(requested,
                                                                                 people):
    act(requested, "refer_to_committee", people["officer"], kst(2026, 4, 1, 10))
    act(requested, "decide", people["officer"], kst(2026, 4, 15, 10), outcome="accepted_part",
        reasons="Freight was double counted")
    assert deadline(requested, "decision").status == DeadlineStatus.OPEN
    act(requested, "record_decision_served", people["officer"], kst(2026, 4, 17, 10),
        decision_served_on="2026-04-16")
    assert (requested.state, requested.data["decision_served_on"]) == ("decided", "2026-04-16")
    decision = deadline(requested, "decision")
    assert decision.status == DeadlineStatus.MET
    assert clock.seoul_date(decision.closed_at) == date(2026, 4, 16)  # the day of the notice


def test_a_decision_not_notified_in_its_30_days_is_not_noted_overdue_once_decided(requested,
                                                                                  people):
    act(requested, "refer_to_committee", people["officer"], kst(2026, 4, 1, 10))
    act(requested, "decide", people["officer"], kst(2026, 4, 17, 10), outcome="accepted_part",
        reasons="r")
    sweep(2026, 4, 21, 0, 1)  # due Monday 20 April, not yet notified
    assert requested.state == "decided"
    assert events(requested, "note_overdue") == []
    assert deadline(requested, "decision").status == DeadlineStatus.MISSED
    act(requested, "record_decision_served", people["officer"], kst(2026, 4, 23, 10),
        decision_served_on="2026-04-22")
    decision = deadline(requested, "decision")
    assert (requested.state, decision.settlement) == ("decided", Settlement.MET)
    assert clock.seoul_date(decision.settled_at) == date(2026, 4, 22)


def test_the_days_of_delay_run_from_the_day_after_the_period_to_the_day_of_the_notice():
    # The 30 days ended on Monday 20 April; notified Wednesday 22 April: 21 and 22 April.
    assert decision_delay(date(2026, 4, 20), date(2026, 4, 22)) == 2
    assert decision_delay(date(2026, 4, 20), date(2026, 4, 20)) == 0
    running = {"decision": DeadlineView("decision", date(2026, 4, 20), None, "open")}
    context = Context(state="decided", role="officer", now=None,
                      values={"decision_served_on": date(2026, 4, 30)}, open_deadlines=running)
    assert decision_facts(context) == {"delay_days": 10}  # 21 to 30 April


def test_the_days_of_delay_are_recorded_on_the_case_for_the_halving_of_42_2_1_7(requested,
                                                                                 people):
    act(requested, "refer_to_committee", people["officer"], kst(2026, 4, 1, 10))
    act(requested, "decide", people["officer"], kst(2026, 4, 28, 10), outcome="accepted_part",
        reasons="r")
    act(requested, "record_decision_served", people["officer"], kst(2026, 4, 30, 10),
        decision_served_on="2026-04-30")
    # Due Monday 20 April; notified Thursday 30 April: 21 to 30 April are 10 days.
    assert requested.data["delay_days"] == 10


def test_collection_waits_for_the_notice_of_the_decision(requested, people):
    act(requested, "refer_to_committee", people["officer"], kst(2026, 4, 1, 10))
    act(requested, "decide", people["officer"], kst(2026, 4, 15, 10), outcome="not_accepted",
        reasons="r")
    early = refused(requested, "proceed_to_assessment", people["officer"], kst(2026, 4, 15, 11))
    assert "record the notice of the decision" in early.message
    act(requested, "record_decision_served", people["officer"], kst(2026, 4, 17, 10),
        decision_served_on="2026-04-16")
    act(requested, "proceed_to_assessment", people["officer"], kst(2026, 4, 17, 11))
    assert requested.state == "ready_to_assess"


# -- 7. Late and posted-in-time requests (118(2)-(4); 121(3) via 118(6)) -------------------

def test_the_30_days_passing_lets_collection_proceed_without_ending_the_case(served, people):
    window_passed(served)
    assert served.closed_at is None
    assert {"request_review", "proceed_to_assessment"} <= triggers(served, people["officer"],
                                                                    kst(2026, 4, 3, 10))


def test_a_request_after_the_30_days_is_received_and_decided_not_reviewed(served, people):
    window_passed(served)
    act(served, "request_review", people["payer"], kst(2026, 4, 6, 10), filed_on="2026-04-06",
        filing_rule="at_office", reasons="r")
    assert served.state == "review_requested"
    # Received Monday 6 April: 7 April + 30 days = Wednesday 6 May.
    assert deadline(served, "decision").due_date == date(2026, 5, 6)
    merits = refused(served, "decide", people["officer"], kst(2026, 4, 8, 10),
                     outcome="accepted_part", reasons="r", committee_skipped="late_request")
    assert merits.message == ("the request was filed on 2026-04-06, after the 30 days of "
                              "Art. 118(2) ended on 2026-04-02: the decision can only be not to "
                              "review it (Art. 118(4)3)")
    act(served, "decide", people["officer"], kst(2026, 4, 8, 11), outcome="not_reviewed",
        reasons="filed after the 30 days", committee_skipped="late_request")
    assert served.data["committee_skipped"] == "late_request"


def test_a_request_posted_within_the_30_days_counts_as_filed_on_their_last_day(served, people):
    window_passed(served)
    # Postmarked Thursday 2 April, the last day; arrived Monday 6 April.
    act(served, "request_review", people["payer"], kst(2026, 4, 6, 10), filed_on="2026-04-06",
        filing_rule="posted_late", posted_on="2026-04-02", reasons="r")
    as_late = refused(served, "decide", people["officer"], kst(2026, 4, 8, 10),
                      outcome="not_reviewed", reasons="r", committee_skipped="late_request")
    assert "filed in time" in as_late.message
    act(served, "refer_to_committee", people["officer"], kst(2026, 4, 8, 11))
    act(served, "decide", people["officer"], kst(2026, 4, 20, 10), outcome="accepted_part",
        reasons="Freight was double counted")
    assert served.data["outcome"] == "accepted_part"


def test_a_request_posted_after_the_30_days_is_late(served, people):
    window_passed(served)
    act(served, "request_review", people["payer"], kst(2026, 4, 6, 10), filed_on="2026-04-06",
        filing_rule="posted_late", posted_on="2026-04-03", reasons="r")
    act(served, "refer_to_committee", people["officer"], kst(2026, 4, 8, 10))
    merits = refused(served, "decide", people["officer"], kst(2026, 4, 20, 10),
                     outcome="not_accepted", reasons="r")
    assert "ended on 2026-04-02" in merits.message


def test_a_posted_request_needs_a_postmark_not_later_than_its_arrival(served, people):
    at = kst(2026, 3, 30, 10)
    missing = refused(served, "request_review", people["payer"], at, filed_on="2026-03-30",
                      filing_rule="posted_late", reasons="r")
    assert "give the postmark date" in missing.message
    after = refused(served, "request_review", people["payer"], kst(2026, 3, 31, 10),
                    filed_on="2026-03-30", filing_rule="posted_late", posted_on="2026-03-31",
                    reasons="r")
    assert after.message == "the postmark (2026-03-31) cannot be later than the arrival " \
                            "(2026-03-30)"


def test_a_request_filed_in_time_but_recorded_after_the_window_closed_is_timely(served, people):
    window_passed(served)
    act(served, "request_review", people["officer"], kst(2026, 4, 6, 10), filed_on="2026-04-02",
        filing_rule="at_office", reasons="lodged on the last day, entered late")
    act(served, "refer_to_committee", people["officer"], kst(2026, 4, 8, 10))
    act(served, "decide", people["officer"], kst(2026, 4, 20, 10), outcome="not_accepted",
        reasons="r")
    assert served.state == "decided"


def test_the_30_days_move_past_workers_day_and_the_weekend(people):
    # Received Wednesday 1 April: 2 April + 30 days = Friday 1 May (Workers' Day), then Saturday
    # and Sunday: the 30 days end on Monday 4 May.
    with clock.frozen(kst(2026, 3, 31, 10)):
        case = open_procedure_case(
            "pre_assessment_review", party=people["payer"].party, office=people["office"],
            actor=people["officer"], values={"shortage": 1, "grounds": "g"})
        db.session.commit()
    act(case, "record_service", people["officer"], kst(2026, 4, 2, 10),
        notice_received_on="2026-04-01")
    assert deadline(case, "review_window").due_date == date(2026, 5, 4)
    sweep(2026, 5, 5, 0, 1)
    act(case, "request_review", people["officer"], kst(2026, 5, 6, 10), filed_on="2026-05-04",
        filing_rule="at_office", reasons="r")
    act(case, "refer_to_committee", people["officer"], kst(2026, 5, 6, 11))
    act(case, "decide", people["officer"], kst(2026, 5, 20, 10), outcome="not_accepted",
        reasons="r")
    assert case.state == "decided"


def test_the_postmaster_filing_of_an_objection_is_no_route_for_this_review(served, people):
    wrong = refused(served, "request_review", people["payer"], kst(2026, 3, 20, 10),
                    filed_on="2026-03-20", filing_rule="postmaster", reasons="r")
    assert wrong.reason is Refusal.INVALID_FIELD and "filing_rule" in wrong.errors


def test_the_request_facts_say_whether_it_was_filed_in_time():
    # The window of a notice received on 3 March ended on Thursday 2 April (4 March + 30 days),
    # as its passed deadline says; posted on its last day, arrived on 6 April: in time.
    window = DeadlineView("review_window", date(2026, 4, 2), None, "missed")
    posted = Context(state="window_passed", role="officer", now=None,
                     data={"notice_received_on": "2026-03-03"},
                     values={"filed_on": date(2026, 4, 6), "filing_rule": "posted_late",
                             "posted_on": date(2026, 4, 2)},
                     deadlines={"review_window": window})
    assert request_facts(posted) == {"filing_period_ends": "2026-04-02", "filed_in_time": True}


def test_the_case_keeps_whether_the_request_was_filed_in_time(served, people):
    window_passed(served)
    act(served, "request_review", people["payer"], kst(2026, 4, 6, 10), filed_on="2026-04-06",
        filing_rule="at_office", reasons="r")
    assert (served.data["filed_in_time"], served.data["filing_period_ends"]) == (
        False, "2026-04-02")


def test_no_collection_after_the_review_was_accepted_in_whole(requested, people):
    act(requested, "refer_to_committee", people["officer"], kst(2026, 4, 1, 10))
    act(requested, "decide", people["officer"], kst(2026, 4, 15, 10), outcome="accepted_full",
        reasons="The price was genuine")
    act(requested, "record_decision_served", people["officer"], kst(2026, 4, 17, 10),
        decision_served_on="2026-04-16")
    blocked = refused(requested, "proceed_to_assessment", people["officer"], kst(2026, 4, 17, 11))
    assert "accepted in whole (Art. 118(4)2)" in blocked.message
    act(requested, "close_without_assessment", people["officer"], kst(2026, 4, 17, 12))
    assert requested.state == "closed"


# -- 10. A reinvestigation ordered by the review ends in an amended notice (118(4)2) --------

def reinvestigate(case, people):
    act(case, "refer_to_committee", people["officer"], kst(2026, 4, 1, 10))
    return act(case, "decide_reinvestigate", people["officer"], kst(2026, 4, 15, 10),
               scope="the freight invoices", reasons="facts to verify")


def test_a_reinvestigation_ordered_by_the_review_awaits_the_amended_notice(requested, people):
    event = reinvestigate(requested, people)
    assert requested.state == "reinvestigating"
    child = db.session.scalar(select(Case).where(Case.reference == event.payload["opened"]))
    assert child.data["parent_reference"] == requested.reference
    officer = people["officer"]
    assert "proceed_to_assessment" not in triggers(requested, officer, kst(2026, 4, 16, 10))
    act(requested, "record_reinvestigation_served", officer, kst(2026, 4, 17, 10),
        decision_served_on="2026-04-16")
    assert deadline(requested, "decision").status == DeadlineStatus.MET
    # The office that gave the notice reinvestigates and notifies the amended notice (118(4)2):
    # one action, on the reinvestigation, that the review waits for.
    assert "record_amended_notice" not in triggers(requested, officer, kst(2026, 5, 20, 9))
    act(child, "notify_amended_notice", officer, kst(2026, 5, 20, 10), amendment="amended",
        amended_shortage=300_000, amended_notice_on="2026-05-19", findings="freight counted once")
    db.session.refresh(requested)
    assert (requested.state, requested.data["amended_shortage"]) == ("notice_amended", 300_000)
    last = db.session.scalars(select(CaseEvent).where(CaseEvent.case_id == requested.id)
                              .order_by(CaseEvent.seq.desc())).first()
    assert (last.trigger, last.payload["from"]) == ("record_amended_notice", child.reference)
    act(requested, "proceed_to_assessment", officer, kst(2026, 5, 20, 11))
    assert requested.state == "ready_to_assess"


def test_an_amended_notice_that_leaves_nothing_to_collect_closes_the_case(requested, people):
    event = reinvestigate(requested, people)
    child = db.session.scalar(select(Case).where(Case.reference == event.payload["opened"]))
    act(child, "notify_amended_notice", people["officer"], kst(2026, 5, 20, 10),
        amendment="withdrawn", amended_shortage=0, amended_notice_on="2026-05-19",
        findings="no shortage")
    db.session.refresh(requested)
    nothing = refused(requested, "proceed_to_assessment", people["officer"],
                      kst(2026, 5, 20, 11))
    assert "leaves no shortage to collect" in nothing.message
    act(requested, "close_without_assessment", people["officer"], kst(2026, 5, 20, 12))
    assert requested.state == "closed"


def test_a_late_request_is_not_reinvestigated(served, people):
    window_passed(served)
    act(served, "request_review", people["payer"], kst(2026, 4, 6, 10), filed_on="2026-04-06",
        filing_rule="at_office", reasons="r")
    act(served, "refer_to_committee", people["officer"], kst(2026, 4, 8, 10))
    late = refused(served, "decide_reinvestigate", people["officer"], kst(2026, 4, 9, 10),
                   scope="s", reasons="r")
    assert "can only be decided not to be reviewed (Art. 118(4)3)" in late.message


# -- 11. Attorneys, perusal and withdrawal (118(6) → 126, 130) -----------------------------

def test_an_attorney_may_act_in_the_review_and_withdraws_only_with_special_authority(requested,
                                                                                      people):
    event = act(requested, "appoint_attorney", people["payer"], kst(2026, 3, 23, 10),
                attorney_name="Kim", attorney_kind="customs_broker", amount_in_dispute=500_000,
                authority_document="power of attorney 1")
    assert event.article == "Art. 118(6) → 126"
    blocked = refused(requested, "withdraw", people["payer"], kst(2026, 3, 24, 10),
                      by_attorney=True)
    assert "special authority" in blocked.message
    withdrawal = act(requested, "withdraw", people["payer"], kst(2026, 3, 24, 11),
                     reason="settled")
    assert withdrawal.article.startswith("Art. 118(6) → 126(4)")
    assert requested.state == "withdrawn"


def test_the_applicant_may_peruse_the_documents_and_state_an_opinion(requested, people):
    event = act(requested, "peruse_or_state_opinion", people["payer"], kst(2026, 3, 25, 10),
                perusal_kind="perusal", requested_on="2026-03-25",
                details="the valuation report")
    assert (event.article, requested.state) == ("Art. 118(6) → 130", "review_requested")


def test_execution_is_not_suspended_in_a_review_before_any_assessment():
    # 118(6) does not apply Art. 125: nothing has been assessed yet.
    assert not procedure_for("pre_assessment_review").has_trigger("suspend_execution")
