"""Deadlines counted backwards from a planned date, e.g. Art. 114(1)."""

from datetime import date

import pytest

from workflows.calendar import CalendarError, StatutoryCalendar

calendar = StatutoryCalendar()


def test_audit_notice_is_due_sixteen_days_before_the_investigation_on_the_strict_reading():
    due = calendar.latest_before(date(2023, 5, 25), "15d")
    assert due.due_date == date(2023, 5, 9)


def test_lenient_reading_allows_one_day_more():
    assert calendar.latest_before(date(2023, 5, 25), "15d", strict=False).due_date == \
        date(2023, 5, 10)


def test_a_backward_deadline_on_a_holiday_moves_earlier_never_later():
    due = calendar.latest_before(date(2026, 2, 27), "10d")
    assert due.plain_end == date(2026, 2, 16)
    assert due.due_date == date(2026, 2, 13)
    assert "never rolls forward" in due.explanation


def test_a_backward_period_is_counted_in_days():
    with pytest.raises(CalendarError):
        calendar.latest_before(date(2026, 2, 27), "1m")
