"""The appeals read against the Act (Arts. 119 to 132), on the engine and a real database.

Each test is a rule of the Act. Dates are counted by hand under Art. 8: a period in days does
not count its first day (Civil Act 157) and ends at 24:00 of its last day; a last day on a
Saturday, Sunday, public holiday or Workers' Day (1 May) moves to the next working day. 2026:
Mon 2 Mar is the substitute holiday for 1 March; Fri 1 May is Workers' Day.

The objection below reaches the office on Mon 2 Mar 2026 (filed online: it counts when
transmitted, Art. 129-2(2)). Its written opinion is due in 7 days, 3 to 9 Mar (Mon); its decision
in 30 days, 3 Mar to Wed 1 Apr (Art. 132(4) → 128(2)); its filing period ran 90 days from the
disposition notice received on Fri 20 Feb: 21 Feb to Thu 21 May (Art. 121(1) via 132(4)).
"""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.deadlines.standing import Standing, read
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, DeadlineStatus
from backoffice.workflow import open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.procedure_helpers import act, deadline, kst, refused
from workflows import clock
from workflows.engine import Refusal, TransitionRefused
from workflows.procedures import procedure_for
from workflows.procedures.appeals import FAMILY_ATTORNEY_LIMIT, filing_period

OBJECTION = {"disposition_ref": "2026-0301",
             "disposition": "Payment notice 2026-0301 (KRW 1,200,000)",
             "disposition_kind": "assessment", "notice_received_on": "2026-02-20",
             "filed_on": "2026-03-02", "filing_rule": "online",
             "reasons": "The goods are personal effects."}
EXAMINATION = {"disposition_ref": "VAL-2026-77",
               "disposition": "Valuation of imported machinery (KRW 30,000,000)",
               "disposition_kind": "classification", "route": "direct",
               "period_starts_on": "2026-02-20", "filed_on": "2026-03-02",
               "filing_rule": "at_office", "reasons": "Royalties are not customs value."}


def _open(people, procedure: str, values: dict, at=None):
    with clock.frozen(at or kst(2026, 3, 2, 10)):
        case = open_procedure_case(procedure, party=people["payer"].party,
                                   office=people["office"], actor=people["payer"],
                                   assigned_officer=people["officer"], values=values)
        db.session.commit()
    return case




def _refused_opening(people, procedure: str, values: dict, at=None) -> TransitionRefused:
    with clock.frozen(at or kst(2026, 3, 2, 10)), pytest.raises(TransitionRefused) as refused:
        open_procedure_case(procedure, party=people["payer"].party, office=people["office"],
                            actor=people["payer"], values=values)
    db.session.rollback()
    return refused.value


def _events(case, trigger: str) -> list[CaseEvent]:
    return db.session.scalars(select(CaseEvent).where(
        CaseEvent.case_id == case.id, CaseEvent.trigger == trigger)).all()


@pytest.fixture
def objection(people):
    return _open(people, "objection", OBJECTION)


@pytest.fixture
def request_(people):
    return _open(people, "examination", EXAMINATION)


# Item 1: Art. 128(4), 123(1) via 132(4) ------------------------------------------------------

