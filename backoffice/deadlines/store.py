"""The statutory calendar as the office keeps it: its own closure days and the outage register.

What may be recorded, and when a second administrator must confirm it, is
:mod:`workflows.calendar.recording`; a record waiting for its confirmation counts in no
deadline, and confirming it recomputes the open deadlines as recording it today would.
"""

from __future__ import annotations

from datetime import date, datetime

from flask import current_app
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import CalendarDay, NetworkOutage, User
from workflows import clock
from workflows.calendar import CalendarError, ExtraDayKind, StatutoryCalendar
from workflows.calendar.recording import (
    RecordingBounds,
    closure_day_problem,
    first_day_of,
    needs_confirmation,
    outage_problem,
)


class NotRecorded(CalendarError):
    """No such closure day or outage in the register."""


def recording_bounds() -> RecordingBounds:
    config = current_app.config
    return RecordingBounds(outage_max_hours=config["CALENDAR_OUTAGE_MAX_HOURS"],
                           retroactive_days=config["CALENDAR_RETROACTIVE_DAYS"],
                           future_days=config["CALENDAR_FUTURE_DAYS"])


def load_calendar() -> StatutoryCalendar:
    """Return the calendar with every confirmed closure day and outage in the database."""
    days = db.session.scalars(select(CalendarDay).where(CalendarDay.confirmed_at.is_not(None)))
    outages = db.session.scalars(
        select(NetworkOutage).where(NetworkOutage.confirmed_at.is_not(None)))
    return StatutoryCalendar(
        extra_days=[d.as_extra_day() for d in days],
        outages=[o.as_outage() for o in outages],
    )


def add_closure_day(day: date, *, name: str, kind: ExtraDayKind | str, ground: str,
                    actor: User | None) -> CalendarDay:
    """Record a non-working day of Art. 8(3)2 or 4; its legal ground is required. A day
    further back than the retroactive window is kept pending (see :func:`confirm_closure_day`).
    """
    kind = ExtraDayKind(kind)
    if not name.strip() or not ground.strip():
        raise CalendarError("a closure day needs a name and its legal ground")
    bounds, today = recording_bounds(), clock.today()
    if problem := closure_day_problem(day, today, bounds):
        raise CalendarError(problem)
    if db.session.scalar(select(CalendarDay).where(CalendarDay.day == day)):
        raise CalendarError(f"{day} is already recorded as a closure day")
    entry = CalendarDay(day=day, name=name.strip(), kind=kind, ground=ground.strip(),
                        created_by=actor)
    db.session.add(entry)
    if not needs_confirmation(day, today, bounds):
        _confirm(entry, actor)
        _recompute_for_day(entry, "recorded as a closure day")
    db.session.flush()
    return entry


def confirm_closure_day(day: date, actor: User) -> CalendarDay:
    """A second administrator confirms a closure day recorded retroactively: it counts now."""
    entry = db.session.scalar(select(CalendarDay).where(CalendarDay.day == day))
    if entry is None:
        raise NotRecorded(f"{day} is not a recorded closure day")
    _check_confirmer(entry, actor)
    _confirm(entry, actor)
    _recompute_for_day(entry, "confirmed as a closure day")
    return entry


def _recompute_for_day(entry: CalendarDay, what: str) -> None:
    db.session.flush()
    kind = ExtraDayKind(entry.kind)
    _recompute(entry.day, entry.day, f"{entry.day} {what} ({entry.name})", _article(kind))


def _confirm(entry: CalendarDay | NetworkOutage, actor: User | None) -> None:
    entry.confirmed_by, entry.confirmed_at = actor, clock.now()


def _check_confirmer(entry: CalendarDay | NetworkOutage, actor: User) -> None:
    """The four-eyes rule: only a record still pending, and never by the one who recorded it."""
    if not entry.pending:
        raise CalendarError("이미 확인되었습니다 · this record is already confirmed")
    recorder = entry.recorder
    if recorder is not None and recorder.id == actor.id:
        raise CalendarError("등록한 관리자는 직접 확인할 수 없습니다 · the administrator who "
                            "recorded it cannot confirm it: another administrator must")


def _article(kind: ExtraDayKind) -> str:
    return "Art. 8(3)4" if kind is ExtraDayKind.DECREE_DAY else "Art. 8(3)2"


def _recompute(first: date, last: date, why: str, article: str) -> int:
    from backoffice.deadlines.operations import recompute_open_deadlines

    return len(recompute_open_deadlines(first, last, why=why, article=article,
                                        calendar=load_calendar()))


def remove_closure_day(day: date) -> None:
    entry = db.session.scalar(select(CalendarDay).where(CalendarDay.day == day))
    if entry is None:
        raise CalendarError(f"{day} is not a recorded closure day")
    kind, name, counted = ExtraDayKind(entry.kind), entry.name, not entry.pending
    db.session.delete(entry)
    db.session.flush()
    if counted:
        _recompute(day, day, f"{day} is no longer a closure day ({name})", _article(kind))


def record_outage(started_at: datetime, repaired_at: datetime, *, ground: str,
                  actor: User | None) -> NetworkOutage:
    """Record a malfunction of the electronic customs network (Art. 8(4)), bounded by
    :func:`~workflows.calendar.recording.outage_problem`; one that began further back than the
    retroactive window is kept pending (see :func:`confirm_outage`)."""
    if not ground.strip():
        raise CalendarError("an outage needs its ground (what failed and how it was confirmed)")
    outage = NetworkOutage(started_at=started_at, repaired_at=repaired_at, ground=ground.strip(),
                           recorded_by=actor)
    outage.as_outage()  # validates the times
    bounds = recording_bounds()
    if problem := outage_problem(started_at, repaired_at, clock.now(), bounds):
        raise CalendarError(problem)
    db.session.add(outage)
    if not needs_confirmation(first_day_of(started_at), clock.today(), bounds):
        _confirm(outage, actor)
        _recompute_for_outage(outage, "outage of the electronic customs network")
    db.session.flush()
    return outage


def confirm_outage(outage_id: int, actor: User) -> NetworkOutage:
    """A second administrator confirms an outage recorded retroactively: it counts now."""
    outage = db.session.get(NetworkOutage, outage_id)
    if outage is None:
        raise NotRecorded(f"no outage {outage_id}")
    _check_confirmer(outage, actor)
    _confirm(outage, actor)
    _recompute_for_outage(outage, "confirmed outage of the electronic customs network")
    return outage


def _recompute_for_outage(outage: NetworkOutage, what: str) -> None:
    db.session.flush()
    first, last = _legal_days_of(outage)
    _recompute(first, last, f"{what} ({outage.ground})", "Art. 8(4)")


def _legal_days_of(outage: NetworkOutage) -> tuple[date, date]:
    """The first and last legal (Seoul) days an outage touches."""
    return first_day_of(outage.started_at), clock.seoul_date(outage.repaired_at)


def remove_outage(outage_id: int) -> None:
    outage = db.session.get(NetworkOutage, outage_id)
    if outage is None:
        raise CalendarError(f"no outage {outage_id}")
    first, last = _legal_days_of(outage)
    counted = not outage.pending
    db.session.delete(outage)
    db.session.flush()
    if counted:
        _recompute(first, last, "an outage record was removed", "Art. 8(4)")
