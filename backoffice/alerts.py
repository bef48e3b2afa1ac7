"""Alerts to people: reminders before a deadline, escalations after one. Never twice."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from backoffice.extensions import db
from backoffice.models import Alert, Case, Deadline, User
from workflows import clock
from workflows.roles import Role

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def supervisors_of(case: Case) -> list[User]:
    return list(db.session.scalars(
        select(User).where(User.office_id == case.office_id, User.role == Role.SUPERVISOR,
                           User.active.is_(True))
    ))


def responsible_for(case: Case) -> list[User]:
    """The assigned officer, or the office's supervisors while nobody is assigned."""
    if case.assigned_officer is not None and case.assigned_officer.active:
        return [case.assigned_officer]
    return supervisors_of(case)


def send_alert(users: Iterable[User], *, case: Case, deadline: Deadline | None, kind: str,
               key: str, message: str) -> int:
    """Create one alert per user; an alert already sent for the same occasion is skipped."""
    rows = [
        {"user_id": user.id, "case_id": case.id, "deadline_id": deadline.id if deadline else None,
         "kind": kind, "key": key, "message": message, "created_at": clock.now()}
        for user in {u.id: u for u in users}.values()
    ]
    if not rows:
        return 0
    insert = _INSERTS[db.session.get_bind().dialect.name]
    statement = insert(Alert).values(rows).on_conflict_do_nothing().returning(Alert.id)
    return len(db.session.execute(statement).all())


def unread_alerts(user: User, limit: int = 20) -> list[Alert]:
    return list(db.session.scalars(
        select(Alert).where(Alert.user_id == user.id, Alert.read_at.is_(None))
        .order_by(Alert.created_at.desc()).limit(limit)
    ))
