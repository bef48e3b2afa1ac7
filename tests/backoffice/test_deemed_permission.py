"""Applications deemed granted on silence (Arts. 134 to 250): the engine on a real database."""

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from backoffice.extensions import db
from backoffice.models import Alert, Case, CaseEvent, Deadline, DeadlineStatus, User
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from jobs.reminders import send_reminders
from workflows import clock
from workflows.clock import SEOUL
from workflows.engine import Refusal, TransitionRefused


def kst(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL)




@pytest.fixture
def apply(people):
    def receive(received_on: date, kind: str = "161", at: datetime | None = None) -> Case:
        with clock.frozen(at or kst(received_on.year, received_on.month, received_on.day, 10)):
            case = open_procedure_case(
                "deemed_permission", party=people["payer"].party, office=people["office"],
                actor=people["officer"], assigned_officer=people["officer"],
                values={"permission_kind": kind, "received_on": received_on.isoformat(),
                        "application": "12 sample bottles"},
            )
            db.session.commit()
        return case

    return receive


def processing(case: Case) -> Deadline:
    return db.session.scalars(
        select(Deadline).where(Deadline.case_id == case.id, Deadline.kind == "processing")
        .order_by(Deadline.id.desc())
    ).first()


def events(case: Case) -> list[CaseEvent]:
    return list(db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq)))


def sweep(at: datetime):
    with clock.frozen(at):
        return enforce_due_deadlines()


def test_processing_period_is_ten_days_from_receipt_counted_under_art_8(apply):
    case = apply(date(2026, 3, 2))
    deadline = processing(case)
    assert deadline.due_date == date(2026, 3, 12)
    assert deadline.article == "Art. 161(2)"
    assert deadline.on_expiry == "transition:deem_grant"
    assert deadline.explanation[0]["text"] == "receipt of the application 2026-03-02"


def test_permission_is_deemed_granted_on_the_day_after_the_period_ends(apply):
    case = apply(date(2026, 3, 2))
    assert sweep(kst(2026, 3, 12, 23, 59)).processed == 0
    result = sweep(kst(2026, 3, 13, 0, 0, 30))
    assert result.fired == 1
    db.session.expire_all()
    assert case.state == "deemed_granted"
    deemed = events(case)[-1]
    assert (deemed.trigger, deemed.article) == ("deem_grant", "Art. 161(3)")
    assert deemed.effective_at == kst(2026, 3, 13, 0, 0)
    assert deemed.payload["notices"] == ["deemed_grant_confirmation"]
    assert processing(case).status == DeadlineStatus.MISSED


def test_the_day_of_effect_is_not_rolled_over_even_on_a_saturday(apply):
    case = apply(date(2026, 3, 3))
    assert processing(case).due_date == date(2026, 3, 13)
    sweep(kst(2026, 3, 14, 0, 1))
    db.session.expire_all()
    assert events(case)[-1].effective_at == kst(2026, 3, 14, 0, 0)


def test_a_period_ending_on_a_saturday_runs_to_monday(apply):
    case = apply(date(2026, 3, 4))
    assert processing(case).due_date == date(2026, 3, 16)
    assert sweep(kst(2026, 3, 16, 12)).processed == 0


def test_a_grant_within_the_period_meets_it_and_nothing_fires_later(apply, people):
    case = apply(date(2026, 3, 2))
    with clock.frozen(kst(2026, 3, 10, 11)):
        fire(case, "grant", actor=people["officer"], values={"conditions": "bottles only"},
             expected_version=case.version)
        db.session.commit()
    assert case.state == "granted"
    assert case.closed_at == kst(2026, 3, 10, 11)
    assert processing(case).status == DeadlineStatus.MET
    assert sweep(kst(2026, 4, 1)).processed == 0
    assert [e.trigger for e in events(case)] == ["receive", "grant"]


def test_a_decision_after_the_period_ended_is_refused_and_changes_nothing(apply, people):
    case = apply(date(2026, 3, 2))
    version = case.version
    with clock.frozen(kst(2026, 3, 13, 9)), pytest.raises(TransitionRefused) as refused:
        fire(case, "refuse", actor=people["officer"], values={"reasons": "late"})
    db.session.rollback()
    assert refused.value.reason is Refusal.GUARD_FAILED
    assert "deemed granted from 2026-03-13" in refused.value.message
    assert (case.state, case.version, len(events(case))) == ("received", version, 1)


