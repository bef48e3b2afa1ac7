"""Objection (Art. 132 with Arts. 121-123, 127-129 applied), on the engine and a real database."""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, DeadlineStatus
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.procedure_helpers import act, deadline, kst
from workflows import clock
from workflows.engine import Refusal, TransitionRefused
from workflows.procedures.objection import EXCLUDED_DISPOSITIONS

FILING = {"disposition_ref": "2026-0301", "disposition": "Payment notice 2026-0301 (KRW 1,200,000)",
          "disposition_kind": "assessment", "notice_received_on": "2026-02-20",
          "filed_on": "2026-03-02", "filing_rule": "online",
          "reasons": "The goods are personal effects."}


@pytest.fixture
def objection(people):
    with clock.frozen(kst(2026, 3, 2, 10)):
        case = open_procedure_case("objection", party=people["payer"].party,
                                   office=people["office"], actor=people["payer"],
                                   assigned_officer=people["officer"], values=FILING)
        db.session.commit()
    return case


def test_objection_decision_due_30_days_after_filing(objection):
    decision = deadline(objection, "decision")
    assert decision.due_date == date(2026, 4, 1)
    assert decision.article == "Art. 132(4) → 128(2)"
    assert decision.on_expiry == "transition:note_overdue"


def test_written_opinion_due_7_days_after_receipt(objection):
    assert deadline(objection, "opinion").due_date == date(2026, 3, 9)


def test_issuing_the_opinion_meets_its_deadline_and_the_decision_period_runs_on(
    objection, people
):
    act(objection, "issue_opinion", people["officer"], kst(2026, 3, 6, 9),
        opinion="Classified under heading 8471; invoice shows commercial quantity.")
    assert deadline(objection, "opinion").status == DeadlineStatus.MET
    assert deadline(objection, "decision").status == DeadlineStatus.OPEN


def test_counter_evidence_turns_the_decision_period_into_60_days(objection, people):
    act(objection, "issue_opinion", people["officer"], kst(2026, 3, 6, 9), opinion="grounds")
    act(objection, "submit_counter_evidence", people["payer"], kst(2026, 3, 10, 9),
        counter_evidence_on="2026-03-10", evidence="Purchase receipts for personal use")
    decision = deadline(objection, "decision")
    assert decision.period == "60d"
    assert decision.due_date == date(2026, 5, 1 + 3)  # 1 May is Workers' Day/Labor Day, then
    # the weekend: Friday 1 May → Monday 4 May


def test_revision_pause_moves_the_decision_deadline_by_exactly_the_revision_days(
    objection, people
):
    act(objection, "order_revision", people["officer"], kst(2026, 3, 5, 10),
        revision_days=10, matters="Attach the disposition notice")
    assert deadline(objection, "revision").due_date == date(2026, 3, 16)  # 15th is a Sunday
    act(objection, "revise", people["payer"], kst(2026, 3, 12, 15), revision="attached")
    decision = deadline(objection, "decision")
    assert decision.due_date == date(2026, 4, 8)  # 1 April + 7 days of revision (5th-11th)
    assert "7 days not counted" in str(decision.explanation)
    assert deadline(objection, "revision").status == DeadlineStatus.MET


@pytest.mark.parametrize("kind", sorted(EXCLUDED_DISPOSITIONS))
def test_an_excluded_disposition_cannot_be_objected_to(people, kind):
    with clock.frozen(kst(2026, 3, 2, 10)), pytest.raises(TransitionRefused) as refused:
        open_procedure_case("objection", party=people["payer"].party, office=people["office"],
                            actor=people["payer"], values={**FILING, "disposition_kind": kind})
    assert refused.value.reason is Refusal.GUARD_FAILED
    assert "Art. 119(1)" in refused.value.message


@pytest.mark.parametrize("ground", ["a", "d", "e"])  # (b) and (c) need facts: test_appeals_law
def test_each_dismissal_ground_of_article_128_1_1_is_recorded(objection, people, ground):
    event = act(objection, "decide_dismiss", people["supervisor"], kst(2026, 3, 20, 10),
                ground=ground, reasons="see ground")
    assert objection.state == "decided"
    assert objection.data["ground"] == ground
    assert event.article == "Art. 128(1)1 via 132(4)"
    assert event.payload["notices"] == ["objection_decision"]


def test_acceptance_and_rejection_come_after_the_committee(objection, people):
    with clock.frozen(kst(2026, 3, 20, 10)), pytest.raises(TransitionRefused) as refused:
        fire(objection, "decide_reject", actor=people["officer"], values={"reasons": "x"})
    db.session.rollback()
    assert refused.value.reason is Refusal.GUARD_FAILED
    assert "Customs Appeal Committee" in refused.value.message
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    act(objection, "decide_accept", people["supervisor"], kst(2026, 3, 25, 10), extent="part",
        reasons="Part of the goods were personal effects")
    assert objection.data["extent"] == "part"
    assert deadline(objection, "decision").status == DeadlineStatus.OPEN  # until served
    act(objection, "record_decision_served", people["officer"], kst(2026, 3, 27, 10),
        decision_served_on="2026-03-26")
    assert deadline(objection, "decision").status == DeadlineStatus.MET


