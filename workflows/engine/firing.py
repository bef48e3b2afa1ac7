"""Deciding whether a transition may be fired, and moving the state: pure, no database.

The database side (version check, audit event, deadlines, one transaction) is in
``backoffice.workflow``; it asks this module first, so a refused transition changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from transitions import MachineError

from workflows import legal_dates
from workflows.clock import SEOUL, legal_date_problem, seoul_date
from workflows.engine.declarations import (
    Context,
    Field,
    FieldKind,
    Procedure,
    Transition,
    article_for,
)
from workflows.roles import Role
from workflows.text import text_problem, whole_number


class Refusal(StrEnum):
    NOT_AVAILABLE = "not_available"
    NOT_PERMITTED = "not_permitted"
    GUARD_FAILED = "guard_failed"
    INVALID_FIELD = "invalid_field"
    STALE_VERSION = "stale_version"


class TransitionRefused(Exception):
    """A transition that may not be fired; nothing was changed.

    ``reason`` says which check refused it, ``message`` says why in words a person can act on,
    and ``errors`` maps each invalid field to its problem.
    """

    def __init__(self, reason: Refusal, message: str, errors: Mapping[str, str] | None = None):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.errors = dict(errors or {})


@dataclass(frozen=True)
class Action:
    """A transition as offered to a user: whether it may be fired now, and if not, why."""

    transition: Transition
    blocked_by: str | None

    @property
    def allowed(self) -> bool:
        return self.blocked_by is None


def check(procedure: Procedure, trigger: str, context: Context, *, tolerance_days: int = 0,
          deemed: frozenset[str] = frozenset()) -> Transition:
    """Return the transition ``trigger`` if ``context.role`` may fire it from ``context.state``.

    Fields must already be parsed into ``context.values`` (see :func:`parse_fields`); their
    legal dates are checked against the case (:func:`date_problems`) before the guards read
    them.
    :raise TransitionRefused: not available, not permitted, an implausible date, or a guard
        failed.
    """
    if not procedure.has_trigger(trigger):
        raise TransitionRefused(Refusal.NOT_AVAILABLE,
                                f"{procedure.code} has no action {trigger!r}")
    transition = procedure.transition(trigger)
    if transition.opening:
        if context.state:
            raise TransitionRefused(Refusal.NOT_AVAILABLE, f"{trigger!r} only opens a case")
    elif context.state not in transition.source:
        state = procedure.state(context.state)
        raise TransitionRefused(
            Refusal.NOT_AVAILABLE,
            f"'{transition.label_en}' is not possible while the case is "
            f"'{state.label_en}'",
        )
    if context.role not in transition.roles:
        raise TransitionRefused(
            Refusal.NOT_PERMITTED,
            f"your role may not '{transition.label_en}' "
            f"({article_for(transition.article, context)})",
        )
    if errors := date_problems(transition, context, tolerance_days=tolerance_days,
                               deemed=deemed):
        raise _invalid_fields(errors)
    for guard in transition.guards:
        reason = guard(context)
        if reason:
            raise TransitionRefused(Refusal.GUARD_FAILED, reason)
    return transition


def available_actions(procedure: Procedure, context: Context) -> list[Action]:
    """Return the transitions ``context.role`` may see from the current state, with blockers."""
    actions = []
    for transition in procedure.outgoing(context.state):
        if context.role not in transition.roles:
            continue
        blocked = next((r for g in transition.guards if (r := g(context))), None)
        actions.append(Action(transition, blocked))
    return actions


def parse_fields(transition: Transition, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Return the typed values of the transition's fields from ``raw`` (strings or values).

    :raise TransitionRefused: with one message per invalid field; unknown keys are ignored.
    """
    values, errors = {}, {}
    for spec in transition.fields:
        try:
            values[spec.name] = _parse(spec, raw.get(spec.name))
        except ValueError as error:
            errors[spec.name] = str(error)
    if errors:
        raise _invalid_fields(errors)
    return values


def _invalid_fields(errors: Mapping[str, str]) -> TransitionRefused:
    summary = "; ".join(f"{name}: {message}" for name, message in errors.items())
    return TransitionRefused(Refusal.INVALID_FIELD, f"check the form: {summary}", errors)


