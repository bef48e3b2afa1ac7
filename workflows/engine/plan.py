"""What a transition means, as a plan: computed from the declaration, the case as read and the
actor's input, with no database and no Flask.

A :class:`TransitionPlan` holds everything the transition changes: the new state and data, the
event (article, reason, payload), the deadlines it meets, cancels, supersedes, settles, stops,
restarts, recomputes and opens (with their explanations), the notices it issues, the case it
opens and the parent case it informs. Two appliers write the same plan: one case in its
transaction (``backoffice.transitions.apply``, the web and the CLI) and a batch
(``jobs.bulk``, the sweep). Planning refuses with :class:`TransitionRefused` and nothing is
written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.engine.deadline_rows import (
    OPEN,
    StoredDeadline,
    due_columns,
    opened_row,
    recomputed_due,
    resumed_columns,
)
from workflows.engine.declarations import (
    STAYS,
    SYSTEM,
    Context,
    Label,
    Procedure,
    StartKind,
    Transition,
    article_for,
)
from workflows.engine.firing import (
    Refusal,
    Settlement,
    TransitionRefused,
    check,
    json_safe,
    not_moved,
    parse_fields,
    settle,
    settle_passed,
)

STALE = "someone else changed this case while you were working on it; reload it and try again"
STALE_KO = ("작업하시는 동안 다른 사람이 이 사건을 변경했습니다. 사건을 다시 불러온 뒤 다시 "
            "시도하십시오")


@dataclass(frozen=True, kw_only=True)
class CaseReading:
    """A case as a plan reads it: its state, data, deadlines (oldest first) and history."""

    procedure: str
    reference: str = ""
    state: str = ""
    version: int | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    deadlines: tuple[StoredDeadline, ...] = ()
    entered_on: date | None = None
    """The legal day the case entered its current state."""
    happened: Mapping[str, date] = field(default_factory=dict)
    """The legal day each action last happened on the case."""
    party: Mapping[str, Any] = field(default_factory=dict)
    """What the back office knows of the party (``Context.party``)."""
    linked: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """The cases the case names (``Context.linked``)."""

    @property
    def open_deadlines(self) -> tuple[StoredDeadline, ...]:
        return tuple(d for d in self.deadlines if d.is_open)

    def context(self, *, role: str, now: datetime, values: Mapping[str, Any]) -> Context:
        newest, running = {}, {}  # oldest first: the newest of each kind is seen last
        for deadline in self.deadlines:
            newest[deadline.kind] = view = deadline.view()
            if deadline.status == OPEN:
                running[deadline.kind] = view
        return Context(
            state=self.state, role=role, now=now, data=dict(self.data), values=values,
            reference=self.reference,
            open_deadlines=running, deadlines=newest,
            entered_on=self.entered_on, happened=self.happened, party=self.party,
            linked=self.linked,
        )


@dataclass(frozen=True, kw_only=True)
class PlannedEvent:
    """The audit event of the transition, before its sequence number and hash."""

    trigger: str
    from_state: str | None
    to_state: str
    reason: str | None
    article: str
    payload: Mapping[str, Any]
    effective_at: datetime


class DeadlineChange(NamedTuple):
    """New values of some columns of a stored deadline."""

    id: int
    kind: str
    columns: Mapping[str, Any]


@dataclass(frozen=True, kw_only=True)
class CaseToOpen:
    """A case the transition opens (a reinvestigation a decision orders)."""

    procedure: str
    values: Mapping[str, Any]


@dataclass(frozen=True, kw_only=True)
class ParentToInform:
    """The action this transition completes on the case that opened this one."""

    reference: str
    trigger: str
    values: Mapping[str, Any]


@dataclass(frozen=True, kw_only=True)
class AuthorisationGrant:
    """The authorisation the transition grants the case's party (``Transition.grants``)."""

    kind: str
    number: str
    article: str
    valid_from: date
    valid_to: date | None