def test_an_unanswered_revision_order_stops_the_decision_clock_only_for_the_revision_period(
    objection, people
):
    act(objection, "order_revision", people["officer"], kst(2026, 3, 5, 10),
        revision_days=10, matters="Attach the disposition notice")
    # 10 days from Fri 6 Mar end on Sun 15 Mar, moved to Mon 16 Mar (Art. 8(3)).
    assert deadline(objection, "revision").due_date == date(2026, 3, 16)
    with clock.frozen(kst(2026, 3, 17, 0, 1)):
        enforce_due_deadlines()
    db.session.expire_all()
    lapsed = _events(objection, "revision_lapsed")
    assert [e.effective_at for e in lapsed] == [kst(2026, 3, 17)]  # 24:00 of 16 Mar
    assert objection.state == "revision_lapsed"
    decision = deadline(objection, "decision")
    assert decision.suspended_since is None  # the clock runs again from 17 Mar
    # The revision period itself is not counted (Art. 128(4)): 6 to 16 Mar, 11 days (the day
    # after the order to the period's last day, Civil Act Art. 157). 1 Apr + 11 = Sun 12 Apr,
    # moved to Mon 13 Apr (Art. 8(3)).
    assert decision.due_date == date(2026, 4, 13)
    with clock.frozen(kst(2026, 4, 13, 23, 59)):
        assert enforce_due_deadlines().fired == 0
    with clock.frozen(kst(2026, 4, 14, 0, 1)):
        assert enforce_due_deadlines().fired == 1
    db.session.expire_all()
    overdue = _events(objection, "note_overdue")
    assert [e.effective_at for e in overdue] == [kst(2026, 4, 14)]  # Art. 129(2)1
    assert overdue[0].payload["notices"] == ["overdue_decision_notice"]
    assert objection.state == "decision_overdue"


def test_after_the_revision_period_only_the_office_records_a_late_revision(objection, people):
    act(objection, "order_revision", people["officer"], kst(2026, 3, 5, 10),
        revision_days=10, matters="Attach the disposition notice")
    with clock.frozen(kst(2026, 3, 17, 0, 1)):
        enforce_due_deadlines()  # the period ended on Mon 16 Mar (see above)
    db.session.expire_all()
    refusal = refused(objection, "revise", people["payer"], kst(2026, 3, 18, 10),
                       revision="late")
    assert refusal.reason is Refusal.GUARD_FAILED and "Art. 123(1)" in refusal.message
    act(objection, "revise", people["officer"], kst(2026, 3, 18, 10),
        revision="Arrived by post on 18 March")
    assert objection.state == "revised"
    # The clock already ran again from 17 Mar: the late revision changes nothing in it.
    assert deadline(objection, "decision").due_date == date(2026, 4, 13)
    # A late revision is a revision "not made within the period" (Art. 128(1)1(c)).
    act(objection, "decide_dismiss", people["supervisor"], kst(2026, 3, 20, 10), ground="c",
        reasons="The revision arrived after the period ordered")
    assert objection.data["ground"] == "c"


def test_ground_c_dismisses_only_where_the_revision_period_passed_unanswered(objection, people):
    act(objection, "order_revision", people["officer"], kst(2026, 3, 5, 10),
        revision_days=10, matters="Attach the disposition notice")
    act(objection, "revise", people["payer"], kst(2026, 3, 12, 15), revision="attached")
    refusal = refused(objection, "decide_dismiss", people["supervisor"], kst(2026, 3, 20, 10),
                       ground="c", reasons="no revision")
    assert refusal.reason is Refusal.GUARD_FAILED
    assert "ground (c) applies only" in refusal.message


def test_a_revision_recorded_after_its_period_but_before_the_sweep_is_late_for_ground_c(
    objection, people
):
    """Ordered on Thu 5 Mar for 10 days: 6 to 15 Mar (Sun), moved to Mon 16 Mar. The office
    records the revision at 00:30 on 17 Mar, before any sweep saw the period pass: it came
    after the period, so ground (c) applies (128(1)1(c))."""
    act(objection, "order_revision", people["officer"], kst(2026, 3, 5, 10),
        revision_days=10, matters="Attach the disposition notice")
    assert deadline(objection, "revision").due_date == date(2026, 3, 16)
    act(objection, "revise", people["officer"], kst(2026, 3, 17, 0, 30), revision="attached")
    assert objection.state == "revised"
    act(objection, "decide_dismiss", people["supervisor"], kst(2026, 3, 20, 10), ground="c",
        reasons="the revision came after the period")
    assert objection.data["ground"] == "c"


