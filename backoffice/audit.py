"""The append-only, hash-chained history of every case.

Each event stores the hash of the previous event of its case; the case row keeps the count and
the hash of the newest one. Editing, deleting, inserting or reordering an event therefore breaks
the chain, and :func:`verify_chain` names the case and the event where it breaks. Events are
never updated or deleted through the ORM, and the database refuses it too (triggers created by
the migrations).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, User
from backoffice.models.case import GENESIS_HASH
from workflows import clock

SYSTEM_ACTOR = "system"


class AuditViolation(RuntimeError):
    """An attempt to change or delete a recorded event."""


def event_hash(case_event: CaseEvent, reference: str) -> str:
    """Return the SHA-256 over an event's content, its case and the hash of its predecessor.

    The case enters by its reference, which exists before the case row is inserted: a case and
    its first event are written in one flush, and moving an event to another case breaks it.
    """
    content = {
        "case": reference,
        "seq": case_event.seq,
        "occurred_at": _instant(case_event.occurred_at),
        "effective_at": _instant(case_event.effective_at),
        "actor_id": case_event.actor_id,
        "actor_label": case_event.actor_label,
        "trigger": case_event.trigger,
        "from_state": case_event.from_state,
        "to_state": case_event.to_state,
        "reason": case_event.reason,
        "article": case_event.article,
        "payload": case_event.payload or {},
        "prev_hash": case_event.prev_hash,
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _instant(value: datetime) -> str:
    return value.astimezone(clock.SEOUL).isoformat(timespec="microseconds")


def append_event(
    case: Case,
    *,
    actor: User | None,
    trigger: str,
    from_state: str | None,
    to_state: str | None,
    reason: str | None = None,
    article: str | None = None,
    payload: dict[str, Any] | None = None,
    effective_at: datetime | None = None,
) -> CaseEvent:
    """Add the next event to ``case``'s history; the caller's transaction commits it.

    The case row is updated with the new head of the chain, so the event and the case change
    are written under the case's optimistic lock: two writers cannot both append event ``n``.
    """
    occurred_at = clock.now()
    payload = _stable(payload or {})
    new_event = CaseEvent(
        case=case,
        seq=case.event_count + 1,
        occurred_at=occurred_at,
        effective_at=effective_at or occurred_at,
        actor_id=actor.id if actor else None,
        actor_label=actor.username if actor else SYSTEM_ACTOR,
        trigger=trigger,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
        article=article,
        payload=payload,
        prev_hash=case.event_head_hash,
    )
    new_event.hash = event_hash(new_event, case.reference)
    case.event_count = new_event.seq
    case.event_head_hash = new_event.hash
    db.session.add(new_event)
    return new_event


def stable_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as an event stores it (see :func:`_stable`): the same for the ORM and for a
    batch written with plain statements."""
    return _stable(payload)


_UNCHANGED = frozenset({str, int, bool, type(None)})


def _stable(value: Any) -> Any:
    """Return the payload with floats as strings: PostgreSQL's JSONB may write a float back
    differently (1e16 comes back as an integer), which would break the hash."""
    if type(value) in _UNCHANGED:  # most of a payload: checked first
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    return value


@dataclass(frozen=True)
class ChainBreak:
    reference: str
    seq: int | None
    problem: str

    def __str__(self) -> str:
        where = f"event {self.seq}" if self.seq is not None else "case head"
        return f"{self.reference} {where}: {self.problem}"


def verify_chain(session: Session) -> Iterator[ChainBreak]:
    """Yield every break in the audit chains of all cases, in case and event order."""
    cases = session.execute(
        select(Case.id, Case.reference, Case.event_count, Case.event_head_hash).order_by(Case.id)
    ).all()
    for case_id, reference, event_count, head_hash in cases:
        yield from _verify_case(session, case_id, reference, event_count, head_hash)


def _verify_case(session, case_id, reference, event_count, head_hash) -> Iterator[ChainBreak]:
    events = session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.seq)
    )
    expected_prev, expected_seq = GENESIS_HASH, 1
    for case_event in events:
        if case_event.seq != expected_seq:
            yield ChainBreak(reference, case_event.seq, f"expected event {expected_seq}")
            expected_seq = case_event.seq
        if case_event.prev_hash != expected_prev:
            yield ChainBreak(reference, case_event.seq, "does not follow the previous event")
        if event_hash(case_event, reference) != case_event.hash:
            yield ChainBreak(reference, case_event.seq, "content does not match its hash")
        expected_prev, expected_seq = case_event.hash, expected_seq + 1
    if expected_seq - 1 != event_count or expected_prev != head_hash:
        yield ChainBreak(reference, None, "the last event is not the one the case recorded")


@sa_event.listens_for(Session, "before_flush")
def _refuse_event_changes(session: Session, flush_context, instances) -> None:
    for obj in session.dirty:
        if isinstance(obj, CaseEvent) and session.is_modified(obj):
            raise AuditViolation(f"case events are append-only: {obj!r} was modified")
    for obj in session.deleted:
        if isinstance(obj, CaseEvent):
            raise AuditViolation(f"case events are append-only: {obj!r} was deleted")
