"""The one clock of the system.

Legal dates are dates in Asia/Seoul; instants are stored in UTC. Production code reads the time
through :func:`now`, so a demo or a test can run the whole system "as of" another moment.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")

_frozen_at: ContextVar[datetime | None] = ContextVar("frozen_at", default=None)


def now() -> datetime:
    """Return the current instant, timezone-aware, in UTC."""
    frozen_at = _frozen_at.get()
    if frozen_at is not None:
        return frozen_at
    return datetime.now(UTC)


@contextmanager
def frozen(at: datetime) -> Iterator[datetime]:
    """Run the enclosed block as if the time were ``at`` (an aware datetime).

    The frozen time belongs to the current thread (a context variable): two threads freezing
    the clock at once never see each other's time.
    """
    if at.tzinfo is None:
        raise ValueError("frozen() needs an aware datetime")
    moment = at.astimezone(UTC)
    token = _frozen_at.set(moment)
    try:
        yield moment
    finally:
        _frozen_at.reset(token)


def seoul_date(instant: datetime) -> date:
    """Return the legal (Asia/Seoul) date of an instant."""
    return instant.astimezone(SEOUL).date()


def today() -> date:
    """Return today's legal date in Asia/Seoul."""
    return seoul_date(now())


def end_of_legal_day(day: date) -> datetime:
    """Return the UTC instant at which a period ending on ``day`` expires.

    A period in days ends at the end of its last day (Civil Act Art. 159, applied by
    Customs Act Art. 8(2)), that is 24:00 Asia/Seoul.
    """
    midnight_after = datetime.combine(day + timedelta(days=1), time.min, tzinfo=SEOUL)
    return midnight_after.astimezone(UTC)


def kst_text(instant: datetime | None, *, seconds: bool = False) -> str:
    """An instant as Asia/Seoul wall-clock time, the legal time of the Act ("—" for none)."""
    if instant is None:
        return "—"
    return instant.astimezone(SEOUL).strftime(
        "%Y-%m-%d %H:%M:%S KST" if seconds else "%Y-%m-%d %H:%M KST")


def legal_end_text(instant: datetime | None) -> str:
    """The instant a period passes: midnight is 24:00 of the last day (Civil Act Art. 159)."""
    if instant is None:
        return "—"
    local = instant.astimezone(SEOUL)
    if local.time() == time.min:
        return f"{(local - timedelta(days=1)):%Y-%m-%d} 24:00 KST"
    return kst_text(local)


def as_date(raw: date | str | None) -> date | None:
    """A date kept in a case's data (an ISO string once stored) as a date."""
    if raw is None or isinstance(raw, date):
        return raw
    return date.fromisoformat(raw)


EARLIEST_LEGAL_DATE = date(1900, 1, 1)
LATEST_LEGAL_DATE = date(2199, 12, 31)
"""The dates a person can mean for an event of a case (a receipt, a service, a filing): a date
outside them is a typing mistake, refused with the reason before any period is counted from it
(a year 9999 once overflowed the calendar)."""


def legal_date_problem(day: date) -> str | None:
    """Why ``day`` cannot be the date of an event of a case, or None."""
    if not EARLIEST_LEGAL_DATE <= day <= LATEST_LEGAL_DATE:
        return (f"{day.isoformat()} is not a date of a case: give a date from "
                f"{EARLIEST_LEGAL_DATE.year} to {LATEST_LEGAL_DATE.year}")
    return None
