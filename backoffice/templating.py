"""Filters and globals for the page templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from flask import Flask
from markupsafe import Markup

from backoffice import dates
from backoffice.cases import history
from backoffice.cases import status as case_status
from backoffice.dates import Shown
from backoffice.deadlines import standing
from backoffice.deadlines.standing import Standing
from backoffice.i18n import bilingual, current_locale
from workflows.calendar.korean import start_label_ko
from workflows.calendar.statutory import Step
from workflows.citations import korean_citation
from workflows.engine import Label
from workflows.engine.plan import expiry_trigger
from workflows.procedures import CATALOGUE, REGISTRY
from workflows.roles import Role


def legal_date(value: date | None) -> Shown:
    """A legal date the reader's way: ``2026년 12월 2일(수)`` in Korean, ISO in English."""
    return dates.shown_date(value, current_locale())


def seoul(value: datetime | None, seconds: bool = False) -> Shown:
    """An instant as Asia/Seoul wall-clock time, the reader's way."""
    return dates.shown_instant(value, current_locale(), seconds=seconds)


def legal_end(value: datetime | None) -> Shown:
    """The moment a period passes: "… 자정까지" in Korean, "… 24:00 KST" in English."""
    return dates.shown_end(value, current_locale())


def cite(article: str | None) -> Shown:
    """A citation the reader's way: ``제132조제5항`` in Korean, ``Art. 132(5)`` in English."""
    return dates.Shown(en=article or "", ko=korean_citation(article), iso=None,
                       locale=current_locale())


@dataclass(frozen=True)
class ShownStep:
    text: str
    article: str | None


def steps(explanation) -> list[ShownStep]:
    """The steps of a date's explanation (as stored, or as computed) in the reader's language
    (a step stored before the Korean was kept reads its English, its citation the Korean
    way)."""
    ko = current_locale() == "ko"
    read = [step if isinstance(step, Step) else Step.from_dict(step)
            for step in explanation or ()]
    return [ShownStep(step.korean, step.korean_article) if ko else
            ShownStep(step.text, step.article) for step in read]


def start_label(label: str | None) -> Shown:
    """What a period runs from ("receipt of the objection": 이의신청 접수일), the reader's way;
    the English where the calendar's glossary has no Korean (a label typed by an officer)."""
    return dates.Shown(en=label or "", ko=start_label_ko(label or ""), iso=None,
                       locale=current_locale())


def won(value: int | None) -> Shown:
    """An amount in won: ``1,234,000원`` in Korean, ``KRW 1,234,000`` in English."""
    return dates.shown_amount(value, current_locale())


def declared_state(procedure_code: str, state: str):
    """The declaration of a state, or ``None`` for an undeclared procedure or state."""
    procedure = REGISTRY.get(procedure_code)
    try:
        return procedure.state(state)
    except (AttributeError, KeyError):
        return None


EXPIRY_TEXT = {"escalate": ("supervisors alerted", "감독자에게 보고"),
               "flag": ("flagged as missed", "기한 경과 표시")}


def expiry_text(deadline) -> str:
    """What happens when a deadline passes, in words of the reader's language (the action's
    declared label)."""
    trigger = expiry_trigger(deadline.on_expiry)
    procedure = REGISTRY.get(deadline.case.procedure)
    ko = current_locale() == "ko"
    if trigger and procedure is not None and procedure.has_trigger(trigger):
        transition = procedure.transition(trigger)
        return (transition.label_ko or transition.label_en) if ko else transition.label_en
    english, korean = EXPIRY_TEXT.get(deadline.on_expiry, (deadline.on_expiry, None))
    return (korean or english) if ko else english


def deadline_label(deadline) -> str:
    """What a deadline is for, in words (its declaration's label), e.g. "decision on the
    objection"; the kind for a deadline opened by hand."""
    procedure = REGISTRY.get(deadline.case.procedure)
    try:
        spec = procedure.deadline_spec(deadline.kind)
        return (spec.label_ko or spec.label_en) if current_locale() == "ko" else spec.label_en
    except (AttributeError, KeyError):
        return deadline.kind.replace("_", " ")


def _days(count: int, locale: str) -> str:
    return f"{count}일" if locale == "ko" else f"{count} day{'s' if count != 1 else ''}"


