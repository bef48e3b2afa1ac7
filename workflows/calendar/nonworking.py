"""Which days a deadline may not end on (Art. 8(3)), and which days a civil petition skips."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

import holidays

WORKERS_DAY = (5, 1)


class ExtraDayKind(StrEnum):
    DECREE_DAY = "decree_day"
    """A day prescribed by Presidential Decree (Art. 8(3)4), e.g. treasury-agent banks closed."""
    PUBLIC_HOLIDAY = "public_holiday"
    """A public holiday the holidays package does not know yet, e.g. a temporary holiday."""


@dataclass(frozen=True)
class ExtraDay:
    """A non-working day kept by the office itself, with its legal ground."""

    day: date
    name: str
    kind: ExtraDayKind
    ground: str


@dataclass(frozen=True)
class Reason:
    """Why a day is not a working day, and the provision that says so."""

    label: str
    article: str
    label_ko: str = ""
    """The same reason in Korean (``토요일``, ``대체공휴일(설날)``, ``근로자의 날``)."""

    def __str__(self) -> str:
        return f"{self.label}, {self.article}"


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> dict[date, str]:
    """Korean public, lunar and substitute holidays and election days (``holidays`` package)."""
    return dict(holidays.KR(years=year, categories=(holidays.PUBLIC,)).items())


@lru_cache(maxsize=64)
def _public_holidays_ko(year: int) -> dict[date, str]:
    """The same holidays under their Korean names (``삼일절``, ``설날 대체 휴일``)."""
    return dict(holidays.KR(years=year, categories=(holidays.PUBLIC,), language="ko").items())


_KOREAN_NAMES = {"신정연휴": "신정"}
"""Names the ``holidays`` package writes otherwise than the officers do: 1 January is one day
off (``1월 1일``, Regulation on Holidays of Government Offices Art. 2), called 신정."""
_SUBSTITUTE = "대체 휴일"


def _holiday_label_ko(name: str) -> str:
    """``공휴일(삼일절)``, ``대체공휴일(설날)``, ``임시공휴일``: a holiday as Art. 8(3)2 reads it
    (「공휴일에 관한 법률」에 따른 공휴일 및 대체공휴일)."""
    names = [_KOREAN_NAMES.get(n.strip(), n.strip()) for n in name.split(";")]
    substituted = [n.removesuffix(_SUBSTITUTE).strip() for n in names if n.endswith(_SUBSTITUTE)]
    if len(substituted) == len(names):
        return f"대체공휴일({'·'.join(substituted)})"
    if names == ["임시공휴일"]:
        return "임시공휴일"
    shown = [f"{n.removesuffix(_SUBSTITUTE).strip()} 대체공휴일" if n.endswith(_SUBSTITUTE) else n
             for n in names]
    return f"공휴일({'·'.join(shown)})"


def _holiday_label(name: str) -> str:
    names = [n.strip() for n in name.split(";")]
    labels = []
    for n in names:
        if n.startswith("Alternative holiday for "):
            labels.append("substitute holiday for " + n.removeprefix("Alternative holiday for "))
        else:
            labels.append(n)
    return "; ".join(labels)


class NonWorkingDays:
    """The days of Art. 8(3), plus the office's own additions."""

    def __init__(self, extra_days: Iterable[ExtraDay] = ()):
        self._extra: dict[date, list[ExtraDay]] = {}
        for extra in extra_days:
            self._extra.setdefault(extra.day, []).append(extra)

    def public_holiday(self, day: date) -> str | None:
        name = _public_holidays(day.year).get(day)
        return _holiday_label(name) if name else None

    def public_holiday_ko(self, day: date) -> str | None:
        """The public holiday on ``day`` as a Korean text names it (``공휴일(삼일절)``)."""
        name = _public_holidays_ko(day.year).get(day)
        return _holiday_label_ko(name) if name else None

    def deadline_reasons(self, day: date) -> list[Reason]:
        """Return why a deadline cannot end on ``day`` (empty for a working day), Art. 8(3)."""
        reasons = []
        if day.weekday() == 5:
            reasons.append(Reason("Saturday", "Art. 8(3)1", "토요일"))
        elif day.weekday() == 6:
            reasons.append(Reason("Sunday", "Art. 8(3)1", "일요일"))
        holiday = self.public_holiday(day)
        if holiday:
            reasons.append(Reason(f"public holiday ({holiday})", "Art. 8(3)2",
                                  self.public_holiday_ko(day) or "공휴일"))
        if (day.month, day.day) == WORKERS_DAY:
            reasons.append(Reason("Workers' Day", "Art. 8(3)3", "근로자의 날"))
        for extra in self._extra.get(day, ()):
            if extra.kind is ExtraDayKind.DECREE_DAY:
                reasons.append(Reason(f"Decree day ({extra.name}; {extra.ground})", "Art. 8(3)4",
                                      f"대통령령으로 정하는 날({extra.name}; {extra.ground})"))
            else:
                reasons.append(Reason(f"public holiday ({extra.name}; {extra.ground})",
                                      "Art. 8(3)2", f"공휴일({extra.name}; {extra.ground})"))
        return reasons

    def petition_skip_reason(self, day: date) -> str | None:
        """Return why a civil petition does not count ``day``: a Saturday or a public holiday.

        Sundays are public holidays of government offices. Workers' Day is counted unless the
        public-holiday list itself has May 1 (it does from 2026, as Labor Day).
        """
        skipped = self._petition_skip(day)
        return skipped[0] if skipped else None

    def petition_skip_reason_ko(self, day: date) -> str | None:
        """:meth:`petition_skip_reason` in Korean (``토요일``, ``공휴일(어린이날)``)."""
        skipped = self._petition_skip(day)
        return skipped[1] if skipped else None

    def _petition_skip(self, day: date) -> tuple[str, str] | None:
        """Why a civil petition does not count ``day``, in English and in Korean (one rule)."""
        if day.weekday() == 5:
            return "Saturday", "토요일"
        if day.weekday() == 6:
            return "Sunday", "일요일"
        holiday = self.public_holiday(day)
        if holiday:
            return holiday, self.public_holiday_ko(day) or f"공휴일({holiday})"
        for extra in self._extra.get(day, ()):
            if extra.kind is ExtraDayKind.PUBLIC_HOLIDAY:
                return extra.name, f"공휴일({extra.name})"
        return None
