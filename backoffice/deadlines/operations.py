"""Opening and extending deadlines on cases; each change is an event in the case's history."""

from __future__ import annotations

from datetime import date, datetime

from backoffice.audit import append_event
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline, DeadlineStatus, User
from workflows.calendar import CalendarError, DueDate, Period, StatutoryCalendar, Step


def open_deadline(
    case: Case,
    *,
    kind: str,
    article: str,
    start_event: str,
    start: date | datetime,
    period: Period | str,
    on_expiry: str,
    calendar: StatutoryCalendar | None = None,
) -> Deadline:
    """Compute a deadline with the statutory calendar and store it with its explanation."""
    calendar = calendar or load_calendar()
    due = calendar.due(start, period, start_label=start_event)
    starts_on = start.date() if isinstance(start, datetime) else start
    deadline = Deadline(
        case=case, kind=kind, article=article, start_event=start_event, starts_on=starts_on,
        due_date=due.due_date, due_at=due.due_at, status=DeadlineStatus.OPEN,
        on_expiry=on_expiry, explanation=due.as_json(),
    )
    db.session.add(deadline)
    db.session.flush()
    return deadline


def stored_due_date(deadline: Deadline) -> DueDate:
    steps = tuple(Step(s["text"], s.get("article")) for s in deadline.explanation or [])
    return DueDate(deadline.due_date, deadline.due_at, deadline.due_date, steps)


def extend_deadline(deadline: Deadline, *, until: date, ground: str, actor: User) -> CaseEvent:
    """Extend an open deadline for a natural disaster or similar ground (Art. 10).

    :raise CalendarError: the deadline is not open, or the extension is not one Art. 10 allows.
    """
    if deadline.status != DeadlineStatus.OPEN:
        raise CalendarError("only an open deadline can be extended")
    extended = load_calendar().extend(stored_due_date(deadline), until, ground)
    previous = deadline.due_date
    deadline.due_date = extended.due_date
    deadline.due_at = extended.due_at
    deadline.explanation = extended.as_json()
    case = deadline.case
    event = append_event(
        case, actor=actor, trigger="extend_deadline", from_state=case.state, to_state=case.state,
        reason=ground.strip(), article="Art. 10",
        payload={"deadline": deadline.kind, "from": previous.isoformat(),
                 "to": extended.due_date.isoformat()},
    )
    db.session.flush()
    return event
