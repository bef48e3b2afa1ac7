"""The worklist query, fast over 100k cases of an office.

The default order is the worst urgency first: ``cases.next_due_at`` (kept by triggers, with an
index on office and that column) is the due moment of the case's oldest pending duty — an
overdue duty of the office counts until it is met — so overdue cases come first, the most
days late at the top, then those due today, then within 7 days, then the rest; cases with
nothing pending come last. "Overdue" and "due within 7 days" are
:mod:`backoffice.deadlines.standing`'s definitions. Filters narrow by procedure, state,
assignee, party and reference; pages are 50 cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from backoffice.deadlines import standing
from backoffice.deadlines.standing import Standing
from backoffice.extensions import db
from backoffice.models import Case, Deadline, DeadlineStatus, Party, User
from workflows import clock

PAGE_SIZE = 50
SORTS = {
    "deadline": _l("most urgent first"),
    "updated": _l("last changed"),
    "reference": _l("reference"),
}


@dataclass(frozen=True)
class Filters:
    procedure: str | None = None
    state: str | None = None
    assignee: str | None = None
    """A user id, ``me`` or ``none`` (unassigned)."""
    party: str | None = None
    reference: str | None = None
    include_closed: bool = False
    due: str | None = None
    """``overdue`` or ``week`` (due within 7 days)."""
    sort: str = "deadline"
    page: int = 1


@dataclass
class Page:
    cases: list[Case]
    total: int
    page: int
    pages: int
    now: datetime = field(default_factory=clock.now)
    pending: dict[int, list[Deadline]] = field(default_factory=dict)
    """The pending deadlines of the page's cases, most urgent first."""

    def next_duty(self, case: Case) -> Deadline | None:
        """The case's most urgent pending deadline (overdue first, then the nearest)."""
        duties = self.pending.get(case.id)
        return duties[0] if duties else None

    def urgency(self, case: Case) -> str | None:
        """``overdue``, ``due_today`` or ``due_soon`` for the row's colour; None otherwise."""
        duty = self.next_duty(case)
        if duty is None:
            return None
        reading = standing.read(duty, self.now)
        if reading.standing in (Standing.OVERDUE, Standing.DUE_TODAY, Standing.DUE_SOON):
            return reading.standing.value
        return None


def pending_by_case(case_ids: list[int], now: datetime) -> dict[int, list[Deadline]]:
    """The pending deadlines of ``case_ids``, each case's most urgent first."""
    if not case_ids:
        return {}
    rows = db.session.scalars(select(Deadline).where(Deadline.case_id.in_(case_ids),
                                                     standing.pending_clause()))
    by_case: dict[int, list[Deadline]] = {}
    for deadline in rows:
        by_case.setdefault(deadline.case_id, []).append(deadline)
    for duties in by_case.values():
        duties.sort(key=lambda d: standing.urgency(standing.read(d, now), d))
    return by_case


def worklist_query(office_id: int, filters: Filters, me: int | None = None) -> Select:
    """The office's cases matching ``filters``; ``me`` is the user an ``assignee=me`` means."""
    query = select(Case).where(Case.office_id == office_id)
    if not filters.include_closed:
        query = query.where(Case.closed_at.is_(None))
    if filters.procedure:
        query = query.where(Case.procedure == filters.procedure)
    if filters.state:
        query = query.where(Case.state == filters.state)
    if filters.assignee == "me":
        query = query.where(Case.assigned_officer_id == me)
    elif filters.assignee == "none":
        query = query.where(Case.assigned_officer_id.is_(None))
    elif filters.assignee and filters.assignee.isdigit():
        query = query.where(Case.assigned_officer_id == int(filters.assignee))
    if filters.reference:
        query = query.where(Case.reference.startswith(filters.reference.strip().upper(),
                                                      autoescape=True))
    if filters.party:
        query = query.where(Case.party_id.in_(
            select(Party.id).where(Party.name.icontains(filters.party.strip(), autoescape=True))))
    now = clock.now()
    if filters.due == "overdue":
        query = query.where(Case.id.in_(standing.overdue_case_ids(now)))
    elif filters.due == "week":
        # Nothing overdue (it would be the earliest pending moment) and a last day by today + 7.
        query = query.where(Case.next_due_at > now,
                            Case.next_due_at <= standing.soon_limit(now))
    elif filters.due == "deemed":
        query = query.where(Case.id.in_(deemed_soon_cases(now)))
    return query


DEEMED_WARNING = timedelta(days=3)


def deemed_soon_cases(now: datetime) -> Select:
    """Cases whose application is deemed granted within 3 days unless the office decides."""
    return select(Deadline.case_id).where(
        Deadline.status == DeadlineStatus.OPEN, Deadline.on_expiry == "transition:deem_grant",
        Deadline.suspended_since.is_(None), Deadline.due_at <= now + DEEMED_WARNING)


def count_of(query: Select) -> int:
    """How many cases ``query`` finds."""
    return db.session.scalar(query.with_only_columns(func.count(Case.id)).order_by(None)) or 0


def _fetch(query: Select, limit: int, offset: int) -> list[Case]:
    return list(db.session.scalars(
        query.options(joinedload(Case.party), joinedload(Case.assigned_officer))
        .limit(limit).offset(offset)))


def worklist(user: User, filters: Filters) -> Page:
    """One page of the worklist.

    By deadline, the cases with an open deadline come first in the order of the index
    (office_id, next_due_at), then those without; the page is cut from the two runs, so
    neither needs a sort of the whole office.
    """
    query = worklist_query(user.office_id, filters, me=user.id)
    total = count_of(query)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, filters.page), pages)
    offset = (page - 1) * PAGE_SIZE
    if filters.sort == "updated":
        rows = _fetch(query.order_by(Case.updated_at.desc(), Case.id.desc()), PAGE_SIZE, offset)
    elif filters.sort == "reference":
        rows = _fetch(query.order_by(Case.reference), PAGE_SIZE, offset)
    else:
        with_due = query.where(Case.next_due_at.is_not(None))
        dated = count_of(with_due)
        rows = []
        if offset < dated:
            rows = _fetch(with_due.order_by(Case.next_due_at, Case.id), PAGE_SIZE, offset)
        if len(rows) < PAGE_SIZE:
            rows += _fetch(query.where(Case.next_due_at.is_(None)).order_by(Case.id),
                           PAGE_SIZE - len(rows), max(0, offset - dated))
    now = clock.now()
    return Page(rows, total, page, pages, now, pending_by_case([c.id for c in rows], now))