def test_a_revision_returns_the_objection_to_the_office_not_to_the_committee(objection, people):
    act(objection, "order_revision", people["officer"], kst(2026, 3, 3, 10),
        revision_days=5, matters="Sign the objection")
    act(objection, "revise", people["payer"], kst(2026, 3, 4, 10), revision="signed")
    assert objection.state == "revised"
    # Nothing was referred: a decision on the merits still needs the committee (127(1)).
    refusal = refused(objection, "decide_reject", people["supervisor"], kst(2026, 3, 5, 10),
                       reasons="groundless")
    assert "Customs Appeal Committee" in refusal.message
    act(objection, "issue_opinion", people["officer"], kst(2026, 3, 5, 10), opinion="grounds")
    assert deadline(objection, "opinion").status == DeadlineStatus.MET  # by Mon 9 Mar
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 6, 10))
    assert objection.state == "under_deliberation"


def test_a_revision_returns_the_request_for_examination_to_the_commissioner(request_, people):
    act(request_, "forward", people["officer"], kst(2026, 3, 6, 10), opinion="opinion")
    act(request_, "order_revision", people["supervisor"], kst(2026, 3, 10, 10),
        revision_days=20, matters="state the amount contested")
    act(request_, "revise", people["payer"], kst(2026, 3, 25, 10), revision="KRW 3,000,000")
    assert request_.state == "forwarded"


def test_an_unanswered_revision_of_a_request_for_examination_restarts_its_90_days(
    request_, people
):
    act(request_, "forward", people["officer"], kst(2026, 3, 6, 10), opinion="opinion")
    act(request_, "order_revision", people["supervisor"], kst(2026, 3, 10, 10),
        revision_days=7, matters="state the amount contested")
    # 7 days from Wed 11 Mar end on Tue 17 Mar; the lapse is at 24:00 (18 Mar 00:00).
    with clock.frozen(kst(2026, 3, 18, 0, 1)):
        enforce_due_deadlines()
    db.session.expire_all()
    assert request_.state == "revision_lapsed"
    # 90 days from 3 Mar end on Sun 31 May; + the 7 days of the revision period (11 to 17 Mar)
    # = Sun 7 Jun, moved to Mon 8 Jun (Art. 8(3)).
    assert deadline(request_, "decision").due_date == date(2026, 6, 8)
    act(request_, "refer_to_committee", people["supervisor"], kst(2026, 3, 20, 10))
    assert request_.state == "under_deliberation"


# Item 2: Art. 121(3) (via 132(4)) -------------------------------------------------------------

def test_posted_in_time_and_arrived_late_needs_the_date_of_posting(people):
    refusal = _refused_opening(people, "objection", {**OBJECTION, "filed_on": "2026-05-26",
                                                     "filing_rule": "posted_late"},
                               at=kst(2026, 5, 26, 10))
    assert refusal.reason is Refusal.GUARD_FAILED and "Art. 121(3)" in refusal.message
    refusal = _refused_opening(people, "examination", {**EXAMINATION, "filed_on": "2026-05-26",
                                                       "filing_rule": "posted_late"},
                               at=kst(2026, 5, 26, 10))
    assert "date of posting" in refusal.message


def test_a_date_of_posting_after_the_arrival_is_refused(people):
    refusal = _refused_opening(people, "objection", {**OBJECTION, "filed_on": "2026-05-26",
                                                     "filing_rule": "posted_late",
                                                     "posted_on": "2026-05-27"},
                               at=kst(2026, 5, 27, 10))
    assert "after the date it arrived" in refusal.message


def test_posted_on_the_last_day_counts_as_filed_on_that_day(people):
    # The filing period ended on Thu 21 May; posted that day, arrived Tue 26 May.
    case = _open(people, "objection", {**OBJECTION, "filed_on": "2026-05-26",
                                       "filing_rule": "posted_late", "posted_on": "2026-05-21"},
                 at=kst(2026, 5, 26, 10))
    assert (case.data["filed_on"], case.data["received_on"]) == ("2026-05-21", "2026-05-26")
    assert case.data["filed_in_time"] is True
    assert case.data["posted_on"] == "2026-05-21"


