"""Make every passed deadline take effect, exactly once, on its legal moment.

The database is the source of truth: a sweep claims due rows with one conditional UPDATE (on
PostgreSQL with ``FOR UPDATE SKIP LOCKED``, so two schedulers never take the same row; on SQLite
the single writer serialises them), applies their effects and commits, all in one transaction.
A crash before the commit leaves the rows open for the next sweep, with no event written. After
downtime, deadlines are taken in the order they fell due, and each event records the legal
moment it took effect as well as when it was processed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from sqlalchemy import func, select, update

from backoffice.alerts import responsible_for, send_alert, supervisors_of
from backoffice.audit import append_event
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import Deadline, DeadlineStatus
from backoffice.workflow import fire
from jobs import messages
from jobs.bulk import BatchConflict, Due, fire_in_bulk
from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.engine import Duty, Refusal, TransitionRefused
from workflows.engine.plan import expiry_trigger
from workflows.procedures import procedure_for

log = logging.getLogger(__name__)

BATCH_SIZE = 1000


@dataclass
class SweepResult:
    fired: int = 0
    flagged: int = 0
    cancelled: int = 0
    failed: list[int] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.fired + self.flagged + self.cancelled

    def add(self, other: SweepResult) -> None:
        self.fired += other.fired
        self.flagged += other.flagged
        self.cancelled += other.cancelled
        self.failed += other.failed


def enforce_due_deadlines(
    now: datetime | None = None, batch_size: int | None = None
) -> SweepResult:
    """Apply every open, running deadline whose legal moment is at or before ``now``."""
    now = now or clock.now()
    batch_size = batch_size or current_app.config.get("SCHEDULER_SWEEP_BATCH", BATCH_SIZE)
    calendar = load_calendar()
    total = SweepResult()
    while True:
        claimed = _claim(now, batch_size, exclude=total.failed)
        if not claimed:
            db.session.commit()
            return total
        batch = SweepResult()
        try:
            fired, left = fire_in_bulk(claimed, now, calendar)
            batch.fired += len(fired)
            # The bulk path wrote cases with plain statements: a case this session already
            # holds (another of its deadlines is left for one by one) must be read again.
            db.session.expire_all()
            for due in left:
                _take_effect(_load(due.id), now, calendar, batch)
            db.session.commit()
            total.add(batch)
        except Exception as failure:
            db.session.rollback()
            if isinstance(failure, BatchConflict):
                log.info("sweep batch conflicted (%s); taking it case by case", failure)
            else:
                log.exception("sweep batch failed; retrying its %d deadlines one by one",
                              len(claimed))
            for due in claimed:
                total.add(_one_by_one(due.id, now, calendar))


def _claim(now: datetime, limit: int, only_id: int | None = None,
           exclude: list[int] | None = None) -> list[Due]:
    """Mark due open deadlines as missed in this transaction and return them, oldest first.

    ``exclude`` holds the deadlines that failed earlier in this sweep: they stay open for the
    next one instead of being retried in a loop.
    """
    due = (
        select(Deadline.id)
        .where(Deadline.status == DeadlineStatus.OPEN, Deadline.suspended_since.is_(None),
               Deadline.due_at <= now)
        .order_by(Deadline.due_at, Deadline.id)
        .limit(limit)
    )
    if only_id is not None:
        due = due.where(Deadline.id == only_id)
    if exclude:
        due = due.where(Deadline.id.not_in(exclude))
    if db.session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    claim = (
        update(Deadline)
        .where(Deadline.id.in_(due.scalar_subquery()), Deadline.status == DeadlineStatus.OPEN)
        .values(status=DeadlineStatus.MISSED, processed_at=now, closed_at=now,
                next_reminder_on=None)
        .returning(Deadline.id, Deadline.case_id, Deadline.kind, Deadline.article,
                   Deadline.due_date, Deadline.due_at, Deadline.on_expiry)
        .execution_options(synchronize_session=False)
    )
    claimed = [Due(*row) for row in db.session.execute(claim)]
    return sorted(claimed, key=lambda due: (due.due_at, due.id))


def _load(deadline_id: int) -> Deadline:
    return db.session.scalars(
        select(Deadline).where(Deadline.id == deadline_id)
        .execution_options(populate_existing=True)
    ).one()


def _one_by_one(deadline_id: int, now: datetime, calendar: StatutoryCalendar) -> SweepResult:
    result = SweepResult()
    try:
        for due in _claim(now, 1, only_id=deadline_id):
            _take_effect(_load(due.id), now, calendar, result)
        db.session.commit()
    except Exception:
        db.session.rollback()
        log.exception("deadline %s could not take effect; it stays open for the next sweep",
                      deadline_id)
        return SweepResult(failed=[deadline_id])
    return result


def _take_effect(deadline: Deadline, now: datetime, calendar: StatutoryCalendar,
                 result: SweepResult) -> None:
    case = deadline.case
    legal = {"deadline": deadline.kind, "due_date": deadline.due_date.isoformat(),
             "legal_moment": deadline.due_at.isoformat()}
    trigger = expiry_trigger(deadline.on_expiry)
    if trigger is not None:
        try:
            fire(case, trigger, actor=None, effective_at=deadline.due_at, now=now,
                 calendar=calendar, payload=legal)
        except TransitionRefused as refused:
            if refused.reason is not Refusal.NOT_AVAILABLE or not _still_owed(case, deadline):
                _cancel(deadline, f"could not take effect: {refused.message}", legal)
                result.cancelled += 1
                return
            # The law attaches its effect to the lapse only in the states it names (the
            # Art. 129(2) notice of an undecided appeal): a decision recorded but not yet served
            # when its period ends is not undecided, yet its period was missed and is still owed.
            _record_passing(case, deadline, legal,
                            f"the {deadline.kind} period passed; '{trigger}' does not apply "
                            f"while the case is '{case.state}'")
            result.flagged += 1
            message = messages.passed(case.reference, case.procedure, deadline.kind,
                                      deadline.due_date, deadline.article)
        else:
            result.fired += 1
            message = messages.took_effect(case.reference, case.procedure, deadline.kind,
                                           deadline.due_date, trigger, deadline.article)
    else:
        _record_passing(case, deadline, legal, f"the {deadline.kind} period passed")
        result.flagged += 1
        message = messages.passed(case.reference, case.procedure, deadline.kind,
                                  deadline.due_date, deadline.article)
    recipients = supervisors_of(case) + responsible_for(case)
    send_alert(recipients, case=case, deadline=deadline, kind="escalation", key="passed",
               message=message)


def _record_passing(case, deadline: Deadline, legal: dict, reason: str) -> None:
    append_event(case, actor=None, trigger="deadline_passed", from_state=case.state,
                 to_state=case.state, reason=reason, article=deadline.article, payload=legal,
                 effective_at=deadline.due_at)


def _still_owed(case, deadline: Deadline) -> bool:
    """The case is open and the deadline's duty is the office's (a party's lapse that cannot
    take its effect is moot)."""
    return (deadline.owed_by == Duty.OFFICE
            and not procedure_for(case.procedure).state(case.state).terminal)


def _cancel(deadline: Deadline, reason: str, legal: dict) -> None:
    deadline.status = DeadlineStatus.CANCELLED
    deadline.closed_reason = reason
    case = deadline.case
    append_event(case, actor=None, trigger="deadline_cancelled", from_state=case.state,
                 to_state=case.state, reason=reason, article=deadline.article, payload=legal)
    log.warning("%s: %s", case.reference, reason)


def due_backlog(now: datetime | None = None) -> tuple[int, datetime | None]:
    """Return how many open deadlines are due and the legal moment of the oldest one."""
    now = now or clock.now()
    count, oldest = db.session.execute(
        select(func.count(Deadline.id), func.min(Deadline.due_at))
        .where(Deadline.status == DeadlineStatus.OPEN, Deadline.suspended_since.is_(None),
               Deadline.due_at <= now)
    ).one()
    return count, oldest
