"""What the office may record in its calendar, and when a second person must confirm it.

A closure day (Art. 8(3)2 and 4) or an outage (Art. 8(4)) moves every deadline that runs over
it, including deadlines whose parties have long since acted on the old date. So:

- an outage has started before it is recorded (it is a fact, not a forecast) and lasts at
  most ``outage_max_hours``: a longer malfunction is recorded as several, each with its ground;
- a closure day lies at most ``future_days`` ahead (the Decree days of next year, not a typo
  for another century);
- a closure day or outage that begins more than ``retroactive_days`` before today is recorded
  but does not count until a second administrator confirms it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from workflows.clock import SEOUL


@dataclass(frozen=True)
class RecordingBounds:
    outage_max_hours: int = 72
    retroactive_days: int = 7
    future_days: int = 400


def closure_day_problem(day: date, today: date, bounds: RecordingBounds) -> str | None:
    """Why ``day`` cannot be recorded as a closure day today, or None."""
    latest = today + timedelta(days=bounds.future_days)
    if day > latest:
        return (f"휴무일은 {bounds.future_days}일 뒤({latest})까지만 등록할 수 있습니다 · "
                f"a closure day can be recorded at most {bounds.future_days} days ahead "
                f"(until {latest})")
    return None


def outage_problem(started_at: datetime, repaired_at: datetime, now: datetime,
                   bounds: RecordingBounds) -> str | None:
    """Why this outage cannot be recorded at ``now``, or None (the order of the two times is
    :class:`~workflows.calendar.statutory.Outage`'s check)."""
    if started_at > now:
        return ("아직 시작되지 않은 장애는 등록할 수 없습니다 · an outage is recorded once it has "
                "started: the start is in the future")
    if repaired_at > now:
        return ("복구되지 않은 장애는 복구된 뒤에 등록합니다 · an outage is recorded once it is "
                "repaired: the repair time is in the future")
    if repaired_at - started_at > timedelta(hours=bounds.outage_max_hours):
        return (f"장애 한 건은 {bounds.outage_max_hours}시간까지입니다. 더 긴 장애는 여러 건으로 "
                f"나누어 등록하십시오 · one outage lasts at most {bounds.outage_max_hours} hours: "
                "record a longer malfunction as several, each with its ground")
    return None


def needs_confirmation(first_day: date, today: date, bounds: RecordingBounds) -> bool:
    """Whether a record whose first day is ``first_day`` reaches back beyond the window."""
    return first_day < today - timedelta(days=bounds.retroactive_days)


def first_day_of(started_at: datetime) -> date:
    """The legal (Seoul) day an outage begins on."""
    return started_at.astimezone(SEOUL).date()
