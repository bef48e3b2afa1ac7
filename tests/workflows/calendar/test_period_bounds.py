"""Every period the calendar accepts is bounded by what the law can mean (issue 13, item 1):
a period like ``9999999pd`` once cost seconds of CPU per request and froze the web workers.
The cost of a count is the number of days it looks at: one look per day of the period."""

from __future__ import annotations

from datetime import date

import pytest

from workflows.calendar import CalendarError, Period, StatutoryCalendar
from workflows.calendar.nonworking import NonWorkingDays
from workflows.calendar.periods import LONGEST, Unit


@pytest.mark.parametrize("unit", list(Unit))
def test_a_period_at_the_bound_is_counted_and_one_beyond_it_is_refused_with_the_bound(unit):
    longest = LONGEST[unit]
    assert Period.parse(f"{longest}{unit.value}").amount == longest
    with pytest.raises(CalendarError, match=f"at most {longest} "):
        Period.parse(f"{longest + 1}{unit.value}")


@pytest.mark.parametrize("text", ["9999999pd", "99999999999999999999d", "1e9d", "9" * 40 + "y"])
def test_a_huge_period_is_refused_before_any_counting(text):
    with pytest.raises(CalendarError):
        Period.parse(text)


def test_the_longest_civil_petition_period_looks_at_each_day_once(monkeypatch):
    """250 processing days from Mon 5 Jan 2026 (Saturdays, Sundays and public holidays not
    counted) end on Mon 11 Jan 2027; the count looks at each of the 372 calendar days once."""
    looked = []
    skip = NonWorkingDays.petition_skip_reason

    def counting(self, day):
        looked.append(day)
        return skip(self, day)

    monkeypatch.setattr(NonWorkingDays, "petition_skip_reason", counting)
    due = StatutoryCalendar().due(date(2026, 1, 5), f"{LONGEST[Unit.PETITION_DAYS]}pd")
    assert due.due_date == date(2027, 1, 11)
    assert len(looked) == len(set(looked)) == (date(2027, 1, 11) - date(2026, 1, 5)).days + 1
