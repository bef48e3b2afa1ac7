"""Deadlines on cases: opened from a declaration, recomputed, suspended, resumed, extended, waived.

Every date comes from the statutory calendar and is stored with its explanation and with what it
was computed from (start, period, clock stops, extension), so it can be recomputed exactly.
Changes a person makes (an Art. 10 extension, a waiver) are events in the case's history.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from backoffice.audit import append_event
from backoffice.deadlines import standing
from backoffice.deadlines.standing import Standing
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline, DeadlineStatus, User
from backoffice.transitions.reading import stored
from workflows import clock
from workflows.calendar import (
    CalendarError,
    DueDate,
    Period,
    StatutoryCalendar,
    Step,
)
from workflows.engine import Context, Settlement, article_for
from workflows.engine import Deadline as DeadlineSpec
from workflows.engine import deadline_rows as rows
from workflows.procedures import REGISTRY, procedure_for
from workflows.roles import Role


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
    rollover: bool = True,
    reminders: tuple[str, ...] = ("3d", "1d"),
) -> Deadline:
    """Compute a deadline with the statutory calendar and store it with its explanation."""
    period = period if isinstance(period, str) else f"{period.amount}{period.unit.value}"
    due = (calendar or load_calendar()).due(start, period, start_label=start_event,
                                            rollover=rollover)
    deadline = Deadline(case=case, **rows.new_row(
        kind=kind, article=article, start_event=start_event, start=start, period=period,
        on_expiry=on_expiry, rollover=rollover, backward=False, due=due, reminders=reminders))
    db.session.add(deadline)
    db.session.flush()
    return deadline


def open_deadline_from_spec(case: Case, spec: DeadlineSpec, context: Context,
                            start: date | datetime, calendar: StatutoryCalendar) -> Deadline:
    """Open the deadline a procedure declares for the state the case has entered."""
    deadline = Deadline(case=case, **rows.opened_row(spec, context, start, calendar))
    db.session.add(deadline)
    return deadline


def _set(deadline: Deadline, columns: dict[str, Any]) -> None:
    for column, value in columns.items():
        setattr(deadline, column, value)


def recompute(deadline: Deadline, calendar: StatutoryCalendar | None = None) -> DueDate:
    """Compute the deadline again from its start, period, clock stops and extension."""
    if not deadline.period:
        raise CalendarError("this deadline was not computed from a period and cannot be recomputed")
    due = rows.recomputed_due(stored(deadline), calendar or load_calendar())
    _set(deadline, rows.due_columns(due))
    return due


def suspend(deadline: Deadline, on: date) -> None:
    """Stop the clock of an open deadline from ``on``; the sweep leaves it alone meanwhile."""
    if deadline.status != DeadlineStatus.OPEN:
        raise CalendarError("only an open deadline can be suspended")
    if deadline.suspended_since is None:
        deadline.suspended_since = on


def resume(deadline: Deadline, on: date, *, article: str, reason: str = "clock stopped",
           calendar: StatutoryCalendar | None = None) -> DueDate:
    """Restart the clock on ``on``: the days from the stop to the day before are not counted."""
    if deadline.suspended_since is None:
        raise CalendarError("this deadline is not suspended")
    columns = rows.resumed_columns(stored(deadline), on, article=article, reason=reason,
                                   calendar=calendar or load_calendar(), today=clock.today())
    _set(deadline, columns)
    return rows.recomputed_due(stored(deadline), calendar or load_calendar())


def _plan_reminders_after(deadline: Deadline) -> None:
    deadline.next_reminder_on = rows.next_reminder(deadline.reminders, clock.today())


def stored_due_date(deadline: Deadline) -> DueDate:
    steps = tuple(Step.from_dict(s) for s in deadline.explanation or [])
    return DueDate(deadline.due_date, deadline.due_at, deadline.due_date, steps)


def declared(deadline: Deadline) -> DeadlineSpec | None:
    """The declaration of the procedure that opened ``deadline`` (None for one opened by hand)."""
    if deadline.case is None or deadline.case.procedure not in REGISTRY:
        return None
    return procedure_for(deadline.case.procedure).deadline_spec(deadline.kind)


def extension_refused(deadline: Deadline) -> str | None:
    """Why an officer may not extend ``deadline`` now, or None when Art. 10 lets them.

    Only a time limit the declaration names an extension for can be extended (``extension``:
    a party's filing or submission, Art. 10); a period the law itself fixes cannot (a deemed
    permission arises unless the civil-petition extension was notified in time, a lawsuit
    period is peremptory, a decision period's lapse opens the next remedy).
    """
    spec = declared(deadline)
    if spec is None or not spec.extension:
        case = deadline.case
        article = article_for(spec.article, Context.reading(case.state, case.data, clock.now())) \
            if spec else ""
        return "the law fixes this period: an officer cannot extend it" + (
            f" ({article})" if article else "")
    if deadline.status != DeadlineStatus.OPEN:
        return "only an open deadline can be extended"
    if standing.read(deadline).standing is Standing.TOOK_EFFECT:
        return ("this period has passed and its legal effect has taken place; it can no "
                "longer be extended")
    return None


def waiver_refused(deadline: Deadline, actor: User | None) -> str | None:
    """Why ``actor`` may not waive ``deadline`` now, or None when a supervisor may.

    Only an internal time limit of the office, whose lapse has no legal effect, can be waived
    (``waiver`` in the declaration); a duty the Act imposes (the Art. 129(2) notice, a decision
    period) and a party's period cannot.
    """
    if actor is None or actor.role != Role.SUPERVISOR:
        return "only a supervisor may waive a deadline"
    spec = declared(deadline)
    if spec is None or not spec.waiver:
        return "the Act imposes this time limit: it cannot be waived"
    reading = standing.read(deadline).standing
    if not (reading.running or reading is Standing.OVERDUE):
        return "only a running deadline or an overdue duty of the office can be waived"
    return None


def extend_deadline(deadline: Deadline, *, until: date, ground: str, actor: User) -> CaseEvent:
    """Extend an open deadline for a natural disaster or similar ground (Art. 10).

    :raise CalendarError: the deadline is not one an officer may extend (see
        :func:`extension_refused`), or the extension is not one Art. 10 allows.
    """
    if refused := extension_refused(deadline):
        raise CalendarError(refused)
    article = declared(deadline).extension
    extended = load_calendar().extend(stored_due_date(deadline), until, ground)
    previous = deadline.due_date
    deadline.extension = {"until": until.isoformat(), "ground": ground.strip()}
    _set(deadline, rows.due_columns(extended))
    _plan_reminders_after(deadline)
    return _record(deadline, actor, "extend_deadline", ground.strip(), article,
                   {"from": previous.isoformat(), "to": extended.due_date.isoformat()})


def waive_deadline(deadline: Deadline, *, reason: str, actor: User) -> CaseEvent:
    """Waive a running deadline, or a duty still owed after its deadline passed, with a reason
    (a supervisor's decision, recorded in the history)."""
    if refused := waiver_refused(deadline, actor):
        raise CalendarError(refused)
    overdue = deadline.status == DeadlineStatus.MISSED
    if not reason or not reason.strip():
        raise CalendarError("a waiver needs its reason")
    if overdue:
        # It passed: it stays "missed" in the record, and is no longer owed.
        deadline.settled_at = clock.now()
        deadline.settlement = Settlement.WAIVED
    else:
        deadline.status = DeadlineStatus.WAIVED
        deadline.closed_at = clock.now()
    deadline.closed_reason = reason.strip()
    deadline.next_reminder_on = None
    return _record(deadline, actor, "waive_deadline", reason.strip(), deadline.article,
                   {"due_date": deadline.due_date.isoformat()})


def _record(deadline: Deadline, actor: User | None, trigger: str, reason: str, article: str,
            extra: dict[str, Any]) -> CaseEvent:
    case = deadline.case
    event = append_event(
        case, actor=actor, trigger=trigger, from_state=case.state, to_state=case.state,
        reason=reason, article=article, payload={"deadline": deadline.kind, **extra},
    )
    db.session.flush()
    return event


def recompute_open_deadlines(affected_from: date, affected_to: date, *, why: str, article: str,
                             calendar: StatutoryCalendar | None = None) -> list[Deadline]:
    """Recompute the open deadlines that run over the days ``affected_from``..``affected_to``.

    Called when the office's calendar changes (a closure day, an outage): a deadline whose date
    moves gets an event in its case's history, with the old and the new date.
    """
    calendar = calendar or load_calendar()
    candidates = db.session.scalars(
        select(Deadline).where(
            Deadline.status == DeadlineStatus.OPEN, Deadline.period.is_not(None),
            Deadline.starts_on <= affected_to,
            Deadline.due_date >= affected_from - timedelta(days=1),
        )
    ).all()
    moved = []
    for deadline in candidates:
        before = deadline.due_date
        recompute(deadline, calendar)
        if deadline.due_date != before:
            _plan_reminders_after(deadline)
            _record(deadline, None, "recompute_deadline", why, article,
                    {"from": before.isoformat(), "to": deadline.due_date.isoformat()})
            moved.append(deadline)
    return moved
