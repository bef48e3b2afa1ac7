"""The statutory calendar as the office keeps it: its own closure days and the outage register."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import CalendarDay, NetworkOutage, User
from workflows.calendar import CalendarError, ExtraDayKind, StatutoryCalendar
from workflows.clock import SEOUL


def load_calendar() -> StatutoryCalendar:
    """Return the calendar with every closure day and outage recorded in the database."""
    days = db.session.scalars(select(CalendarDay)).all()
    outages = db.session.scalars(select(NetworkOutage)).all()
    return StatutoryCalendar(
        extra_days=[d.as_extra_day() for d in days],
        outages=[o.as_outage() for o in outages],
    )


def add_closure_day(day: date, *, name: str, kind: ExtraDayKind | str, ground: str,
                    actor: User | None) -> CalendarDay:
    """Record a non-working day of Art. 8(3)2 or 4; its legal ground is required."""
    kind = ExtraDayKind(kind)
    if not name.strip() or not ground.strip():
        raise CalendarError("a closure day needs a name and its legal ground")
    if db.session.scalar(select(CalendarDay).where(CalendarDay.day == day)):
        raise CalendarError(f"{day} is already recorded as a closure day")
    entry = CalendarDay(day=day, name=name.strip(), kind=kind, ground=ground.strip(),
                        created_by=actor)
    db.session.add(entry)
    db.session.flush()
    _recompute(day, day, f"{day} recorded as a closure day ({entry.name})", _article(kind))
    return entry


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
    kind, name = ExtraDayKind(entry.kind), entry.name
    db.session.delete(entry)
    db.session.flush()
    _recompute(day, day, f"{day} is no longer a closure day ({name})", _article(kind))


def record_outage(started_at: datetime, repaired_at: datetime, *, ground: str,
                  actor: User | None) -> NetworkOutage:
    """Record a malfunction of the electronic customs network (Art. 8(4))."""
    if not ground.strip():
        raise CalendarError("an outage needs its ground (what failed and how it was confirmed)")
    outage = NetworkOutage(started_at=started_at, repaired_at=repaired_at, ground=ground.strip(),
                           recorded_by=actor)
    outage.as_outage()  # validates the times
    db.session.add(outage)
    db.session.flush()
    seoul = started_at.astimezone(SEOUL).date(), repaired_at.astimezone(SEOUL).date()
    _recompute(seoul[0], seoul[1], f"outage of the electronic customs network ({outage.ground})",
               "Art. 8(4)")
    return outage


def remove_outage(outage_id: int) -> None:
    outage = db.session.get(NetworkOutage, outage_id)
    if outage is None:
        raise CalendarError(f"no outage {outage_id}")
    first = outage.started_at.astimezone(SEOUL).date()
    last = outage.repaired_at.astimezone(SEOUL).date()
    db.session.delete(outage)
    db.session.flush()
    _recompute(first, last, "an outage record was removed", "Art. 8(4)")
