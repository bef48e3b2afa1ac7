"""The lists the supervisors' dashboard keeps of the procedures' deadlines
(``Procedure.watches``): a certification ending within seven months, a renewal not applied for,
benefits suspended and the day they return, a self-assessment not reported."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from backoffice.deadlines import standing
from backoffice.extensions import db
from backoffice.models import Case, Deadline, DeadlineStatus
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

    @property
    def anchor(self) -> str:
        passed = "-passed" if self.watch.passed else ""
        return f"watch-{self.procedure}-{self.watch.kind}{passed}"


def watched(office_id: int) -> list[Watched]:
    """Each declared list, for the cases of the office, soonest first."""
    lists = []
    for code, procedure in REGISTRY.items():
        for watch in procedure.watches:
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
                                           .order_by(Deadline.due_at, Deadline.id)
                                           .limit(LIMIT)))
            lists.append(Watched(watch, code, count, rows))
    return lists
