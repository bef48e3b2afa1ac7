"""(a) Transitions per second through the engine against bare SQLAlchemy doing the same writes.

Both extend the processing period of received applications: the case row is updated under its
version, an event is appended, the running deadline is closed and the new one inserted, one
commit each. The bare baseline skips everything else the engine does: roles, guards, fields,
the state machine, the audit hash chain and the statutory calendar.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert, select, update

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline
from backoffice.workflow import fire
from bench.common import bulk_applications, legal_now, seed_people, timed
from workflows import clock

TRANSITIONS = 600


def measure(app) -> dict[str, float]:
    now = legal_now()
    with app.app_context():
        office, party, officer = seed_people()
        bulk_applications(2 * TRANSITIONS, 0, now, office, party, officer)
        officer_id = officer.id

    def engine_run() -> None:
        with app.app_context(), clock.frozen(now):
            from backoffice.models import User

            actor = db.session.get(User, officer_id)
            for case_id in range(1, TRANSITIONS + 1):
                case = db.session.get(Case, case_id)
                fire(case, "extend", actor=actor, expected_version=case.version,
                     values={"extension_days": 5, "reasons": "laboratory test"})
                db.session.commit()

    def bare_run() -> None:
        with app.app_context():
            connection = db.session.connection()
            for case_id in range(TRANSITIONS + 1, 2 * TRANSITIONS + 1):
                version = connection.execute(
                    select(Case.version).where(Case.id == case_id)).scalar_one()
                connection.execute(update(Case).where(Case.id == case_id, Case.version == version)
                                   .values(state="extended", version=version + 1,
                                           event_count=2, event_head_hash="x" * 64,
                                           updated_at=now))
                connection.execute(insert(CaseEvent).values(
                    case_id=case_id, seq=2, occurred_at=now, effective_at=now, actor_id=officer_id,
                    actor_label="officer", trigger="extend", from_state="received",
                    to_state="extended", reason="laboratory test", article="Art. 161(3)",
                    payload={}, prev_hash="x" * 64, hash="y" * 64))
                connection.execute(update(Deadline).where(Deadline.case_id == case_id,
                                                          Deadline.status == "open")
                                   .values(status="met", closed_at=now))
                connection.execute(insert(Deadline).values(
                    case_id=case_id, kind="processing", article="Art. 161(3)", start_event="end",
                    starts_on=now.date(), due_date=now.date() + timedelta(days=5),
                    due_at=now + timedelta(days=5), status="open", on_expiry="transition",
                    explanation=[], opened_at=now, period="5d", rollover=True, backward=False,
                    suspensions=[], reminders=[]))
                db.session.commit()
                connection = db.session.connection()

    bare = timed(bare_run)
    engine = timed(engine_run)
    return {
        "engine_transitions_per_s": TRANSITIONS / engine,
        "bare_transitions_per_s": TRANSITIONS / bare,
        "engine_vs_bare_ratio": engine / bare,
    }
