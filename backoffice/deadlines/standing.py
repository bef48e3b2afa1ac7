"""Where a deadline stands, from the reader's side: the one definition of "overdue", "due today",
"due within 7 days", "met late", used by every page, list, count and alert.

A deadline's ``status`` is the row's own life (open, met, missed, waived, cancelled); what a
person asks is whether the duty behind it is still owed. **Overdue** means: a duty of the
office whose deadline has passed and which has not been met, waived or made moot — whether
the sweep has already escalated it, flagged it, or moved the case (an objection past its
decision period is ``decision_overdue`` and still to be decided, Art. 129(2)). It stays
overdue until the action that meets it is taken. A party's time limit that passes is not
"overdue": the party's chance has **lapsed** (what follows, e.g. a dismissal under
128(1)1(c), is the office's to decide).

A period in days ends at 24:00 of its last day (Civil Act Art. 159 via Customs Act Art. 8), so
"days late" counts the legal days since the last day: a written opinion due 2026-11-13 and
not sent by 2026-12-01 is 18 days late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, or_, select, union

from backoffice.models import Deadline, DeadlineStatus
from workflows import clock
from workflows.engine import Duty, ExpiryKind, Settlement, settle_passed
from workflows.procedures import REGISTRY

SOON_DAYS = 7
""""Due soon" is a last day within this many days of today (the dashboard's week)."""


def _lapses_that_end_the_duty() -> frozenset[str]:
    """The expiries whose transition is the law's own consequence and ends the duty at the
    legal moment (a permission deemed granted, a case closed): such a duty is never overdue,
    even in the seconds before the scheduler records it. An expiry that leaves the duty owed
    (the Art. 129(2) notice of an undecided objection) is not one of them."""
    ending, owing = set(), set()
    for procedure in REGISTRY.values():
        for state, specs in procedure.deadlines.items():
            for spec in specs:
                if spec.on_expiry.kind is not ExpiryKind.TRANSITION:
                    continue
                transition = procedure.transition(spec.on_expiry.trigger)
                how = settle_passed(procedure, state, transition.trigger,
                                    transition.dest or state, spec.kind, str(spec.on_expiry))
                (ending if how else owing).add(str(spec.on_expiry))
    if ending & owing:
        raise ValueError(f"expiries that both end and keep a duty: {sorted(ending & owing)}")
    return frozenset(ending)


LAPSE_ENDS_DUTY = _lapses_that_end_the_duty()


class Standing(StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    RUNNING = "running"
    STOPPED = "stopped"
    LAPSED = "lapsed"
    MET = "met"
    MET_LATE = "met_late"
    WAIVED = "waived"
    TOOK_EFFECT = "took_effect"
    MOOT = "moot"

    @property
    def running(self) -> bool:
        """Not yet passed: its period still runs (or its clock is stopped)."""
        return self in RANKS and self is not Standing.OVERDUE

    @property
    def pending(self) -> bool:
        """Still to be done: overdue, or running."""
        return self in RANKS

    @property
    def rank(self) -> int:
        """Worst first: overdue, due today, due within 7 days, the rest."""
        return RANKS.get(self, len(RANKS))


RANKS = {Standing.OVERDUE: 0, Standing.DUE_TODAY: 1, Standing.DUE_SOON: 2, Standing.RUNNING: 3,
         Standing.STOPPED: 4}
"""The pending standings, worst first."""


@dataclass(frozen=True)
class Reading:
    """A deadline as read on ``today``: its standing and the days that go with it."""

    standing: Standing
    days_late: int = 0
    """Legal days since the last day: how late an overdue duty is, or a late one was."""
    days_left: int = 0
    """Legal days until the last day, for a running deadline (0 on the last day)."""
    done_on: date | None = None
    """When it was met, waived, made moot or took effect."""


def urgency(reading: Reading, deadline: Deadline) -> tuple:
    """The order of "most urgent first": by standing (overdue, due today, within 7 days, the
    rest), the most days late first, then the nearest end."""
    return (reading.standing.rank, -reading.days_late, deadline.due_at)


def _legal_day(instant: datetime | None) -> date | None:
    return clock.seoul_date(instant) if instant else None


def read(deadline: Deadline, now: datetime | None = None) -> Reading:
    """Where ``deadline`` stands at ``now``, in the terms of this module's definition."""
    now = now or clock.now()
    today = clock.seoul_date(now)
    late = (today - deadline.due_date).days
    if deadline.status == DeadlineStatus.OPEN:
        if deadline.suspended_since is not None:
            return Reading(Standing.STOPPED)
        if deadline.due_at <= now:
            if deadline.owed_by == Duty.OFFICE and deadline.on_expiry in LAPSE_ENDS_DUTY:
                return Reading(Standing.TOOK_EFFECT, done_on=_legal_day(deadline.due_at))
            return _passed(deadline, max(late, 1))
        left = (deadline.due_date - today).days
        if left <= 0:
            return Reading(Standing.DUE_TODAY, days_left=0)
        return Reading(Standing.DUE_SOON if left <= SOON_DAYS else Standing.RUNNING,
                       days_left=left)
    if deadline.status == DeadlineStatus.MET:
        return _met(deadline, _legal_day(deadline.closed_at))
    if deadline.status == DeadlineStatus.WAIVED:
        return Reading(Standing.WAIVED, done_on=_legal_day(deadline.closed_at))
    if deadline.status == DeadlineStatus.CANCELLED:
        return Reading(Standing.MOOT, done_on=_legal_day(deadline.closed_at))
    # missed: it passed before it was met
    if deadline.settled_at is None:
        return _passed(deadline, max(late, 1))
    done = _legal_day(deadline.settled_at)
    if deadline.settlement == Settlement.MET:
        return _met(deadline, done)
    if deadline.settlement == Settlement.TOOK_EFFECT and deadline.owed_by != Duty.OFFICE:
        # The party's own time ran out and the law drew its consequence (a revision not made,
        # the next remedy not taken): from the party's side, the time limit lapsed.
        return Reading(Standing.LAPSED, days_late=max(late, 1), done_on=done)
    settled = {Settlement.WAIVED: Standing.WAIVED, Settlement.TOOK_EFFECT: Standing.TOOK_EFFECT}
    return Reading(settled.get(deadline.settlement, Standing.MOOT), done_on=done)


def _passed(deadline: Deadline, days_late: int) -> Reading:
    if deadline.owed_by != Duty.OFFICE:  # the party's, or another body's (a tribunal's)
        return Reading(Standing.LAPSED, days_late=days_late)
    return Reading(Standing.OVERDUE, days_late=days_late)


def _met(deadline: Deadline, done: date | None) -> Reading:
    """Met: on time, or late by the legal days between the last day and the day it was met."""
    late = (done - deadline.due_date).days if done else 0
    if late > 0:
        return Reading(Standing.MET_LATE, days_late=late, done_on=done)
    return Reading(Standing.MET, done_on=done)


def _running_late_clause(now: datetime) -> ColumnElement[bool]:
    """Open office duties whose moment has passed before the scheduler recorded it (a lapse
    the law gives its own effect excepted)."""
    return and_(Deadline.status == DeadlineStatus.OPEN, Deadline.due_at <= now,
                Deadline.suspended_since.is_(None), Deadline.owed_by == Duty.OFFICE,
                Deadline.on_expiry.not_in(LAPSE_ENDS_DUTY))


def unsettled_clause() -> ColumnElement[bool]:
    """Passed deadlines whose duty has not stopped being owed (settlement not yet recorded),
    whoever owes it: what the next move of the case may settle."""
    return and_(Deadline.status == DeadlineStatus.MISSED, Deadline.settled_at.is_(None))


def passed_unsettled_clause(now: datetime) -> ColumnElement[bool]:
    """Deadlines whose moment has passed with the duty not done, whether or not the scheduler
    has recorded it yet (a clock stopped excepted): "not reported", "not complied with", as the
    reader means it the moment the last day ends."""
    return or_(unsettled_clause(),
               and_(Deadline.status == DeadlineStatus.OPEN, Deadline.due_at <= now,
                    Deadline.suspended_since.is_(None)))


def still_owed_clause() -> ColumnElement[bool]:
    """Passed deadlines whose duty the office still owes (overdue whatever the time)."""
    return and_(unsettled_clause(), Deadline.owed_by == Duty.OFFICE)


def overdue_parts(now: datetime, *columns) -> tuple[Select, Select]:
    """:data:`Standing.OVERDUE` in SQL, as two queries of ``columns``, each walking its partial
    index: open deadlines in due order up to ``now``, and passed ones not yet settled (one
    query with the OR of both would read every deadline)."""
    return (select(*columns).where(_running_late_clause(now)),
            select(*columns).where(still_owed_clause()))


def overdue_case_ids(now: datetime) -> Select:
    """The cases with at least one overdue duty."""
    return select(union(*overdue_parts(now, Deadline.case_id)).subquery().c.case_id)


def pending_clause() -> ColumnElement[bool]:
    """Deadlines still to be done: running (clock stopped or not), or overdue."""
    return or_(Deadline.status == DeadlineStatus.OPEN, still_owed_clause())


def soon_limit(now: datetime) -> datetime:
    """The instant the last of the "due within 7 days" periods ends (24:00 of today + 7)."""
    return clock.end_of_legal_day(clock.seoul_date(now) + timedelta(days=SOON_DAYS))
