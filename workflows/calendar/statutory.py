"""Due dates with their reasons: the one place where a start and a period become a deadline."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from workflows.calendar.civil_act import add_months, period_end
from workflows.calendar.korean import (
    korean_article,
    korean_date,
    korean_moment,
    korean_period,
    suspension_reason_ko,
    until_midnight,
)
from workflows.calendar.korean import start_label_ko as start_label_ko_of
from workflows.calendar.nonworking import ExtraDay, NonWorkingDays
from workflows.calendar.periods import CalendarError, Period, Unit
from workflows.clock import SEOUL, end_of_legal_day

PETITIONS_ACT = "Civil Petitions Treatment Act Art. 19"
EXTENSION_LIMIT_YEARS = 1


@dataclass(frozen=True)
class Step:
    """One step of the reasoning behind a date, with the provision it applies, in English and
    in Korean (``ko``: ``2026년 12월 26일(토)은 토요일이므로 …``; ``article_ko``:
    ``제8조제3항제1호``). A step stored before the Korean was kept reads the English instead
    (:attr:`korean`, :attr:`korean_article`)."""

    text: str
    article: str | None = None
    ko: str = ""
    article_ko: str | None = None

    def __str__(self) -> str:
        return f"{self.text}, {self.article}" if self.article else self.text

    @property
    def korean(self) -> str:
        """The Korean of the step, or its English for a step stored without it."""
        return self.ko or self.text

    @property
    def korean_article(self) -> str | None:
        """The provision in Korean citation form, read from the English when not stored."""
        return self.article_ko or korean_article(self.article)

    def as_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "article": self.article, "ko": self.ko,
                "article_ko": self.article_ko}

    @classmethod
    def from_dict(cls, stored: dict) -> Step:
        """A step as :meth:`as_dict` stored it; a row from before the Korean has none."""
        return cls(stored["text"], stored.get("article"), stored.get("ko") or "",
                   stored.get("article_ko"))


def _step(text: str, ko: str, article: str | None = None) -> Step:
    """A step with its Korean, citing ``article`` in both languages."""
    return Step(text, article, ko, korean_article(article))


@dataclass(frozen=True)
class DueDate:
    """A computed deadline: the legal last day, the instant it passes, and why.

    ``due_at`` is 24:00 Asia/Seoul of ``due_date`` (Civil Act Art. 159) for periods in days and
    longer, and the exact instant for a civil-petition period counted in working hours.
    """

    due_date: date
    due_at: datetime
    plain_end: date
    steps: tuple[Step, ...]

    @property
    def explanation(self) -> str:
        return " → ".join(str(step) for step in self.steps)

    @property
    def explanation_ko(self) -> str:
        """The steps in Korean, each with its provision (``…, 제8조제3항제1호``)."""
        return " → ".join(
            f"{step.korean}, {step.korean_article}" if step.korean_article else step.korean
            for step in self.steps
        )

    @property
    def articles(self) -> list[str]:
        return [step.article for step in self.steps if step.article]

    def as_json(self) -> list[dict[str, str | None]]:
        return [step.as_dict() for step in self.steps]


@dataclass(frozen=True)
class Outage:
    """A malfunction of the electronic customs network (Art. 8(4)), from start to repair."""

    start: datetime
    repaired: datetime
    ground: str

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.repaired.tzinfo is None:
            raise CalendarError("an outage needs time-zone-aware start and repair times")
        if self.repaired <= self.start:
            raise CalendarError("an outage must be repaired after it starts")

    def touches(self, day: date) -> bool:
        day_start = datetime.combine(day, time.min, tzinfo=SEOUL)
        return self.start < end_of_legal_day(day) and self.repaired > day_start

    @property
    def repair_date(self) -> date:
        return self.repaired.astimezone(SEOUL).date()


@dataclass(frozen=True)
class Suspension:
    """Days on which a period does not run (a clock stop), both ends included.

    E.g. Art. 128(4): the revision period of Art. 123 is not counted in the period for a decision.
    """

    first_day: date
    last_day: date
    article: str
    reason: str = "clock stopped"
    reason_ko: str = ""
    """Why, in Korean; empty: read from the English (:data:`~workflows.calendar.korean.
    SUSPENSION_REASONS_KO`)."""

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise CalendarError("a suspension cannot end before it starts")

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class OfficeHours:
    """Working hours of a government office, for civil petitions counted in hours.

    Default 09:00-12:00 and 13:00-18:00: eight working hours a day, as Art. 19(1) of the Civil
    Petitions Treatment Act counts a day.
    """

    windows: tuple[tuple[time, time], ...] = ((time(9), time(12)), (time(13), time(18)))

    @property
    def hours_per_day(self) -> float:
        return sum(_hours(start, end) for start, end in self.windows)


def _hours(start: time, end: time) -> float:
    return (datetime.combine(date.min, end) - datetime.combine(date.min, start)).seconds / 3600


def _within_the_calendar(method):
    """A count that would run past 9999-12-31 or before 0001-01-01 is refused with the reason,
    not left to overflow."""
    @functools.wraps(method)
    def counted(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OverflowError:
            raise CalendarError("the period runs outside the dates the calendar knows") from None

    return counted


@dataclass
class StatutoryCalendar:
    """Computes deadlines under Art. 8 and the civil-petition rules, explaining each date."""

    extra_days: Iterable[ExtraDay] = ()
    outages: Iterable[Outage] = ()
    office_hours: OfficeHours = field(default_factory=OfficeHours)

    def __post_init__(self) -> None:
        self.days = NonWorkingDays(self.extra_days)
        self.outages = tuple(sorted(self.outages, key=lambda o: o.start))

    # -- the public API ----------------------------------------------------------------------

    @_within_the_calendar
    def due(
        self,
        start: date | datetime,
        period: Period | str,
        *,
        start_label: str = "start",
        start_label_ko: str = "",
        starts_at_midnight: bool = False,
        rollover: bool = True,
        suspensions: Iterable[Suspension] = (),
    ) -> DueDate:
        """Return the deadline ``period`` after ``start``.

        :param start: the starting event: a date, or an aware datetime (naive = Seoul time).
        :param start_label: what the start is ("receipt of the disposition notice").
        :param start_label_ko: the same in Korean ("처분통지 수령일"); empty: the Korean the
            calendar knows for ``start_label`` (:data:`~workflows.calendar.korean.
            START_LABELS_KO`), or the label as given.
        :param starts_at_midnight: the period begins at 00:00 of the start day, which then
            counts (Civil Act Art. 157 proviso). Only a period the law makes begin at 00:00
            does so: an event that happens at 00:00 (a deemed grant taking effect, a notice
            received just after midnight) starts a period counted from the next day, like any
            other moment of that day.
        :param rollover: move a deadline off non-working days (Art. 8(3)) and outages
            (Art. 8(4)). Off for durations such as validity periods, which are not deadlines.
        :param suspensions: days on which the period does not run.
        """
        period = Period.parse(period) if isinstance(period, str) else period
        suspensions = sorted(suspensions, key=lambda s: s.first_day)
        labels = (start_label, start_label_ko or start_label_ko_of(start_label))
        if period.unit is Unit.PETITION_DAYS:
            return self._petition_due(start, period, labels, suspensions)
        return self._civil_act_due(start, period, labels, starts_at_midnight, rollover,
                                   suspensions)

    @_within_the_calendar
    def extend(self, due: DueDate, until: date, ground: str) -> DueDate:
        """Extend a deadline to ``until`` for a natural disaster or similar ground (Art. 10).

        The customs head may extend by up to one year; the new last day is itself a deadline of
        the Act and moves off non-working days (Art. 8(3)).
        """
        if not ground or not ground.strip():
            raise CalendarError("an extension under Art. 10 needs its ground")
        limit, _ = add_months(due.due_date, 12 * EXTENSION_LIMIT_YEARS)
        if until <= due.due_date:
            raise CalendarError(f"an extension must end after the current deadline {due.due_date}")
        if until > limit:
            raise CalendarError(
                f"Art. 10 allows an extension of up to one year: {until} is after {limit}"
            )
        steps = [*due.steps, _step(f"extended to {until} ({ground.strip()})",
                                   f"{korean_date(until)}까지 기한 연장({ground.strip()})",
                                   "Art. 10")]
        final = self._settle(until, steps)
        return DueDate(final, end_of_legal_day(final), due.plain_end, tuple(steps))

    @_within_the_calendar
    def latest_before(self, planned: date, period: Period | str, *, strict: bool = True) -> DueDate:
        """Return the last day to act at least ``period`` before ``planned`` (e.g. Art. 114(1)).

        Strict reading (default): ``period`` whole days lie between the act and the planned day,
        so the act is due ``n + 1`` days before it. A backward deadline never rolls forward (that
        would make it late); it moves back to the previous working day.
        """
        period = Period.parse(period) if isinstance(period, str) else period
        if period.unit is not Unit.DAYS:
            raise CalendarError("a backward period is counted in days")
        gap = period.amount + 1 if strict else period.amount
        reading = "strict reading: whole days between" if strict else "lenient reading"
        reading_ko = (f"엄격 해석: 그 사이에 온전한 {korean_period(period)}을 둠" if strict
                      else "완화 해석")
        day = planned - timedelta(days=gap)
        steps = [_step(f"planned {planned}", f"예정일: {korean_date(planned)}"),
                 _step(f"-{period} ({reading}) = {day}",
                       f"-{korean_period(period)}({reading_ko}) = {korean_date(day)}",
                       "Civil Act Art. 157 by analogy")]
        plain = day
        while reasons := self.days.deadline_reasons(day):
            steps.append(_step(f"{day}: {_join_labels(reasons)} → one day earlier (a backward "
                               "deadline never rolls forward)",
                               f"{korean_date(day)}은 {_join_labels_ko(reasons)}이므로 하루 "
                               "앞당김(거꾸로 세는 기한은 뒤로 미루지 않음)"))
            day -= timedelta(days=1)
        steps.append(_step(f"act by {day} (24:00 KST)", f"기한: {until_midnight(day)}"))
        return DueDate(day, end_of_legal_day(day), plain, tuple(steps))

    def is_working_day(self, day: date) -> bool:
        return not self.days.deadline_reasons(day)

    # -- Civil Act counting with Art. 8(3)-(4) -----------------------------------------------

    def _civil_act_due(self, start, period, labels, starts_at_midnight, rollover,
                       suspensions) -> DueDate:
        start_day = _start_day(start)
        steps = [_start_step(start, labels)]
        if starts_at_midnight:
            first = start_day
            steps.append(_step("the period starts at 00:00: the first day counts",
                               "기간이 0시부터 시작하므로 첫날을 산입함",
                               "Civil Act Art. 157 proviso"))
        else:
            first = start_day + timedelta(days=1)
        end, rule = period_end(first, period)
        steps.append(_step(f"+{period} = {end}", f"+{korean_period(period)} = {korean_date(end)}",
                           f"{rule} (Art. 8(2))"))
        plain = end
        end = self._apply_suspensions(first, end, suspensions, steps)
        if rollover:
            end = self._settle(end, steps)
        else:
            steps.append(_step("a duration, not a deadline: no roll-over",
                               "기한이 아닌 존속기간이므로 말일을 옮기지 않음"))
        steps.append(_step(f"due {end} (ends 24:00 KST)", f"기한: {until_midnight(end)}"))
        return DueDate(end, end_of_legal_day(end), plain, tuple(steps))

    def _apply_suspensions(self, first: date, end: date, suspensions, steps) -> date:
        """Add the suspended days that fall inside the running period, until none is left out."""
        counted: set[Suspension] = set()
        changed = True
        while changed:
            changed = False
            for suspension in suspensions:
                if suspension in counted or suspension.first_day > end:
                    continue
                if suspension.last_day < first:
                    continue
                overlap_from = max(first, suspension.first_day)
                days = (suspension.last_day - overlap_from).days + 1
                counted.add(suspension)
                end += timedelta(days=days)
                reason_ko = suspension.reason_ko or suspension_reason_ko(suspension.reason)
                steps.append(_step(
                    f"{suspension.reason} {overlap_from} to {suspension.last_day}: "
                    f"{days} day{'s' if days != 1 else ''} not counted = {end}",
                    f"{reason_ko}: {korean_date(overlap_from)}부터 "
                    f"{korean_date(suspension.last_day)}까지 {days}일은 산입하지 않음 = "
                    f"{korean_date(end)}",
                    suspension.article,
                ))
                changed = True
        return end

    def _settle(self, day: date, steps: list[Step]) -> date:
        """Move ``day`` off non-working days (Art. 8(3)) and outages (Art. 8(4)) until it holds."""
        while True:
            while reasons := self.days.deadline_reasons(day):
                following = day + timedelta(days=1)
                steps.append(_step(f"{day}: {_join_labels(reasons)} → {following}",
                                   f"{korean_date(day)}은 {_join_labels_ko(reasons)}이므로 "
                                   f"그다음 날인 {korean_date(following)}로 미룸",
                                   _join_articles(reasons)))
                day = following
            outage = next((o for o in self.outages if o.touches(day)), None)
            if outage is None:
                return day
            following = outage.repair_date + timedelta(days=1)
            steps.append(_step(
                f"{day}: electronic customs network out of service "
                f"({outage.ground}), repaired {outage.repair_date} → {following}",
                f"{korean_date(day)}에 국가관세종합정보시스템 장애({outage.ground}), "
                f"{korean_date(outage.repair_date)} 복구 → 복구된 날의 다음 날인 "
                f"{korean_date(following)}로 미룸",
                "Art. 8(4)",
            ))
            day = following

    # -- Civil-petition counting -------------------------------------------------------------

    def _petition_due(self, start, period, labels, suspensions) -> DueDate:
        whole_days = _runs_on_from_midnight(start)
        if period.in_hours and not whole_days:
            if suspensions:
                raise CalendarError("a period counted in working hours cannot be suspended here")
            return self._petition_hours_due(start, period, labels)
        start_day = _start_day(start)
        steps = [_start_step(start, labels),
                 _step(f"{period}: the first day counts, Saturdays and public holidays do not",
                       f"{korean_period(period)}: 첫날을 산입하되 토요일과 공휴일은 산입하지 않음",
                       f"{PETITIONS_ACT}(2)")]
        if period.in_hours:
            steps[1] = _step(f"{period} from 00:00: whole processing days of 8 working hours, "
                             "Saturdays and public holidays not counted",
                             f"{korean_period(period)}(0시부터): 1일 8근무시간의 처리일 단위로 "
                             "세고, 토요일과 공휴일은 산입하지 않음", f"{PETITIONS_ACT}(1)")
        day, counted, skipped, skipped_ko = start_day, 0, [], []
        while True:
            reason = self.days.petition_skip_reason(day)
            suspension = next((s for s in suspensions if s.covers(day)), None)
            if reason:
                skipped.append(f"{day} {reason}")
                skipped_ko.append(f"{korean_date(day)} {self.days.petition_skip_reason_ko(day)}")
            elif suspension:
                skipped.append(f"{day} {suspension.reason} ({suspension.article})")
                reason_ko = suspension.reason_ko or suspension_reason_ko(suspension.reason)
                skipped_ko.append(f"{korean_date(day)} {reason_ko}"
                                  f"({korean_article(suspension.article)})")
            else:
                counted += 1
                if counted == period.amount:
                    break
            day += timedelta(days=1)
        if skipped:
            steps.append(_step("not counted: " + ", ".join(skipped),
                               "산입하지 않은 날: " + ", ".join(skipped_ko)))
        steps.append(_step(f"processing period ends {day} (24:00 KST)",
                           f"처리기한: {until_midnight(day)}"))
        return DueDate(day, end_of_legal_day(day), day, tuple(steps))

    def _petition_hours_due(self, start, period, labels) -> DueDate:
        if not isinstance(start, datetime):
            raise CalendarError(
                f"{period} is counted in working hours: give the time of receipt "
                "(YYYY-MM-DDTHH:MM)"
            )
        received = _seoul(start)
        hours = period.amount * self.office_hours.hours_per_day
        per_day = self.office_hours.hours_per_day
        steps = [_start_step(received, labels),
                 _step(f"{period} = {hours:g} working hours from the time of receipt, "
                       f"{per_day:g} hours a day, Saturdays and public holidays excluded",
                       f"{korean_period(period)} = 접수 시각부터 근무시간 {hours:g}시간"
                       f"(1일 {per_day:g}시간), 토요일과 공휴일 제외", f"{PETITIONS_ACT}(1)")]
        remaining = timedelta(hours=hours)
        moment, skipped, skipped_ko = received, [], []
        while True:
            day = moment.date()
            reason = self.days.petition_skip_reason(day)
            if reason:
                skipped.append(f"{day} {reason}")
                skipped_ko.append(f"{korean_date(day)} {self.days.petition_skip_reason_ko(day)}")
            else:
                for window_start, window_end in self.office_hours.windows:
                    opens = datetime.combine(day, window_start, tzinfo=SEOUL)
                    closes = datetime.combine(day, window_end, tzinfo=SEOUL)
                    if moment >= closes:
                        continue
                    begin = max(moment, opens)
                    available = closes - begin
                    if remaining <= available:
                        due_at = begin + remaining
                        if skipped:
                            steps.append(_step("not counted: " + ", ".join(skipped),
                                               "산입하지 않은 날: " + ", ".join(skipped_ko)))
                        steps.append(_step(f"processing period ends {due_at:%Y-%m-%d %H:%M} KST",
                                           f"처리기한: {korean_moment(due_at)}까지"))
                        return DueDate(due_at.date(), due_at.astimezone(UTC), due_at.date(),
                                       tuple(steps))
                    remaining -= available
            moment = datetime.combine(day + timedelta(days=1), time.min, tzinfo=SEOUL)


def _runs_on_from_midnight(start: date | datetime) -> bool:
    """Whether a civil-petition period starts at 00:00 Seoul and so counts whole processing days.

    A period that runs on from the end of another (a civil-petition extension of a processing
    period, e.g. Customs Act Art. 134(4), from 24:00 of the running period's last day) has no
    time of receipt for the hours of Art. 19(1): its N days of 8 working hours from 00:00 are
    the next N whole processing days, and it ends at 24:00 of the last, so that what the law
    attaches to the day after it ends (a deemed grant) takes effect at 00:00 of that day.
    """
    return isinstance(start, datetime) and _seoul(start).time() == time.min


def _seoul(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=SEOUL)
    return moment.astimezone(SEOUL)


def _start_day(start: date | datetime) -> date:
    """Return the legal (Seoul) start day."""
    if isinstance(start, datetime):
        return _seoul(start).date()
    if isinstance(start, date):
        return start
    raise CalendarError(f"a start must be a date or a datetime, not {start!r}")


def _start_step(start: date | datetime, labels: tuple[str, str]) -> Step:
    """The first step: what the period runs from and when (``receipt of the objection
    2026-11-26``; ``이의신청 접수일: 2026년 11월 26일(목)``)."""
    label, label_ko = labels
    if isinstance(start, datetime):
        local = _seoul(start)
        return _step(f"{label} {local:%Y-%m-%d %H:%M} KST", f"{label_ko}: {korean_moment(local)}")
    return _step(f"{label} {start.isoformat()}", f"{label_ko}: {korean_date(start)}")


def _join_labels(reasons) -> str:
    return " and ".join(r.label for r in reasons)


def _join_labels_ko(reasons) -> str:
    return " 및 ".join(r.label_ko or r.label for r in reasons)


def _join_articles(reasons) -> str:
    return ", ".join(dict.fromkeys(r.article for r in reasons))


