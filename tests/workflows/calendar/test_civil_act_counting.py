"""Art. 8(2): periods are counted under the Civil Act (Arts. 157, 159, 160)."""

from datetime import UTC, date, datetime

import pytest

from workflows.calendar import StatutoryCalendar
from workflows.clock import SEOUL

calendar = StatutoryCalendar()


def test_first_day_is_not_counted_so_30_days_from_19_january_end_on_18_february():
    due = calendar.due(date(2026, 1, 19), "30d")
    assert due.plain_end == date(2026, 2, 18)


def test_period_in_days_ends_at_midnight_seoul_of_the_last_day():
    due = calendar.due(date(2023, 2, 3), "90d")
    assert due.due_date == date(2023, 5, 4)
    assert due.due_at == datetime(2023, 5, 4, 15, 0, tzinfo=UTC)


def test_weeks_run_by_the_calendar_to_the_day_before_the_corresponding_weekday():
    due = calendar.due(date(2026, 3, 4), "2w")
    assert due.plain_end == date(2026, 3, 18)


@pytest.mark.parametrize(
    ("event", "months", "end"),
    [
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2023, 1, 30), 1, date(2023, 2, 28)),
        (date(2023, 2, 28), 1, date(2023, 3, 31)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2024, 1, 30), 1, date(2024, 2, 29)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
    ],
)
def test_months_end_the_day_before_the_corresponding_day_or_on_the_last_day_of_the_month(
    event, months, end
):
    assert calendar.due(event, f"{months}m").plain_end == end


def test_month_without_corresponding_day_ends_on_its_last_day_and_says_so():
    due = calendar.due(date(2023, 1, 30), "1m")
    assert "Civil Act Art. 160(3)" in due.explanation


def test_a_year_from_29_february_ends_on_28_february_of_a_common_year():
    assert calendar.due(date(2024, 2, 28), "1y").plain_end == date(2025, 2, 28)


def test_an_event_at_midnight_does_not_make_the_period_begin_at_midnight():
    """Civil Act Art. 157: the first day is not counted unless the period *begins* at 00:00.
    An event that happens at 00:00 (here: a permission deemed granted at 00:00 of 5 June 2023)
    is a moment of 5 June like any other; 5 years counted from 6 June end on 5 June 2028."""
    validity = calendar.due(datetime(2023, 6, 5, 0, 0, tzinfo=SEOUL), "5y", rollover=False)
    assert validity.due_date == date(2028, 6, 5)
    assert "Civil Act Art. 157 proviso" not in validity.explanation


def test_a_period_the_law_makes_begin_at_midnight_counts_its_first_day():
    """The proviso of Art. 157: a validity that begins at 00:00 of 5 June 2023 counts 5 June;
    5 years end on 4 June 2028."""
    validity = calendar.due(datetime(2023, 6, 5, 0, 0, tzinfo=SEOUL), "5y", rollover=False,
                            starts_at_midnight=True)
    assert validity.due_date == date(2028, 6, 4)
    assert "Civil Act Art. 157 proviso" in validity.explanation


def test_starts_at_midnight_flag_counts_the_first_day_of_a_date():
    assert calendar.due(date(2026, 3, 2), "10d", starts_at_midnight=True).plain_end == \
        date(2026, 3, 11)


def test_an_instant_is_counted_from_its_date_in_seoul():
    evening_utc = datetime(2026, 3, 1, 16, 0, tzinfo=UTC)
    due = calendar.due(evening_utc, "10d")
    assert due.plain_end == date(2026, 3, 12)
    assert "2026-03-02 01:00 KST" in due.explanation


def test_a_duration_is_not_rolled_over():
    storage = calendar.due(date(2026, 8, 9), "6m", rollover=False)
    assert storage.due_date == date(2027, 2, 9)
    assert "no roll-over" in storage.explanation
