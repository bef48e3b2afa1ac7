"""Whether a legal date a person typed can be the date of what it records: the one rule.

A date of service, receipt, filing or decision records something that has happened. It cannot
be before the event it follows (a decision received before it was made, a notice served before
it was issued), and it cannot be after today: a remedy period counted from a receipt "in 2199"
never ends, one counted from a receipt in year 1 has long passed, and a sweep then closes the
party's remedy (issue 13). Dates that are by nature ahead (a planned completion) are bounded by
a horizon instead: the longest period the calendar counts, after today.

"Today" is the legal day in Asia/Seoul (:mod:`workflows.clock`). A deployment may allow a few
days after it (``LEGAL_DATE_FUTURE_TOLERANCE_DAYS``, 0 by default: what is recorded has
happened): where dates are keyed from documents stamped by another system whose clock or day
boundary runs ahead of the back office's (an e-mailbox's receipt, records carried over in a
migration), a tolerance of a day keeps those entries from being refused while the clocks differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from workflows.calendar.periods import LONGEST, Unit
from workflows.clock import legal_date_problem as outside_the_calendar

HORIZON_DAYS = LONGEST[Unit.DAYS]
"""How far ahead a date by nature in the future may lie: the longest period the calendar counts
(about ten years, a licence's validity, Art. 176(1)). A date beyond it is a typing mistake."""


@dataclass(frozen=True)
class Earlier:
    """The event a legal date follows: its day, and how it reads ("the decision was made")."""

    day: date
    event: str


def latest(events: Iterable[Earlier | None]) -> Earlier | None:
    """The latest of the events known (None where a date is not known): the one that bounds."""
    known = [e for e in events if e is not None]
    return max(known, key=lambda e: e.day) if known else None


def problem(day: date, *, today: date, tolerance_days: int = 0, earlier: Earlier | None = None,
            future: bool = False) -> str | None:
    """Why ``day`` cannot be the date it is typed for, in words, or None when it can be.

    :param today: the legal day in Asia/Seoul.
    :param tolerance_days: how many days after today a date of something that has happened may
        still be (``LEGAL_DATE_FUTURE_TOLERANCE_DAYS``).
    :param earlier: the event the date cannot precede, when the case knows it.
    :param future: a date by nature ahead: bounded by :data:`HORIZON_DAYS` after today instead.
    """
    if reason := outside_the_calendar(day):
        return reason
    if earlier is not None and day < earlier.day:
        return (f"{day.isoformat()} is before {earlier.event} on {earlier.day.isoformat()}: "
                "give a date on or after it")
    if future:
        if day > today + timedelta(days=HORIZON_DAYS):
            return (f"{day.isoformat()} is more than {HORIZON_DAYS} days after today "
                    f"({today.isoformat()}): no period of the Act reaches that far")
        return None
    if day > today + timedelta(days=max(tolerance_days, 0)):
        after = ("after today" if tolerance_days <= 0 else
                 f"more than {tolerance_days} day{'s' if tolerance_days != 1 else ''} after today")
        return (f"{day.isoformat()} is {after} ({today.isoformat()}): the date records "
                "something that has happened; give the day it happened")
    return None
