"""Filters and globals for the page templates."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from markupsafe import Markup

from backoffice.cases import history
from backoffice.cases import status as case_status
from backoffice.deadlines import standing
from backoffice.deadlines.standing import Standing
from backoffice.i18n import bilingual, current_locale
from workflows import clock
from workflows.engine.plan import expiry_trigger
from workflows.procedures import CATALOGUE, REGISTRY
from workflows.roles import Role


def legal_date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def declared_state(procedure_code: str, state: str):
    """The declaration of a state, or ``None`` for an undeclared procedure or state."""
    procedure = REGISTRY.get(procedure_code)
    try:
        return procedure.state(state)
    except (AttributeError, KeyError):
        return None


def state_name(procedure_code: str, state: str) -> str:
    """The declared English label of a state, or its code."""
    declared = declared_state(procedure_code, state)
    return declared.label_en if declared else state


def state_label(case) -> str:
    return state_name(case.procedure, case.state)


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
    declared = declared_state(case.procedure, case.state)
    if declared is None:
        return Markup("{}").format(case.state)
    return bilingual(declared.label_en, declared.label_ko)


def register_template_helpers(app: Flask) -> None:
    app.add_template_global(current_locale, "locale")
    app.add_template_global(bilingual, "bi")
    app.add_template_filter(state_bilingual, "state_bi")
    app.add_template_global(state_name, "state_name")
    app.add_template_filter(deadline_label, "deadline_label")
    app.add_template_filter(clock.kst_text, "seoul")
    app.add_template_filter(legal_date, "legal_date")
    app.add_template_filter(clock.legal_end_text, "legal_end")
    app.add_template_filter(state_label, "state_label")
    app.add_template_filter(expiry_text, "expiry_text")
    app.add_template_filter(standing_text, "standing_text")
    app.add_template_filter(standing_of, "standing")
    app.add_template_filter(duty_owner, "duty_owner")
    app.add_template_global(CATALOGUE, "procedures")
    app.add_template_global(Role, "Role")
    app.add_template_global(history.for_template, "history_entries")
    app.add_template_global(case_status.status_of, "case_status")
