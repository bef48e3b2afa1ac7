"""The lists the supervisors' dashboard keeps of the procedures' deadlines
(``Procedure.watches``): a certification ending within seven months, a renewal not applied for,
benefits suspended and the day they return, a self-assessment not reported; and of the actions
recently taken that a supervisor follows (the exemptions from a notification disposition)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from backoffice.deadlines import standing
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline, DeadlineStatus
from workflows import clock
from workflows.calendar.civil_act import add_months
from workflows.engine.declarations import Watch
from workflows.procedures import REGISTRY

LIMIT = 50
"""The rows one list shows; its count is the whole."""


@dataclass(frozen=True)
class Watched:
    watch: Watch
    procedure: str
    count: int
    deadlines: list[Deadline]
    events: list[CaseEvent] = field(default_factory=list)
    """For a list of actions taken (``Watch.decided_by``): the events, newest first."""

    @property
    def anchor(self) -> str:
        if self.watch.decided_by:
            return f"watch-{self.procedure}-{self.watch.decided_by}"
        passed = "-passed" if self.watch.passed else ""
        return f"watch-{self.procedure}-{self.watch.kind}{passed}"


def watched(office_id: int) -> list[Watched]:
    """Each declared list, for the cases of the office, soonest first."""
    return [_decided(code, watch, office_id) if watch.decided_by
            else _deadlines(code, watch, office_id)
            for code, procedure in REGISTRY.items() for watch in procedure.watches]


def _deadlines(code: str, watch: Watch, office_id: int) -> Watched:
    query = (select(Deadline).join(Case, Case.id == Deadline.case_id)
             .where(Case.office_id == office_id, Case.procedure == code,
                    Deadline.kind == watch.kind))
    if watch.passed:
        query = query.where(standing.passed_unsettled_clause(clock.now()))
    else:
        query = query.where(Deadline.status == DeadlineStatus.OPEN)
        if watch.within_months is not None:
            last = add_months(clock.today(), watch.within_months)[0]
            query = query.where(Deadline.due_date <= last)
    count = db.session.scalar(query.with_only_columns(
        db.func.count(Deadline.id)).order_by(None)) or 0
    rows = list(db.session.scalars(query.options(joinedload(Deadline.case)
                                                 .joinedload(Case.party))
                                   .order_by(Deadline.due_at, Deadline.id).limit(LIMIT)))
    return Watched(watch, code, count, rows)


def _decided(code: str, watch: Watch, office_id: int) -> Watched:
    """The cases of the office on which ``watch.decided_by`` was taken within its days."""
    since = clock.now() - timedelta(days=watch.within_days)
    query = (select(CaseEvent).join(Case, Case.id == CaseEvent.case_id)
             .where(Case.office_id == office_id, Case.procedure == code,
                    CaseEvent.trigger == watch.decided_by, CaseEvent.effective_at >= since))
    count = db.session.scalar(query.with_only_columns(
        db.func.count(CaseEvent.id)).order_by(None)) or 0
    rows = list(db.session.scalars(query.options(joinedload(CaseEvent.case)
                                                 .joinedload(Case.party))
                                   .order_by(CaseEvent.effective_at.desc(), CaseEvent.id.desc())
                                   .limit(LIMIT)))
    return Watched(watch, code, count, [], rows)
