"""Rule tables: a procedure's rules written out as rows of (state, role, action → verdict).

Each ``test_*_rules`` module lists, like a statute table, what the engine must answer when a
role asks to take an action in a state: ``("filed", "officer", "issue_opinion", ALLOWED)``,
``NOT_PERMITTED``, ``NOT_AVAILABLE``, or the refusal of a guard or of a field with a distinctive
fragment of its message. The rows are read off the Act and the declarations, not generated
from the code; :func:`assert_covers` fails when a procedure gains a state, an action or a guard
that its table does not mention, so a table cannot go stale. Only the pure engine is used
(``check``, ``available_actions``, ``parse_fields``): no database, no Flask.

A row is ``(state, role, trigger, verdict)`` or ``(state, role, trigger, verdict, given(...))``,
where ``given`` changes the module's base case for that row (its data, the action's values, its
deadlines); a mapping merges key by key, and a key set to None is removed. A row the Act decides
otherwise than the code is a ``pytest.param`` marked ``xfail(strict=True)`` with the article.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

import pytest

from workflows.clock import SEOUL, end_of_legal_day
from workflows.engine import (
    SYSTEM,
    Context,
    DeadlineView,
    Procedure,
    Refusal,
    TransitionRefused,
    available_actions,
    check,
    parse_fields,
)
from workflows.roles import Role

NEW = ""
"""The state of a case not yet opened: the state an opening action is taken from."""
ROLES = (Role.OFFICER.value, Role.SUPERVISOR.value, Role.DUTY_PAYER.value, SYSTEM)
"""The roles every action of a table is tried with (the scheduler is ``system``)."""


@dataclass(frozen=True)
class Verdict:
    """What the engine answers: allowed (no refusal), or refused for a reason, whose message
    contains ``fragment``."""

    refusal: Refusal | None = None
    fragment: str = ""

    def __str__(self) -> str:
        return self.refusal.value if self.refusal else "allowed"


ALLOWED = Verdict()
NOT_AVAILABLE = Verdict(Refusal.NOT_AVAILABLE)
NOT_PERMITTED = Verdict(Refusal.NOT_PERMITTED)


def guard_failed(fragment: str) -> Verdict:
    return Verdict(Refusal.GUARD_FAILED, fragment)


def invalid_field(fragment: str) -> Verdict:
    return Verdict(Refusal.INVALID_FIELD, fragment)


def kst(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SEOUL)


def day(text: str) -> date:
    return date.fromisoformat(text)


def open_until(kind: str, last_day: str) -> DeadlineView:
    """An open deadline whose period ends at 24:00 KST of ``last_day``."""
    last = day(last_day)
    return DeadlineView(kind, last, end_of_legal_day(last), "open")


def met_late(kind: str, last_day: str, met_on: str) -> DeadlineView:
    """A deadline met on ``met_on``, after its period ended on ``last_day``."""
    last = day(last_day)
    return DeadlineView(kind, last, end_of_legal_day(last), "met",
                        closed_at=end_of_legal_day(day(met_on)))


def given(**changes: Any) -> dict[str, Any]:
    """The changes a row makes to its module's base case (see :meth:`Case.given`)."""
    return changes


@dataclass(frozen=True)
class Case:
    """The case a row is checked against: what a :class:`Context` is built from.

    ``values`` are already typed; ``raw``, when given, are the form's strings, parsed with
    ``parse_fields`` and laid over ``values`` (a field it refuses is the row's verdict).
    """

    now: datetime
    data: Mapping[str, Any] = field(default_factory=dict)
    values: Mapping[str, Any] = field(default_factory=dict)
    raw: Mapping[str, Any] | None = None
    open_deadlines: Mapping[str, DeadlineView] = field(default_factory=dict)
    deadlines: Mapping[str, DeadlineView] = field(default_factory=dict)
    entered_on: date | None = None
    happened: Mapping[str, date] = field(default_factory=dict)
    party: Mapping[str, Any] = field(default_factory=dict)
    """What the back office knows of the party from its other cases (``Context.party``)."""
    linked: Mapping[str, Any] = field(default_factory=dict)
    """The cases the values name (``Context.linked``)."""
    reference: str = ""
    """The case's reference (``Context.reference``)."""

    def given(self, changes: Mapping[str, Any]) -> Case:
        updates = {}
        for name, change in changes.items():
            current = getattr(self, name)
            if isinstance(current, Mapping) and isinstance(change, Mapping):
                merged = {**current, **change}
                updates[name] = {k: v for k, v in merged.items() if v is not None}
            else:
                updates[name] = change
        return replace(self, **updates)

    def context(self, procedure: Procedure, state: str, role: str,
                trigger: str) -> Context:
        values = dict(self.values)
        if self.raw is not None:
            values.update(parse_fields(procedure.transition(trigger), self.raw))
        return Context(state=state, role=role, now=self.now, data=dict(self.data),
                       values=values, open_deadlines=dict(self.open_deadlines),
                       deadlines=dict(self.deadlines), entered_on=self.entered_on,
                       happened=dict(self.happened), party=dict(self.party),
                       linked=dict(self.linked), reference=self.reference)