def date_problems(transition: Transition, context: Context, *, tolerance_days: int = 0,
                  deemed: frozenset[str] = frozenset()) -> dict[str, str]:
    """Why each legal date in ``context.values`` cannot be what it records, by field.

    Each date is checked against the case by the rule of :mod:`workflows.legal_dates`: not
    before the events its field ``follows``, not after today (``tolerance_days`` more allowed),
    or, for a field declared ``future``, not beyond the horizon. A value in ``deemed`` is a date
    the law fixes, not one typed (a public notice is deemed served 14 days after its
    publication, Art. 11(2)): it may lie ahead, within the horizon.
    """
    today = seoul_date(context.now)
    problems = {}
    for spec in transition.fields:
        value = context.values.get(spec.name)
        if spec.kind not in (FieldKind.DATE, FieldKind.DATETIME) or value is None:
            continue
        day = seoul_date(value) if isinstance(value, datetime) else value
        earlier = legal_dates.latest(
            legal_dates.Earlier(d, after.event) if (d := after.day(context)) else None
            for after in spec.follows)
        if problem := legal_dates.problem(day, today=today, tolerance_days=tolerance_days,
                                          earlier=earlier,
                                          future=spec.future or spec.name in deemed):
            problems[spec.name] = problem
    return problems


def _parse(spec: Field, raw: Any) -> Any:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if spec.required and spec.kind is not FieldKind.BOOLEAN:
            raise ValueError(f"{spec.label_en} is required")
        return False if spec.kind is FieldKind.BOOLEAN else None
    parser = _PARSERS[spec.kind]
    value = parser(raw)
    if spec.kind is FieldKind.INTEGER:
        if spec.minimum is not None and value < spec.minimum:
            raise ValueError(f"{spec.label_en} must be at least {spec.minimum}")
        if spec.maximum is not None and value > spec.maximum:
            raise ValueError(f"{spec.label_en} must be at most {spec.maximum}")
    if spec.kind is FieldKind.CHOICE and value not in {c for c, _ in spec.choices}:
        raise ValueError(f"{spec.label_en}: choose one of the listed options")
    if spec.kind in (FieldKind.TEXT, FieldKind.LONGTEXT):
        limit = 200 if spec.kind is FieldKind.TEXT else 5000
        if len(value) > limit:
            raise ValueError(f"{spec.label_en} is longer than {limit} characters")
    return value


def _text(raw: Any) -> str:
    """One line of text (a TEXT or CHOICE field): no control characters (workflows.text)."""
    value = str(raw).strip()
    if problem := text_problem(value, multiline=False):
        raise ValueError(problem)
    return value


def _long_text(raw: Any) -> str:
    """Text of several lines (LONGTEXT): tabs and line breaks kept, other controls refused."""
    value = str(raw).strip()
    if problem := text_problem(value, multiline=True):
        raise ValueError(problem)
    return value


def _date(raw: Any) -> date:
    if isinstance(raw, datetime):
        day = raw.astimezone(SEOUL).date()
    elif isinstance(raw, date):
        day = raw
    else:
        try:
            day = date.fromisoformat(str(raw).strip()[:40])
        except ValueError:
            raise ValueError(f"{str(raw)[:40]!r} is not a valid date (YYYY-MM-DD)") from None
    if problem := legal_date_problem(day):
        raise ValueError(problem)
    return day


def _datetime(raw: Any) -> datetime:
    if isinstance(raw, datetime):
        moment = raw
    else:
        try:
            moment = datetime.fromisoformat(str(raw).strip()[:40])
        except ValueError:
            raise ValueError(f"{str(raw)[:40]!r} is not a valid date and time "
                             "(YYYY-MM-DDTHH:MM)") from None
    if problem := legal_date_problem(moment.date()):
        raise ValueError(problem)
    return moment.replace(tzinfo=SEOUL) if moment.tzinfo is None else moment