def test_posted_after_the_last_day_is_late_and_may_be_dismissed_under_ground_b(people):
    # Posted Fri 22 May, the day after the period ended (Thu 21 May): Art. 121(3) does not apply.
    case = _open(people, "objection", {**OBJECTION, "filed_on": "2026-05-26",
                                       "filing_rule": "posted_late", "posted_on": "2026-05-22"},
                 at=kst(2026, 5, 26, 10))
    assert case.data["filed_in_time"] is False
    assert case.data["filing_period_ends"] == "2026-05-21"
    act(case, "decide_dismiss", people["supervisor"], kst(2026, 6, 1, 10), ground="b",
        reasons="Posted after the 90 days of Art. 121(1)")
    assert case.data["ground"] == "b"


def test_the_posting_rule_does_not_cover_the_14_days_after_a_hindrance(people):
    """Art. 121(3) covers the periods of 121(1) and the main clause of 121(2) only: on the
    14 days of 121(4) a request counts when it arrives. The hindrance ended on Tue 10 Mar; the
    14 days from 11 Mar end on Tue 24 Mar; posted that day, arrived Thu 26 Mar: late."""
    case = _open(people, "objection", {
        **OBJECTION, "notice_received_on": "2025-11-20", "route": "after_hindrance",
        "hindrance_ended_on": "2026-03-10", "hindrance": "Typhoon closed the port from 1 Feb "
        "to 10 Mar 2026", "filed_on": "2026-03-26", "filing_rule": "posted_late",
        "posted_on": "2026-03-24"}, at=kst(2026, 3, 26, 10))
    assert case.data["filing_period_ends"] == "2026-03-24"
    assert case.data["filed_in_time"] is False
    assert case.data["filed_on"] == "2026-03-26"


# Item 3: Art. 121(2) proviso ------------------------------------------------------------------

def test_after_an_undecided_objection_the_request_for_examination_has_no_end(people):
    # The objection's decision period ended Wed 1 Apr: the request may be filed from Thu 2 Apr
    # on, without a limit; 90 days would have ended on Wed 1 Jul, and it is filed in November.
    case = _open(people, "examination", {**EXAMINATION, "route": "objection_overdue",
                                         "period_starts_on": "2026-04-02",
                                         "filed_on": "2026-11-30"}, at=kst(2026, 11, 30, 10))
    assert case.data["filed_in_time"] is True
    assert "filing_period_ends" not in case.data
    refusal = refused(case, "decide_dismiss", people["supervisor"], kst(2026, 12, 1, 10),
                       ground="b", reasons="late")
    assert "no filing period runs on this route" in refusal.message


def test_a_request_after_an_undecided_objection_is_not_filed_before_its_period_ended(people):
    refusal = _refused_opening(people, "examination", {**EXAMINATION,
                                                       "route": "objection_overdue",
                                                       "period_starts_on": "2026-04-02",
                                                       "filed_on": "2026-04-01"},
                               at=kst(2026, 4, 2, 10))
    assert refusal.reason is Refusal.GUARD_FAILED
    assert "may be filed from 2026-04-02" in refusal.message


def test_a_bai_examination_is_filed_within_90_days_of_the_disposition_notice():
    assert filing_period("bai_examination", {"notice_received_on": "2026-02-20"}) == (
        "notice_received_on", "90d")  # Art. 119(5)


# Item 5: Arts. 127(1), 132(2) -----------------------------------------------------------------