def test_redeliberation_may_be_requested_only_once(objection, people):
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    act(objection, "request_redeliberation", people["supervisor"], kst(2026, 3, 21, 10),
        grounds="The resolution ignores Art. 30")
    with clock.frozen(kst(2026, 3, 22, 10)), pytest.raises(TransitionRefused, match="only once"):
        fire(objection, "request_redeliberation", actor=people["supervisor"],
             values={"grounds": "again"})


def test_art_129_2_notice_is_issued_exactly_once_and_a_late_decision_follows(objection, people):
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    for _ in range(3):
        with clock.frozen(kst(2026, 4, 2, 0, 1)):
            enforce_due_deadlines()
    db.session.expire_all()
    notices = db.session.scalars(select(CaseEvent).where(
        CaseEvent.case_id == objection.id, CaseEvent.trigger == "note_overdue")).all()
    assert len(notices) == 1
    assert notices[0].payload["notices"] == ["overdue_decision_notice"]
    assert notices[0].effective_at == kst(2026, 4, 2)
    assert objection.state == "decision_overdue"
    act(objection, "decide_reject", people["supervisor"], kst(2026, 4, 10, 10),
        reasons="late but reasoned decision")
    assert objection.state == "decided"


def test_the_next_step_period_runs_from_receipt_of_the_decision_and_closes_the_case(
    objection, people
):
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    act(objection, "decide_reject", people["supervisor"], kst(2026, 3, 25, 10), reasons="r")
    assert deadline(objection, "next_step") is None
    act(objection, "record_decision_served", people["officer"], kst(2026, 3, 30, 10),
        decision_served_on="2026-03-27")
    next_step = deadline(objection, "next_step")
    assert next_step.due_date == date(2026, 6, 25)
    with clock.frozen(kst(2026, 6, 26, 0, 1)):
        assert enforce_due_deadlines().fired == 1
    db.session.expire_all()
    assert objection.state == "closed"
    assert objection.closed_at == kst(2026, 6, 26)


def test_withdrawal_cancels_what_still_runs(objection, people):
    act(objection, "withdraw", people["payer"], kst(2026, 3, 4, 10), reason="settled")
    assert objection.state == "withdrawn"
    assert {deadline(objection, k).status for k in ("opinion", "decision")} == {
        DeadlineStatus.CANCELLED}


def test_a_reinvestigation_decision_opens_a_case_limited_to_its_scope(objection, people):
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    event = act(objection, "decide_reinvestigate", people["supervisor"], kst(2026, 3, 25, 10),
                scope="Verify the declared transaction value of invoice 77",
                reasons="Facts need verification")
    child = db.session.scalar(select(Case).where(Case.reference == event.payload["opened"]))
    assert child.procedure == "reinvestigation"
    assert child.data["scope"] == "Verify the declared transaction value of invoice 77"
    assert child.data["parent_reference"] == objection.reference
    # 24 May is a Sunday and 25 May the substitute holiday for Buddha's Birthday.
    assert deadline(child, "reinvestigation").due_date == date(2026, 5, 26)


def test_a_reinvestigation_is_suspended_extended_and_its_result_can_be_contested(
    objection, people
):
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    event = act(objection, "decide_reinvestigate", people["supervisor"], kst(2026, 3, 25, 10),
                scope="invoice 77", reasons="r")
    child = db.session.scalar(select(Case).where(Case.reference == event.payload["opened"]))
    act(child, "suspend", people["officer"], kst(2026, 4, 1, 10), reason="awaiting the seller")
    act(child, "resume", people["officer"], kst(2026, 4, 11, 10))
    # 24 May + the 10 days stopped = 3 June, the local election day.
    assert deadline(child, "reinvestigation").due_date == date(2026, 6, 4)
    act(child, "extend", people["officer"], kst(2026, 4, 20, 10), extended_days=20,
        reason="overseas inquiry")
    assert deadline(child, "reinvestigation").due_date == date(2026, 6, 23)
    act(child, "notify_result", people["officer"], kst(2026, 6, 2, 10), result="rectified",
        result_served_on="2026-06-02", findings="Value reduced")
    assert deadline(child, "next_step").due_date == date(2026, 8, 31)
    assert deadline(child, "reinvestigation").status == DeadlineStatus.MET


