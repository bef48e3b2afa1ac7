"""Adjudication and BAI examination are tracked, and the three routes exclude one another."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from backoffice.deadlines.operations import extension_refused
from backoffice.extensions import db
from backoffice.models import Deadline
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from workflows import clock
from workflows.clock import SEOUL
from workflows.engine import Refusal, TransitionRefused
from workflows.procedures.external import ADJUDICATION, BAI_EXAMINATION


def kst(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL)




def filing(**extra):
    return {"disposition": "Payment notice", "disposition_ref": "SEL-2026-1",
            "disposition_kind": "assessment", "filed_on": "2026-03-02", "filing_rule": "online",
            "reasons": "r", **extra}


def route_values(procedure: str, reference: str) -> dict:
    if procedure == "examination":
        return {"route": "direct", "period_starts_on": "2026-02-20"}
    if procedure == "bai_examination":
        return {"external_reference": reference, "notice_received_on": "2026-02-20"}
    return {"external_reference": reference}


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
    with clock.frozen(kst(2026, 5, 22, 10)):
        fire(case, "record_decision", actor=people["officer"],
             values={"outcome": "rejected", "decision_served_on": "2026-05-22",
                     "summary": "Tribunal upheld the assessment"})
        db.session.commit()
    lawsuit = db.session.scalars(select(Deadline).where(
        Deadline.case_id == case.id, Deadline.kind == "next_step")).one()
    assert (lawsuit.due_date, lawsuit.article) == (date(2026, 8, 20),
                                                   "Art. 120(3) (peremptory, 120(6))")
    with clock.frozen(kst(2026, 8, 21, 0, 1)):
        assert enforce_due_deadlines().fired == 1
    db.session.expire_all()
    assert case.state == "closed"


@pytest.mark.parametrize(("first", "second"), [
    ("adjudication", "examination"), ("examination", "bai_examination"),
    ("bai_examination", "adjudication"),
])
def test_only_one_of_examination_adjudication_and_bai_per_disposition(people, first, second):
    extra = route_values(first, "X-1")
    open_route(people, first, **filing(**extra))
    extra = route_values(second, "X-2")
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
    open_route(people, "bai_examination", party=other,
               **filing(external_reference="B-1", notice_received_on="2026-02-20"))


def bai(people, *, notice_received_on: str, filed_on: str):
    with clock.frozen(kst(2026, 4, 7, 10)):
        case = open_procedure_case(
            "bai_examination", party=people["payer"].party, office=people["office"],
            actor=people["officer"],
            values=filing(external_reference="BAI-7", notice_received_on=notice_received_on,
                          filed_on=filed_on))
        db.session.commit()
    return case


def test_a_bai_examination_records_when_the_disposition_notice_was_received(people):
    case = bai(people, notice_received_on="2026-01-05", filed_on="2026-04-06")
    assert case.data["notice_received_on"] == "2026-01-05"
    fields = {f.name: f for f in BAI_EXAMINATION.transition("file").fields}
    assert fields["notice_received_on"].label_ko == "처분 통지 수령일"


def test_an_adjudication_does_not_ask_for_the_notice_receipt():
    names = {f.name for f in ADJUDICATION.transition("file").fields}
    assert "notice_received_on" not in names


@pytest.mark.parametrize(("filed_on", "in_time"), [("2026-04-06", True), ("2026-04-07", False)])
def test_a_bai_examination_is_due_90_days_after_the_notice_is_received(people, filed_on,
                                                                       in_time):
    # Art. 119(5): notice received Mon 5 Jan 2026; 90 days from 6 Jan: 26 in January, 28 in
    # February, 31 in March, 5 in April → Sun 5 Apr, rolled to Mon 6 Apr (Art. 8(3)).
    # Peremptory (119(7)): filed 7 Apr is late.
    case = bai(people, notice_received_on="2026-01-05", filed_on=filed_on)
    assert case.data["filing_period_ends"] == "2026-04-06"
    assert case.data["filed_in_time"] is in_time


def test_the_lawsuit_after_a_bai_decision_is_due_in_90_peremptory_days(people):
    # Art. 119(6): decision received Fri 22 May; 90 days from 23 May: 9 in May, 30 in June,
    # 31 in July, 20 in August → Thu 20 Aug. Peremptory (119(7)): no officer may extend it.
    case = bai(people, notice_received_on="2026-01-05", filed_on="2026-04-06")
    with clock.frozen(kst(2026, 5, 25, 10)):
        fire(case, "record_decision", actor=people["officer"],
             values={"outcome": "rejected", "decision_served_on": "2026-05-22",
                     "summary": "BAI upheld the disposition"})
        db.session.commit()
    lawsuit = db.session.scalars(select(Deadline).where(
        Deadline.case_id == case.id, Deadline.kind == "next_step")).one()
    assert (lawsuit.due_date, lawsuit.article) == (date(2026, 8, 20),
                                                   "Art. 119(6) (peremptory, 119(7))")
    assert "cannot extend" in extension_refused(lawsuit)


@pytest.mark.parametrize("procedure", [ADJUDICATION, BAI_EXAMINATION])
def test_no_external_deadline_is_ours_to_extend_or_waive(procedure):
    for specs in procedure.deadlines.values():
        for spec in specs:
            assert (spec.extension, spec.waiver) == ("", "")