def test_the_committee_is_not_skipped_after_the_decision_period_passes(objection, people):
    with clock.frozen(kst(2026, 4, 2, 0, 1)):
        enforce_due_deadlines()  # 30 days ended Wed 1 Apr: note_overdue at 24:00
    db.session.expire_all()
    assert objection.state == "decision_overdue"
    refusal = refused(objection, "decide_reject", people["supervisor"], kst(2026, 4, 10, 10),
                       reasons="late")
    assert refusal.reason is Refusal.GUARD_FAILED and "Art. 127(1)" in refusal.message
    act(objection, "refer_to_committee", people["officer"], kst(2026, 4, 10, 10))
    assert objection.state == "under_deliberation"
    assert objection.data["referrals"] == 1
    act(objection, "decide_reject", people["supervisor"], kst(2026, 4, 20, 10),
        reasons="late but deliberated")
    assert objection.state == "decided"


def test_a_case_referred_after_its_decision_period_may_still_go_to_the_next_step(
    objection, people
):
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    refusal = refused(objection, "next_step_filed", people["payer"], kst(2026, 3, 25, 10),
                       next_step="examination")
    assert "runs until 2026-04-01" in refusal.message  # 121(2) proviso: not yet open
    with clock.frozen(kst(2026, 4, 2, 0, 1)):
        enforce_due_deadlines()
    db.session.expire_all()
    act(objection, "refer_to_committee", people["officer"], kst(2026, 4, 3, 10))
    act(objection, "next_step_filed", people["payer"], kst(2026, 4, 6, 10),
        next_step="examination")
    assert objection.state == "closed"


def test_a_decision_on_the_merits_without_the_committee_records_the_decree_ground(
    objection, people
):
    refusal = refused(objection, "decide_accept", people["supervisor"], kst(2026, 3, 20, 10),
                       extent="full", reasons="r", committee_skipped="late_request")
    assert "filed in time" in refusal.message
    act(objection, "decide_accept", people["supervisor"], kst(2026, 3, 20, 10), extent="full",
        reasons="The Decree's case (name it)", committee_skipped="decree_case")
    assert objection.data["committee_skipped"] == "decree_case"


def test_a_dismissal_needs_no_deliberation(objection, people):
    """127(1) proviso: the Decree's cases are those of a request that cannot be admitted, such
    as one filed late (128(1)1): a dismissal is made without referring the case."""
    act(objection, "decide_dismiss", people["supervisor"], kst(2026, 3, 20, 10), ground="d",
        reasons="unlawful request")
    assert objection.state == "decided"


def test_a_case_whose_revision_lapsed_may_be_referred(objection, people):
    act(objection, "order_revision", people["officer"], kst(2026, 3, 5, 10),
        revision_days=10, matters="Attach the disposition notice")
    with clock.frozen(kst(2026, 3, 17, 0, 1)):
        enforce_due_deadlines()
    db.session.expire_all()
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 17, 10))
    assert objection.state == "under_deliberation"


# Item 6: Art. 128(3) --------------------------------------------------------------------------

def test_a_decision_made_in_time_but_served_late_misses_the_decision_period(objection, people):
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    act(objection, "decide_reject", people["supervisor"], kst(2026, 3, 25, 10), reasons="r")
    assert deadline(objection, "decision").status == DeadlineStatus.OPEN
    with clock.frozen(kst(2026, 4, 2, 0, 1)):
        enforce_due_deadlines()  # the 30 days ended Wed 1 Apr, the decision not yet served
    db.session.expire_all()
    assert objection.state == "decided"
    assert _events(objection, "note_overdue") == []  # not undecided: no Art. 129(2) notice
    assert deadline(objection, "decision").status == DeadlineStatus.MISSED
    act(objection, "record_decision_served", people["officer"], kst(2026, 4, 6, 10),
        decision_served_on="2026-04-03")
    decision = deadline(objection, "decision")
    with clock.frozen(kst(2026, 4, 6, 11)):
        reading = read(decision)
    assert (reading.standing, reading.days_late) == (Standing.MET_LATE, 2)  # 1 Apr → 3 Apr
    # The 90 days of Art. 129(1)1 run from the receipt: 4 Apr to Thu 2 Jul.
    assert deadline(objection, "next_step").due_date == date(2026, 7, 2)


