"""Art. 8(4) outages, Art. 10 extensions and clock stops (e.g. Art. 128(4))."""

from datetime import date, datetime

import pytest

from workflows.calendar import CalendarError, Outage, StatutoryCalendar, Suspension
from workflows.clock import SEOUL


def _outage(start, end):
    return Outage(datetime(*start, tzinfo=SEOUL), datetime(*end, tzinfo=SEOUL), "UNI-PASS failure")


def test_deadline_within_an_outage_moves_to_the_day_after_the_repair():
    calendar = StatutoryCalendar(outages=[_outage((2026, 3, 12, 9), (2026, 3, 13, 14))])
    due = calendar.due(date(2026, 3, 2), "10d")
    assert due.plain_end == date(2026, 3, 12)
    assert due.due_date == date(2026, 3, 14 + 2)  # repaired Fri 13th → Sat 14th → Mon 16th
    assert "Art. 8(4)" in due.articles
    assert "Art. 8(3)1" in due.articles
    assert "repaired 2026-03-13" in due.explanation


def test_an_outage_on_another_day_changes_nothing():
    calendar = StatutoryCalendar(outages=[_outage((2026, 3, 10, 9), (2026, 3, 10, 11))])
    assert calendar.due(date(2026, 3, 2), "10d").due_date == date(2026, 3, 12)


def test_an_outage_repaired_on_the_morning_of_the_last_day_still_moves_it():
    calendar = StatutoryCalendar(outages=[_outage((2026, 3, 11, 22), (2026, 3, 12, 2))])
    assert calendar.due(date(2026, 3, 2), "10d").due_date == date(2026, 3, 13)


def test_an_outage_must_be_repaired_after_it_starts():
    with pytest.raises(CalendarError, match="repaired after it starts"):
        _outage((2026, 3, 12, 9), (2026, 3, 12, 8))


def test_art_10_extends_a_deadline_by_up_to_one_year_with_its_ground():
    calendar = StatutoryCalendar()
    due = calendar.due(date(2026, 3, 2), "10d")
    extended = calendar.extend(due, date(2026, 6, 12), "typhoon damage to the importer's premises")
    assert extended.due_date == date(2026, 6, 12)
    assert "Art. 10" in extended.articles
    assert "typhoon damage" in extended.explanation


def test_an_extension_ending_on_a_saturday_moves_to_monday():
    calendar = StatutoryCalendar()
    extended = calendar.extend(calendar.due(date(2026, 3, 2), "10d"), date(2026, 4, 11), "fire")
    assert extended.due_date == date(2026, 4, 13)


def test_an_extension_beyond_one_year_is_refused():
    calendar = StatutoryCalendar()
    due = calendar.due(date(2026, 3, 2), "10d")
    assert calendar.extend(due, date(2027, 3, 12), "flood").due_date == date(2027, 3, 12)
    with pytest.raises(CalendarError, match="up to one year"):
        calendar.extend(due, date(2027, 3, 13), "flood")


def test_an_extension_needs_a_ground_and_a_later_date():
    calendar = StatutoryCalendar()
    due = calendar.due(date(2026, 3, 2), "10d")
    with pytest.raises(CalendarError, match="needs its ground"):
        calendar.extend(due, date(2026, 4, 1), " ")
    with pytest.raises(CalendarError, match="after the current deadline"):
        calendar.extend(due, date(2026, 3, 12), "flood")


def test_revision_period_is_not_counted_in_the_decision_period():
    """Art. 128(4): the revision period of Art. 123 is excluded from the period for a decision."""
    revision = Suspension(date(2026, 3, 10), date(2026, 3, 19), "Art. 128(4)", "revision period")
    due = StatutoryCalendar().due(date(2026, 3, 2), "30d", suspensions=[revision])
    assert due.plain_end == date(2026, 4, 1)
    assert "10 days not counted = 2026-04-11" in due.explanation
    assert due.due_date == date(2026, 4, 13)


def test_a_suspension_after_the_period_ended_changes_nothing():
    late = Suspension(date(2026, 5, 1), date(2026, 5, 10), "Art. 128(4)")
    assert StatutoryCalendar().due(date(2026, 3, 2), "30d", suspensions=[late]).due_date == \
        date(2026, 4, 1)


def test_a_suspension_reached_only_after_an_earlier_one_also_counts():
    first = Suspension(date(2026, 3, 10), date(2026, 3, 19), "Art. 128(4)")
    second = Suspension(date(2026, 4, 5), date(2026, 4, 6), "Art. 128(4)")
    due = StatutoryCalendar().due(date(2026, 3, 2), "30d", suspensions=[first, second])
    assert due.due_date == date(2026, 4, 13)  # 04-01 + 10 = 04-11, + 2 = 04-13 (Mon)


def test_a_suspension_cannot_end_before_it_starts():
    with pytest.raises(CalendarError):
        Suspension(date(2026, 3, 10), date(2026, 3, 9), "Art. 128(4)")


def test_request_after_a_hindrance_may_be_filed_within_14_days_after_it_ends():
    """Art. 121(4): the 14 days run from the day the Art. 10 ground ends."""
    due = StatutoryCalendar().due(date(2026, 9, 10), "14d", start_label="end of the hindrance")
    assert due.plain_end == date(2026, 9, 24)
    assert due.due_date == date(2026, 9, 28)  # Chuseok 24-26 Sep, then Sunday
    assert due.explanation.startswith("end of the hindrance 2026-09-10")