def test_an_extension_notified_within_the_period_moves_the_end(apply, people):
    case = apply(date(2026, 3, 2))
    with clock.frozen(kst(2026, 3, 11, 15)):
        fire(case, "extend", actor=people["officer"],
             values={"extension_days": 10, "reasons": "laboratory test"})
        db.session.commit()
    assert case.state == "extended"
    extended = processing(case)
    # 10 processing days after Thu 12 March: 13, 16-20, 23-26 (weekends not counted) → 26th.
    assert extended.due_date == date(2026, 3, 26)
    assert extended.start_event == "end of the running processing period"
    assert sweep(kst(2026, 3, 13, 1)).processed == 0
    assert sweep(kst(2026, 3, 27, 0, 5)).fired == 1


def test_the_period_may_be_extended_and_re_extended_but_not_a_third_time(apply, people):
    case = apply(date(2026, 3, 2))
    with clock.frozen(kst(2026, 3, 5, 10)):
        for _ in range(2):
            fire(case, "extend", actor=people["officer"],
                 values={"extension_days": 5, "reasons": "more documents"})
        db.session.commit()
        with pytest.raises(TransitionRefused, match="extended and re-extended"):
            fire(case, "extend", actor=people["officer"],
                 values={"extension_days": 5, "reasons": "again"})
    db.session.rollback()
    assert case.data["extensions"] == 2


def test_a_wrong_role_changes_nothing(apply, people):
    case = apply(date(2026, 3, 2))
    version = case.version
    with clock.frozen(kst(2026, 3, 5, 10)), pytest.raises(TransitionRefused) as refused:
        fire(case, "grant", actor=people["payer"], values={})
    db.session.rollback()
    assert refused.value.reason is Refusal.NOT_PERMITTED
    assert (case.state, case.version, len(events(case))) == ("received", version, 1)


def test_a_stale_version_is_refused(apply, people):
    case = apply(date(2026, 3, 2))
    with clock.frozen(kst(2026, 3, 5, 10)), pytest.raises(TransitionRefused) as refused:
        fire(case, "grant", actor=people["officer"], values={},
             expected_version=case.version - 1)
    assert refused.value.reason is Refusal.STALE_VERSION


def test_invalid_fields_change_nothing(apply, people):
    case = apply(date(2026, 3, 2))
    with clock.frozen(kst(2026, 3, 5, 10)), pytest.raises(TransitionRefused) as refused:
        fire(case, "extend", actor=people["officer"], values={"extension_days": "30"})
    db.session.rollback()
    assert refused.value.reason is Refusal.INVALID_FIELD
    assert set(refused.value.errors) == {"extension_days", "reasons"}
    assert case.state == "received"


def test_two_officers_deciding_at_once_one_wins(app, apply, people):
    case_id = apply(date(2026, 3, 2)).id
    officer_id = people["officer"].id
    ready = threading.Barrier(2)
    outcomes = []

    def decide(trigger, values):
        with app.app_context(), clock.frozen(kst(2026, 3, 5, 10)):
            case = db.session.get(Case, case_id)
            officer = db.session.get(User, officer_id)
            ready.wait()
            try:
                fire(case, trigger, actor=officer, values=values, expected_version=1)
                db.session.commit()
                outcomes.append(trigger)
            except StaleDataError:
                db.session.rollback()
                outcomes.append("conflict")
            except TransitionRefused as refused:
                db.session.rollback()
                assert refused.reason in (Refusal.STALE_VERSION, Refusal.NOT_AVAILABLE)
                outcomes.append("conflict")

    threads = [threading.Thread(target=decide, args=("grant", {})),
               threading.Thread(target=decide, args=("refuse", {"reasons": "no"}))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) in (["conflict", "grant"], ["conflict", "refuse"])
    db.session.expire_all()
    case = db.session.get(Case, case_id)
    assert case.state in ("granted", "refused")
    assert len(events(case)) == 2


def test_a_refusal_after_a_deemed_grant_is_a_revocation_with_reasons(apply, people):
    case = apply(date(2026, 3, 2))
    sweep(kst(2026, 3, 13, 0, 1))
    db.session.expire_all()
    with clock.frozen(kst(2026, 3, 16, 10)):
        with pytest.raises(TransitionRefused):
            fire(case, "refuse", actor=people["officer"], values={"reasons": "x"})
        fire(case, "revoke", actor=people["supervisor"],
             values={"reasons": "the samples are prohibited goods"})
        db.session.commit()
    assert case.state == "revoked"
    assert [e.trigger for e in events(case)] == ["receive", "deem_grant", "revoke"]