def test_a_decision_served_in_time_and_recorded_later_met_the_decision_period(objection, people):
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    act(objection, "decide_reject", people["supervisor"], kst(2026, 3, 25, 10), reasons="r")
    with clock.frozen(kst(2026, 4, 2, 0, 1)):
        enforce_due_deadlines()
    db.session.expire_all()
    act(objection, "record_decision_served", people["officer"], kst(2026, 4, 6, 10),
        decision_served_on="2026-03-30")  # served Mon 30 Mar, within the 30 days
    decision = deadline(objection, "decision")
    assert decision.status == DeadlineStatus.MET
    with clock.frozen(kst(2026, 4, 6, 11)):
        assert read(decision).standing is Standing.MET


@pytest.mark.parametrize("procedure, label_en, label_ko", [
    ("objection", "written decision served on the objector", "이의신청 결정서 송달"),
    ("examination", "written decision served on the claimant", "심사청구 결정서 송달")])
def test_the_decision_period_is_met_by_serving_the_written_decision(procedure, label_en,
                                                                     label_ko):
    spec = procedure_for(procedure).deadline_spec("decision")
    assert (spec.label_en, spec.label_ko) == (label_en, label_ko)
    # served, whichever decision it was (a reinvestigation too)
    assert (spec.met_by, spec.met_on) == (
        ("record_decision_served", "record_reinvestigation_served"), "decision_served_on")
    assert (spec.extension, spec.waiver) == ("", "")  # fixed by law; the 129(2) notice is owed
    assert "decided" not in procedure_for(procedure).transition("note_overdue").source


def test_after_a_reinvestigation_decision_the_objection_waits_for_the_result(objection, people):
    """128(1)3 latter part, 119(4), 121(1): what follows a reinvestigation is contested against
    its result, within 90 days of receiving it; the decision opens no 90 days of its own. The
    objection filed Mon 2 Mar is decided on Fri 20 Mar, served Mon 23 Mar (within its 30 days,
    which end on Wed 1 Apr), and closes when the reinvestigation's result is notified."""
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 10, 10))
    event = act(objection, "decide_reinvestigate", people["supervisor"], kst(2026, 3, 20, 10),
                scope="the invoices", reasons="facts to verify")
    assert objection.state == "reinvestigating"
    act(objection, "record_reinvestigation_served", people["officer"], kst(2026, 3, 24, 10),
        decision_served_on="2026-03-23")
    decision = deadline(objection, "decision")
    assert decision.status == DeadlineStatus.MET
    assert clock.seoul_date(decision.closed_at).isoformat() == "2026-03-23"  # met on service
    assert deadline(objection, "next_step") is None  # no 90 days run from this decision
    child = db.session.scalar(select(Case).where(Case.reference == event.payload["opened"]))
    act(child, "notify_result", people["officer"], kst(2026, 5, 8, 10), result="rectified",
        result_served_on="2026-05-08", findings="value reduced")
    db.session.refresh(objection)
    assert objection.state == "closed"
    assert deadline(child, "next_step").article.startswith("Art. 121(1)")


# Item 8: Arts. 132(5)-(6), 122(5) -------------------------------------------------------------

def test_the_written_opinion_may_be_sent_after_a_referral_and_only_once(objection, people):
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 3, 10))
    refusal = refused(objection, "submit_counter_evidence", people["payer"],
                       kst(2026, 3, 4, 10), counter_evidence_on="2026-03-04", evidence="e")
    assert "has not been sent yet" in refusal.message
    act(objection, "issue_opinion_in_deliberation", people["officer"], kst(2026, 3, 6, 10),
        opinion="Classified under heading 8471")
    assert objection.state == "under_deliberation"
    assert deadline(objection, "opinion").status == DeadlineStatus.MET  # by Mon 9 Mar
    refusal = refused(objection, "issue_opinion_in_deliberation", people["officer"],
                       kst(2026, 3, 7, 10), opinion="again")
    assert "already been sent" in refusal.message


