"""Alerts to people: reminders before a deadline, escalations after one, new filings. Never
twice; shown one line per case and duty, until the user acknowledges it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from backoffice.extensions import db
from backoffice.models import Alert, Case, Deadline, User
from backoffice.sql import dialect_insert
from workflows import clock
from workflows.roles import Role


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
    statement = dialect_insert(Alert).values(rows).on_conflict_do_nothing().returning(Alert.id)
    return len(db.session.execute(statement).all())


@dataclass(frozen=True)
class AlertLine:
    """The alerts of one case and one duty (or one occasion without a duty), as one line.

    What the line says about a deadline is read when the page is shown (how late it is now),
    not the words stored when the alert was sent.
    """

    case: Case
    deadline: Deadline | None
    kind: str
    message: str
    latest: datetime
    ids: tuple[int, ...]
    acknowledged: bool


def alert_lines(user: User, *, acknowledged: bool = False, limit: int = 20) -> list[AlertLine]:
    """``user``'s alerts, newest first, one line per case and duty; unread ones, or with
    ``acknowledged`` the ones already acknowledged (the most recent)."""
    read = Alert.read_at.is_not(None) if acknowledged else Alert.read_at.is_(None)
    rows = db.session.scalars(
        select(Alert).where(Alert.user_id == user.id, read)
        .options(joinedload(Alert.case), joinedload(Alert.deadline))
        .order_by(Alert.created_at.desc(), Alert.id.desc()).limit(limit * 5)
    )
    lines: dict[tuple, list[Alert]] = {}
    for alert in rows:
        key = (alert.case_id, alert.deadline_id) if alert.deadline_id else (
            alert.case_id, alert.kind, alert.key)
        lines.setdefault(key, []).append(alert)
    return [AlertLine(group[0].case, group[0].deadline, group[0].kind, group[0].message,
                      group[0].created_at, tuple(a.id for a in group), acknowledged)
            for group in list(lines.values())[:limit]]


def acknowledge(user: User, alert_ids: Iterable[int]) -> int:
    """Mark ``user``'s alerts read; another user's ids are ignored. Returns how many."""
    ids = [i for i in alert_ids if isinstance(i, int)]
    if not ids:
        return 0
    return db.session.execute(
        update(Alert).where(Alert.user_id == user.id, Alert.id.in_(ids),
                            Alert.read_at.is_(None))
        .values(read_at=clock.now())
    ).rowcount
