"""Processing periods under the Civil Petitions Treatment Act Art. 19."""

from datetime import UTC, date, datetime

import pytest

from workflows.calendar import CalendarError, StatutoryCalendar, Suspension
from workflows.clock import SEOUL

calendar = StatutoryCalendar()


def test_ten_processing_days_count_the_first_day_and_skip_the_weekend():
    due = calendar.due(date(2023, 3, 6), "10pd")
    assert due.due_date == date(2023, 3, 17)
    assert "2023-03-11 Saturday, 2023-03-12 Sunday" in due.explanation


def test_workers_day_2023_counts_as_a_processing_day_but_children_s_day_does_not():
    due = calendar.due(date(2023, 4, 25), "10pd")
    assert due.due_date == date(2023, 5, 9)
    assert "2023-05-01" not in due.explanation
    assert "2023-05-05 Children's Day" in due.explanation


def test_processing_days_are_never_the_customs_act_count():
    act = calendar.due(date(2023, 3, 6), "10d")
    petition = calendar.due(date(2023, 3, 6), "10pd")
    assert (act.due_date, petition.due_date) == (date(2023, 3, 16), date(2023, 3, 17))


def test_one_processing_day_is_eight_working_hours_from_receipt():
    due = calendar.due(datetime(2026, 3, 6, 16, 0, tzinfo=SEOUL), "1pd")
    assert due.due_at == datetime(2026, 3, 9, 16, 0, tzinfo=SEOUL).astimezone(UTC)
    assert due.due_date == date(2026, 3, 9)
    assert "8 working hours" in due.explanation


def test_hours_received_during_lunch_start_after_lunch():
    due = calendar.due(datetime(2026, 3, 9, 12, 30, tzinfo=SEOUL), "1pd")
    # Monday 13:00-18:00 is 5 hours, Tuesday 09:00-12:00 the other 3.
    assert due.due_at == datetime(2026, 3, 10, 12, 0, tzinfo=SEOUL)


def test_hours_received_on_a_saturday_start_on_monday_morning():
    due = calendar.due(datetime(2026, 3, 7, 11, 0, tzinfo=SEOUL), "2pd")
    assert due.due_at == datetime(2026, 3, 10, 18, 0, tzinfo=SEOUL)
    assert "2026-03-07 Saturday" in due.explanation


def test_five_processing_days_skip_seollal():
    due = calendar.due(datetime(2026, 2, 13, 9, 0, tzinfo=SEOUL), "5pd")
    # Fri 13th counts 8 h; 14-18 Feb are weekend and Seollal; 19, 20, 23, 24 finish the 40 h.
    assert due.due_at == datetime(2026, 2, 24, 18, 0, tzinfo=SEOUL)


def test_an_hour_based_period_needs_the_time_of_receipt():
    with pytest.raises(CalendarError, match="time of receipt"):
        calendar.due(date(2026, 3, 9), "3pd")


def test_a_suspension_skips_processing_days():
    pause = Suspension(date(2023, 3, 8), date(2023, 3, 9), "Civil Petitions Act", "supplement")
    due = calendar.due(date(2023, 3, 6), "10pd", suspensions=[pause])
    assert due.due_date == date(2023, 3, 21)