def test_evidence_against_the_opinion_is_received_until_the_decision(objection, people):
    act(objection, "issue_opinion", people["officer"], kst(2026, 3, 6, 9), opinion="grounds")
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 10, 10))
    act(objection, "submit_counter_evidence", people["payer"], kst(2026, 3, 20, 9),
        counter_evidence_on="2026-03-20", evidence="Purchase receipts for personal use")
    assert objection.state == "under_deliberation"
    # 60 days from 3 Mar end on Fri 1 May, Workers' Day, then the weekend: Mon 4 May.
    assert deadline(objection, "decision").due_date == date(2026, 5, 4)


def test_evidence_may_be_submitted_while_a_revision_is_ordered(objection, people):
    act(objection, "issue_opinion", people["officer"], kst(2026, 3, 4, 9), opinion="grounds")
    act(objection, "order_revision", people["officer"], kst(2026, 3, 5, 10),
        revision_days=10, matters="Attach the disposition notice")
    act(objection, "submit_counter_evidence", people["payer"], kst(2026, 3, 6, 9),
        counter_evidence_on="2026-03-06", evidence="receipts")
    assert objection.state == "in_revision"
    assert deadline(objection, "revision").status == DeadlineStatus.OPEN
    act(objection, "revise", people["payer"], kst(2026, 3, 12, 15), revision="attached")
    # 60 days from 3 Mar end on Fri 1 May; + the 7 days stopped, 6 to 12 Mar, Fri 8 May, a
    # working day (the roll-over applies to the last day only).
    assert deadline(objection, "decision").due_date == date(2026, 5, 8)


def test_the_claimant_may_submit_evidence_against_the_opinion_copy_and_the_90_days_stay(
    request_, people
):
    refusal = refused(request_, "submit_counter_evidence", people["payer"],
                       kst(2026, 3, 4, 10), counter_evidence_on="2026-03-04", evidence="e")
    assert refusal.reason is Refusal.NOT_AVAILABLE  # not forwarded: no opinion copy yet
    act(request_, "forward", people["officer"], kst(2026, 3, 6, 10), opinion="opinion")
    act(request_, "submit_counter_evidence", people["payer"], kst(2026, 3, 12, 10),
        counter_evidence_on="2026-03-12", evidence="Licence agreement, clause 4")
    assert request_.state == "forwarded"
    assert request_.data["counter_evidence_on"] == "2026-03-12"
    # Art. 122(5) changes nothing in the period: 90 days from 3 Mar, Sun 31 May → Mon 1 Jun.
    assert deadline(request_, "decision").due_date == date(2026, 6, 1)


# Item 11 --------------------------------------------------------------------------------------

def test_no_objection_where_the_commissioner_processed_the_disposition(people):
    refusal = _refused_opening(people, "objection", {**OBJECTION,
                                                     "commissioner_processed": True})
    assert refusal.reason is Refusal.GUARD_FAILED and "Art. 119(2)" in refusal.message
    _open(people, "examination", {**EXAMINATION, "disposition_ref": "VAL-2026-78"})


@pytest.mark.parametrize("kind", ["objection_decision", "reinvestigation_result"])
def test_no_objection_against_an_objection_decision_or_a_reinvestigation_based_disposition(
    people, kind
):
    refusal = _refused_opening(people, "objection", {**OBJECTION, "disposition_kind": kind})
    assert "Art. 119(4)" in refusal.message


def test_a_reinvestigation_based_disposition_may_be_examined(people):
    case = _open(people, "examination", {**EXAMINATION,
                                         "disposition_kind": "reinvestigation_result"})
    assert case.state == "at_customs_office"  # Art. 119(3) proviso


@pytest.mark.parametrize("procedure, values", [("objection", OBJECTION),
                                               ("examination", EXAMINATION)])
def test_no_appeal_against_a_disposition_on_an_examination_or_adjudication(
    people, procedure, values
):
    refusal = _refused_opening(people, procedure, {**values, "disposition_kind": "appeal_decision"})
    assert "Art. 119(3)" in refusal.message


