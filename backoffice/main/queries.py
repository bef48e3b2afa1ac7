"""Read-side queries for the landing pages of each role."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import exists, func, select
from sqlalchemy.orm import aliased, joinedload

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
from workflows import clock
from workflows.roles import Role

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
    case_ids = visible_cases(user).with_only_columns(Case.id)
    query = (
        select(Deadline)
        .options(joinedload(Deadline.case))
        .where(Deadline.status == DeadlineStatus.OPEN, Deadline.case_id.in_(case_ids))
        .order_by(Deadline.due_at)
    )
    if within_days is not None:
        query = query.where(Deadline.due_at <= clock.now() + timedelta(days=within_days))
    return list(db.session.scalars(query.limit(RECENT_LIMIT)))


def cases_by_procedure_and_state(office_id: int) -> list[tuple[str, str, int]]:
    query = (
        select(Case.procedure, Case.state, func.count())
        .where(Case.office_id == office_id, Case.closed_at.is_(None))
        .group_by(Case.procedure, Case.state)
        .order_by(Case.procedure, Case.state)
    )
    return [tuple(row) for row in db.session.execute(query)]


def cases_per_officer(office_id: int) -> list[tuple[User, int]]:
    open_count = (
        select(func.count(Case.id))
        .where(Case.assigned_officer_id == User.id, Case.closed_at.is_(None))
        .scalar_subquery()
    )
    query = (
        select(User, open_count)
        .where(User.office_id == office_id, User.role == Role.OFFICER)
        .order_by(User.display_name)
    )
    return [(user, count) for user, count in db.session.execute(query)]


def overdue_count(office_id: int) -> int:
    query = (
        select(func.count(Deadline.id))
        .join(Case, Case.id == Deadline.case_id)
        .where(
            Case.office_id == office_id,
            Deadline.status == DeadlineStatus.OPEN,
            Deadline.due_at < clock.now(),
        )
    )
    return db.session.scalar(query) or 0


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
    unserved = (select(Notice).join(Case).where(Case.office_id == office_id,
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


DECIDED_STATES = ("decided", "granted", "refused", "result_notified")
LATE_KINDS = ("decision", "reinvestigation")


def months_back(count: int = 12) -> list[tuple[int, int]]:
    """The last ``count`` months in Asia/Seoul, oldest first, the current one last."""
    today = clock.today()
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def monthly_activity(office_id: int, count: int = 12) -> dict:
    """Cases opened, decided, and decided after their decision period, per month (KST)."""
    months = months_back(count)
    first = datetime(*months[0], 1, tzinfo=clock.SEOUL)
    opened = Counter()
    for (moment,) in db.session.execute(select(Case.opened_at).where(
            Case.office_id == office_id, Case.opened_at >= first)):
        local = moment.astimezone(clock.SEOUL)
        opened[(local.year, local.month)] += 1
    late_cases = select(Deadline.case_id).where(Deadline.kind.in_(LATE_KINDS),
                                                Deadline.status == DeadlineStatus.MISSED)
    decided, late = Counter(), Counter()
    rows = db.session.execute(
        select(CaseEvent.occurred_at, CaseEvent.case_id.in_(late_cases))
        .join(Case, Case.id == CaseEvent.case_id)
        .where(CaseEvent.to_state.in_(DECIDED_STATES), CaseEvent.occurred_at >= first,
               CaseEvent.from_state.is_distinct_from(CaseEvent.to_state),
               Case.office_id == office_id))
    for moment, was_late in rows:
        local = moment.astimezone(clock.SEOUL)
        decided[(local.year, local.month)] += 1
        if was_late:
            late[(local.year, local.month)] += 1
    return {"labels": [f"{y % 100:02d}.{m:02d}" for y, m in months],
            "opened": [opened[m] for m in months], "decided": [decided[m] for m in months],
            "late": [late[m] for m in months]}


def deemed_soon(office_id: int, within_days: int = 3) -> int:
    """Applications deemed granted within ``within_days`` unless the office decides."""
    return db.session.scalar(
        select(func.count(Deadline.id)).join(Case, Case.id == Deadline.case_id).where(
            Case.office_id == office_id, Deadline.status == DeadlineStatus.OPEN,
            Deadline.on_expiry == "transition:deem_grant",
            Deadline.due_at <= clock.now() + timedelta(days=within_days))) or 0


def due_within(office_id: int, days: int = 7) -> int:
    now = clock.now()
    return db.session.scalar(
        select(func.count(Deadline.id)).join(Case, Case.id == Deadline.case_id).where(
            Case.office_id == office_id, Deadline.status == DeadlineStatus.OPEN,
            Deadline.due_at > now, Deadline.due_at <= now + timedelta(days=days))) or 0
