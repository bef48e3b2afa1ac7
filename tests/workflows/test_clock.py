from datetime import UTC, date, datetime

import pytest

from workflows import clock


def test_a_period_ends_at_midnight_seoul_which_is_1500_utc():
    assert clock.end_of_legal_day(date(2026, 2, 18)) == datetime(2026, 2, 18, 15, 0, tzinfo=UTC)


def test_legal_date_is_the_seoul_date_of_an_instant():
    late_evening_utc = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)
    assert clock.seoul_date(late_evening_utc) == date(2026, 3, 2)


def test_frozen_clock_runs_the_system_as_of_another_moment():
    moment = datetime(2026, 5, 1, 0, 0, tzinfo=clock.SEOUL)
    with clock.frozen(moment):
        assert clock.now() == moment
        assert clock.today() == date(2026, 5, 1)
    assert clock.now() != moment


def test_frozen_clock_refuses_a_naive_datetime():
    with pytest.raises(ValueError, match="aware"), clock.frozen(datetime(2026, 1, 1)):
        pass