def test_an_attorney_is_a_lawyer_a_customs_broker_or_family_below_the_threshold(
    objection, people
):
    with clock.frozen(kst(2026, 3, 5, 10)), pytest.raises(TransitionRefused, match="126"):
        fire(objection, "appoint_attorney", actor=people["payer"],
             values={"attorney_name": "Kim", "attorney_kind": "family",
                     "amount_in_dispute": 50_000_000, "authority_document": "POA-1"})
    db.session.rollback()
    act(objection, "appoint_attorney", people["payer"], kst(2026, 3, 5, 10),
        attorney_name="Lee & Partners", attorney_kind="customs_broker",
        amount_in_dispute=50_000_000, authority_document="POA-2")
    assert objection.state == "filed"
    assert objection.data["attorney_kind"] == "customs_broker"


def test_an_attorney_withdraws_only_with_special_authority(objection, people):
    act(objection, "appoint_attorney", people["payer"], kst(2026, 3, 5, 10),
        attorney_name="Park", attorney_kind="lawyer", amount_in_dispute=1_000_000,
        authority_document="POA-3", special_authority=False)
    with clock.frozen(kst(2026, 3, 6, 10)), pytest.raises(TransitionRefused, match="126\\(4\\)"):
        fire(objection, "withdraw", actor=people["officer"], values={"by_attorney": True})
    db.session.rollback()
    act(objection, "withdraw", people["payer"], kst(2026, 3, 6, 10), reason="own decision")
    assert objection.state == "withdrawn"


def test_execution_of_the_disposition_can_be_suspended_without_moving_the_case(
    objection, people
):
    event = act(objection, "suspend_execution", people["supervisor"], kst(2026, 3, 5, 10),
                execution_suspended=True, reason="Seizure of the goods would ruin the business")
    assert objection.state == "filed"
    assert objection.data["execution_suspended"] is True
    assert (event.from_state, event.to_state, event.article) == ("filed", "filed",
                                                                  "Art. 125(1)-(2)")
    assert deadline(objection, "decision").status == DeadlineStatus.OPEN


def test_the_filing_period_is_90_days_from_receipt_of_the_disposition_notice(objection):
    assert objection.data["filing_period_ends"] == "2026-05-21"
    assert objection.data["filed_in_time"] is True


def test_ground_b_dismisses_only_a_late_objection(objection, people):
    with clock.frozen(kst(2026, 3, 20, 10)), pytest.raises(TransitionRefused,
                                                           match="filed in time"):
        fire(objection, "decide_dismiss", actor=people["supervisor"],
             values={"ground": "b", "reasons": "late"})
    db.session.rollback()
    with clock.frozen(kst(2026, 3, 2, 10)):
        late = open_procedure_case("objection", party=people["payer"].party,
                                   office=people["office"], actor=people["payer"],
                                   values={**FILING, "notice_received_on": "2025-11-20",
                                           "disposition_ref": "2025-1120"})
        db.session.commit()
    assert late.data["filed_in_time"] is False
    act(late, "decide_dismiss", people["supervisor"], kst(2026, 3, 20, 10), ground="b",
        reasons="Filed after the 90 days of Art. 121(1)")
    assert late.data["ground"] == "b"


def test_a_posted_objection_arriving_late_counts_as_filed_on_the_last_day(people):
    with clock.frozen(kst(2026, 5, 26, 10)):
        case = open_procedure_case("objection", party=people["payer"].party,
                                   office=people["office"], actor=people["payer"],
                                   values={**FILING, "filed_on": "2026-05-26",
                                           "filing_rule": "posted_late",
                                           "posted_on": "2026-05-21"})
        db.session.commit()
    assert case.data["filed_on"] == "2026-05-21"
    assert case.data["received_on"] == "2026-05-26"
    assert case.data["filed_in_time"] is True
    assert deadline(case, "decision").starts_on == date(2026, 5, 21)


def test_the_objector_revises_within_the_period_ordered_and_not_after(objection, people):
    act(objection, "order_revision", people["officer"], kst(2026, 3, 5, 10),
        revision_days=10, matters="Attach the disposition notice")
    # 5 March + 10 days = Sun 15 March → Mon 16 March (Art. 8(3)); passed at 24:00
    with clock.frozen(kst(2026, 3, 17, 9)), pytest.raises(TransitionRefused,
                                                         match="revision period ended"):
        fire(objection, "revise", actor=people["payer"], values={"revision": "late"})
    db.session.rollback()
    with clock.frozen(kst(2026, 3, 17, 9, 30)):
        enforce_due_deadlines()  # the scheduler records the lapse (Art. 123(1))
    db.session.expire_all()
    assert objection.state == "revision_lapsed"
    with clock.frozen(kst(2026, 3, 17, 10)), pytest.raises(TransitionRefused,
                                                          match="revision period has ended"):
        fire(objection, "revise", actor=people["payer"], values={"revision": "late"})
    db.session.rollback()
    act(objection, "revise", people["officer"], kst(2026, 3, 17, 10),
        revision="Received by post on 16 March")
    assert objection.state == "revised"  # back with the office, not before the committee
