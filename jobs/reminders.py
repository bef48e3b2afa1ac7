"""Remind the responsible officer before a deadline passes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from backoffice.alerts import responsible_for, send_alert
from backoffice.extensions import db
from backoffice.models import Deadline, DeadlineStatus
from jobs import messages
from workflows import clock

BATCH_SIZE = 500


def send_reminders(now: datetime | None = None) -> int:
    """Send the reminders that fell due, one per deadline and reminder day; return how many."""
    today = clock.seoul_date(now or clock.now())
    sent = 0
    while True:
        deadlines = db.session.scalars(
            select(Deadline)
            .where(Deadline.status == DeadlineStatus.OPEN, Deadline.next_reminder_on <= today)
            .order_by(Deadline.next_reminder_on, Deadline.id)
            .limit(BATCH_SIZE)
        ).all()
        if not deadlines:
            return sent
        for deadline in deadlines:
            sent += _remind(deadline, today)
        db.session.commit()


def _remind(deadline: Deadline, today: date) -> int:
    case = deadline.case
    reminder_day = deadline.next_reminder_on
    days_left = (deadline.due_date - today).days
    label = messages.deadline_label(case.procedure, deadline.kind)
    if deadline.early_warning_on == reminder_day:
        kind = "early_warning"
        message = (f"{case.reference}: counted as a civil petition, the {label} period "
                   f"ends on {deadline.early_warning_on}, before the Act's {deadline.due_date} "
                   f"({deadline.article}).")
    else:
        kind = "reminder"
        message = (f"{case.reference}: {label} due {deadline.due_date} "
                   f"({deadline.article}), {days_left} day{'s' if days_left != 1 else ''} left.")
    count = send_alert(responsible_for(case), case=case, deadline=deadline, kind=kind,
                       key=reminder_day.isoformat(), message=message)
    upcoming = sorted(date.fromisoformat(d) for d in deadline.reminders or [])
    following = [d for d in upcoming if d > today]
    deadline.next_reminder_on = following[0] if following else None
    return count