@dataclass(frozen=True, kw_only=True)
class TransitionPlan:
    procedure: str
    trigger: str
    opening: bool
    from_state: str
    to_state: str
    data: Mapping[str, Any]
    values: Mapping[str, Any]
    """The actor's input, parsed."""
    event: PlannedEvent
    changes: tuple[DeadlineChange, ...] = ()
    opened: tuple[Mapping[str, Any], ...] = ()
    """The columns of each deadline the transition opens."""
    notices: tuple[str, ...] = ()
    notice_deadlines: Mapping[str, date] = field(default_factory=dict)
    """The due date of each kind of deadline the case has had after the move, the latest one
    winning: what the notices cite."""
    closed_at: datetime | None = None
    opens_case: CaseToOpen | None = None
    informs: ParentToInform | None = None
    details: Mapping[str, Any] | None = None
    """The case's row of its procedure's detail table, when the transition changes it."""
    grants: AuthorisationGrant | None = None
    ends_grants: str | None = None
    """The status the case's authorisations in force take (``Transition.ends_grant``)."""

    @property
    def notice_fields(self) -> dict[str, Any]:
        return json_safe(self.values)


def checked(procedure: Procedure, case: CaseReading, trigger: str, *, role: str,
            values: Mapping[str, Any] | None, now: datetime,
            expected_version: int | None = None, tolerance_days: int = 0,
            deemed: frozenset[str] = frozenset()) -> tuple[Transition, dict, Context]:
    """Check that ``role`` may fire ``trigger`` on the case as read, with ``values``: the
    version the actor saw, the fields, their legal dates, the role and the guards.

    :return: the transition, the parsed values and the context they were checked in.
    :raise TransitionRefused: stale, not available, not permitted, guard failed, invalid field.
    """
    if expected_version is not None and expected_version != case.version:
        raise TransitionRefused(Refusal.STALE_VERSION, Label(STALE, STALE_KO))
    transition = procedure.transition(trigger) if procedure.has_trigger(trigger) else None
    parsed = parse_fields(transition, values or {}) if transition else {}
    context = case.context(role=role, now=now, values=parsed)
    transition = check(procedure, trigger, context, tolerance_days=tolerance_days,
                       deemed=deemed)
    return transition, parsed, context


def plan_transition(procedure: Procedure, case: CaseReading, trigger: str, *, role: str,
                    values: Mapping[str, Any] | None = None, now: datetime,
                    calendar: StatutoryCalendar, effective_at: datetime | None = None,
                    expected_version: int | None = None, tolerance_days: int = 0,
                    deemed: frozenset[str] = frozenset(),
                    payload: Mapping[str, Any] | None = None) -> TransitionPlan:
    """Plan ``trigger`` on the case as read; see :class:`TransitionPlan`.

    :param effective_at: the legal moment of the transition when it differs from now (a deemed
        grant processed after downtime takes effect on the day the statute says).
    :raise TransitionRefused: not available, not permitted, guard failed, invalid field, stale.
    """
    transition, parsed, context = checked(
        procedure, case, trigger, role=role, values=values, now=now,
        expected_version=expected_version, tolerance_days=tolerance_days, deemed=deemed)
    dest = moved_state(procedure, case.state, trigger)
    data = updated_data(transition, dict(case.data), parsed, replace(context, calendar=calendar))
    moment = effective_at or now
    ledger = _Ledger(case.deadlines)
    if transition.dest is not STAYS:
        previous = _leave_state(procedure, ledger, case.state, dest, trigger, data, moment)
        _settle_passed(procedure, ledger, case.state, trigger, dest, data, moment)
        _stop_and_restart(procedure, ledger, case.state, dest, moment, calendar, now)
    else:
        previous = _meet_in_place(procedure, ledger, case.state, trigger, data, moment)
    entered = Context(state=dest, role=role, now=now, data=data, values=parsed)
    _recompute_periods(procedure, ledger, transition, entered, calendar)
    running = {d.kind for d in ledger.current() if d.is_open}
    had = {(d.kind, d.due_date) for d in ledger.current()}
    opened = _opened(procedure, dest, entered, data, moment, calendar, previous, running, had,
                     repeating_only=transition.dest is STAYS)
    return _plan(procedure, transition, case, dest, data, parsed, context, moment, ledger,
                 opened, payload)