def test_an_objection_may_be_filed_within_14_days_after_a_hindrance_ended(people):
    # The 90 days from the notice of Thu 20 Nov 2025 ended in February; an Art. 10 hindrance
    # ceased on Tue 10 Mar 2026: 14 days from Wed 11 Mar end on Tue 24 Mar (Art. 121(4)).
    values = {**OBJECTION, "notice_received_on": "2025-11-20", "route": "after_hindrance",
              "hindrance_ended_on": "2026-03-10", "filed_on": "2026-03-20"}
    refusal = _refused_opening(people, "objection", values, at=kst(2026, 3, 20, 10))
    assert "Art. 121(4)" in refusal.message  # the statement of the hindrance is missing
    case = _open(people, "objection", {**values, "hindrance": "Typhoon closed the port from "
                                       "1 Feb to 10 Mar 2026"}, at=kst(2026, 3, 20, 10))
    assert case.data["filing_period_ends"] == "2026-03-24"
    assert case.data["filed_in_time"] is True


def test_a_family_attorney_acts_only_where_less_than_the_threshold_is_in_dispute(
    objection, people
):
    refusal = refused(objection, "appoint_attorney", people["payer"], kst(2026, 3, 5, 10),
                       attorney_name="Kim", attorney_kind="family",
                       amount_in_dispute=FAMILY_ATTORNEY_LIMIT, authority_document="POA-1")
    assert "Art. 126(2)" in refusal.message  # equal to the amount is not "less than" it
    act(objection, "appoint_attorney", people["payer"], kst(2026, 3, 5, 10),
        attorney_name="Kim", attorney_kind="family",
        amount_in_dispute=FAMILY_ATTORNEY_LIMIT - 1, authority_document="POA-1")
    assert objection.data["attorney_kind"] == "family"


def test_the_dismissal_of_an_attorney_is_reported_in_writing(objection, people):
    refusal = refused(objection, "dismiss_attorney", people["payer"], kst(2026, 3, 5, 10),
                       dismissal_report="letter", attorney_dismissed_on="2026-03-05")
    assert "no attorney" in refusal.message
    act(objection, "appoint_attorney", people["payer"], kst(2026, 3, 5, 10),
        attorney_name="Park", attorney_kind="lawyer", amount_in_dispute=1_000_000,
        authority_document="POA-3", special_authority=True)
    event = act(objection, "dismiss_attorney", people["payer"], kst(2026, 3, 9, 10),
                dismissal_report="Letter of 9 March", attorney_dismissed_on="2026-03-09")
    assert (event.article, objection.state) == ("Art. 126(5)", "filed")
    refusal = refused(objection, "withdraw", people["officer"], kst(2026, 3, 10, 10),
                       by_attorney=True)
    assert "no attorney acts" in refusal.message


def test_the_claimant_may_peruse_the_documents_and_state_an_opinion(objection, people):
    event = act(objection, "peruse_or_state_opinion", people["payer"], kst(2026, 3, 5, 10),
                perusal_kind="perusal", requested_on="2026-03-05",
                details="The inspection report of 12 Feb")
    assert (event.article, objection.state) == ("Art. 130", "filed")
    assert objection.data["perusal_kind"] == "perusal"


def test_a_withdrawal_cites_the_article_that_governs_it_in_each_procedure(
    objection, request_, people
):
    withdrawn = act(objection, "withdraw", people["payer"], kst(2026, 3, 4, 10), reason="settled")
    # 132(4) does not apply 120(1), and so not Art. 42 of the Administrative Appeals Act
    assert withdrawn.article.startswith("Art. 126(4)")
    assert "Administrative Appeals Act" not in withdrawn.article
    withdrawn = act(request_, "withdraw", people["payer"], kst(2026, 3, 4, 10), reason="settled")
    assert withdrawn.article.startswith("Art. 120(1) (Administrative Appeals Act Art. 42)")
