"""The calendar's reasons in Korean: dates, periods, citations and the starts of periods.

Each step of a date's explanation carries its Korean beside the English
(:class:`~workflows.calendar.statutory.Step`): ``2026년 12월 26일(토)`` for a date, ``자정까지``
for the end of a legal day (Civil Act Art. 159; Customs Act Art. 8(2)), ``+30일`` and ``+3개월``
for a period, ``제8조제3항제1호`` and ``「민법」 제157조·제159조`` for the provision applied.

What a period starts from is named by the caller (the procedure's declaration, a notice, an
officer); the starts the procedures declare are written here once in Korean
(:data:`START_LABELS_KO`), and so are the reasons the engine gives for a clock stop
(:data:`SUSPENSION_REASONS_KO`). A caller's words with no Korean here are shown as given.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date

from workflows.calendar.periods import Period, Unit
from workflows.citations import korean_citation
from workflows.clock import SEOUL

_UNITS_KO = {
    Unit.DAYS: "{}일",
    Unit.WEEKS: "{}주",
    Unit.MONTHS: "{}개월",
    Unit.YEARS: "{}년",
    Unit.PETITION_DAYS: "처리기간 {}일",
}

START_LABELS_KO = {
    # The starts the procedures declare (``Start.label``), and the calendar's own default.
    "start": "기산일",
    "the day after the entry": "반입일의 다음 날",
    "the day the storage period expired": "장치기간 만료일",
    "the order to ship out": "반출 명령일",
    "the first day of the bar": "결격 시작일",
    "the ground was recorded": "결격사유 기록일",
    "filing": "청구일",
    "filing of the objection": "이의신청일",
    "filing of the request": "청구일",
    "receipt of the application": "신청 접수일",
    "receipt of the decision": "결정서 수령일",
    "receipt of the notice": "통지서 수령일",
    "receipt of the objection": "이의신청 접수일",
    "receipt of the request": "청구서 접수일",
    "receipt of the result": "재조사 결과 통지 수령일",
    "receipt of the written decision": "결정서 수령일",
    "receipt of this notice": "이 통지서를 받은 날",
    "the reinvestigation decision": "재조사 결정일",
    "the revision order": "보정요구일",
    "end of the running processing period": "당초 처리기간 만료",
    "the day the certification takes effect": "공인 효력 발생일",
    "the anniversary of the certification": "매년 공인일에 해당하는 날",
    "the corrective order": "시정명령일",
    "the day the suspension takes effect": "혜택 정지 시작일",
    "the change occurred": "변동일",
    "end of the hindrance": "그 사유가 끝난 날",
    "service of the notice": "통고서 송달일",
    "seizure": "압수일",
    "publication as lost property": "유실물 공고일",
    "publication of the unreturnable goods": "환부 불능 공고일",
    "the first day of the licence": "특허기간 시작일",
    "the day the wind-down begins": "특허의제기간 시작일",
    "the death or the dissolution": "사망일 또는 해산일",
    "the executive fell under Art. 175 2 or 3": "임원이 제175조제2호·제3호에 해당하게 된 날",
    "the surcharge was imposed": "과징금 부과일",
}
"""What a period runs from, in Korean, by the English a declaration gives it."""

SUSPENSION_REASONS_KO = {
    # The engine names a clock stop after the state that stops it (``State.label`` in lower
    # case); the back office's default is "clock stopped".
    "clock stopped": "기간 정지",
    "revision ordered": "보정 요구",
    "reinvestigation postponed or suspended": "재조사 연기·중지",
}
"""Why a period did not run, in Korean, by the English the engine stores."""

_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=8192)
def korean_date(day: date) -> str:
    """``2026년 12월 26일(토)``: a date as a Korean officer writes it, with its weekday."""
    return format_date(day, "y년 M월 d일(E)", locale="ko")


def until_midnight(day: date) -> str:
    """``2026년 12월 3일(목) 자정까지``: a period that ends at 24:00 of its last day."""
    return f"{korean_date(day)} 자정까지"


def korean_moment(moment: datetime) -> str:
    """``2026년 3월 6일(금) 16:00``: an instant, in Seoul time."""
    local = moment.astimezone(SEOUL) if moment.tzinfo else moment.replace(tzinfo=SEOUL)
    return f"{korean_date(local.date())} {local:%H:%M}"


def korean_period(period: Period) -> str:
    """``30일``, ``2주``, ``3개월``, ``1년``; ``처리기간 10일`` for a civil petition's days."""
    return _UNITS_KO[period.unit].format(period.amount)


@lru_cache(maxsize=1024)
def korean_article(article: str | None) -> str | None:
    """A provision the calendar cites, in Korean citation form (None stays None)."""
    return korean_citation(article) if article else None


def start_label_ko(label: str) -> str:
    """The Korean of what a period runs from; a label with no Korean here is shown as given."""
    return _korean(label, START_LABELS_KO)


def suspension_reason_ko(reason: str) -> str:
    """The Korean of why a period did not run; a reason with no Korean here is shown as given."""
    return _korean(reason, SUSPENSION_REASONS_KO)


def _korean(words: str, glossary: dict[str, str]) -> str:
    words = (words or "").strip()
    if not _LATIN.search(words):
        return words  # already Korean (or no words at all)
    return glossary.get(words.lower(), words)
