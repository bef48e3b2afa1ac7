"""Check before acting: what an action would do, shown before it is done.

An action that issues a notice, ends the case or opens another case cannot be undone by the
next click: a notice is numbered and served, a decision starts the party's remedy periods, an
ended case takes no more actions. Such an action is first shown on a confirmation page built
here from the declarations (the transition's notices, its destination state, the case it
spawns) and from the due dates the engine would open (:func:`deadlines_after`); nothing is
written. The user confirms, and the action fires exactly as an unconfirmed one does.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flask_wtf import FlaskForm

from backoffice.cases.actions import shown
from backoffice.i18n import Words
from backoffice.models import Case
from backoffice.workflow import check_action, context_for, deadlines_after, open_deadlines_of
from workflows.calendar import StatutoryCalendar
from workflows.engine import (
    STAYS,
    SYSTEM,
    FieldKind,
    Procedure,
    Transition,
    article_for,
)
from workflows.notices.kinds import notice_kind
from workflows.procedures import CATALOGUE


def needs_confirmation(procedure: Procedure, transition: Transition) -> bool:
    """Whether the action is checked on a confirmation page before it fires: it issues a
    notice (every decision, grant and refusal does), its destination state is terminal (the
    case ends), or it opens another case (a reinvestigation ordered by a decision)."""
    ends_the_case = transition.dest is not STAYS and procedure.state(transition.dest).terminal
    return bool(transition.notices) or ends_the_case or bool(transition.spawns)


@dataclass(frozen=True)
class NoticeLine:
    code: str
    title: Words


@dataclass(frozen=True)
class PeriodLine:
    kind: str
    label: Words
    article: str
    due_date: date


@dataclass(frozen=True)
class ValueLine:
    name: str
    label: Words
    shown: Words
    long: bool = False


@dataclass(frozen=True)
class Confirmation:
    """Everything the confirmation page says about one action on one case."""

    transition: Transition
    article: str
    before: Words
    after: Words
    moves: bool
    ends_the_case: bool
    notices: tuple[NoticeLine, ...]
    periods: tuple[PeriodLine, ...]
    values: tuple[ValueLine, ...]
    opens: Words | None
    """The procedure of the case the action opens, if it opens one."""


def confirmation_for(case: Case, procedure: Procedure, transition: Transition,
                     values: Mapping[str, Any], *, role: str, expected_version: int,
                     now: datetime, calendar: StatutoryCalendar,
                     shown: Collection[str] = ()) -> Confirmation:
    """What ``transition`` would do on ``case`` with ``values``; nothing is written.

    ``shown`` names the fields of the form the user filled in (an optional one left blank is
    shown as blank); the values the system sets (an online submission's date) are shown too.

    It makes the checks firing makes, so that what is confirmed would be done: the version the
    user saw, the fields, the role and the guards.

    :raise TransitionRefused: as :func:`backoffice.workflow.fire` would.
    """
    _, parsed, context = check_action(case, transition.trigger, role=role, values=values,
                                      expected_version=expected_version, now=now)
    current = procedure.state(case.state)
    moves = transition.dest is not STAYS
    dest = procedure.state(transition.dest) if moves else current
    opens = None
    if transition.spawns and (transition.spawn_values is None
                              or transition.spawn_values(context) is not None):
        info = CATALOGUE.get(transition.spawns)
        opens = (Words(info.title_en, info.title_ko) if info is not None
                 else Words(transition.spawns.replace("_", " ")))
    return Confirmation(
        transition=transition,
        article=article_for(transition.article, context),
        before=Words(current.label_en, current.label_ko),
        after=Words(dest.label_en, dest.label_ko),
        moves=moves and dest.name != current.name,
        ends_the_case=dest.terminal,
        notices=tuple(_notice_line(code) for code in transition.notices),
        periods=_periods_started(case, procedure, transition, parsed, now, calendar),
        values=tuple(_value_lines(transition, parsed, shown)),
        opens=opens,
    )


def _notice_line(code: str) -> NoticeLine:
    kind = notice_kind(code)
    return NoticeLine(code, Words(kind.title_en, kind.title_ko))


def _periods_started(case: Case, procedure: Procedure, transition: Transition,
                     parsed: Mapping[str, Any], now: datetime,
                     calendar: StatutoryCalendar) -> tuple[PeriodLine, ...]:
    """The periods the action opens, or whose end it moves, with their due dates."""
    running = {d.kind: d.due_date for d in open_deadlines_of(case)}
    after = deadlines_after(case, transition.trigger, parsed, now, calendar)
    context = context_for(case, SYSTEM, parsed, now)
    lines = []
    for kind, due in sorted(after.items(), key=lambda item: item[1]):
        if running.get(kind) == due:
            continue  # runs on as it is
        spec = procedure.deadline_spec(kind)
        label = (Words(spec.label_en, spec.label_ko) if spec is not None
                 else Words(kind.replace("_", " ")))
        article = article_for(spec.article, context) if spec is not None else ""
        lines.append(PeriodLine(kind, label, article, due))
    return tuple(lines)


def _value_lines(transition: Transition, parsed: Mapping[str, Any], names: Collection[str]):
    """The values of the form's fields, and those the system set (an online submission's
    date), as they read."""
    for spec in transition.fields:
        value = parsed.get(spec.name)
        if spec.name in names or value not in (None, False):
            yield ValueLine(spec.name, Words(spec.label_en, spec.label_ko),
                            shown(spec, value), long=spec.kind is FieldKind.LONGTEXT)


def carried_inputs(form: FlaskForm) -> list[tuple[str, str]]:
    """The action form's values as hidden inputs (name, value), exactly as they were submitted
    (an unticked box sends nothing): the confirm form and its "Go back" send them again. The
    CSRF token is rendered apart."""
    return [(field.name, value) for field in form if field.short_name != "csrf_token"
            for value in field.raw_data or ()]
