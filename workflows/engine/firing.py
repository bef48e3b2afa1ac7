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
from workflows.citations import korean_citation
from workflows.clock import SEOUL, legal_date_problem, seoul_date
from workflows.engine.declarations import (
    Context,
    Field,
    FieldKind,
    Label,
    Procedure,
    Said,
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

    ``reason`` says which check refused it; ``said`` says why, in Korean and English, in words
    a person can act on, and ``message`` is its English (the logs, the scheduler's records).
    ``errors`` maps each invalid field to its problem in English, ``errors_said`` in both
    languages. A refusal given in English only (``str``) has no Korean yet: the web looks it up
    in its catalogue.
    """

    def __init__(self, reason: Refusal, message: str | Label,
                 errors: Mapping[str, str | Label] | None = None):
        self.said = said(message)
        super().__init__(self.said.en)
        self.reason = reason
        self.message = self.said.en
        self.errors_said = {name: said(problem) for name, problem in (errors or {}).items()}
        self.errors = {name: problem.en for name, problem in self.errors_said.items()}


def said(text: str | Label) -> Said:
    """``text`` as a reason in both languages: a label as it is, an English text alone (kept
    as given: a text the web has already made bilingual stays what it is)."""
    if isinstance(text, Said):
        return text
    return Said(text.en, text.ko) if isinstance(text, Label) else Said(text)


class FieldProblem(ValueError):
    """A value a field cannot take, said in both languages; ``str()`` is the English."""

    def __init__(self, en: str, ko: str):
        super().__init__(en)
        self.said = Said(en, ko)


@dataclass(frozen=True)
class Action:
    """A transition as offered to a user: whether it may be fired now, and if not, why."""

    transition: Transition
    blocked_by: Said | None
    """Why it may not be fired now, in Korean and English (``.en``: the English), or None."""

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
        raise TransitionRefused(Refusal.NOT_AVAILABLE, Label(
            f"{procedure.code} has no action {trigger!r}",
            f"이 절차({procedure.code})에는 {trigger!r} 처리가 없습니다"))
    transition = procedure.transition(trigger)
    if unavailable := _unavailable(procedure, transition, context):
        raise TransitionRefused(Refusal.NOT_AVAILABLE, unavailable)
    if context.role not in transition.roles:
        article = article_for(transition.article, context)
        raise TransitionRefused(Refusal.NOT_PERMITTED, Label(
            f"your role may not '{transition.label_en}' ({article})",
            f"현재 역할로는 '{_ko(transition.label)}' 처리를 할 수 없습니다"
            f"({korean_citation(article)})"))
    if errors := date_problems_said(transition, context, tolerance_days=tolerance_days,
                                    deemed=deemed):
        raise _invalid_fields(errors, transition)
    for guard in transition.guards:
        reason = guard(context)
        if reason:
            raise TransitionRefused(Refusal.GUARD_FAILED, reason)
    return transition


def _unavailable(procedure: Procedure, transition: Transition, context: Context) -> Label | None:
    """Why the transition cannot be taken from the case's state at all, or None."""
    if transition.opening:
        if not context.state:
            return None
        return Label(f"{transition.trigger!r} only opens a case",
                     f"'{_ko(transition.label)}' 처리는 사건을 열 때에만 할 수 있습니다")
    if context.state in transition.source:
        return None
    state = procedure.state(context.state)
    return Label(f"'{transition.label_en}' is not possible while the case is "
                 f"'{state.label_en}'",
                 f"사건이 '{_ko(state.label)}' 상태일 때에는 '{_ko(transition.label)}' 처리를 "
                 "할 수 없습니다")


def _ko(label: Label) -> str:
    """The Korean of a declared label, or its English where none is declared."""
    return label.ko or label.en


def available_actions(procedure: Procedure, context: Context) -> list[Action]:
    """Return the transitions ``context.role`` may see from the current state, with blockers."""
    actions = []
    for transition in procedure.outgoing(context.state):
        if context.role not in transition.roles:
            continue
        blocked = next((r for g in transition.guards if (r := g(context))), None)
        actions.append(Action(transition, said(blocked) if blocked else None))
    return actions


def parse_fields(transition: Transition, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Return the typed values of the transition's fields from ``raw`` (strings or values).

    :raise TransitionRefused: with one message per invalid field; unknown keys are ignored.
    """
    values, errors = {}, {}
    for spec in transition.fields:
        try:
            values[spec.name] = _parse(spec, raw.get(spec.name))
        except FieldProblem as problem:
            errors[spec.name] = problem.said
        except ValueError as error:
            errors[spec.name] = str(error)
    if errors:
        raise _invalid_fields(errors, transition)
    return values


def _invalid_fields(errors: Mapping[str, str | Label],
                    transition: Transition | None = None) -> TransitionRefused:
    """One refusal for the invalid fields: each field's problem, and a summary of them all
    (the Korean names each field by its Korean label)."""
    problems = {name: said(problem) for name, problem in errors.items()}
    names = {f.name: _ko(f.label) for f in transition.fields} if transition else {}
    summary = "; ".join(f"{name}: {problem.en}" for name, problem in problems.items())
    summary_ko = "; ".join(f"{names.get(name, name)}: {problem.ko or problem.en}"
                           for name, problem in problems.items())
    return TransitionRefused(Refusal.INVALID_FIELD,
                             Label(f"check the form: {summary}",
                                   f"입력한 내용을 확인하십시오. {summary_ko}"), problems)


def date_problems(transition: Transition, context: Context, *, tolerance_days: int = 0,
                  deemed: frozenset[str] = frozenset()) -> dict[str, str]:
    """Why each legal date in ``context.values`` cannot be what it records, by field, in
    English (:func:`date_problems_said` in both languages)."""
    return {name: problem.en for name, problem in date_problems_said(
        transition, context, tolerance_days=tolerance_days, deemed=deemed).items()}


def date_problems_said(transition: Transition, context: Context, *, tolerance_days: int = 0,
                       deemed: frozenset[str] = frozenset()) -> dict[str, Label]:
    """Why each legal date in ``context.values`` cannot be what it records, by field, in
    Korean and English.

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
        if problem := legal_dates.problem_said(day, today=today, tolerance_days=tolerance_days,
                                               earlier=earlier,
                                               future=spec.future or spec.name in deemed):
            problems[spec.name] = problem
    return problems


def _parse(spec: Field, raw: Any) -> Any:
    """The typed value of one field, or :class:`FieldProblem` saying why it cannot be."""
    name = f"'{_ko(spec.label)}' 항목"
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if spec.required and spec.kind is not FieldKind.BOOLEAN:
            raise FieldProblem(f"{spec.label_en} is required", f"{name}을 입력하십시오")
        return False if spec.kind is FieldKind.BOOLEAN else None
    parser = _PARSERS[spec.kind]
    value = parser(raw)
    if spec.kind is FieldKind.INTEGER:
        if spec.minimum is not None and value < spec.minimum:
            raise FieldProblem(f"{spec.label_en} must be at least {spec.minimum}",
                               f"{name}은 {spec.minimum:,} 이상이어야 합니다")
        if spec.maximum is not None and value > spec.maximum:
            raise FieldProblem(f"{spec.label_en} must be at most {spec.maximum}",
                               f"{name}은 {spec.maximum:,} 이하여야 합니다")
    if spec.kind is FieldKind.CHOICE and value not in {c for c, _ in spec.choices}:
        raise FieldProblem(f"{spec.label_en}: choose one of the listed options",
                           f"{name}은 목록에 있는 것 중에서 고르십시오")
    if spec.kind in (FieldKind.TEXT, FieldKind.LONGTEXT):
        limit = 200 if spec.kind is FieldKind.TEXT else 5000
        if len(value) > limit:
            raise FieldProblem(f"{spec.label_en} is longer than {limit} characters",
                               f"{name}은 {limit:,}자를 넘을 수 없습니다")
    return value


def _typed_text(raw: Any, multiline: bool) -> str:
    """Text as typed: no control characters (workflows.text), tabs and line breaks kept in a
    text of several lines."""
    value = str(raw).strip()
    if problem := text_problem(value, multiline=multiline):
        korean, _, english = problem.partition(" · ")  # the rule says it "한국어 · English"
        raise FieldProblem(english or korean, korean)
    return value


def _text(raw: Any) -> str:
    """One line of text (a TEXT or CHOICE field)."""
    return _typed_text(raw, multiline=False)


def _long_text(raw: Any) -> str:
    """Text of several lines (LONGTEXT)."""
    return _typed_text(raw, multiline=True)


def _date(raw: Any) -> date:
    if isinstance(raw, datetime):
        day = raw.astimezone(SEOUL).date()
    elif isinstance(raw, date):
        day = raw
    else:
        try:
            day = date.fromisoformat(str(raw).strip()[:40])
        except ValueError:
            raise FieldProblem(f"{str(raw)[:40]!r} is not a valid date (YYYY-MM-DD)",
                               f"입력한 값({str(raw)[:40]!r})은 올바른 날짜가 아닙니다"
                               "(YYYY-MM-DD 형식으로 입력하십시오)") from None
    _in_the_calendar(day)
    return day


def _datetime(raw: Any) -> datetime:
    if isinstance(raw, datetime):
        moment = raw
    else:
        try:
            moment = datetime.fromisoformat(str(raw).strip()[:40])
        except ValueError:
            raise FieldProblem(f"{str(raw)[:40]!r} is not a valid date and time "
                               "(YYYY-MM-DDTHH:MM)",
                               f"입력한 값({str(raw)[:40]!r})은 올바른 날짜와 시각이 아닙니다"
                               "(YYYY-MM-DDTHH:MM 형식으로 입력하십시오)") from None
    _in_the_calendar(moment.date())
    return moment.replace(tzinfo=SEOUL) if moment.tzinfo is None else moment


def _in_the_calendar(day: date) -> None:
    """:raise FieldProblem: ``day`` is outside the years a case can have."""
    if problem := legal_date_problem(day):
        raise FieldProblem(problem, legal_dates.outside_the_calendar_ko(day))


def _integer(raw: Any) -> int:
    if isinstance(raw, bool):
        raise FieldProblem("a whole number is required", "정수를 입력하십시오")
    if isinstance(raw, int):
        return raw
    try:
        return whole_number(raw)
    except ValueError as error:
        korean, _, english = str(error).partition(" · ")  # "'x'은(는) 정수가 아닙니다 · is not…"
        raise FieldProblem(f"{str(raw)[:30]!r} {english}" if english else korean,
                           f"{korean}(숫자로 입력하고, 천 단위마다 쉼표를 넣을 수 있습니다: "
                           "30,000,000)") from None


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
        raise TransitionRefused(Refusal.NOT_AVAILABLE, Label(
            str(error), "사건의 지금 상태에서는 이 처리를 할 수 없습니다")) from None
    if not moved:
        raise TransitionRefused(Refusal.NOT_AVAILABLE, not_moved(trigger))


def not_moved(trigger: str) -> Label:
    """The refusal of a move the machine did not make."""
    return Label(f"{trigger!r} did not move the case",
                 f"{trigger!r} 처리로 사건의 상태가 바뀌지 않았습니다")


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