def plan_opening(procedure: Procedure, transition: Transition, *, role: str,
                 values: Mapping[str, Any], data: Mapping[str, Any], now: datetime,
                 calendar: StatutoryCalendar, effective_at: datetime | None = None,
                 linked: Mapping[str, Mapping[str, Any]] | None = None,
                 party: Mapping[str, Any] | None = None) -> TransitionPlan:
    """Plan the opening of a case by ``transition`` with ``values`` already checked (see
    :func:`checked`) and the case's first ``data``, with the facts the opening establishes
    (``records``: the day a count of Art. 299(1) starts from, when it applies), which may read
    the cases the values name (``linked``) and what is known of the party (``party``)."""
    context = Context(state="", role=role, now=now, data=data, values=values, calendar=calendar,
                      linked=linked or {}, party=party or {})
    if transition.records is not None:
        data = {**data, **json_safe(dict(transition.records(context)))}
        context = replace(context, data=data)
    moment = effective_at or now
    opened = _opened(procedure, transition.dest, context, data, moment, calendar, {}, set(),
                     set())
    return _plan(procedure, transition, CaseReading(procedure=procedure.code), transition.dest,
                 dict(data), values, context, moment, _Ledger(()), opened, None)


def _plan(procedure: Procedure, transition: Transition, case: CaseReading, dest: str,
          data: dict, parsed: Mapping[str, Any], context: Context, moment: datetime,
          ledger: _Ledger, opened: tuple, payload: Mapping[str, Any] | None) -> TransitionPlan:
    event = PlannedEvent(
        trigger=transition.trigger, from_state=case.state or None, to_state=dest,
        reason=reason_of(transition, parsed), article=article_for(transition.article, context),
        payload={"fields": json_safe(parsed), **(payload or {})}, effective_at=moment)
    notice_deadlines = {d.kind: d.due_date for d in ledger.current()}
    notice_deadlines.update({row["kind"]: row["due_date"] for row in opened})
    return TransitionPlan(
        procedure=procedure.code, trigger=transition.trigger, opening=transition.opening,
        from_state=case.state, to_state=dest, data=data, values=parsed, event=event,
        changes=ledger.changes(), opened=opened, notices=tuple(transition.notices),
        notice_deadlines=notice_deadlines,
        closed_at=moment if procedure.state(dest).terminal else None,
        opens_case=_case_to_open(transition, case, replace(context, data=data), moment),
        informs=_parent_to_inform(transition, data, parsed),
        details=_details(procedure, case, data, transition.opening),
        grants=_grant(transition, case, event.article, dest, data, parsed, moment),
        ends_grants=transition.ends_grant)


def expiry_trigger(on_expiry: str) -> str | None:
    """The transition a deadline expires into, from its stored ``on_expiry``
    (``transition:<trigger>``, see :class:`workflows.engine.Expiry`), or None (escalate,
    flag)."""
    kind, _, trigger = (on_expiry or "").partition(":")
    return trigger if kind == "transition" and trigger else None


def counts_again(procedure: Procedure, state: str, trigger: str) -> bool:
    """Whether a plan of ``trigger`` from ``state`` may count a deadline of the case again: a
    clock the state stopped restarts (Art. 128(4)) or the action recomputes a period (Art.
    132(6)). Only such a plan reads what the deadlines' dates were counted from
    (``StoredDeadline.complete``); a reader may leave it out of the others."""
    if not procedure.has_trigger(trigger):
        return False
    return bool(procedure.transition(trigger).recomputes or procedure.state(state).suspends)


def moved_state(procedure: Procedure, state: str, trigger: str) -> str:
    """The state the procedure's shared machine moves ``state`` to by ``trigger``, read from
    the machine's own transition table (firing the machine on a stand-in model costs a sweep
    of 10,000 cases half a second and says no more)."""
    transition = procedure.transition(trigger)
    if transition.opening:
        return transition.dest
    found = procedure.machine.events[trigger].transitions.get(state) \
        if trigger in procedure.machine.events else None
    if not found:
        raise TransitionRefused(Refusal.NOT_AVAILABLE, not_moved(trigger))
    return found[0].dest or state


def updated_data(transition: Transition, data: dict[str, Any], parsed: Mapping[str, Any],
                 context: Context | None = None) -> dict[str, Any]:
    """The case's data after the action: its counter raised, its stored fields and the facts it
    establishes (``records``) kept."""
    if transition.counts:
        data[transition.counts] = data.get(transition.counts, 0) + 1
    data.update(json_safe({f.name: parsed[f.name] for f in transition.fields if f.store}))
    if transition.records is not None and context is not None:
        data.update(json_safe(dict(transition.records(context))))
    return data


