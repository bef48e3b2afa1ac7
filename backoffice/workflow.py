"""The engine as the back office uses it: what a user may do on a case, firing it, previews.

A transition's meaning is planned with no database (:mod:`workflows.engine.plan`) and written
by one of two appliers of the same plan: one case in its transaction
(:mod:`backoffice.transitions.single`, the web and the CLI) or a batch (:mod:`jobs.bulk`, the
sweep). This module is the door to them for views, commands and jobs.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from backoffice.deadlines.operations import open_deadline_from_spec
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import Case, Deadline, DeadlineStatus, User
from backoffice.transitions.inputs import future_tolerance_days
from backoffice.transitions.reading import deadlines_of, legal_history_of, read_case
from backoffice.transitions.single import check_opening, fire, open_procedure_case, role_of
from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.engine import Action, Context, StartKind, available_actions
from workflows.engine.plan import checked, preview_dues
from workflows.procedures import procedure_for

__all__ = ["actions_for", "check_action", "check_opening", "context_for", "deadlines_after",
           "fire", "future_tolerance_days", "latest_deadlines_of", "legal_history_of",
           "open_deadlines_of", "open_procedure_case", "role_of",
           "start_awaited_deadlines"]

latest_deadlines_of = deadlines_of


def open_deadlines_of(case: Case) -> list[Deadline]:
    return [d for d in deadlines_of(case) if d.status == DeadlineStatus.OPEN]


def context_for(case: Case | None, role: str, values: Mapping[str, Any],
                now: datetime) -> Context:
    """The context the engine's guards read for ``role`` on ``case`` as it is now."""
    if case is None:
        return Context(state="", role=role, now=now, values=values)
    return read_case(case).context(role=role, now=now, values=values)


def actions_for(case: Case, user: User, now: datetime | None = None) -> list[Action]:
    """Return what ``user`` may do on ``case`` now, each with the reason it is blocked, if any."""
    procedure = procedure_for(case.procedure)
    return available_actions(procedure, context_for(case, user.role, {}, now or clock.now()))


def check_action(case: Case, trigger: str, *, role: str, values: Mapping[str, Any] | None,
                 expected_version: int | None, now: datetime):
    """Check that ``role`` may fire ``trigger`` on ``case`` as it is, with ``values``, writing
    nothing (the checks :func:`fire` makes), for a page that asks to confirm an action first.

    :return: the transition, the parsed values and the context they were checked in.
    :raise TransitionRefused: stale, not available, not permitted, guard failed, invalid field.
    """
    return checked(procedure_for(case.procedure), read_case(case), trigger, role=role,
                   values=values, now=now, expected_version=expected_version,
                   tolerance_days=future_tolerance_days())


def start_awaited_deadlines(case: Case, event_name: str, at: datetime | date,
                            calendar: StatutoryCalendar | None = None) -> list[Deadline]:
    """Open the deadlines of the case's state that wait for ``event_name`` (e.g. a service)."""
    procedure = procedure_for(case.procedure)
    context = Context.reading(case.state, case.data, clock.now())
    calendar = calendar or load_calendar()
    opened = [open_deadline_from_spec(case, spec, context, at, calendar)
              for spec in procedure.deadlines_of(case.state)
              if spec.start.kind is StartKind.EVENT and spec.start.key == event_name]
    db.session.flush()
    return opened


def deadlines_after(case: Case, trigger: str, values: Mapping[str, Any], now: datetime,
                    calendar: StatutoryCalendar) -> dict[str, date]:
    """The due dates the case would have after ``trigger`` with ``values``, nothing written
    (for a preview of the notice the transition issues)."""
    return preview_dues(procedure_for(case.procedure), read_case(case), trigger, values, now,
                        calendar)
