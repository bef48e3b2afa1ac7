"""Whether a legal date a person typed can be the date of what it records: the one rule.

A date of service, receipt, filing or decision records something that has happened. It cannot
be before the event it follows (a decision received before it was made, a notice served before
it was issued), and it cannot be after today: a remedy period counted from a receipt "in 2199"
never ends, one counted from a receipt in year 1 has long passed, and a sweep then closes the
party's remedy (issue 13). Dates that are by nature ahead (a planned completion) are bounded by
a horizon instead: the longest period the calendar counts, after today.

"Today" is the legal day in Asia/Seoul (:mod:`workflows.clock`). A deployment may allow a few
days after it (``LEGAL_DATE_FUTURE_TOLERANCE_DAYS``, 0 by default: what is recorded has
happened): where dates are keyed from documents stamped by another system whose clock or day
boundary runs ahead of the back office's (an e-mailbox's receipt, records carried over in a
migration), a tolerance of a day keeps those entries from being refused while the clocks differ.

Each problem is said in Korean and in English (:func:`problem_said`): the Korean writes its
dates the Korean way (``2026년 12월 9일``) and names the event in Korean (:data:`EVENTS_KO`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from babel.dates import format_date

from workflows.calendar.periods import LONGEST, Unit
from workflows.clock import EARLIEST_LEGAL_DATE, LATEST_LEGAL_DATE, as_date
from workflows.clock import legal_date_problem as outside_the_calendar
from workflows.engine.declarations import Label

HORIZON_DAYS = LONGEST[Unit.DAYS]
"""How far ahead a date by nature in the future may lie: the longest period the calendar counts
(about ten years, a licence's validity, Art. 176(1)). A date beyond it is a typing mistake."""


@dataclass(frozen=True)
class Earlier:
    """The event a legal date follows: its day, and how it reads ("the decision was made")."""

    day: date
    event: str


EVENTS_KO = {
    # The events the declarations' legal dates follow (``After.event``), as Korean names them.
    "the disposition notice was received": "처분 통지를 받은 날",
    "the request was filed": "청구일",
    "the goods entered": "반입일",
    "the ground was recorded": "결격사유 일자",
    "the request was filed with the Tax Tribunal": "조세심판원에 청구한 날",
    "the request was filed with the Board of Audit and Inspection": "감사원에 청구한 날",
    "the attorney's appointment was recorded": "대리인 선임을 기록한 날",
    "the reinvestigation was decided": "재조사 결정일",
    "the decision was made": "결정일",
    "the application was received": "신청서 접수일",
    "the audit began": "공인심사 개시일",
    "the certification took effect": "공인 효력 발생일",
    "the office's opinion was forwarded": "세관의 의견서를 송부한 날",
    "the written opinion was sent": "의견서를 송부한 날",
    "the pre-assessment notice was received": "과세전통지를 받은 날",
    "the notice was issued": "통지일",
    "the notice was served": "통지서 송달일",
    "the result was notified": "결과 통지일",
    "the case was referred": "위원회 회부일",
    "the results were reported": "조사 결과 보고일",
    "the investigation began": "조사 개시일",
    "the goods were seized": "압수일",
    "the goods were deemed lost": "유실물 간주일",
    "the return was decided": "환부 결정일",
    "the review began": "심사 개시일",
    "the current term ends": "현재 특허기간 만료일",
    "the licence took effect": "특허일",
    "the licence began": "특허기간 시작일",
    "the licence ended": "특허 효력 상실일",
    "the wind-down began": "특허의제기간 시작일",
    "the death or the dissolution": "사망일 또는 해산일",
    "the surcharge was imposed": "과징금 부과일",
}
"""An event not listed reads in English on a Korean page too (a test keeps the list whole)."""


def korean_date(day: date | str | None) -> str:
    """A date as Korean text writes it, ``2026년 12월 9일`` (Babel's Korean), or "" for none."""
    known = as_date(day) if isinstance(day, str) else day
    return format_date(known, "y년 M월 d일", locale="ko") if known else ""


def latest(events: Iterable[Earlier | None]) -> Earlier | None:
    """The latest of the events known (None where a date is not known): the one that bounds."""
    known = [e for e in events if e is not None]
    return max(known, key=lambda e: e.day) if known else None


def problem(day: date, *, today: date, tolerance_days: int = 0, earlier: Earlier | None = None,
            future: bool = False) -> str | None:
    """Why ``day`` cannot be the date it is typed for, in English, or None when it can be
    (:func:`problem_said` says it in both languages)."""
    said = problem_said(day, today=today, tolerance_days=tolerance_days, earlier=earlier,
                        future=future)
    return said.en if said else None


def problem_said(day: date, *, today: date, tolerance_days: int = 0,
                 earlier: Earlier | None = None, future: bool = False) -> Label | None:
    """Why ``day`` cannot be the date it is typed for, in English and Korean, or None.

    :param today: the legal day in Asia/Seoul.
    :param tolerance_days: how many days after today a date of something that has happened may
        still be (``LEGAL_DATE_FUTURE_TOLERANCE_DAYS``).
    :param earlier: the event the date cannot precede, when the case knows it.
    :param future: a date by nature ahead: bounded by :data:`HORIZON_DAYS` after today instead.
    """
    if reason := outside_the_calendar(day):
        return Label(reason, outside_the_calendar_ko(day))
    typed, now = korean_date(day), korean_date(today)
    if earlier is not None and day < earlier.day:
        event = EVENTS_KO.get(earlier.event, earlier.event)
        return Label(f"{day.isoformat()} is before {earlier.event} on "
                     f"{earlier.day.isoformat()}: give a date on or after it",
                     f"{typed}은 {event}({korean_date(earlier.day)})보다 앞선 날짜입니다. "
                     "그날 이후의 날짜를 입력하십시오.")
    if future:
        if day > today + timedelta(days=HORIZON_DAYS):
            return Label(f"{day.isoformat()} is more than {HORIZON_DAYS} days after today "
                         f"({today.isoformat()}): no period of the Act reaches that far",
                         f"{typed}은 오늘({now})부터 {HORIZON_DAYS}일이 넘는 날짜입니다. "
                         "관세법의 어떤 기간도 그렇게 길지 않습니다.")
        return None
    if day > today + timedelta(days=max(tolerance_days, 0)):
        return _after_today(day, today, tolerance_days)
    return None


def _after_today(day: date, today: date, tolerance_days: int) -> Label:
    """A date of something that has happened, after today (and the tolerance)."""
    typed, now = korean_date(day), korean_date(today)
    if tolerance_days <= 0:
        after, after_ko = "after today", f"오늘({now}) 이후의 날짜입니다"
    else:
        after = f"more than {tolerance_days} day{'s' if tolerance_days != 1 else ''} after today"
        after_ko = f"오늘({now})부터 {tolerance_days}일이 넘게 지난 날짜입니다"
    return Label(f"{day.isoformat()} is {after} ({today.isoformat()}): the date records "
                 "something that has happened; give the day it happened",
                 f"{typed}은 {after_ko}. 이미 있었던 일의 날짜이므로 그 일이 있었던 날을 "
                 "입력하십시오.")


def outside_the_calendar_ko(day: date) -> str:
    """In Korean, why ``day`` cannot be the date of an event of a case (see
    :func:`workflows.clock.legal_date_problem`): outside the years a case can have."""
    return (f"{korean_date(day)}은 사건의 날짜가 될 수 없습니다. "
            f"{EARLIEST_LEGAL_DATE.year}년부터 {LATEST_LEGAL_DATE.year}년까지의 날짜를 "
            "입력하십시오.")
