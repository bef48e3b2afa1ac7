"""Pre-assessment review (Art. 118) on the engine and a real database."""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import CaseEvent, DeadlineStatus
from backoffice.workflow import open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.procedure_helpers import act, deadline, kst
from workflows import clock
from workflows.engine import Refusal, TransitionRefused


def open_review(people, trigger=None, **values):
    with clock.frozen(kst(2026, 3, 2, 10)):
        case = open_procedure_case(
            "pre_assessment_review", party=people["payer"].party, office=people["office"],
            actor=people["officer"], assigned_officer=people["officer"], trigger=trigger,
            values={"shortage": 500_000, "grounds": "undervaluation", **values})
        db.session.commit()
    return case


@pytest.fixture
def served(people):
    case = open_review(people)
    act(case, "record_service", people["officer"], kst(2026, 3, 4, 10),
        notice_received_on="2026-03-03")
    return case


def test_review_may_be_requested_within_30_days_of_receiving_the_notice(served):
    window = deadline(served, "review_window")
    assert window.due_date == date(2026, 4, 2)
    assert window.article == "Art. 118(2)"


def test_an_exemption_must_name_its_ground(people):
    with clock.frozen(kst(2026, 3, 2, 10)), pytest.raises(TransitionRefused) as refused:
        open_procedure_case("pre_assessment_review", party=people["payer"].party,
                            office=people["office"], actor=people["officer"],
                            trigger="collect_without_notice",
                            values={"shortage": 1, "grounds": "x"})
    assert refused.value.reason is Refusal.INVALID_FIELD
    assert "exemption" in refused.value.errors
    case = open_review(people, trigger="collect_without_notice", exemption="5")
    assert case.state == "ready_to_assess"
    assert case.data["exemption"] == "5"


def test_early_rectification_is_applied_at_once(served, people):
    event = act(served, "rectify_early", people["payer"], kst(2026, 3, 10, 10),
                rectified_shortage=200_000)
    assert served.state == "ready_to_assess"
    assert event.article == "Art. 118(5)"
    assert deadline(served, "review_window").status == DeadlineStatus.MET


def test_an_unused_window_lets_collection_proceed(served, people):
    # Received Tue 3 March: the 30 days run 4 March - Thu 2 April, to 24:00.
    with clock.frozen(kst(2026, 4, 3, 0, 1)):
        assert enforce_due_deadlines().fired == 1
    db.session.expire_all()
    assert served.state == "window_passed"
    act(served, "proceed_to_assessment", people["officer"], kst(2026, 4, 3, 10))
    assert served.state == "ready_to_assess"


def test_decision_due_30_days_after_the_request_and_overdue_is_recorded(served, people):
    act(served, "request_review", people["payer"], kst(2026, 3, 20, 10), filed_on="2026-03-20",
        filing_rule="online", reasons="The price was genuine")
    assert deadline(served, "decision").due_date == date(2026, 4, 20)
    with clock.frozen(kst(2026, 4, 21, 0, 1)):
        enforce_due_deadlines()
    db.session.expire_all()
    overdue = db.session.scalars(select(CaseEvent).where(
        CaseEvent.case_id == served.id, CaseEvent.trigger == "note_overdue")).one()
    assert overdue.article == "Art. 118(3); 42-2(1)7"
    act(served, "refer_to_committee", people["officer"], kst(2026, 4, 22, 10))
    act(served, "decide", people["officer"], kst(2026, 4, 28, 10), outcome="accepted_part",
        reasons="Freight was double counted")
    assert served.data["outcome"] == "accepted_part"


def test_a_revision_stops_the_decision_clock(served, people):
    act(served, "request_review", people["payer"], kst(2026, 3, 20, 10), filed_on="2026-03-20",
        filing_rule="at_office", reasons="r")
    act(served, "order_revision", people["officer"], kst(2026, 3, 23, 10), revision_days=5,
        matters="sign the request")
    act(served, "revise", people["payer"], kst(2026, 3, 26, 10), revision="signed")
    assert served.state == "review_requested"
    # 19 April (a Sunday) + the 3 days of 23-25 March = Wednesday 22 April
    assert deadline(served, "decision").due_date == date(2026, 4, 22)


def test_a_reinvestigation_decision_opens_a_reinvestigation_case(served, people):
    from backoffice.models import Case

    act(served, "request_review", people["payer"], kst(2026, 3, 20, 10), filed_on="2026-03-20",
        filing_rule="online", reasons="r")
    act(served, "refer_to_committee", people["officer"], kst(2026, 3, 30, 10))
    event = act(served, "decide_reinvestigate", people["officer"], kst(2026, 4, 1, 10),
                scope="the freight invoices", reasons="facts to verify")
    child = db.session.scalar(select(Case).where(Case.reference == event.payload["opened"]))
    assert (child.procedure, child.data["ordered_by"]) == ("reinvestigation",
                                                          "pre_assessment_review")