def reason_of(transition: Transition, parsed: Mapping[str, Any]) -> str | None:
    if transition.reason_field:
        return parsed.get(transition.reason_field) or None
    return None


_STORED = frozenset(StoredDeadline._fields)


class _Ledger:
    """The case's deadlines as the plan changes them: the current values, and what changed."""

    def __init__(self, deadlines: tuple[StoredDeadline, ...]) -> None:
        self._rows = {d.id: d for d in deadlines}
        self._changed: dict[int, dict[str, Any]] = {}

    def current(self) -> list[StoredDeadline]:
        return list(self._rows.values())

    def change(self, deadline: StoredDeadline, **columns: Any) -> StoredDeadline:
        updated = deadline._replace(**{
            name: tuple(value) if name == "suspensions" else value
            for name, value in columns.items() if name in _STORED})
        self._rows[deadline.id] = updated
        self._changed.setdefault(deadline.id, {}).update(columns)
        return updated

    def changes(self) -> tuple[DeadlineChange, ...]:
        return tuple(DeadlineChange(i, self._rows[i].kind, c) for i, c in self._changed.items())


def _leave_state(procedure: Procedure, ledger: _Ledger, left: str, dest: str, trigger: str,
                 data: Mapping[str, Any], moment: datetime) -> dict[str, StoredDeadline]:
    """Close the open deadlines of the state the case leaves; return them by kind.

    A deadline met by the move is ``met``; the one whose expiry fired it was already claimed as
    ``missed`` by the sweep. Deadlines of other states (a licence's validity) run on.
    """
    closed = {}
    for deadline in ledger.current():
        if not deadline.is_open:
            continue
        outcome = settle(procedure, left, trigger, dest, deadline.kind)
        if outcome is None:
            continue
        columns = {"status": "met" if outcome == "met" else "cancelled", "closed_at": moment,
                   "closed_reason": closed_reason(outcome, trigger)}
        if outcome == "met" and (day := met_on(procedure, deadline.kind, data)):
            columns.update(closed_at=start_of_legal_day(day),
                           closed_reason=f"met on {day} (recorded by '{trigger}')")
        closed[deadline.kind] = ledger.change(deadline, **columns, next_reminder_on=None,
                                              suspended_since=None)
    return closed


def _meet_in_place(procedure: Procedure, ledger: _Ledger, state: str, trigger: str,
                   data: Mapping[str, Any], moment: datetime) -> dict[str, StoredDeadline]:
    """An action that keeps the case in its state meets the repeating duties that name it
    (``Deadline.repeats``, ``met_by``): a running one is met, a passed one is settled as done
    late. Nothing else changes."""
    met = {}
    for deadline in ledger.current():
        spec = procedure.deadline_spec(deadline.kind)
        if spec is None or not spec.repeats or trigger not in spec.met_by:
            continue
        if deadline.is_open:
            met[deadline.kind] = ledger.change(
                deadline, status="met", closed_at=moment,
                closed_reason=closed_reason("met", trigger), next_reminder_on=None,
                suspended_since=None)
        elif deadline.passed_unsettled:
            ledger.change(deadline, settlement=str(Settlement.MET), settled_at=moment)
    return met


def _settle_passed(procedure: Procedure, ledger: _Ledger, left: str, trigger: str, dest: str,
                   data: Mapping[str, Any], moment: datetime) -> None:
    """A duty still owed after its deadline passed is settled by the same rule that meets a
    running one: done late, made moot by the case ending, or the lapse's own consequence."""
    for deadline in ledger.current():
        if not deadline.passed_unsettled:
            continue
        how = settle_passed(procedure, left, trigger, dest, deadline.kind, deadline.on_expiry)
        if how is None:
            continue
        day = met_on(procedure, deadline.kind, data) if how is Settlement.MET else None
        if day is not None and day <= deadline.due_date:
            # Met in time, recorded after the sweep saw the period pass (a decision served on
            # the last day and recorded the week after): it was never missed.
            ledger.change(deadline, status="met", closed_at=start_of_legal_day(day),
                          closed_reason=f"met on {day} (recorded by '{trigger}' after the "
                                        "period had been seen to pass)")
            continue
        ledger.change(deadline, settlement=str(how),
                      settled_at=start_of_legal_day(day) if day is not None else moment)


