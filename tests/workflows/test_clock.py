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


def test_a_frozen_clock_belongs_to_its_thread():
    import threading

    seen = {}
    inside = threading.Event()
    leave = threading.Event()

    def other():
        with clock.frozen(datetime(2020, 1, 1, tzinfo=UTC)):
            inside.set()
            leave.wait(5)
            seen["other"] = clock.now()

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(5)
    with clock.frozen(datetime(2030, 1, 1, tzinfo=UTC)):
        seen["main"] = clock.now()
    leave.set()
    thread.join()
    assert seen == {"main": datetime(2030, 1, 1, tzinfo=UTC),
                    "other": datetime(2020, 1, 1, tzinfo=UTC)}
    assert clock.now().year >= 2026
