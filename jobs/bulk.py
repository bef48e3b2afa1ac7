"""Taking effect in bulk: many deadlines that fire a transition, written with a few statements.

After downtime (or on a busy morning) thousands of applications may be deemed granted at once.
Each one goes through the same pure engine as a request (``check`` and ``move`` on the shared
machine) and the same audit hash chain, but the writes are batched: one executemany UPDATE of the
cases under their versions, one INSERT of the events, one of the alerts. A transition that opens
deadlines, or anything unusual, is left to the per-case path (:func:`backoffice.workflow.fire`).
If any case changed under the batch (its version moved), the caller rolls the batch back and
takes it case by case.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from backoffice.audit import SYSTEM_ACTOR, event_hash
from backoffice.deadlines import standing
from backoffice.extensions import db
from backoffice.models import Alert, Case, CaseEvent, Deadline, DeadlineStatus, User
from backoffice.workflow import closed_reason
from jobs import messages
from jobs.bulk_notices import BulkNotices
from workflows.engine import (
    SYSTEM,
    Context,
    DeadlineView,
    TransitionRefused,
    article_for,
    check,
    move,
    settle,
    settle_passed,
)
from workflows.procedures import procedure_for
from workflows.roles import Role

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


class BatchConflict(RuntimeError):
    """A case of the batch changed since it was read: take the batch case by case."""


@dataclass(frozen=True)
class Due:
    """A claimed deadline, as read by the sweep."""

    id: int
    case_id: int
    kind: str
    article: str
    due_date: Any
    due_at: datetime
    on_expiry: str


def bulk_eligible(procedure_code: str, trigger: str) -> bool:
    """A transition that only moves the state (no fields, no counters, no new deadlines)."""
    procedure = procedure_for(procedure_code)
    if not procedure.has_trigger(trigger):
        return False
    transition = procedure.transition(trigger)
    if transition.dest is None:
        return False  # an action that keeps the state: the per-case path records it
    stops_clocks = any(procedure.state(s).suspends for s in (*transition.source, transition.dest))
    return not (transition.fields or transition.counts or transition.records or stops_clocks
                or procedure.deadlines_of(transition.dest))


def fire_in_bulk(dues: list[Due], now: datetime) -> tuple[list[Due], list[Due]]:
    """Fire the transitions of ``dues`` in this transaction; return (fired, left for one by one).

    :raise BatchConflict: a case moved under the batch; roll back and go case by case.
    """
    # Lock the cases (PostgreSQL) before any notice counter: a request firing on one of them
    # locks its case first and the counter second, so both take the locks in the same order.
    cases = {row.id: row for row in db.session.execute(
        select(Case.id, Case.reference, Case.procedure, Case.state, Case.version, Case.data,
               Case.event_count, Case.event_head_hash, Case.office_id, Case.party_id,
               Case.assigned_officer_id)
        .where(Case.id.in_({d.case_id for d in dues})).order_by(Case.id)
        .with_for_update(of=Case)
    )}
    open_by_case = _open_deadlines({d.case_id for d in dues})
    passed_by_case = _passed_duties({d.case_id for d in dues})
    seen, accepted, left = set(), [], []
    for due in dues:
        row = cases.get(due.case_id)
        _, _, trigger = due.on_expiry.partition(":")
        if row is None or due.case_id in seen or not bulk_eligible(row.procedure, trigger):
            left.append(due)
            continue
        seen.add(due.case_id)
        procedure = procedure_for(row.procedure)
        others = [d for d in open_by_case.get(due.case_id, []) if d.id != due.id]
        context = Context(row.state, SYSTEM, now, dict(row.data or {}), {},
                          {d.kind: DeadlineView(d.kind, d.due_date, d.due_at, d.status)
                           for d in others})
        try:
            transition = check(procedure, trigger, context)
        except TransitionRefused:
            left.append(due)
            continue
        model = SimpleNamespace(state=row.state)
        move(procedure, model, trigger)
        accepted.append((row, due, procedure, transition, model.state, others,
                         article_for(transition.article, context)))
    notices = BulkNotices(cases.values(), [(a[0], a[3]) for a in accepted], now)
    case_updates, events, closes, settles, alerts = [], [], [], [], []
    recipients = _recipients({row.office_id for row in cases.values()})
    for row, due, procedure, transition, state, others, article in accepted:
        numbers = notices.numbers_for(row, transition)
        event = _event(row, due, transition.trigger, state, article, transition.notices,
                       numbers, now)
        events.append(event)
        notices.issue(row, due, transition, article, numbers, event["seq"], others)
        case_updates.append({
            "b_id": row.id, "b_version": row.version, "state": state,
            "version": row.version + 1, "event_count": event["seq"],
            "event_head_hash": event["hash"], "updated_at": now,
            "closed_at": due.due_at if procedure.state(state).terminal else None,
        })
        for other in others:
            outcome = settle(procedure, row.state, transition.trigger, state, other.kind)
            if outcome:
                closes.append({
                    "b_id": other.id, "closed_at": due.due_at,
                    "status": DeadlineStatus.MET if outcome == "met" else DeadlineStatus.CANCELLED,
                    "closed_reason": closed_reason(outcome, transition.trigger),
                })
        for passed in passed_by_case.get(row.id, []):
            how = settle_passed(procedure, row.state, transition.trigger, state, passed.kind,
                                passed.on_expiry)
            if how:
                settles.append({"b_id": passed.id, "settled_at": due.due_at, "settlement": how})
        message = messages.took_effect(row.reference, row.procedure, due.kind, due.due_date,
                                       transition.trigger, due.article)
        for user_id in recipients(row.office_id, row.assigned_officer_id):
            alerts.append({"user_id": user_id, "case_id": row.id, "deadline_id": due.id,
                           "kind": "escalation", "key": "passed", "message": message,
                           "created_at": now})
    _write(case_updates, events, closes, settles, alerts)
    notices.write()
    return [a[1] for a in accepted], left


def _event(row, due: Due, trigger: str, to_state: str, article: str,
           notices: tuple[str, ...], numbers: list[str], now: datetime) -> dict[str, Any]:
    payload = {"fields": {},
               **({"notices": list(notices), "notice_numbers": numbers} if notices else {}),
               "deadline": due.kind, "due_date": due.due_date.isoformat(),
               "legal_moment": due.due_at.isoformat()}
    event = SimpleNamespace(
        case_id=row.id, seq=row.event_count + 1, occurred_at=now, effective_at=due.due_at,
        actor_id=None, actor_label=SYSTEM_ACTOR, trigger=trigger, from_state=row.state,
        to_state=to_state, reason=None, article=article, payload=payload,
        prev_hash=row.event_head_hash,
    )
    event.hash = event_hash(event, row.reference)
    return dict(vars(event))


def _open_deadlines(case_ids: set[int]) -> dict[int, list]:
    by_case = defaultdict(list)
    for d in db.session.execute(
        select(Deadline.id, Deadline.case_id, Deadline.kind, Deadline.due_date, Deadline.due_at,
               Deadline.status)
        .where(Deadline.case_id.in_(case_ids), Deadline.status == DeadlineStatus.OPEN)
    ):
        by_case[d.case_id].append(d)
    return by_case


def _passed_duties(case_ids: set[int]) -> dict[int, list]:
    """Passed deadlines whose duty is still owed (the claimed ones among them)."""
    by_case = defaultdict(list)
    for d in db.session.execute(
        select(Deadline.id, Deadline.case_id, Deadline.kind, Deadline.on_expiry)
        .where(Deadline.case_id.in_(case_ids), standing.unsettled_clause())
    ):
        by_case[d.case_id].append(d)
    return by_case


def _recipients(office_ids: set[int]):
    """Escalations go to the office's supervisors and the assigned officer, if active."""
    users = db.session.execute(
        select(User.id, User.office_id, User.role, User.active)
        .where(User.office_id.in_(office_ids))
    ).all()
    active = {u.id for u in users if u.active}
    supervisors = defaultdict(list)
    for user in users:
        if user.role == Role.SUPERVISOR and user.active:
            supervisors[user.office_id].append(user.id)

    def for_case(office_id: int, assigned_id: int | None) -> list[int]:
        ids = list(supervisors[office_id])
        if assigned_id in active and assigned_id not in ids:
            ids.append(assigned_id)
        return ids

    return for_case


