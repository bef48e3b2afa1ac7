"""What a stored deadline holds, computed without a database: opened, recomputed, resumed.

A deadline row keeps its date with its explanation and with what it was computed from (start,
period, clock stops, extension), so that it can be recomputed exactly. These functions give the
columns of such a row; ``backoffice.deadlines.operations`` (one deadline, by a person) and the
appliers of a :class:`workflows.engine.plan.TransitionPlan` (one case or a batch) write them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from workflows.calendar import DueDate, Period, StatutoryCalendar, Suspension, Unit
from workflows.calendar.civil_act import add_months
from workflows.clock import SEOUL
from workflows.engine.declarations import Context, DeadlineView, StartKind, article_for
from workflows.engine.declarations import Deadline as DeadlineSpec

OPEN = "open"


class StoredDeadline(NamedTuple):
    """A deadline row as a plan reads it (the columns its rules look at), immutable.

    A tuple, so that a batch of thousands is read and changed cheaply (the sweep builds one per
    deadline of every case it plans). The columns from ``period`` on are what its date was
    counted from; a reader that knows the plan will not count it again may leave them out
    (``complete=False``, see :func:`workflows.engine.plan.counts_again`), and counting such a
    deadline again is refused rather than done from defaults.
    """

    id: int | None
    kind: str
    status: str
    due_date: date
    due_at: datetime
    on_expiry: str = ""
    closed_at: datetime | None = None
    settled_at: datetime | None = None
    suspended_since: date | None = None
    period: str | None = None
    starts_on: date | None = None
    start_at: datetime | None = None
    start_event: str = ""
    rollover: bool = True
    backward: bool = False
    suspensions: tuple[Mapping[str, Any], ...] = ()
    extension: Mapping[str, Any] | None = None
    reminders: tuple[str, ...] = ()
    complete: bool = True
    """Read with what its date was counted from (every column above)."""

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    @property
    def passed_unsettled(self) -> bool:
        """Passed while its duty is still owed (``backoffice.deadlines.standing``)."""
        return self.status == "missed" and self.settled_at is None

    def view(self) -> DeadlineView:
        return DeadlineView(self.kind, self.due_date, self.due_at, self.status, self.closed_at)


COLUMNS = StoredDeadline._fields[:-1]
"""The columns of a deadline row a plan reads, in the order of :class:`StoredDeadline`."""
DATE_COLUMNS = COLUMNS[:COLUMNS.index("period")]
"""The columns a plan reads of a deadline it will not count again: its date and status."""


def stored_row(values, *, complete: bool = True) -> StoredDeadline:
    """A deadline from the values of :data:`COLUMNS` (or of :data:`DATE_COLUMNS` only, when
    not ``complete``), in that order, as a database row gives them."""
    if not complete:
        return StoredDeadline(*values, complete=False)
    *head, suspensions, extension, reminders = values
    return StoredDeadline(*head, tuple(suspensions or ()), extension, tuple(reminders or ()))


def due_columns(due: DueDate) -> dict[str, Any]:
    return {"due_date": due.due_date, "due_at": due.due_at, "explanation": due.as_json()}


def planned_reminders(due_date: date, starts_on: date, reminders: tuple[str, ...],
                      early_warning_on: date | None = None) -> dict[str, Any]:
    """The days on which the assigned officer is reminded, earliest first."""
    days = set()
    for text in reminders:
        before = Period.parse(text)
        if before.unit is Unit.DAYS:
            days.add(due_date - timedelta(days=before.amount))
        elif before.unit is Unit.WEEKS:
            days.add(due_date - timedelta(weeks=before.amount))
        elif before.unit in (Unit.MONTHS, Unit.YEARS):
            months = before.amount * (12 if before.unit is Unit.YEARS else 1)
            days.add(add_months(due_date, -months)[0])
    if early_warning_on:
        days.add(early_warning_on)
    planned = sorted(d for d in days if d >= starts_on)
    return {"reminders": [d.isoformat() for d in planned],
            "next_reminder_on": planned[0] if planned else None}


def next_reminder(reminders: tuple[str, ...] | list[str], today: date) -> date | None:
    """The next planned reminder from ``today`` on (after a date moved)."""
    upcoming = [d for d in reminders or () if date.fromisoformat(d) >= today]
    return date.fromisoformat(upcoming[0]) if upcoming else None


def opened_row(spec: DeadlineSpec, context: Context, start: date | datetime,
               calendar: StatutoryCalendar) -> dict[str, Any]:
    """The columns of the deadline a procedure declares for the state the case has entered."""
    period = spec.period_for(context)
    backward = spec.start.kind is StartKind.BACKWARD
    if backward:
        due = calendar.latest_before(start, period)
    else:
        due = calendar.due(start, period, start_label=spec.start.label, rollover=spec.rollover,
                           starts_at_midnight=spec.starts_at_midnight)
    early_warning = None
    if spec.early_warning:
        warning = calendar.due(start, spec.early_warning, start_label=spec.start.label)
        if warning.due_date < due.due_date:
            early_warning = warning.due_date
    return new_row(kind=spec.kind, article=article_for(spec.article, context),
                   start_event=spec.start.label, start=start, period=period,
                   on_expiry=str(spec.on_expiry), rollover=spec.rollover, backward=backward,
                   due=due, reminders=spec.reminders_for(context),
                   early_warning_on=early_warning,
                   owed_by=str(spec.owed_by))


def new_row(*, kind: str, article: str, start_event: str, start: date | datetime, period: str,
            on_expiry: str, rollover: bool, backward: bool, due: DueDate,
            reminders: tuple[str, ...], early_warning_on: date | None = None,
            owed_by: str = "office") -> dict[str, Any]:
    """The columns of a new open deadline: its date, its explanation, what it came from."""
    starts_on = start.astimezone(SEOUL).date() if isinstance(start, datetime) else start
    return {
        "kind": kind, "article": article, "start_event": start_event, "starts_on": starts_on,
        "start_at": start if isinstance(start, datetime) else None, "period": period,
        "rollover": rollover, "backward": backward, "status": OPEN, "on_expiry": on_expiry,
        "suspensions": [], "extension": None, "early_warning_on": early_warning_on,
        "owed_by": owed_by, **due_columns(due),
        **planned_reminders(due.due_date, starts_on, reminders, early_warning_on),
    }


def recomputed_due(deadline: StoredDeadline, calendar: StatutoryCalendar, *,
                   starts_at_midnight: bool = False) -> DueDate:
    """The deadline computed again from its start, period, clock stops and extension
    (``starts_at_midnight``: a term that counts its first day, as its declaration says)."""
    if not deadline.complete:
        raise ValueError(f"the {deadline.kind} deadline was read without what its date was "
                         "counted from: it cannot be counted again")
    start: date | datetime = deadline.start_at or deadline.starts_on
    if deadline.backward:
        due = calendar.latest_before(start, deadline.period)
    else:
        suspensions = [
            Suspension(date.fromisoformat(s["first_day"]), date.fromisoformat(s["last_day"]),
                       s["article"], s.get("reason", "clock stopped"))
            for s in deadline.suspensions or ()
        ]
        due = calendar.due(start, deadline.period, start_label=deadline.start_event,
                           rollover=deadline.rollover, suspensions=suspensions,
                           starts_at_midnight=starts_at_midnight)
    if deadline.extension:
        due = calendar.extend(due, date.fromisoformat(deadline.extension["until"]),
                              deadline.extension["ground"])
    return due


def resumed_columns(deadline: StoredDeadline, on: date, *, article: str, reason: str,
                    calendar: StatutoryCalendar, today: date) -> dict[str, Any]:
    """Restart the clock on ``on``: the days from the stop to the day before are not counted."""
    first = deadline.suspended_since
    last = on - timedelta(days=1)
    suspensions = list(deadline.suspensions or ())
    if last >= first:
        suspensions.append({"first_day": first.isoformat(), "last_day": last.isoformat(),
                            "article": article, "reason": reason})
    restarted = deadline._replace(suspensions=tuple(suspensions), suspended_since=None)
    return {"suspended_since": None, "suspensions": suspensions,
            **due_columns(recomputed_due(restarted, calendar)),
            "next_reminder_on": next_reminder(deadline.reminders, today)}