@dataclass(frozen=True)
class Row:
    state: str
    role: str
    trigger: str
    verdict: Verdict
    changes: Mapping[str, Any]
    xfail: bool

    @property
    def id(self) -> str:
        return f"{self.state or 'new'}-{self.role}-{self.trigger}-{self.verdict}"


def _row(entry: Any) -> Row:
    xfail = False
    if hasattr(entry, "marks"):  # a pytest.param
        xfail = any(mark.name == "xfail" for mark in entry.marks)
        entry = entry.values
    state, role, trigger, verdict, *rest = entry
    return Row(state, role, trigger, verdict, rest[0] if rest else {}, xfail)


def rows(table: Iterable[Any]) -> list[Any]:
    """The table as pytest parameters (state, role, trigger, verdict, changes), marks kept."""
    params = []
    for entry in table:
        row = _row(entry)
        marks = entry.marks if hasattr(entry, "marks") else ()
        params.append(pytest.param(row.state, row.role, row.trigger, row.verdict, row.changes,
                                   marks=marks, id=row.id))
    return params


def verdict_of(procedure: Procedure, state: str, role: str, trigger: str,
               case: Case) -> tuple[Verdict, Context | None]:
    """What ``check`` answers, and the context it was asked with (None when the form's fields
    were refused before it)."""
    try:
        context = case.context(procedure, state, role, trigger)
    except TransitionRefused as refused:
        return Verdict(refused.reason, refused.message), None
    try:
        check(procedure, trigger, context)
    except TransitionRefused as refused:
        return Verdict(refused.reason, refused.message), context
    return ALLOWED, context


def assert_rule(procedure: Procedure, base: Case, state: str, role: str, trigger: str,
                expected: Verdict, changes: Mapping[str, Any]) -> None:
    """The engine answers the row's verdict, and ``available_actions`` agrees with it."""
    assert role in ROLES or role in {*Role}, f"unknown role {role!r}"
    got, context = verdict_of(procedure, state, role, trigger, base.given(changes))
    assert got.refusal == expected.refusal, f"{trigger} in {state!r} as {role}: {got.fragment}"
    assert expected.fragment in got.fragment, got.fragment
    if context is None or not state or not procedure.has_trigger(trigger):
        return
    offered = {a.transition.trigger: a for a in available_actions(procedure, context)}
    if expected.refusal in (Refusal.NOT_AVAILABLE, Refusal.NOT_PERMITTED):
        assert trigger not in offered
    elif expected.refusal is None:
        assert offered[trigger].allowed, offered[trigger].blocked_by
    elif expected.refusal is Refusal.GUARD_FAILED:
        assert expected.fragment in (offered[trigger].blocked_by or "")


def assert_covers(procedure: Procedure, table: Iterable[Any], base: Case) -> None:
    """The table mentions every state and action of the procedure, and no other.

    Every action has a row from one of its source states with each role of :data:`ROLES` and
    a not-available row from a state it does not leave; every guard of an action refuses at
    least one of its guard rows; every row names a state of the procedure, and an action of it
    unless it shows that the action does not exist there (not available).
    """
    entries = [_row(entry) for entry in table]
    states = {s.name for s in procedure.states}
    problems = []
    for row in entries:
        if row.state not in {*states, NEW}:
            problems.append(f"row {row.id}: no state {row.state!r}")
        if not procedure.has_trigger(row.trigger) and row.verdict != NOT_AVAILABLE:
            problems.append(f"row {row.id}: no action {row.trigger!r}")
    problems += [f"state {s!r} is in no row" for s in sorted(states - {r.state for r in entries})]
    for transition in procedure.transitions:
        sources = transition.source or (NEW,)
        mine = [r for r in entries if r.trigger == transition.trigger and not r.xfail]
        for role in ROLES:
            if not any(r.role == role and r.state in sources for r in mine):
                problems.append(f"{transition.trigger}: no row for {role} from {sources}")
        if not any(r.state not in sources and r.verdict == NOT_AVAILABLE for r in mine):
            problems.append(f"{transition.trigger}: no not-available row")
        guard_rows = [r for r in mine if r.verdict.refusal is Refusal.GUARD_FAILED]
        for guard in transition.guards:
            if not any(_refuses(guard, procedure, base, r) for r in guard_rows):
                problems.append(f"{transition.trigger}: no row refused by {guard.__name__}")
    assert not problems, "\n".join(problems)


def _refuses(guard, procedure: Procedure, base: Case, row: Row) -> bool:
    context = base.given(row.changes).context(procedure, row.state, row.role, row.trigger)
    reason = guard(context)
    return bool(reason and row.verdict.fragment) and row.verdict.fragment in reason
