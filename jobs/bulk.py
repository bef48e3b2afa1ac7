"""Taking effect in bulk: the plans of many passed deadlines, written with a few statements.

After downtime (or on a busy morning) thousands of applications may be deemed granted at once.
Each one is planned by the same pure engine as a request (:func:`workflows.engine.plan.
plan_transition`) and written with the same audit hash chain, but the writes are batched: one
executemany UPDATE of the cases under their versions, one INSERT of the events, one UPDATE per
shape of deadline change, one INSERT of the new deadlines, the notices and the alerts. A plan that
opens a case or informs a parent has those parts written by the single-case applier in the same
transaction, so no transition is unsafe for the sweep. If any case changed under the batch (its
version moved), the caller rolls the batch back and takes it case by case.

A batch reads its cases and their deadlines as plain tuples, each deadline with its date and
status only unless its plan may count it again (``workflows.engine.plan.counts_again``), decides
what its plans need once per procedure, state and trigger, and is planned and written with the
cyclic garbage collector paused (:func:`collector_paused`).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from types import SimpleNamespace
from typing import Any, NamedTuple

from sqlalchemy import bindparam, insert, select, update

from backoffice.audit import SYSTEM_ACTOR, event_hash, stable_payload
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import (
    Alert,
    Authorisation,
    AuthorisationStatus,
    Case,
    CaseEvent,
    Deadline,
    User,
)
from backoffice.models.details import write_details
from backoffice.sql import dialect_insert
from backoffice.transitions import single
from backoffice.transitions.reading import legal_history_rows
from backoffice.transitions.single import event_payload
from jobs import messages
from jobs.bulk_notices import BulkNotices
from workflows.calendar import StatutoryCalendar
from workflows.engine import SYSTEM, TransitionRefused
from workflows.engine.deadline_rows import COLUMNS, DATE_COLUMNS, stored_row
from workflows.engine.plan import (
    CaseReading,
    TransitionPlan,
    counts_again,
    expiry_trigger,
    plan_transition,
)
from workflows.procedures import procedure_for
from workflows.roles import Role


class BatchConflict(RuntimeError):
    """A case of the batch changed since it was read: take the batch case by case."""


class CaseRow(NamedTuple):
    """A case as the batch reads and writes it: the columns of :func:`read_rows`."""

    id: int
    reference: str
    procedure: str
    state: str
    version: int
    data: dict[str, Any] | None
    event_count: int
    event_head_hash: str
    office_id: int
    party_id: int
    assigned_officer_id: int | None
    closed_at: datetime | None


_CASE_COLUMNS = [getattr(Case, name) for name in CaseRow._fields]


class Due(NamedTuple):
    """A claimed deadline, as read by the sweep."""

    id: int
    case_id: int
    kind: str
    article: str
    due_date: Any
    due_at: datetime
    on_expiry: str

    @property
    def legal(self) -> dict[str, str]:
        """What the event records of the lapse: which deadline, its last day, its moment."""
        return {"deadline": self.kind, "due_date": self.due_date.isoformat(),
                "legal_moment": self.due_at.isoformat()}


class Planned(NamedTuple):
    """A case as read, the plan of a transition on it, and the claimed deadline that fired it
    (None for a plan written in a batch for another reason)."""

    due: Due | None
    case: CaseRow
    plan: TransitionPlan
    actor: User | None = None


def fire_in_bulk(dues: list[Due], now: datetime,
                 calendar: StatutoryCalendar | None = None) -> tuple[list[Due], list[Due]]:
    """Fire the transitions of ``dues`` in this transaction; return (fired, left for one by one).

    A deadline is left to the one-by-one path when it does not expire into a transition, its
    case has a second deadline in the batch, or its plan is refused (the one-by-one path records
    why).

    :raise BatchConflict: a case moved under the batch; roll back and go case by case.
    """
    calendar = calendar or load_calendar()
    with collector_paused():
        planned, left = plan_batch(dues, now, calendar)
        write_batch(planned, now, calendar)
    return [p.due for p in planned], left


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch is planned and written.

    A batch holds every case's row, plan and rows to write until its statements run: tens of
    thousands of live objects, which would make the collector scan the whole process again
    several times a batch (0.6-0.8 s of a 10,000-case sweep, finding a few dozen objects).
    Reference counting frees everything as usual meanwhile; the collector resumes when the
    batch is written or fails, unless something else had paused it.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def read_rows(case_ids: set[int]) -> dict[int, CaseRow]:
    """The cases as the batch writes them, locked (PostgreSQL) before any notice counter: a
    request firing on one of them locks its case first and the counter second, so both take
    the locks in the same order. Plain tuples: each is read some twenty times per case."""
    result = db.session.execute(
        select(*_CASE_COLUMNS).where(Case.id.in_(case_ids)).order_by(Case.id)
        .with_for_update(of=Case))
    return {row.id: row for row in map(CaseRow._make, result)}


def readings(rows: dict[int, CaseRow], with_history: set[int],
             recounted: set[int] | None = None) -> dict[int, CaseReading]:
    """The cases as a plan reads them: their history only for ``with_history``, their
    deadlines whole (with what their dates were counted from) only for ``recounted``, or for
    every case when it is None."""
    deadlines = _deadlines(set(rows), set(rows) if recounted is None else recounted)
    histories = _histories(with_history)
    read = {}
    for row in rows.values():
        entered_on, happened = legal_history_rows(histories.get(row.id, ()), row.state)
        read[row.id] = CaseReading(
            procedure=row.procedure, reference=row.reference, state=row.state,
            version=row.version, data=row.data or {},  # a plan copies what it changes
            deadlines=tuple(deadlines.get(row.id, ())), entered_on=entered_on,
            happened=happened)
    return read


def plan_batch(dues: list[Due], now: datetime,
               calendar: StatutoryCalendar) -> tuple[list[Planned], list[Due]]:
    """Read the cases of ``dues`` and plan the transition each deadline expires into."""
    rows = read_rows({d.case_id for d in dues})
    needs = _Needs()
    firing = [(due, rows.get(due.case_id), expiry_trigger(due.on_expiry)) for due in dues]
    read = readings(rows, {row.id for _, row, trigger in firing if needs.history(row, trigger)},
                    {row.id for _, row, trigger in firing if needs.recount(row, trigger)})
    seen, planned, left = set(), [], []
    for due, row, trigger in firing:
        if row is None or trigger is None or due.case_id in seen:
            left.append(due)
            continue
        seen.add(due.case_id)
        try:
            plan = plan_transition(procedure_for(row.procedure), read[row.id], trigger,
                                   role=SYSTEM, now=now, calendar=calendar,
                                   effective_at=due.due_at, payload=due.legal)
        except TransitionRefused:
            left.append(due)
            continue
        planned.append(Planned(due=due, case=row, plan=plan))
    return planned, left


class _Needs:
    """What the plans of a batch read beyond the case's row and the dates of its deadlines:
    decided once per procedure, state and trigger, not once per case."""

    def __init__(self) -> None:
        self._history: dict[tuple[str, str], bool] = {}
        self._recount: dict[tuple[str, str, str], bool] = {}

    def history(self, row, trigger: str | None) -> bool:
        """Whether the plan may read the case's history: only the legal dates of an action's
        fields follow it (``Field.follows``); a transition the sweep fires usually has none."""
        if row is None or trigger is None:
            return False
        key = (row.procedure, trigger)
        if key not in self._history:
            procedure = procedure_for(row.procedure)
            self._history[key] = procedure.has_trigger(trigger) and bool(
                procedure.transition(trigger).fields)
        return self._history[key]

    def recount(self, row, trigger: str | None) -> bool:
        """Whether the plan may count a deadline again (:func:`counts_again`)."""
        if row is None or trigger is None:
            return False
        key = (row.procedure, row.state, trigger)
        if key not in self._recount:
            self._recount[key] = counts_again(procedure_for(row.procedure), row.state, trigger)
        return self._recount[key]


def write_batch(planned: list[Planned], now: datetime, calendar: StatutoryCalendar) -> None:
    """Write the plans: the cases they open first, then every case, event, deadline, notice
    and alert of the batch in a few statements, then the parents they inform."""
    opened = {p.case.id: single.open_ordered_in_bulk(p.case, p.plan, p.actor, calendar)
              for p in planned if p.plan.opens_case is not None}
    notices = BulkNotices(planned, now, calendar)
    writes = _Writes()
    recipients = _recipients({p.case.office_id for p in planned})
    for item in planned:
        extra = {"opened": opened[item.case.id]} if item.case.id in opened else {}
        numbers = notices.numbers_for(item)
        event = _event(item, numbers, extra, now)
        writes.add(item, event, now)
        notices.issue(item, numbers, event["seq"])
        if item.due is not None:
            writes.alerts += _took_effect_alerts(item, recipients, now)
    writes.write()
    notices.write()
    informing = [p for p in planned if p.plan.informs is not None]
    if informing:
        db.session.expire_all()
        for item in informing:
            case = db.session.get(Case, item.case.id)
            single.inform_parent(case, item.plan, item.actor, now, calendar)


def _took_effect_alerts(item: Planned, recipients, now: datetime) -> list[dict[str, Any]]:
    """The escalation alert of a deadline that took effect, to each who is told of it."""
    row, due = item.case, item.due
    message = messages.took_effect(row.reference, row.procedure, due.kind, due.due_date,
                                   item.plan.trigger, due.article)
    return [{"user_id": user_id, "case_id": row.id, "deadline_id": due.id,
             "kind": "escalation", "key": "passed", "message": message, "created_at": now}
            for user_id in recipients(row.office_id, row.assigned_officer_id)]


def _event(item: Planned, numbers: list[str], extra: dict, now: datetime) -> dict[str, Any]:
    row, plan = item.case, item.plan
    event = SimpleNamespace(
        case_id=row.id, seq=row.event_count + 1, occurred_at=now,
        effective_at=plan.event.effective_at,
        actor_id=item.actor.id if item.actor else None,
        actor_label=item.actor.username if item.actor else SYSTEM_ACTOR,
        trigger=plan.trigger, from_state=plan.from_state, to_state=plan.to_state,
        reason=plan.event.reason, article=plan.event.article,
        payload=stable_payload(event_payload(plan, numbers, extra)), prev_hash=row.event_head_hash,
    )
    event.hash = event_hash(event, row.reference)
    return dict(vars(event))


class _Writes:
    """The rows of a batch, gathered to be written with one statement per table and shape."""

    def __init__(self) -> None:
        self.events, self.alerts, self.new_deadlines = [], [], []
        self.granted, self.ended = [], []
        self.details: dict[str, list[dict]] = defaultdict(list)
        self.cases: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        self.changes: dict[tuple[str, ...], list[dict]] = defaultdict(list)

    def add(self, item: Planned, event: dict[str, Any], now: datetime) -> None:
        row, plan = item.case, item.plan
        self.events.append(event)
        written = {
            "b_id": row.id, "b_version": row.version, "state": plan.to_state,
            "version": row.version + 1, "event_count": event["seq"],
            "event_head_hash": event["hash"], "updated_at": now,
            "closed_at": plan.closed_at or row.closed_at,
        }
        if plan.data != (row.data or {}):
            written["data"] = dict(plan.data)  # most lapses change no data: not written again
        self.cases[tuple(written)].append(written)
        for change in plan.changes:
            self.changes[tuple(sorted(change.columns))].append(
                {"b_id": change.id, **change.columns})
        self.new_deadlines += [{"case_id": row.id, "opened_at": now, **columns}
                               for columns in plan.opened]
        if plan.details is not None:
            self.details[plan.procedure].append({"case_id": row.id, **plan.details})
        if plan.ends_grants:
            self.ended.append({"b_case_id": row.id, **single.ended_values(plan)})
        if plan.grants is not None:
            self.granted.append(single.granted_row(plan, case_id=row.id, holder_id=row.party_id,
                                                   event_seq=event["seq"]))

    def write(self) -> None:
        if not self.cases:
            return
        session, cases = db.session, Case.__table__
        for columns, rows in self.cases.items():
            moved = session.execute(
                update(cases)
                .where(cases.c.id == bindparam("b_id"),
                       cases.c.version == bindparam("b_version"))
                .values({name: bindparam(name) for name in columns
                         if not name.startswith("b_")}),
                rows,
            ).rowcount
            if moved not in (-1, len(rows)):
                raise BatchConflict(f"{len(rows) - moved} case(s) changed under the sweep")
        session.execute(insert(CaseEvent.__table__), self.events)
        deadlines = Deadline.__table__
        for columns, rows in self.changes.items():
            session.execute(
                update(deadlines).where(deadlines.c.id == bindparam("b_id"))
                .values({name: bindparam(name) for name in columns}), rows)
        if self.new_deadlines:
            session.execute(insert(deadlines), self.new_deadlines)
        for procedure_code, rows in self.details.items():
            write_details(procedure_code, rows)
        self._write_authorisations()
        if self.alerts:
            session.execute(dialect_insert(Alert.__table__).on_conflict_do_nothing(),
                            self.alerts)


    def _write_authorisations(self) -> None:
        table = Authorisation.__table__
        if self.ended:
            db.session.execute(
                update(table).where(table.c.case_id == bindparam("b_case_id"),
                                    table.c.status == AuthorisationStatus.IN_FORCE)
                .values(status=bindparam("status"), ended_at=bindparam("ended_at"),
                        ended_reason=bindparam("ended_reason")), self.ended)
        if self.granted:
            db.session.execute(insert(table), self.granted)


def _deadlines(case_ids: set[int], whole: set[int]) -> dict[int, list]:
    """Every deadline of the cases, oldest first, as a plan reads it: with what its date was
    counted from for the cases in ``whole``, its date and status only for the others (most of
    a sweep's: nine columns instead of eighteen)."""
    by_case = defaultdict(list)
    for ids, names, complete in ((case_ids & whole, COLUMNS, True),
                                 (case_ids - whole, DATE_COLUMNS, False)):
        if not ids:
            continue
        for row in db.session.execute(
            select(Deadline.case_id, *(getattr(Deadline, name) for name in names))
            .where(Deadline.case_id.in_(ids)).order_by(Deadline.id)
        ):
            by_case[row[0]].append(stored_row(row[1:], complete=complete))
    return by_case


def _histories(case_ids: set[int]) -> dict[int, list]:
    by_case = defaultdict(list)
    if not case_ids:
        return by_case
    for row in db.session.execute(
        select(CaseEvent.case_id, CaseEvent.trigger, CaseEvent.from_state, CaseEvent.to_state,
               CaseEvent.effective_at)
        .where(CaseEvent.case_id.in_(case_ids)).order_by(CaseEvent.case_id, CaseEvent.seq)
    ):
        by_case[row.case_id].append(row[1:])
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
