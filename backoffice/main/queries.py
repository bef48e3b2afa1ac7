"""Read-side queries for the landing pages of each role."""

from __future__ import annotations

import time
from collections import Counter
from datetime import datetime, timedelta
from itertools import pairwise

from flask import current_app
from sqlalchemy import exists, func, select
from sqlalchemy.orm import aliased, joinedload

from backoffice.deadlines import standing
from backoffice.extensions import db
from backoffice.models import (
    Case,
    CaseEvent,
    Deadline,
    DeadlineStatus,
    Notice,
    Office,
    Party,
    User,
)
from backoffice.security import visible_cases
from backoffice.worklist.query import Filters, count_of, worklist_query
from workflows import clock
from workflows.procedures import REGISTRY
from workflows.roles import OFFICE_ROLES, Role

RECENT_LIMIT = 50


def recent_cases(user: User, limit: int = RECENT_LIMIT) -> list[Case]:
    query = (
        visible_cases(user)
        .options(joinedload(Case.party), joinedload(Case.assigned_officer))
        .order_by(Case.updated_at.desc(), Case.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def open_deadlines(user: User, within_days: int | None = None) -> list[Deadline]:
    """The pending deadlines of the cases ``user`` may see, in due order (so the overdue duties
    come first, the most days late at the top); with ``within_days``, only those overdue or
    ending by today + that many days.

    Two walks in due order, each on its partial index — the running deadlines, and the passed
    duties still owed — keeping those of the user's cases and stopping at the limit; they are
    merged here. Neither visits every case.
    """
    if user.role in OFFICE_ROLES:
        query = select(Deadline).join(Case, Case.id == Deadline.case_id).where(
            Case.office_id == user.office_id)
    else:
        query = select(Deadline).where(
            Deadline.case_id.in_(visible_cases(user).with_only_columns(Case.id)))
    query = query.options(joinedload(Deadline.case)).order_by(Deadline.due_at, Deadline.id)
    if within_days is not None:
        query = query.where(Deadline.due_at <= clock.end_of_legal_day(
            clock.today() + timedelta(days=within_days)))
    found = [*db.session.scalars(query.where(Deadline.status == DeadlineStatus.OPEN)
                                 .limit(RECENT_LIMIT)),
             *db.session.scalars(query.where(standing.still_owed_clause()).limit(RECENT_LIMIT))]
    return sorted(found, key=lambda d: (d.due_at, d.id))[:RECENT_LIMIT]


def open_case_counts(office_id: int) -> tuple[list[tuple[str, str, int]],
                                               list[tuple[User, int]]]:
    """Open cases by procedure and state, and per officer, from one pass over the index
    (office_id, closed_at, procedure, state, assigned_officer_id)."""
    by_state, by_officer = Counter(), Counter()
    for procedure, state, officer_id, count in db.session.execute(
            select(Case.procedure, Case.state, Case.assigned_officer_id, func.count())
            .where(Case.office_id == office_id, Case.closed_at.is_(None))
            .group_by(Case.procedure, Case.state, Case.assigned_officer_id)):
        by_state[(procedure, state)] += count
        by_officer[officer_id] += count
    officers = db.session.scalars(select(User).where(
        User.office_id == office_id, User.role == Role.OFFICER).order_by(User.display_name))
    return ([(p, s, n) for (p, s), n in sorted(by_state.items())],
            [(user, by_officer.get(user.id, 0)) for user in officers])


def deadline_counts(office_id: int) -> dict[str, int]:
    """Open cases overdue, due within 7 days, deemed granted within 3 days, and unassigned:
    counted with the worklist's own filters, so each number is the length of the list it
    links to; and the office's overdue duties themselves (a case may owe two)."""
    counts = {key: count_of(worklist_query(office_id, filters)) for key, filters in (
        ("overdue", Filters(due="overdue")), ("due_week", Filters(due="week")),
        ("deemed_soon", Filters(due="deemed")), ("unassigned", Filters(assignee="none")))}
    counts["overdue_duties"] = sum(
        db.session.scalar(part.join(Case, Case.id == Deadline.case_id)
                          .where(Case.office_id == office_id)) or 0
        for part in standing.overdue_parts(clock.now(), func.count(Deadline.id)))
    return counts


def users_overview() -> list[User]:
    query = select(User).options(joinedload(User.office)).order_by(User.role, User.username)
    return list(db.session.scalars(query))


def system_counts() -> dict[str, int]:
    return {
        "offices": db.session.scalar(select(func.count(Office.id))) or 0,
        "users": db.session.scalar(select(func.count(User.id))) or 0,
        "parties": db.session.scalar(select(func.count(Party.id))) or 0,
        "cases": db.session.scalar(select(func.count(Case.id))) or 0,
    }


def unserved_notices(office_id: int, limit: int = RECENT_LIMIT) -> tuple[int, list[Notice]]:
    """Notices of the office whose service is not recorded, oldest first (Art. 11)."""
    replacement = aliased(Notice)
    # "+ 0" keeps SQLite from walking the office's cases: the few unserved notices (partial
    # index) are the place to start.
    unserved = (select(Notice).join(Case).where(Case.office_id + 0 == office_id,
                                                Notice.served_on.is_(None))
                .where(~exists().where(replacement.replaces_id == Notice.id)))
    count = db.session.scalar(unserved.with_only_columns(func.count()).order_by(None))
    rows = db.session.scalars(unserved.options(joinedload(Notice.case))
                              .order_by(Notice.issued_at).limit(limit))
    return count, list(rows)


def notices_of(user: User, limit: int = RECENT_LIMIT) -> list[Notice]:
    """The notices of the cases ``user`` may see, newest first."""
    case_ids = visible_cases(user).with_only_columns(Case.id)
    return list(db.session.scalars(
        select(Notice).where(Notice.case_id.in_(case_ids)).options(joinedload(Notice.case))
        .order_by(Notice.issued_at.desc()).limit(limit)
    ))


DECIDED_STATES = tuple(sorted({name for procedure in REGISTRY.values()
                               for name in procedure.decided_states}))
"""The states whose entry counts as a decision (``Procedure.decided_states``), by name: a state
of that name is a decided state in every procedure that has one."""
LATE_KINDS = tuple(sorted({kind for procedure in REGISTRY.values()
                           for kind in procedure.decision_periods}))
"""The deadlines of the office's decisions (``Procedure.decision_periods``): a case that missed
one was decided late."""


def months_back(count: int = 12) -> list[tuple[int, int]]:
    """The last ``count`` months in Asia/Seoul, oldest first, the current one last."""
    today = clock.today()
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


_activity_cache: dict[tuple, tuple[float, dict]] = {}


def monthly_activity(office_id: int, count: int = 12) -> dict:
    """The 12-month figures of :func:`count_monthly_activity`, recomputed at most every
    ``DASHBOARD_CACHE_SECONDS`` (5 minutes) per office and process: they are history, and
    counting them takes 36 queries over the events."""
    seconds = current_app.config["DASHBOARD_CACHE_SECONDS"]
    key = (str(db.engine.url), office_id, count, clock.today().isoformat())
    cached = _activity_cache.get(key)
    if seconds and cached and time.monotonic() - cached[0] < seconds:
        return cached[1]
    figures = count_monthly_activity(office_id, count)
    if len(_activity_cache) > 1000:
        _activity_cache.clear()
    _activity_cache[key] = (time.monotonic(), figures)
    return figures


def count_monthly_activity(office_id: int, count: int = 12) -> dict:
    """Cases opened, decided, and decided after their decision period, per month (KST).

    One counting query per month and figure, each served by an index ((office_id, opened_at)
    on cases, (to_state, occurred_at) on events), so the cost does not grow with the history.
    """
    months = months_back(count)
    bounds = [datetime(y, m, 1, tzinfo=clock.SEOUL) for y, m in months]
    year, month = months[-1]
    bounds.append(datetime(year + month // 12, month % 12 + 1, 1, tzinfo=clock.SEOUL))
    late_cases = select(Deadline.case_id).where(Deadline.kind.in_(LATE_KINDS),
                                                Deadline.status == DeadlineStatus.MISSED)
    decisions = (select(func.count(CaseEvent.id)).join(Case, Case.id == CaseEvent.case_id)
                 .where(CaseEvent.to_state.in_(DECIDED_STATES), Case.office_id == office_id,
                        CaseEvent.from_state.is_distinct_from(CaseEvent.to_state)))
    opened, decided, late = [], [], []
    for start, end in pairwise(bounds):
        opened.append(db.session.scalar(select(func.count(Case.id)).where(
            Case.office_id == office_id, Case.opened_at >= start, Case.opened_at < end)) or 0)
        in_month = decisions.where(CaseEvent.occurred_at >= start, CaseEvent.occurred_at < end)
        decided.append(db.session.scalar(in_month) or 0)
        late.append(db.session.scalar(in_month.where(CaseEvent.case_id.in_(late_cases))) or 0)
    return {"labels": [f"{y % 100:02d}.{m:02d}" for y, m in months],
            "opened": opened, "decided": decided, "late": late}
