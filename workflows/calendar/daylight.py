"""Sunrise and sunset, for the rule of Art. 306: no inspection, search or seizure may be
undertaken between sunset and sunrise, a flagrant offender excepted (306(1) proviso); one
already launched may continue (306(2)).

The times are computed by ``astral`` (the NOAA solar equations) for the place of the action,
by default Seoul (37.5665 N, 126.9780 E), in Asia/Seoul; a minute either way of the published
tables of the Korea Astronomy and Space Science Institute.
"""

from __future__ import annotations

from datetime import datetime

from astral import Observer
from astral.sun import sunrise, sunset

from workflows.clock import SEOUL

SEOUL_OBSERVER = Observer(latitude=37.5665, longitude=126.9780)


def between_sunset_and_sunrise(at: datetime, observer: Observer = SEOUL_OBSERVER) -> bool:
    """Whether the moment ``at`` falls at night: after that day's sunset or before its
    sunrise, at the place of ``observer``."""
    rises, sets = sun_times(at, observer)
    return not rises <= at < sets


def sun_times(at: datetime, observer: Observer = SEOUL_OBSERVER) -> tuple[datetime, datetime]:
    """The sunrise and sunset of the legal day of ``at``, in Asia/Seoul."""
    day = at.astimezone(SEOUL).date()
    return sunrise(observer, day, tzinfo=SEOUL), sunset(observer, day, tzinfo=SEOUL)