def _stop_and_restart(procedure: Procedure, ledger: _Ledger, left: str, entered: str,
                      moment: datetime, calendar: StatutoryCalendar, now: datetime) -> None:
    """Stop the clocks the entered state stops; restart those the left state had stopped.

    The days not counted are those of the stopping period itself (Art. 128(4): "the revision
    period"), counted as the Act counts a period (Art. 8, Civil Act 157): from the day after
    the order, to the day the revision arrives, or to the last day of the ordered period when
    it lapses (its end at 24:00 restarts the clock on the next day).
    """
    state = procedure.state(left)
    stopped_before = set(state.suspends)
    stopped_now = set(procedure.state(entered).suspends)
    if stopped_before == stopped_now:
        return  # most moves: no clock stops or restarts
    first_stopped = clock.seoul_date(moment) + timedelta(days=1)
    restarts_on = clock.seoul_date(moment - timedelta(microseconds=1)) + timedelta(days=1)
    for deadline in ledger.current():
        if not deadline.is_open:
            continue
        if deadline.kind in stopped_before - stopped_now and deadline.suspended_since:
            ledger.change(deadline, **resumed_columns(
                deadline, restarts_on, article=state.article, reason=state.label_en.lower(),
                calendar=calendar, today=clock.seoul_date(now)))
        elif deadline.kind in stopped_now - stopped_before and not deadline.suspended_since:
            ledger.change(deadline, suspended_since=first_stopped)


def _recompute_periods(procedure: Procedure, ledger: _Ledger, transition: Transition,
                       context: Context, calendar: StatutoryCalendar) -> None:
    """Count again a running period that depends on what the action changed (Art. 132(6))."""
    for deadline in ledger.current():
        if not deadline.is_open or deadline.kind not in transition.recomputes:
            continue
        spec = procedure.deadline_spec(deadline.kind)
        period = spec.period_for(context)
        if period != deadline.period:
            changed = deadline._replace(period=period)
            ledger.change(deadline, period=period, **due_columns(recomputed_due(
                changed, calendar, starts_at_midnight=spec.starts_at_midnight)))


def _opened(procedure: Procedure, state: str, context: Context, data: Mapping[str, Any],
            moment: datetime, calendar: StatutoryCalendar,
            previous: Mapping[str, StoredDeadline], running: set[str],
            had: set[tuple[str, date]], *, repeating_only: bool = False) -> tuple[dict, ...]:
    """The deadlines the entered state declares, except one of a kind that still runs on, and
    a repeating one (``Deadline.repeats``) from a start the case already had it from (its due
    date is already on the case). An action that keeps the case in its state opens only the
    repeating ones."""
    opened = []
    for spec in procedure.deadlines_of(state):
        if spec.start.kind is StartKind.EVENT or spec.kind in running:
            continue
        if repeating_only and not spec.repeats:
            continue
        if spec.start.optional and data.get(spec.start.key) is None:
            continue
        start = start_of(spec, data, moment, previous)
        row = opened_row(spec, context, start, calendar)
        if spec.repeats and (spec.kind, row["due_date"]) in had:
            continue
        opened.append(row)
    return tuple(opened)


def start_of(spec, data: Mapping[str, Any], moment: datetime,
             previous: Mapping[str, StoredDeadline]) -> date | datetime:
    """Where a declared period starts: the move, a date of the case, or the end of the
    period it extends."""
    kind = spec.start.kind
    if kind is StartKind.ENTERED:
        return moment
    if kind in (StartKind.DATA, StartKind.BACKWARD):
        raw = data.get(spec.start.key)
        if raw is None:
            raise TransitionRefused(Refusal.INVALID_FIELD, Label(
                f"the case has no {spec.start.key} to count {spec.kind} from",
                f"'{_ko(spec.label)}'의 기산일({spec.start.key})이 사건에 없습니다"))
        return clock.as_date(raw)
    if kind is StartKind.PREVIOUS:
        before = previous.get(spec.start.key)
        if before is None:
            raise TransitionRefused(Refusal.NOT_AVAILABLE, Label(
                f"no running {spec.start.key} period to extend",
                f"연장할 진행 중인 기간({spec.start.key})이 없습니다"))
        return before.due_at  # 24:00 of its last day: the extension runs on from there
    raise ValueError(f"unsupported start {kind}")


