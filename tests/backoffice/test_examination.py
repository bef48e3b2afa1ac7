"""Request for examination (Arts. 121 to 128) on the engine and a real database."""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import CaseEvent, DeadlineStatus
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.procedure_helpers import act, deadline, kst
from workflows import clock
from workflows.engine import Refusal, TransitionRefused

FILING = {"disposition_ref": "VAL-2026-77",
          "disposition": "Valuation of imported machinery (KRW 30,000,000)",
          "disposition_kind": "classification", "route": "direct",
          "period_starts_on": "2026-02-20", "filed_on": "2026-03-02", "filing_rule": "at_office",
          "reasons": "Royalties are not part of the customs value."}


@pytest.fixture
def request_(people):
    with clock.frozen(kst(2026, 3, 2, 10)):
        case = open_procedure_case("examination", party=people["payer"].party,
                                   office=people["office"], actor=people["payer"],
                                   assigned_officer=people["officer"], values=FILING)
        db.session.commit()
    return case




def test_the_office_forwards_the_request_with_its_opinion_within_7_days(request_, people):
    forwarding = deadline(request_, "forwarding")
    assert forwarding.due_date == date(2026, 3, 9)
    event = act(request_, "forward", people["officer"], kst(2026, 3, 6, 10), opinion="opinion")
    assert forwarding.status == DeadlineStatus.MET
    assert event.payload["notices"] == ["opinion_copy"]


def test_examination_decision_due_90_days_after_filing(request_):
    assert deadline(request_, "decision").due_date == date(2026, 6, 1)  # 31 May is a Sunday


def test_only_the_commissioner_side_decides(request_, people):
    act(request_, "forward", people["officer"], kst(2026, 3, 6, 10), opinion="opinion")
    with clock.frozen(kst(2026, 3, 10, 10)), pytest.raises(TransitionRefused) as refused:
        fire(request_, "refer_to_committee", actor=people["officer"])
    assert refused.value.reason is Refusal.NOT_PERMITTED


def test_a_revision_is_not_counted_in_the_90_days(request_, people):
    act(request_, "forward", people["officer"], kst(2026, 3, 6, 10), opinion="opinion")
    act(request_, "order_revision", people["supervisor"], kst(2026, 3, 10, 10),
        revision_days=20, matters="state the amount contested")
    act(request_, "revise", people["payer"], kst(2026, 3, 25, 10), revision="KRW 3,000,000")
    decision = deadline(request_, "decision")
    assert decision.due_date == date(2026, 6, 15)  # 31 May + the 15 days of 10-24 March
    assert "15 days not counted" in str(decision.explanation)


def test_an_undecided_request_tells_the_claimant_they_may_sue_and_stays_open(request_, people):
    act(request_, "forward", people["officer"], kst(2026, 3, 6, 10), opinion="opinion")
    act(request_, "refer_to_committee", people["supervisor"], kst(2026, 3, 12, 10))
    with clock.frozen(kst(2026, 6, 2, 0, 1)):
        assert enforce_due_deadlines().fired == 1
    db.session.expire_all()
    overdue = db.session.scalars(select(CaseEvent).where(
        CaseEvent.case_id == request_.id, CaseEvent.trigger == "note_overdue")).one()
    assert overdue.article == "Art. 129(2)2"
    assert overdue.effective_at == kst(2026, 6, 2)
    act(request_, "decide_accept", people["supervisor"], kst(2026, 6, 10, 10), extent="full",
        reasons="Royalties excluded")
    assert request_.state == "decided"


def test_the_lawsuit_period_runs_90_days_from_receipt_of_the_decision(request_, people):
    act(request_, "forward", people["officer"], kst(2026, 3, 6, 10), opinion="opinion")
    act(request_, "refer_to_committee", people["supervisor"], kst(2026, 3, 12, 10))
    act(request_, "decide_reject", people["supervisor"], kst(2026, 4, 20, 10), reasons="r")
    act(request_, "record_decision_served", people["officer"], kst(2026, 4, 24, 10),
        decision_served_on="2026-04-23")
    assert deadline(request_, "next_step").due_date == date(2026, 7, 22)
    act(request_, "lawsuit_filed", people["payer"], kst(2026, 6, 1, 10))
    assert request_.state == "closed"
    assert deadline(request_, "next_step").status == DeadlineStatus.MET
