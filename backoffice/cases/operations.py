"""Operations that change cases. They flush but never commit: the caller's request or job does.

Every change of a case goes through an operation that appends an audit event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from backoffice.audit import append_event
from backoffice.extensions import db
from backoffice.models import Case, Office, Party, User
from backoffice.models.case import GENESIS_HASH
from backoffice.sequences import next_case_reference
from workflows import clock
from workflows.roles import Role


def open_case(
    *,
    procedure: str,
    party: Party,
    office: Office,
    state: str,
    actor: User | None,
    article: str,
    reason: str | None = None,
    data: dict[str, Any] | None = None,
    assigned_officer: User | None = None,
    trigger: str = "open",
    payload: dict[str, Any] | None = None,
    effective_at: datetime | None = None,
) -> Case:
    """Open a case in its initial ``state`` and record the opening as its first event."""
    case = Case(
        reference=next_case_reference(procedure, clock.today().year),
        procedure=procedure,
        state=state,
        party=party,
        office=office,
        assigned_officer=assigned_officer,
        data=data or {},
        event_count=0,
        event_head_hash=GENESIS_HASH,
    )
    db.session.add(case)
    append_event(
        case, actor=actor, trigger=trigger, from_state=None, to_state=state,
        reason=reason, article=article, payload={"procedure": procedure, **(payload or {})},
        effective_at=effective_at,
    )
    db.session.flush()
    return case


class AssignmentRefused(ValueError):
    """An assignment the rules do not allow; ``forbidden`` when the actor's role is the reason."""

    def __init__(self, message: str, *, forbidden: bool = False):
        super().__init__(message)
        self.forbidden = forbidden


def check_assignment(case: Case, officer: User, actor: User) -> None:
    """An officer takes an unassigned open case; a supervisor assigns any open case of the
    office to any officer or supervisor of it.

    :raise AssignmentRefused: naming the rule.
    """
    supervisor = actor.role == Role.SUPERVISOR
    if officer.id != actor.id and not supervisor:
        raise AssignmentRefused("only a supervisor assigns a case to someone else",
                                forbidden=True)
    if case.closed_at is not None:
        raise AssignmentRefused("a closed case is not assigned")
    if not supervisor and case.assigned_officer_id not in (None, actor.id):
        raise AssignmentRefused("taking a colleague's case is a reassignment: a supervisor's "
                                "decision", forbidden=True)
    if officer.office_id != case.office_id or officer.role not in (Role.OFFICER,
                                                                    Role.SUPERVISOR):
        raise AssignmentRefused("only an officer or supervisor of the case's office can be "
                                "assigned")


def assign_case(case: Case, officer: User, *, actor: User, reason: str | None = None) -> None:
    """Assign ``case`` to ``officer``, recording who did it.

    :raise AssignmentRefused: the rules of :func:`check_assignment` do not allow it.
    """
    check_assignment(case, officer, actor)
    previous = case.assigned_officer.username if case.assigned_officer else None
    case.assigned_officer = officer
    append_event(
        case, actor=actor, trigger="assign", from_state=case.state, to_state=case.state,
        reason=reason, payload={"from_officer": previous, "to_officer": officer.username},
    )
    db.session.flush()