def _case_to_open(transition: Transition, case: CaseReading, context: Context,
                  moment: datetime) -> CaseToOpen | None:
    """The case the action opens: a reinvestigation a decision orders, at the disposing office
    (the scope it orders), or the case its declaration fills (``Transition.spawn_values``: the
    goods a seizure takes). Either way the new case knows the case that opened it."""
    if not transition.spawns:
        return None
    values = transition.spawn_values(context) if transition.spawn_values else {
        "scope": context.data.get("scope"), "decided_on": clock.seoul_date(moment),
        "ordered_by": case.procedure}
    if values is None:  # the declaration says this action opens nothing this time
        return None
    return CaseToOpen(procedure=transition.spawns,
                      values={**values, "parent_reference": case.reference})


def _details(procedure: Procedure, case: CaseReading, data: Mapping[str, Any],
             opening: bool) -> dict[str, Any] | None:
    """The case's detail row after the move, when the procedure declares a detail table and
    the move changes the row (or opens the case)."""
    if procedure.details is None or (not opening and data == case.data):
        return None
    row = procedure.details.row(data)
    return row if opening or row != procedure.details.row(case.data) else None


def _grant(transition: Transition, case: CaseReading, article: str, dest: str,
           data: Mapping[str, Any], parsed: Mapping[str, Any],
           moment: datetime) -> AuthorisationGrant | None:
    """The authorisation the transition grants, valid from the legal day of its moment unless
    the declaration says otherwise (a deemed grant at 00:00 of the day after the period)."""
    grant = transition.grants
    if grant is None:
        return None
    context = Context(state=dest, role=SYSTEM, now=moment, data=data, values=parsed)
    valid_from = (grant.valid_from(context) if grant.valid_from else None) \
        or clock.seoul_date(moment)
    return AuthorisationGrant(
        kind=grant.kind_for(context),
        number=grant.number(context, case.reference) if grant.number else case.reference,
        article=article,
        valid_from=valid_from, valid_to=grant.valid_to(context) if grant.valid_to else None)


def _parent_to_inform(transition: Transition, data: Mapping[str, Any],
                      parsed: Mapping[str, Any]) -> ParentToInform | None:
    reference = data.get("parent_reference")
    if not transition.informs or not reference:
        return None
    return ParentToInform(reference=reference, trigger=transition.informs, values=parsed)


def closed_reason(outcome: str, trigger: str) -> str:
    return {"met": f"met by '{trigger}'",
            "superseded": f"replaced by the period '{trigger}' opened again"}.get(
        outcome, f"the case ended by '{trigger}'")


def met_on(procedure: Procedure, kind: str, data: Mapping[str, Any] | None) -> date | None:
    """The day a deadline was legally met, when it declares one (``met_on``: a written decision
    is served, Art. 128(3)) and the case's data holds it."""
    spec = procedure.deadline_spec(kind)
    return clock.as_date((data or {}).get(spec.met_on)) if spec is not None and spec.met_on \
        else None


def _ko(label: Label) -> str:
    return label.ko or label.en


def start_of_legal_day(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=clock.SEOUL)


def preview_dues(procedure: Procedure, case: CaseReading, trigger: str,
                 values: Mapping[str, Any], now: datetime,
                 calendar: StatutoryCalendar) -> dict[str, date]:
    """The due dates the case would have after ``trigger`` with ``values``, nothing checked.

    For a preview of the notice the transition issues (a revision order states the end of its
    revision period, an extension the new end of the processing period).
    """
    transition = procedure.transition(trigger)
    current = {d.kind: d for d in case.open_deadlines}
    dues = {kind: d.due_date for kind, d in current.items()}
    if transition.dest is STAYS:
        return dues
    data = updated_data(transition, dict(case.data), values)
    context = Context(state=transition.dest, role=SYSTEM, now=now, data=data, values=values)
    for spec in procedure.deadlines_of(transition.dest):
        if spec.start.kind in (StartKind.EVENT, StartKind.BACKWARD):
            continue
        try:
            start = start_of(spec, data, now, current)
        except TransitionRefused:
            continue  # its start is not known before the action: no date to show
        dues[spec.kind] = calendar.due(start, spec.period_for(context), rollover=spec.rollover,
                                       starts_at_midnight=spec.starts_at_midnight).due_date
    return dues
