"""Sunrise and sunset in Seoul for Art. 306, against the times the Korea Astronomy and Space
Science Institute publishes for Seoul (sunrise / sunset, to the minute): the solstices of
2026, 05:11 / 19:56 on 21 June and 07:43 / 17:17 on 22 December."""

from datetime import datetime

import pytest

from workflows.calendar.daylight import between_sunset_and_sunrise, sun_times
from workflows.clock import SEOUL


@pytest.mark.parametrize(("day", "rises", "sets"), [
    ((2026, 6, 21), (5, 11), (19, 56)),
    ((2026, 12, 22), (7, 43), (17, 17)),
])
def test_the_sun_rises_and_sets_as_published_within_a_minute(day, rises, sets):
    sunrise, sunset = sun_times(datetime(*day, 12, tzinfo=SEOUL))
    for computed, (hour, minute) in ((sunrise, rises), (sunset, sets)):
        published = computed.replace(hour=hour, minute=minute, second=30, microsecond=0)
        assert abs((computed - published).total_seconds()) <= 90


def test_night_is_from_sunset_to_sunrise():
    assert between_sunset_and_sunrise(datetime(2026, 12, 22, 17, 18, tzinfo=SEOUL))
    assert between_sunset_and_sunrise(datetime(2026, 12, 22, 7, 40, tzinfo=SEOUL))
    assert not between_sunset_and_sunrise(datetime(2026, 12, 22, 17, 16, tzinfo=SEOUL))
    assert not between_sunset_and_sunrise(datetime(2026, 6, 21, 19, 50, tzinfo=SEOUL))