def _write(case_updates, events, closes, settles, alerts) -> None:
    if not case_updates:
        return
    session = db.session
    table = Case.__table__
    moved = session.execute(
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
        .values(state=bindparam("state"), version=bindparam("version"),
                event_count=bindparam("event_count"),
                event_head_hash=bindparam("event_head_hash"),
                updated_at=bindparam("updated_at"), closed_at=bindparam("closed_at")),
        case_updates,
    ).rowcount
    if moved not in (-1, len(case_updates)):
        raise BatchConflict(f"{len(case_updates) - moved} case(s) changed under the sweep")
    session.execute(insert(CaseEvent.__table__), events)
    if closes:
        deadlines = Deadline.__table__
        session.execute(
            update(deadlines).where(deadlines.c.id == bindparam("b_id"))
            .values(status=bindparam("status"), closed_at=bindparam("closed_at"),
                    closed_reason=bindparam("closed_reason"), next_reminder_on=None),
            closes,
        )
    if settles:
        deadlines = Deadline.__table__
        session.execute(
            update(deadlines).where(deadlines.c.id == bindparam("b_id"))
            .values(settled_at=bindparam("settled_at"), settlement=bindparam("settlement")),
            settles,
        )
    if alerts:
        dialect_insert = _INSERTS[session.get_bind().dialect.name]
        session.execute(dialect_insert(Alert.__table__).on_conflict_do_nothing(), alerts)