def test_each_kind_uses_its_own_paragraphs(apply):
    case = apply(date(2026, 3, 2), kind="213-250")
    assert processing(case).article == "Art. 213(5) → 250(4)"
    sweep(kst(2026, 3, 13, 0, 1))
    db.session.expire_all()
    assert events(case)[-1].article == "Art. 213(5) → 250(5)"


def test_the_civil_petition_count_warns_when_it_ends_first(app, apply):
    app.config["DEEMED_PERMISSION_PERIODS"] = {"161": "20d"}
    case = apply(date(2026, 3, 2))
    deadline = processing(case)
    assert deadline.due_date == date(2026, 3, 23)
    # 2 March 2026 is the substitute holiday for Independence Movement Day: not counted.
    assert deadline.early_warning_on == date(2026, 3, 16)
    with clock.frozen(kst(2026, 3, 16, 8)):
        assert send_reminders() == 1
    alert = db.session.scalar(select(Alert))
    assert alert.kind == "early_warning"
    assert "ends on 2026-03-16" in alert.message


def test_reminders_go_to_the_assigned_officer_once(apply, people):
    case = apply(date(2026, 3, 2))
    assert processing(case).reminders == ["2026-03-09", "2026-03-11"]
    with clock.frozen(kst(2026, 3, 9, 8)):
        assert send_reminders() == 1
        assert send_reminders() == 0
    alert = db.session.scalar(select(Alert))
    assert (alert.user_id, alert.kind) == (people["officer"].id, "reminder")
    assert "due 2026-03-12 (Art. 161(2)), 3 days left" in alert.message


def test_a_deemed_grant_escalates_to_the_supervisors(apply, people):
    apply(date(2026, 3, 2))
    sweep(kst(2026, 3, 13, 0, 1))
    recipients = set(db.session.scalars(select(Alert.user_id).where(Alert.kind == "escalation")))
    assert recipients == {people["supervisor"].id, people["officer"].id}


def test_a_deadline_takes_effect_once_however_often_the_sweep_runs(apply):
    case = apply(date(2026, 3, 2))
    results = [sweep(kst(2026, 3, 13, 0, 1)).fired for _ in range(3)]
    assert results == [1, 0, 0]
    db.session.expire_all()
    assert [e.trigger for e in events(case)].count("deem_grant") == 1


def test_a_crash_between_claim_and_effect_leaves_the_deadline_for_the_next_sweep(
    apply, monkeypatch
):
    case = apply(date(2026, 3, 2))

    def crash(*args, **kwargs):
        raise RuntimeError("power failure")

    monkeypatch.setattr("jobs.bulk.write_batch", crash)
    monkeypatch.setattr("jobs.enforce.fire", crash)
    result = sweep(kst(2026, 3, 13, 0, 1))
    assert result.failed == [processing(case).id]
    db.session.expire_all()
    assert processing(case).status == DeadlineStatus.OPEN
    assert len(events(case)) == 1
    monkeypatch.undo()
    assert sweep(kst(2026, 3, 13, 0, 2)).fired == 1
    db.session.expire_all()
    assert [e.trigger for e in events(case)] == ["receive", "deem_grant"]


def test_after_downtime_deadlines_take_effect_in_due_order_with_their_legal_dates(apply):
    cases = [apply(date(2026, 3, day)) for day in (5, 2, 3)]
    sweep(kst(2026, 4, 1, 9))
    db.session.expire_all()
    deemed = db.session.scalars(
        select(CaseEvent).where(CaseEvent.trigger == "deem_grant").order_by(CaseEvent.id)
    ).all()
    assert [e.effective_at for e in deemed] == [kst(2026, 3, 13), kst(2026, 3, 14),
                                               kst(2026, 3, 17)]
    assert all(e.occurred_at == kst(2026, 4, 1, 9) for e in deemed)
    assert {c.state for c in cases} == {"deemed_granted"}
    assert all(e.effective_at.tzinfo is not None for e in deemed)
    assert deemed[0].effective_at.astimezone(UTC) == datetime(2026, 3, 12, 15, tzinfo=UTC)
    assert timedelta(0) < deemed[0].occurred_at - deemed[0].effective_at
