"""The history of a case is append-only and tamper-evident."""

import pytest
from sqlalchemy import select, text

from backoffice.audit import AuditViolation, append_event, verify_chain
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent
from workflows.roles import Role


def tamper(statement: str) -> None:
    """Run ``statement`` as a database administrator who bypasses the append-only guard.

    PostgreSQL: triggers are skipped for this one connection (session_replication_role), so
    the shared test schema keeps its guard. SQLite: each test has its own file; drop them.
    """
    with db.engine.begin() as connection:
        if db.engine.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        else:
            connection.execute(text("DROP TRIGGER case_events_no_update"))
            connection.execute(text("DROP TRIGGER case_events_no_delete"))
        connection.execute(text(statement))


@pytest.fixture
def case_with_history(app_ctx, make):
    officer = make.user("officer", Role.OFFICER)
    case = make.case(party=make.party(), actor=officer)
    append_event(case, actor=officer, trigger="request_revision", from_state="filed",
                 to_state="in_revision", reason="Missing evidence", article="Art. 123(1)")
    append_event(case, actor=officer, trigger="revise", from_state="in_revision",
                 to_state="filed", payload={"documents": 2})
    db.session.commit()
    return case


def test_every_event_carries_the_hash_of_the_previous_one(case_with_history):
    events = db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case_with_history.id).order_by(CaseEvent.seq)
    ).all()
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[0].prev_hash == "0" * 64
    assert events[1].prev_hash == events[0].hash
    assert events[2].prev_hash == events[1].hash
    assert case_with_history.event_head_hash == events[2].hash
    assert list(verify_chain(db.session)) == []


def test_audit_chain_detects_an_edited_event(case_with_history):
    tamper("UPDATE case_events SET reason = 'Evidence complete' WHERE seq = 2")
    breaks = list(verify_chain(db.session))
    assert [(b.seq, b.problem) for b in breaks] == [(2, "content does not match its hash")]
    assert breaks[0].reference == case_with_history.reference


def test_audit_chain_detects_a_removed_last_event(case_with_history):
    tamper("DELETE FROM case_events WHERE seq = 3")
    breaks = list(verify_chain(db.session))
    assert [str(b) for b in breaks] == [
        f"{case_with_history.reference} case head: the last event is not the one the case recorded"
    ]


def test_audit_chain_detects_a_removed_middle_event(case_with_history):
    tamper("DELETE FROM case_events WHERE seq = 2")
    problems = [(b.seq, b.problem) for b in verify_chain(db.session)]
    assert (3, "expected event 2") in problems
    assert (3, "does not follow the previous event") in problems


def test_the_orm_refuses_to_modify_an_event(case_with_history):
    first = db.session.scalar(select(CaseEvent).where(CaseEvent.seq == 1))
    first.reason = "rewritten"
    with pytest.raises(AuditViolation):
        db.session.flush()
    db.session.rollback()


def test_the_orm_refuses_to_delete_an_event(case_with_history):
    db.session.delete(db.session.scalar(select(CaseEvent).where(CaseEvent.seq == 1)))
    with pytest.raises(AuditViolation):
        db.session.flush()
    db.session.rollback()


def test_appending_events_bumps_the_case_version_once_per_commit(case_with_history):
    assert db.session.get(Case, case_with_history.id).version == 2


def test_audit_verify_command_reports_ok_then_the_break(case_with_history, runner):
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert "OK" in result.output and "3 events" in result.output
    tamper("UPDATE case_events SET article = 'Art. 999' WHERE seq = 2")
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"BROKEN {case_with_history.reference} event 2" in result.output