def standing_text(deadline, now: datetime | None = None) -> str:
    """Where a deadline stands, in words of the reader's language (see ``standing``)."""
    reading = standing.read(deadline, now)
    ko = current_locale() == "ko"
    days_late, done = _days(reading.days_late, current_locale()), legal_date(reading.done_on)
    kind = reading.standing
    if kind is Standing.OVERDUE:
        return f"{days_late} 지연" if ko else f"{days_late} late"
    if kind is Standing.DUE_TODAY:
        return "오늘 자정까지" if ko else "due today (until 24:00)"
    if kind in (Standing.DUE_SOON, Standing.RUNNING):
        left = _days(reading.days_left, current_locale())
        return f"{left} 남음" if ko else f"{left} left"
    if kind is Standing.STOPPED:
        since = legal_date(deadline.suspended_since)
        return f"{since}부터 기간 정지" if ko else f"clock stopped since {since}"
    if kind is Standing.LAPSED:
        return f"기한 경과 ({days_late} 전)" if ko else f"time limit passed {days_late} ago"
    if kind is Standing.MET_LATE:
        return f"{done} 이행 ({days_late} 지연)" if ko else f"met {done}, {days_late} late"
    if kind is Standing.MET:
        return f"{done} 이행" if ko else f"met {done}"
    if kind is Standing.WAIVED:
        return f"{done} 면제" if ko else f"waived {done}"
    if kind is Standing.TOOK_EFFECT:
        what = expiry_text(deadline)
        return f"{done} 기한 경과: {what}" if ko else f"passed; {what} took effect on {done}"
    return "사건 종결로 불필요" if ko else "no longer needed: the case ended"


DUTY_OWNERS = {"office": ("The customs office", "세관"), "party": ("The party", "당사자"),
               "tribunal": ("The tribunal", "심판기관")}


def duty_owner(deadline_or_owner) -> Markup:
    """Who must act on a deadline (its ``owed_by``), in both languages."""
    owner = getattr(deadline_or_owner, "owed_by", deadline_or_owner)
    english, korean = DUTY_OWNERS.get(owner, DUTY_OWNERS["office"])
    return bilingual(english, korean)


def standing_of(deadline, now: datetime | None = None) -> str:
    """The standing's code, for CSS classes and tests (``overdue``, ``due_today``...)."""
    return standing.read(deadline, now).standing.value


def state_bilingual(case) -> Markup:
    return state_in_both(case.procedure, case.state)


def state_in_both(procedure_code: str, state: str) -> Markup:
    """A state's declared label, the reader's language first, the other beside it."""
    declared = declared_state(procedure_code, state)
    if declared is None:
        return Markup("{}").format(state)
    return bilingual(declared.label_en, declared.label_ko)


def fact_value(value) -> Markup | str:
    """A value a procedure shows in a case's header (``CaseFact``): a label in both languages,
    a legal date the reader's way, anything else as text."""
    if isinstance(value, Label):
        return bilingual(value.en, value.ko)
    if isinstance(value, date):
        return legal_date(value)
    return "" if value is None else str(value)


def register_template_helpers(app: Flask) -> None:
    app.add_template_global(current_locale, "locale")
    app.add_template_global(bilingual, "bi")
    app.add_template_filter(state_bilingual, "state_bi")
    app.add_template_global(state_in_both, "state_bi_of")
    app.add_template_filter(deadline_label, "deadline_label")
    app.add_template_filter(seoul, "seoul")
    app.add_template_filter(legal_date, "legal_date")
    app.add_template_filter(legal_end, "legal_end")
    app.add_template_filter(won, "won")
    app.add_template_filter(cite, "cite")
    app.add_template_filter(steps, "steps")
    app.add_template_filter(start_label, "start_label")
    app.add_template_filter(expiry_text, "expiry_text")
    app.add_template_filter(standing_text, "standing_text")
    app.add_template_filter(standing_of, "standing")
    app.add_template_filter(duty_owner, "duty_owner")
    app.add_template_filter(fact_value, "fact")
    app.add_template_global(CATALOGUE, "procedures")
    app.add_template_global(Role, "Role")
    app.add_template_global(history.for_template, "history_entries")
    app.add_template_global(history.record_field, "record_field")
    app.add_template_global(case_status.status_of, "case_status")
