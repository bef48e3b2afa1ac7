"""Dates, times and amounts written the reader's way, by Babel (CLDR), never by hand.

Korean pages write a legal date ``2026년 12월 2일(수)``, an instant in Asia/Seoul
``2026년 12월 1일(화) 23:58``, the moment a period passes (24:00 of its last day, Civil Act
Art. 159) ``2026년 2월 19일(목) 자정까지``, and an amount ``1,234,000원``. English pages keep
ISO dates (``2026-12-02``, ``2026-12-01 23:58 KST``, ``2026-02-19 24:00 KST``) and
``KRW 1,234,000``. The machine-readable ISO value goes in ``<time datetime>`` where a page
shows a date to be read by a program too.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from babel.dates import format_time
from babel.numbers import format_decimal
from markupsafe import Markup

from workflows import clock
from workflows.calendar.korean import korean_date
from workflows.clock import SEOUL

NONE = "—"


def legal_date(value: date | None, locale: str) -> str:
    if value is None:
        return NONE
    return korean_date(value) if locale == "ko" else value.isoformat()


def instant(value: datetime | None, locale: str, *, seconds: bool = False) -> str:
    """An instant as Asia/Seoul wall-clock time, the legal time of the Act."""
    if value is None:
        return NONE
    if locale != "ko":
        return clock.kst_text(value, seconds=seconds)
    local = value.astimezone(SEOUL)
    clock_time = format_time(local.time(), "HH:mm:ss" if seconds else "HH:mm", locale="ko")
    return f"{legal_date(local.date(), 'ko')} {clock_time}"


def legal_end(value: datetime | None, locale: str) -> str:
    """When a period passes: midnight is the end (24:00) of the last day, "… 자정까지"."""
    return _end_of_day(value, locale, "자정까지")


def end_moment(value: datetime | None, locale: str) -> str:
    """The moment a period passed, as the instant something took effect: midnight is 24:00
    of the last day (Civil Act Art. 159), ``2026년 12월 31일(목) 24:00``; English as
    :func:`legal_end` (``2026-12-31 24:00 KST``)."""
    return _end_of_day(value, locale, "24:00")


def _end_of_day(value: datetime | None, locale: str, korean_end: str) -> str:
    if value is None:
        return NONE
    if locale != "ko":
        return clock.legal_end_text(value)
    local = value.astimezone(SEOUL)
    if local.time() == time.min:
        return f"{legal_date((local - timedelta(days=1)).date(), 'ko')} {korean_end}"
    return instant(local, "ko")


def amount(won: int | None, locale: str) -> str:
    """An amount in Korean won, with thousands separators."""
    if won is None:
        return NONE
    if locale == "ko":
        return f"{format_decimal(won, locale='ko')}원"
    return f"KRW {format_decimal(won, locale='en')}"


class Shown(str):
    """A date, instant or amount as a page shows it: the reader's language as text, each
    language's form for :func:`backoffice.i18n.bilingual` (which fills the Korean text with
    the Korean form and the English with the English), and in HTML a ``<time datetime>``
    carrying the ISO value for programs."""

    en: str
    ko: str
    iso: str | None

    def __new__(cls, *, en: str, ko: str, iso: str | None, locale: str) -> Shown:
        shown = super().__new__(cls, ko if locale == "ko" else en)
        shown.en, shown.ko, shown.iso = en, ko, iso
        return shown

    def __html__(self) -> Markup:
        if self.iso is None:
            return Markup("{}").format(str(self))
        return Markup('<time datetime="{}">{}</time>').format(self.iso, str(self))

    def in_language(self, locale: str) -> str:
        return self.ko if locale == "ko" else self.en


def in_language(value: Any, locale: str) -> Any:
    """``value`` as written in ``locale`` when it is :class:`Shown`, else itself."""
    return value.in_language(locale) if isinstance(value, Shown) else value


def shown_date(value: date | None, locale: str) -> Shown:
    return Shown(en=legal_date(value, "en"), ko=legal_date(value, "ko"),
                 iso=value.isoformat() if value else None, locale=locale)


def shown_instant(value: datetime | None, locale: str, *, seconds: bool = False) -> Shown:
    iso = value.astimezone(SEOUL).isoformat(timespec="seconds") if value else None
    return Shown(en=instant(value, "en", seconds=seconds), ko=instant(value, "ko", seconds=seconds),
                 iso=iso, locale=locale)


def shown_end(value: datetime | None, locale: str) -> Shown:
    iso = value.astimezone(SEOUL).isoformat(timespec="seconds") if value else None
    return Shown(en=legal_end(value, "en"), ko=legal_end(value, "ko"), iso=iso, locale=locale)


def shown_amount(won: int | None, locale: str) -> Shown:
    return Shown(en=amount(won, "en"), ko=amount(won, "ko"), iso=None, locale=locale)
