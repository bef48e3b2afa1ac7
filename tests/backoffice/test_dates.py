"""Dates, instants and amounts the reader's way (``backoffice.dates``): Korean pages write
them as Korean does, English pages keep ISO dates; both from Babel, never by hand."""

from datetime import date, datetime

from markupsafe import escape

from backoffice import dates
from tests.korean_text import korean_day
from workflows.clock import SEOUL


def test_a_legal_date_in_korean_and_in_english():
    # Wed 2 Dec 2026, spelt out by hand in korean_day
    assert dates.legal_date(date(2026, 12, 2), "ko") == korean_day(date(2026, 12, 2)) \
        == "2026년 12월 2일(수)"
    assert dates.legal_date(date(2026, 12, 2), "en") == "2026-12-02"
    assert dates.legal_date(None, "ko") == "—"


def test_an_instant_is_written_in_seoul_time():
    moment = datetime(2026, 12, 1, 23, 58, 7, tzinfo=SEOUL)
    assert dates.instant(moment, "ko") == "2026년 12월 1일(화) 23:58"
    assert dates.instant(moment, "ko", seconds=True) == "2026년 12월 1일(화) 23:58:07"
    assert dates.instant(moment, "en") == "2026-12-01 23:58 KST"


def test_midnight_is_the_end_of_the_last_day():
    """Civil Act Art. 159: a period ends at 24:00 of its last day, the midnight that starts
    the next: Thu 19 Feb 2026 24:00 is 20 Feb 00:00."""
    end = datetime(2026, 2, 20, 0, 0, tzinfo=SEOUL)
    assert dates.legal_end(end, "ko") == "2026년 2월 19일(목) 자정까지"
    assert dates.end_moment(end, "ko") == "2026년 2월 19일(목) 24:00"
    assert dates.legal_end(end, "en") == "2026-02-19 24:00 KST"


def test_an_amount_in_won():
    assert dates.amount(1_234_000, "ko") == "1,234,000원"
    assert dates.amount(1_234_000, "en") == "KRW 1,234,000"


def test_a_shown_date_carries_its_iso_value_for_programs():
    shown = dates.shown_date(date(2026, 12, 2), "ko")
    assert shown == "2026년 12월 2일(수)" and shown.en == "2026-12-02"
    assert str(escape(shown)) == '<time datetime="2026-12-02">2026년 12월 2일(수)</time>'
