"""Counting a period under the Civil Act, as Customs Act Art. 8(2) requires.

Civil Act Art. 157: a period in days, weeks, months or years does not count the first day,
unless it starts at 00:00. Art. 159: it ends at the end of its last day. Art. 160: weeks, months
and years run by the calendar and end on the day before the corresponding day of the last week,
month or year (160(2)), or on the last day of that month when it has no such day (160(3)).
"""

from __future__ import annotations

import calendar as gregorian
from datetime import date, timedelta

from workflows.calendar.periods import Period, Unit


def add_months(day: date, months: int) -> tuple[date, bool]:
    """Return the corresponding day ``months`` later and whether it exists.

    When the month has no corresponding day (31 January + 1 month), return its last day.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = gregorian.monthrange(year, month)[1]
    if day.day <= last:
        return date(year, month, day.day), True
    return date(year, month, last), False


def period_end(first_day: date, period: Period) -> tuple[date, str]:
    """Return the last day of ``period`` whose first counted day is ``first_day``, and the rule."""
    if period.unit is Unit.DAYS:
        return first_day + timedelta(days=period.amount - 1), "Civil Act Arts. 157 and 159"
    if period.unit is Unit.WEEKS:
        return first_day + timedelta(weeks=period.amount, days=-1), "Civil Act Art. 160(1)-(2)"
    months = period.amount if period.unit is Unit.MONTHS else 12 * period.amount
    corresponding, exists = add_months(first_day, months)
    if exists:
        return corresponding - timedelta(days=1), "Civil Act Art. 160(1)-(2)"
    return corresponding, "Civil Act Art. 160(3): no corresponding day, last day of the month"


def days_through(first_day: date, last_day: date) -> str:
    """A term from 00:00 of ``first_day`` to 24:00 of ``last_day`` as a period of days (a
    licence's term, a storage period, a bar): the period a deadline row counts from
    ``first_day`` with ``starts_at_midnight``."""
    return f"{(last_day - first_day).days + 1}d"
