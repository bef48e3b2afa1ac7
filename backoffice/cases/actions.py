"""One WTForms form per transition, built from the procedure's field declarations.

The engine validates the values again when the transition fires (``parse_fields`` and the
guards); the form gives the officer field-by-field errors, the right input for each kind of
value, and the CSRF token. The hidden ``version`` is the version of the case the user saw:
another one means someone acted in between, and nothing is done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    HiddenField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from backoffice import dates
from backoffice.i18n import Words, bilingual, current_locale, in_both, korean_of
from backoffice.input_bounds import LegalDate, WholeNumberField
from workflows import clock
from workflows.engine import Action, FieldKind, Label, Transition, TransitionRefused
from workflows.procedures import procedure_for

TEXT_LIMIT, LONGTEXT_LIMIT = 500, 10_000
INTEGER_LIMIT = 10**15
"""No amount or count in the Act comes near it; it keeps values inside a 64-bit column."""

SUBMISSION_DATES = frozenset({"filed_on", "counter_evidence_on"})
"""Dates that say when the claimant submitted something. Online they are the day of
transmission (Art. 129-2(2)), set by the system, never typed by the claimant."""
CHANNEL = "filing_rule"


def _in(locale: str, text: Label) -> str:
    """The declared text in the reader's language (the English where no Korean is declared)."""
    return text.ko if locale == "ko" and text.ko else text.en


def _field(spec, locale: str) -> Any:
    """The form field of a declared field: its label in both languages, the reader's first
    (:func:`~backoffice.i18n.bilingual`), its help and choices in the reader's language."""
    presence = ([InputRequired()] if spec.kind in (FieldKind.INTEGER, FieldKind.CHOICE)
                else [DataRequired()]) if spec.required else [Optional()]
    common = {"label": bilingual(spec.label_en, spec.label_ko),
              "description": _in(locale, spec.help)}
    if spec.kind is FieldKind.TEXT:
        return StringField(validators=[*presence, Length(max=TEXT_LIMIT)], **common)
    if spec.kind is FieldKind.LONGTEXT:
        return TextAreaField(validators=[*presence, Length(max=LONGTEXT_LIMIT)], **common)
    if spec.kind is FieldKind.DATE:
        return DateField(validators=[*presence, LegalDate()], **common)
    if spec.kind is FieldKind.DATETIME:
        return DateTimeLocalField(validators=presence, format="%Y-%m-%dT%H:%M", **common)
    if spec.kind is FieldKind.INTEGER:
        maximum = spec.maximum if spec.maximum is not None else INTEGER_LIMIT
        minimum = spec.minimum if spec.minimum is not None else -INTEGER_LIMIT
        return WholeNumberField(validators=[*presence, NumberRange(minimum, maximum)], **common)
    if spec.kind is FieldKind.CHOICE:
        choices = [SelectChoice(value, _in(locale, text)) for value, text in spec.choices]
        if not spec.required:
            choices.insert(0, SelectChoice("", "—"))
        return SelectField(choices=choices, validators=presence, **common)
    if spec.kind is FieldKind.BOOLEAN:
        return BooleanField(validators=[Optional()], **common)
    raise ValueError(f"no form field for {spec.kind}")


def form_class(procedure_code: str, trigger: str) -> type[FlaskForm]:
    """The form of a transition, in the reader's language."""
    return _form_class(procedure_code, trigger, current_locale())


@cache
def _form_class(procedure_code: str, trigger: str, locale: str) -> type[FlaskForm]:
    """Built once per language: the labels are fixed when the class is made, and
    :func:`~backoffice.i18n.bilingual` puts the reader's language (``locale``) first."""
    transition = procedure_for(procedure_code).transition(trigger)
    attributes = {spec.name: _field(spec, locale) for spec in transition.fields}
    attributes["version"] = HiddenField()
    return type(f"{trigger.title().replace('_', '')}Form", (FlaskForm,), attributes)


def action_form(procedure_code: str, transition: Transition, *, formdata=None,
                version: int | None = None) -> FlaskForm:
    cls = form_class(procedure_code, transition.trigger)
    form = cls(formdata=formdata, prefix=transition.trigger)
    if version is not None and formdata is None:
        form.version.data = version
    return form


