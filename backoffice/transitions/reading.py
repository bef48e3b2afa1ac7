"""The case as a plan reads it: state, data, deadlines and the legal days of its history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline
from backoffice.transitions import inputs
from workflows import clock
from workflows.engine.deadline_rows import COLUMNS, StoredDeadline, stored_row
from workflows.engine.plan import CaseReading

STORED_COLUMNS = COLUMNS
"""The columns of a deadline row a plan reads."""


def stored(deadline) -> StoredDeadline:
    """A deadline row (ORM object or Core row) as a plan reads it, whole."""
    return stored_row([getattr(deadline, name) for name in STORED_COLUMNS])


def deadlines_of(case: Case) -> list[Deadline]:
    """The case's deadlines, oldest first (so the newest of each kind is read last)."""
    if case.id is None:
        return []
    return list(db.session.scalars(
        select(Deadline).where(Deadline.case_id == case.id).order_by(Deadline.id)))


def legal_history_rows(rows, state: str) -> tuple[date | None, dict[str, date]]:
    """The legal day the case entered ``state``, and the legal day each action last happened,
    from its events ``(trigger, from_state, to_state, effective_at)`` in order."""
    entered, happened = None, {}
    for trigger, left, reached, moment in rows:
        day = clock.seoul_date(moment)
        happened[trigger] = day
        if reached == state and (left != reached or entered is None):
            entered = day
    return entered, happened


def legal_history_of(case: Case) -> tuple[date | None, dict[str, date]]:
    """The legal day the case entered its current state, and the legal day each action last
    happened on it: the events a date typed in an action follows (``Field.follows``)."""
    if case.id is None:
        return None, {}
    rows = db.session.execute(
        select(CaseEvent.trigger, CaseEvent.from_state, CaseEvent.to_state,
               CaseEvent.effective_at)
        .where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq)).all()
    return legal_history_rows(rows, case.state)


def read_case(case: Case, deadlines: list[Deadline] | None = None) -> CaseReading:
    """``case`` as a plan reads it (``deadlines``: all of the case's, oldest first, if the
    caller has them already)."""
    entered_on, happened = legal_history_of(case)
    return CaseReading(
        procedure=case.procedure, reference=case.reference or "", state=case.state or "",
        version=case.version, data=dict(case.data or {}),
        deadlines=tuple(stored(d) for d in (deadlines_of(case) if deadlines is None
                                            else deadlines)),
        entered_on=entered_on, happened=happened,
        party=inputs.party_facts(case.procedure, case.party_id, case.id),
        linked=inputs.linked_facts(case.procedure, case.party_id, case.data),
    )
