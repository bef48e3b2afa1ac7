"""Adjudication and BAI examination are tracked, and the three routes exclude one another."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Deadline
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from workflows import clock
from workflows.clock import SEOUL
from workflows.engine import Refusal, TransitionRefused


def kst(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL)




def filing(**extra):
    return {"disposition": "Payment notice", "disposition_ref": "SEL-2026-1",
            "disposition_kind": "assessment", "filed_on": "2026-03-02", "filing_rule": "online",
            "reasons": "r", **extra}


def open_route(people, procedure, party=None, **values):
    with clock.frozen(kst(2026, 3, 2, 10)):
        case = open_procedure_case(procedure, party=party or people["payer"].party,
                                   office=people["office"], actor=people["officer"],
                                   values=values)
        db.session.commit()
    return case


def test_an_adjudication_is_tracked_to_its_decision_and_the_lawsuit_period(people):
    case = open_route(people, "adjudication", **filing(external_reference="2026관0123"))
    decision = db.session.scalar(select(Deadline).where(Deadline.case_id == case.id))
    assert decision.due_date == date(2026, 6, 1)
    with clock.frozen(kst(2026, 5, 20, 10)):
        fire(case, "record_decision", actor=people["officer"],
             values={"outcome": "rejected", "decision_served_on": "2026-05-22",
                     "summary": "Tribunal upheld the assessment"})
        db.session.commit()
    lawsuit = db.session.scalars(select(Deadline).where(
        Deadline.case_id == case.id, Deadline.kind == "next_step")).one()
    assert (lawsuit.due_date, lawsuit.article) == (date(2026, 8, 20), "Art. 120(3)")
    with clock.frozen(kst(2026, 8, 21, 0, 1)):
        assert enforce_due_deadlines().fired == 1
    db.session.expire_all()
    assert case.state == "closed"


@pytest.mark.parametrize(("first", "second"), [
    ("adjudication", "examination"), ("examination", "bai_examination"),
    ("bai_examination", "adjudication"),
])
def test_only_one_of_examination_adjudication_and_bai_per_disposition(people, first, second):
    extra = {"route": "direct", "period_starts_on": "2026-02-20"} if first == "examination" \
        else {"external_reference": "X-1"}
    open_route(people, first, **filing(**extra))
    extra = {"route": "direct", "period_starts_on": "2026-02-20"} if second == "examination" \
        else {"external_reference": "X-2"}
    with clock.frozen(kst(2026, 3, 3, 10)), pytest.raises(TransitionRefused) as refused:
        open_procedure_case(second, party=people["payer"].party, office=people["office"],
                            actor=people["officer"], values=filing(**extra))
    assert refused.value.reason is Refusal.GUARD_FAILED
    assert "Art. 119(10)" in refused.value.message


def test_another_disposition_or_party_is_not_excluded(people, make):
    open_route(people, "adjudication", **filing(external_reference="X-1"))
    open_route(people, "examination", **filing(disposition_ref="SEL-2026-2", route="direct",
                                               period_starts_on="2026-02-20"))
    other = make.party("JANE DOE")
    open_route(people, "bai_examination", party=other, **filing(external_reference="B-1"))