def values_of(form: FlaskForm, transition: Transition) -> dict[str, Any]:
    """The form's values for the engine: empty optional values left out."""
    values = {}
    for spec in transition.fields:
        if spec.name not in form:
            continue
        value = form[spec.name].data
        if value is None or value == "":
            continue
        values[spec.name] = value.strip() if isinstance(value, str) else value
    return values


def for_claimant_online(form: FlaskForm) -> FlaskForm:
    """Remove the fields the system sets for an online submission (date and channel)."""
    for name in (*SUBMISSION_DATES, CHANNEL):
        if name in form:
            del form[name]
    return form


def stamp_online_submission(values: dict[str, Any], transition: Transition,
                            transmitted: datetime) -> dict[str, Any]:
    """Set the submission date to the day of transmission in Korea and the channel to online
    (Art. 129-2(2)) for the fields the transition has."""
    names = {spec.name for spec in transition.fields}
    day = transmitted.astimezone(clock.SEOUL).date()
    for name in SUBMISSION_DATES & names:
        values[name] = day
    if CHANNEL in names:
        values[CHANNEL] = "online"
    return values


def said_in_both(said: Label) -> Markup:
    """What the engine said (a refusal, a blocker, a field's problem) in both languages, the
    reader's first: in its own Korean, or the catalogue's for a text it says in English only.
    A text the web gave the engine already in both languages (a lazy one) is shown as it is."""
    if not said.ko and not isinstance(said.en, str):
        return said.en
    return bilingual(said.en, said.ko or None)


def refusal_in_both(english: str, said: Label) -> Markup:
    """A sentence of the catalogue with the engine's reason in it (``%(reason)s``), each
    language with the reason in that language: "처리하지 않았습니다: … · Not done: …"."""
    return in_both(english, {"reason": said.en}, {"reason": said.ko or korean_of(said.en)})


def field_problem(refused: TransitionRefused, name: str) -> Markup:
    """The problem of the refused field ``name``, in both languages."""
    return said_in_both(refused.errors_said.get(name) or Label(refused.errors[name]))


def show_refusal(form: FlaskForm, refused: TransitionRefused) -> None:
    """Put the engine's message for each refused field on that field of the form, in both
    languages (the reader's first)."""
    for name in refused.errors:
        if name in form:
            form[name].errors = [*form[name].errors, field_problem(refused, name)]


@dataclass(frozen=True)
class Offered:
    """An action as the case page offers it: why it is blocked, if it is, in both languages
    (the reader's first), ready to show."""

    transition: Transition
    blocked_by: Markup | None

    @property
    def allowed(self) -> bool:
        return self.blocked_by is None


def offered(actions: Iterable[Action]) -> list[Offered]:
    """The engine's actions as the case page shows them (``action.blocked_by`` in the
    template renders both languages by itself)."""
    return [Offered(a.transition, said_in_both(a.blocked_by) if a.blocked_by else None)
            for a in actions]


def shown(spec, value: Any) -> Words:
    """A field's value as a person reads it, in both languages: a choice by its label, yes or
    no, an amount with separators, a date in ISO, an instant in KST, "—" for none."""
    if spec.kind is FieldKind.BOOLEAN:
        yes = value in (True, "y", "true", "on", "1")
        return Words("Yes", "예") if yes else Words("No", "아니요")
    if value is None or value == "":
        return Words("—")
    if spec.kind is FieldKind.CHOICE:
        chosen = spec.choice_label(value)
        return Words(chosen.en, chosen.ko) if chosen else Words(str(value))
    if spec.kind is FieldKind.INTEGER and isinstance(value, int):
        return Words(f"{value:,}")
    if spec.kind is FieldKind.DATE and isinstance(value, str):
        try:  # a date as the record keeps it (JSON): read it back to write it the reader's way
            value = date.fromisoformat(value)
        except ValueError:
            return Words(value)
    if isinstance(value, datetime):
        if not value.tzinfo:
            return Words(f"{value:%Y-%m-%d %H:%M}")
        return Words(dates.instant(value, "en"), dates.instant(value, "ko"))
    if isinstance(value, date):
        return Words(dates.legal_date(value, "en"), dates.legal_date(value, "ko"))
    return Words(str(value))