def _integer(raw: Any) -> int:
    if isinstance(raw, bool):
        raise ValueError("a whole number is required")
    if isinstance(raw, int):
        return raw
    return whole_number(raw)


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    return str(raw).strip().lower() in {"1", "true", "yes", "on", "y"}


_PARSERS = {
    FieldKind.TEXT: _text,
    FieldKind.LONGTEXT: _long_text,
    FieldKind.CHOICE: _text,
    FieldKind.DATE: _date,
    FieldKind.DATETIME: _datetime,
    FieldKind.INTEGER: _integer,
    FieldKind.BOOLEAN: _boolean,
}


def move(procedure: Procedure, model: Any, trigger: str) -> None:
    """Move ``model.state`` through the procedure's shared machine, binding it for this call."""
    try:
        moved = procedure.machine.events[trigger].trigger(model)
    except MachineError as error:
        raise TransitionRefused(Refusal.NOT_AVAILABLE, str(error)) from None
    if not moved:
        raise TransitionRefused(Refusal.NOT_AVAILABLE, f"{trigger!r} did not move the case")


def json_safe(values: Mapping[str, Any]) -> dict[str, Any]:
    """Return the values with dates and instants as ISO strings, for the audit payload."""
    safe = {}
    for name, value in values.items():
        safe[name] = value.isoformat() if isinstance(value, date | datetime) else value
    return safe


def settle(procedure: Procedure, left: str, trigger: str, dest: str, kind: str) -> str | None:
    """Return what a move does to an open deadline of ``kind``: "met", "superseded",
    "cancelled" or None.

    A deadline is met when the case leaves the state it was opened in, or, when it declares
    ``met_by``, by one of those triggers; whatever still runs when the case ends is cancelled.
    A move that enters the same state again opens its period anew (a corrected date of
    service, a further extension): the old period is superseded, not met.
    """
    spec = procedure.deadline_spec(kind)
    if spec is not None and spec.met_by:
        if trigger in spec.met_by:
            return "met"
    elif kind in {s.kind for s in procedure.deadlines_of(left)}:
        return "superseded" if dest == left else "met"
    return "cancelled" if procedure.state(dest).terminal else None


DUTY_OWNERS = {"office": frozenset({Role.OFFICER, Role.SUPERVISOR}),
               "party": frozenset({Role.DUTY_PAYER})}
"""Who may do a duty, by whom it is owed: the roles whose action meets it."""


class Settlement(StrEnum):
    """How a duty whose deadline has passed stops being owed."""

    MET = "met"
    """Done late: the action that meets the deadline was taken after it passed."""
    MOOT = "moot"
    """The case ended before the duty was done."""
    TOOK_EFFECT = "took_effect"
    """The law's own consequence of the lapse took effect (a deemed grant, a closure)."""
    WAIVED = "waived"
    """A supervisor waived it, with a reason."""


def settle_passed(procedure: Procedure, left: str, trigger: str, dest: str, kind: str,
                  on_expiry: str) -> Settlement | None:
    """Return how a move settles a duty of ``kind`` whose deadline has already passed, or None
    while it is still owed.

    A passed duty is owed exactly as long as its deadline would still be running (the rule of
    :func:`settle`). The move that ends it says how: the transition the deadline expires into
    is the law's consequence taking effect (a deemed grant); a case that ends first, or a move
    its owner could not have made (the office dismissing after a party's revision lapsed),
    makes it moot; otherwise it was done, late. The transition the deadline expires into does
    not settle it when the duty runs on through it (an objection past its decision period is
    still to be decided, Art. 129(2)).
    """
    outcome = settle(procedure, left, trigger, dest, kind)
    if outcome is None:
        return None
    if on_expiry == f"transition:{trigger}":
        return Settlement.TOOK_EFFECT
    spec = procedure.deadline_spec(kind)
    met_by_name = spec is not None and trigger in spec.met_by
    if outcome != "met" or (procedure.state(dest).terminal and not met_by_name):
        return Settlement.MOOT
    owner = DUTY_OWNERS.get(spec.owed_by if spec is not None else "office", frozenset())
    if not met_by_name and not (procedure.transition(trigger).roles & owner):
        return Settlement.MOOT
    return Settlement.MET
