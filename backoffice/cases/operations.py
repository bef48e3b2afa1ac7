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


def assign_case(case: Case, officer: User, *, actor: User, reason: str | None = None) -> None:
    """Assign ``case`` to ``officer`` of the same office, recording who did it."""
    if officer.office_id != case.office_id:
        raise ValueError("An officer of another office cannot be assigned to this case.")
    previous = case.assigned_officer.username if case.assigned_officer else None
    case.assigned_officer = officer
    append_event(
        case, actor=actor, trigger="assign", from_state=case.state, to_state=case.state,
        reason=reason, payload={"from_officer": previous, "to_officer": officer.username},
    )
    db.session.flush()
