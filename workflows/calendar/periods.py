"""Periods as the Act writes them: a number and a unit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class CalendarError(ValueError):
    """A period, a date or a rule the calendar cannot work with; the message says why."""


class Unit(StrEnum):
    DAYS = "d"
    WEEKS = "w"
    MONTHS = "m"
    YEARS = "y"
    PETITION_DAYS = "pd"
    """Processing days of a civil petition (Civil Petitions Treatment Act Art. 19)."""


_NAMES = {
    Unit.DAYS: ("day", "days"),
    Unit.WEEKS: ("week", "weeks"),
    Unit.MONTHS: ("month", "months"),
    Unit.YEARS: ("year", "years"),
    Unit.PETITION_DAYS: ("processing day", "processing days"),
}
_PERIOD = re.compile(r"^\s*(-?\d{1,12})\s*([a-z]+)\s*$")
LONGEST = {
    Unit.DAYS: 3660,
    Unit.WEEKS: 520,
    Unit.MONTHS: 120,
    Unit.YEARS: 10,
    Unit.PETITION_DAYS: 250,
}
"""The longest period the calendar counts, by unit: what the law can mean. The Act's longest
periods are a licence's 10 years (Art. 176(1)) and the validity of a certificate; its periods in
days are at most months; a civil-petition processing period is counted in days of work, and 250
of them are about a year. Anything longer is refused with the bound, so that no input makes the
calendar count for seconds (each day of a period is looked at once)."""


@dataclass(frozen=True)
class Period:
    amount: int
    unit: Unit

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise CalendarError(f"a period needs a whole number, not {self.amount!r}")
        if self.amount < 0:
            raise CalendarError(f"a period cannot be negative: {self.amount}")
        if self.amount == 0:
            raise CalendarError("a period must be at least 1")
        object.__setattr__(self, "unit", Unit(self.unit))
        longest = LONGEST[self.unit]
        if self.amount > longest:
            plural = _NAMES[self.unit][1]
            raise CalendarError(f"a period can be at most {longest} {plural}: {self.amount} "
                                f"{plural} is longer than any period of the law")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``30d``, ``2w``, ``3m``, ``1y`` or ``10pd``."""
        match = _PERIOD.match(text or "")
        if not match:
            raise CalendarError(
                f"cannot read period {text!r}: "
                "write a number and a unit, e.g. 30d, 2w, 3m, 1y, 10pd"
            )
        amount, unit = match.groups()
        if unit not in {u.value for u in Unit}:
            raise CalendarError(
                f"unknown unit {unit!r} in {text!r}: use d (days), w (weeks), m (months), "
                "y (years) or pd (processing days of a civil petition)"
            )
        return cls(int(amount), Unit(unit))

    @property
    def in_hours(self) -> bool:
        """A civil-petition period of 5 days or less is counted in working hours (Art. 19(1))."""
        return self.unit is Unit.PETITION_DAYS and self.amount <= 5

    def __str__(self) -> str:
        singular, plural = _NAMES[self.unit]
        return f"{self.amount} {singular if self.amount == 1 else plural}"
