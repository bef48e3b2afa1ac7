"""Filters and globals for the page templates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask import Flask, session
from flask_login import current_user
from markupsafe import Markup

from backoffice.cases import history
from backoffice.i18n import translate
from workflows import clock
from workflows.procedures import CATALOGUE, REGISTRY
from workflows.roles import Role


def seoul_datetime(value: datetime | None) -> str:
    """Show an instant as Asia/Seoul wall-clock time, the legal time of the Act."""
    if value is None:
        return "—"
    return value.astimezone(clock.SEOUL).strftime("%Y-%m-%d %H:%M KST")


def legal_end(value: datetime | None) -> str:
    """Show the instant a period passes: midnight is 24:00 of the last day (Civil Act Art. 159)."""
    if value is None:
        return "—"
    local = value.astimezone(clock.SEOUL)
    if local.time() == time.min:
        return f"{(local - timedelta(days=1)):%Y-%m-%d} 24:00 KST"
    return local.strftime("%Y-%m-%d %H:%M KST")


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


EXPIRY_TEXT = {"escalate": "supervisors alerted", "flag": "flagged as missed"}


def expiry_text(deadline) -> str:
    """What happens when a deadline passes, in words (the action's declared label)."""
    kind, _, trigger = (deadline.on_expiry or "").partition(":")
    procedure = REGISTRY.get(deadline.case.procedure)
    if kind == "transition" and procedure is not None and procedure.has_trigger(trigger):
        return procedure.transition(trigger).label_en
    return EXPIRY_TEXT.get(deadline.on_expiry, deadline.on_expiry)


def deadline_label(deadline) -> str:
    """What a deadline is for, in words (its declaration's label), e.g. "decision on the
    objection"; the kind for a deadline opened by hand."""
    procedure = REGISTRY.get(deadline.case.procedure)
    try:
        return procedure.deadline_spec(deadline.kind).label_en
    except (AttributeError, KeyError):
        return deadline.kind.replace("_", " ")


def current_locale() -> str:
    """Korean or English: the user's choice, the session's for a visitor, Korean by default."""
    if current_user and current_user.is_authenticated:
        return current_user.locale
    return session.get("locale", "ko")


def bilingual(english: str, korean: str | None) -> Markup:
    """The text in the user's language first, the other one after it, smaller."""
    if not korean or korean == english:
        return Markup("{}").format(english)
    if current_locale() == "ko":
        return Markup('<span lang="ko">{}</span> <span class="en" lang="en">{}</span>').format(
            korean, english)
    return Markup('<span lang="en">{}</span> <span class="ko" lang="ko">{}</span>').format(
        english, korean)


def state_bilingual(case) -> Markup:
    declared = declared_state(case.procedure, case.state)
    if declared is None:
        return Markup("{}").format(case.state)
    return bilingual(declared.label_en, declared.label_ko)


def words(english: str) -> str:
    return translate(english, current_locale())


def register_template_helpers(app: Flask) -> None:
    app.add_template_global(words, "t")
    app.add_template_global(current_locale, "locale")
    app.add_template_global(bilingual, "bi")
    app.add_template_filter(state_bilingual, "state_bi")
    app.add_template_global(state_name, "state_name")
    app.add_template_filter(deadline_label, "deadline_label")
    app.add_template_filter(seoul_datetime, "seoul")
    app.add_template_filter(legal_date, "legal_date")
    app.add_template_filter(legal_end, "legal_end")
    app.add_template_filter(state_label, "state_label")
    app.add_template_filter(expiry_text, "expiry_text")
    app.add_template_global(CATALOGUE, "procedures")
    app.add_template_global(Role, "Role")
    app.add_template_global(history.for_template, "history_entries")
