"""Firing transitions on cases: one database transaction each, or nothing at all.

The pure rules (who may fire what, guards, fields) are in :mod:`workflows.engine`; this module
adds what needs the database: the optimistic lock, the audit event, closing the deadlines a move
satisfies and opening the new ones through the statutory calendar. Callers commit; on any
:class:`TransitionRefused` or database error they roll back, and nothing has changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from flask import current_app, has_app_context, has_request_context
from sqlalchemy import inspect, select

from backoffice.audit import append_event
from backoffice.cases.operations import open_case
from backoffice.deadlines import standing
from backoffice.deadlines.operations import (
    open_deadline_from_spec,
    recompute,
    resume,
    suspend,
)
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline, DeadlineStatus, Office, Party, User
from backoffice.notices.issue import issue_notices, render_notice, reserve_numbers
from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.engine import (
    STAYS,
    SYSTEM,
    Action,
    Context,
    DeadlineView,
    Procedure,
    Refusal,
    Settlement,
    StartKind,
    TransitionRefused,
    article_for,
    available_actions,
    check,
    json_safe,
    move,
    parse_fields,
    settle,
    settle_passed,
)
from workflows.procedures import procedure_for
from workflows.procedures.appeals import EXCLUSIVE_ROUTES, filing_period, posted_in_time_counts


def role_of(actor: User | None) -> str:
    return actor.role if actor is not None else SYSTEM


def open_deadlines_of(case: Case) -> list[Deadline]:
    if case.id is None:
        return []
    return list(db.session.scalars(
        select(Deadline).where(Deadline.case_id == case.id,
                               Deadline.status == DeadlineStatus.OPEN)
    ))


def passed_duties_of(case: Case) -> list[Deadline]:
    """The case's deadlines that have passed while their duty is still owed (see
    :mod:`backoffice.deadlines.standing`)."""
    if case.id is None:
        return []
    return list(db.session.scalars(
        select(Deadline).where(Deadline.case_id == case.id, standing.unsettled_clause())
    ))


def latest_deadlines_of(case: Case) -> list[Deadline]:
    """The case's deadlines, oldest first (so the newest of each kind is read last)."""
    if case.id is None:
        return []
    return list(db.session.scalars(
        select(Deadline).where(Deadline.case_id == case.id).order_by(Deadline.id)))


def legal_history_of(case: Case) -> tuple[date | None, dict[str, date]]:
    """The legal day the case entered its current state, and the legal day each action last
    happened on it: the events a date typed in an action follows (``Field.follows``)."""
    if case.id is None:
        return None, {}
    rows = db.session.execute(
        select(CaseEvent.trigger, CaseEvent.from_state, CaseEvent.to_state,
               CaseEvent.effective_at)
        .where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq)).all()
    entered, happened = None, {}
    for trigger, left, reached, moment in rows:
        day = clock.seoul_date(moment)
        happened[trigger] = day
        if reached == case.state and (left != reached or entered is None):
            entered = day
    return entered, happened


def future_tolerance_days() -> int:
    """How many days after today a legal date of something that has happened may be
    (``LEGAL_DATE_FUTURE_TOLERANCE_DAYS``, see :mod:`workflows.legal_dates`)."""
    return int(current_app.config.get("LEGAL_DATE_FUTURE_TOLERANCE_DAYS", 0)) \
        if has_app_context() else 0


def context_for(case: Case | None, role: str, values: Mapping[str, Any], now: datetime,
                deadlines: list[Deadline] | None = None) -> Context:
    every = latest_deadlines_of(case) if case is not None else []
    entered_on, happened = legal_history_of(case) if case is not None else (None, {})
    if deadlines is None:
        deadlines = [d for d in every if d.status == DeadlineStatus.OPEN]
    return Context(
        state=case.state if case is not None else "",
        role=role,
        now=now,
        data=dict(case.data or {}) if case is not None else {},
        values=values,
        open_deadlines={
            d.kind: DeadlineView(d.kind, d.due_date, d.due_at, d.status) for d in deadlines
        },
        deadlines={
            d.kind: DeadlineView(d.kind, d.due_date, d.due_at, d.status, d.closed_at)
            for d in every
        },
        entered_on=entered_on,
        happened=happened,
    )


def actions_for(case: Case, user: User, now: datetime | None = None) -> list[Action]:
    """Return what ``user`` may do on ``case`` now, each with the reason it is blocked, if any."""
    procedure = procedure_for(case.procedure)
    return available_actions(procedure, context_for(case, user.role, {}, now or clock.now()))


def open_procedure_case(
    procedure_code: str,
    *,
    party: Party,
    office: Office,
    actor: User | None,
    values: Mapping[str, Any],
    data: Mapping[str, Any] | None = None,
    assigned_officer: User | None = None,
    effective_at: datetime | None = None,
    calendar: StatutoryCalendar | None = None,
    trigger: str | None = None,
) -> Case:
    """Open a case through an opening transition (the first declared, or ``trigger``)."""
    procedure = procedure_for(procedure_code)
    opening = procedure.transition(trigger) if trigger else procedure.openings[0]
    if not opening.opening:
        raise TransitionRefused(Refusal.NOT_AVAILABLE, f"{trigger!r} does not open a case")
    now = clock.now()
    parsed = check_opening(procedure_code, opening, party=party, actor=actor, values=values,
                           now=now)
    role = role_of(actor)
    stored = {f.name: parsed[f.name] for f in opening.fields if f.store}
    calendar = calendar or load_calendar()
    case_data = {**_configured_data(procedure_code, parsed), **(data or {}), **json_safe(stored),
                 **_filing_period(procedure_code, parsed, calendar)}
    context = Context("", role, now, case_data, parsed, {})
    numbers = reserve_numbers(office, opening.notices, now)
    article = article_for(opening.article, context)
    case = open_case(
        procedure=procedure_code, party=party, office=office, state=opening.dest, actor=actor,
        article=article, trigger=opening.trigger,
        reason=_reason(opening, parsed), data=case_data, assigned_officer=assigned_officer,
        payload={"fields": json_safe(parsed), **_notices_payload(opening, numbers)},
        effective_at=effective_at,
    )
    _enter_state(procedure, case, opening.dest, context, effective_at or now, calendar,
                 previous={})
    if numbers:
        _issue(case, numbers, opening, article=article, parsed=parsed, event_seq=1,
               actor=actor, now=now, calendar=calendar)
    db.session.flush()
    return case


def check_opening(procedure_code: str, opening, *, party: Party, actor: User | None,
                  values: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """Check that ``actor`` may open a case with ``values`` now (fields, role, guards), writing
    nothing; return the parsed values. The same check :func:`open_procedure_case` makes, for a
    page that shows "check your answers" before filing.

    :raise TransitionRefused: an invalid field, a role that may not, a guard that refuses.
    """
    parsed = parse_fields(opening, values)
    check(procedure_for(procedure_code), opening.trigger,
          Context("", role_of(actor), now, _opening_facts(procedure_code, party, parsed),
                  parsed, {}), tolerance_days=future_tolerance_days())
    return parsed


def _issue(case: Case, numbers: list[str], transition, *, article: str,
           parsed: Mapping[str, Any], event_seq: int, actor: User | None, now: datetime,
           calendar: StatutoryCalendar) -> None:
    """Issue the transition's notices; in a web request a single notice is rendered at once,
    so the officer can download it straight away (the scheduler's job renders the rest)."""
    notices = issue_notices(case, numbers, transition.notices, trigger=transition.trigger,
                            article=article, reason=_reason(transition, parsed),
                            fields=json_safe(parsed), event_seq=event_seq, actor=actor,
                            issued_at=now, calendar=calendar)
    if has_request_context() and len(notices) == 1:
        db.session.flush()
        render_notice(notices[0])


def _notices_payload(transition, numbers: list[str]) -> dict[str, Any]:
    """The event names the notices the transition issues, by kind and by number."""
    if not transition.notices:
        return {}
    return {"notices": list(transition.notices), "notice_numbers": numbers}


def _opening_facts(procedure_code: str, party: Party, parsed: Mapping[str, Any]) -> dict:
    """Facts the guards of an opening need from the database (Art. 119(10) routes)."""
    reference = parsed.get("disposition_ref")
    if procedure_code not in EXCLUSIVE_ROUTES or not reference:
        return {}
    others = db.session.scalars(
        select(Case.procedure).where(
            Case.party_id == party.id,
            Case.procedure.in_(EXCLUSIVE_ROUTES - {procedure_code}),
            Case.state != "withdrawn",
            Case.data["disposition_ref"].as_string() == reference,
        )
    ).all()
    return {"other_routes": sorted(set(others))}


def _filing_period(procedure_code: str, parsed: Mapping[str, Any],
                   calendar: StatutoryCalendar) -> dict[str, Any]:
    """Compute the filing period of an appeal and whether it was filed in time (Art. 121).

    A late appeal is still received and recorded; it is dismissed under 128(1)1(b). A request
    posted within the period and arriving after it is deemed filed on the period's last day
    (Art. 121(3)): the date of posting decides, not the filing rule alone. A route with no end
    (121(2) proviso: after an objection's decision period passed undecided) is always in time.
    """
    rule = filing_period(procedure_code, parsed)
    if rule is None or not parsed.get("filed_on"):
        return {}
    start_field, period = rule
    if period is None:
        return {"filed_in_time": True}
    due = calendar.due(parsed[start_field], period, start_label=start_field.replace("_", " "))
    arrived = parsed["filed_on"]
    facts = {"filing_period_ends": due.due_date.isoformat(),
             "filed_in_time": arrived <= due.due_date}
    posted = parsed.get("posted_on")
    if parsed.get("filing_rule") == "posted_late" and arrived > due.due_date:
        if (posted is not None and posted <= due.due_date
                and posted_in_time_counts(procedure_code, parsed)):
            facts.update(filed_on=due.due_date.isoformat(), filed_in_time=True,
                         received_on=arrived.isoformat())
        else:
            facts.update(received_on=arrived.isoformat())
    return facts


def _configured_data(procedure_code: str, parsed: Mapping[str, Any]) -> dict[str, Any]:
    """Data a deployment configures per case when it opens, as the procedure declares it
    (``Procedure.configured``)."""
    configured = procedure_for(procedure_code).configured
    return dict(configured(current_app.config, parsed)) if configured else {}


def fire(
    case: Case,
    trigger: str,
    *,
    actor: User | None,
    values: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
    effective_at: datetime | None = None,
    now: datetime | None = None,
    calendar: StatutoryCalendar | None = None,
    payload: Mapping[str, Any] | None = None,
) -> CaseEvent:
    """Fire ``trigger`` on ``case`` and record it; the caller commits or rolls back.

    :param expected_version: the version of the case the actor saw; another one means someone
        acted in between (the ORM's version check also catches a race during this flush).
    :param effective_at: the legal moment of the transition when it differs from now (a deemed
        grant processed after downtime takes effect on the day the statute says).
    :raise TransitionRefused: not available, not permitted, guard failed, invalid field, stale.
    """
    procedure = procedure_for(case.procedure)
    now = now or clock.now()
    if inspect(case).persistent:
        # Read the case as it is now (and lock it on PostgreSQL): an officer who acted a moment
        # ago is seen, and this one is refused with the state the case is really in.
        db.session.refresh(case, with_for_update=True)
    open_now = open_deadlines_of(case)
    transition, parsed, context = check_action(case, trigger, role=role_of(actor),
                                               values=values, expected_version=expected_version,
                                               now=now, deadlines=open_now,
                                               deemed=_deemed_dates(values, payload))
    before = case.state
    move(procedure, case, trigger)
    case.data = _updated_data(transition, dict(case.data or {}), parsed, context)
    moment = effective_at or now
    if transition.spawns:
        spawned = _spawn(case, transition.spawns, actor, moment, calendar)
        payload = {**(payload or {}), "opened": spawned.reference}
    moves = transition.dest is not STAYS
    previous = {}
    if moves:
        previous = _leave_state(procedure, case, before, open_now, trigger, moment)
        _settle_passed_duties(procedure, before, trigger, case.state, passed_duties_of(case),
                              moment, case.data)
        _stop_and_restart_clocks(procedure, before, case.state, open_now, moment)
    numbers = reserve_numbers(case.office, transition.notices, now)
    article = article_for(transition.article, context)
    event = append_event(
        case, actor=actor, trigger=trigger, from_state=before, to_state=case.state,
        reason=_reason(transition, parsed), article=article,
        payload={"fields": json_safe(parsed), **_notices_payload(transition, numbers),
                 **(payload or {})},
        effective_at=moment,
    )
    entered = Context(case.state, context.role, now, dict(case.data or {}), parsed, {})
    _recompute_periods(procedure, transition, open_now, entered, calendar)
    if moves:
        _enter_state(procedure, case, case.state, entered, moment, calendar or load_calendar(),
                     previous,
                     running={d.kind for d in open_now if d.status == DeadlineStatus.OPEN})
    if procedure.state(case.state).terminal:
        case.closed_at = moment
    if numbers:
        _issue(case, numbers, transition, article=article, parsed=parsed, event_seq=event.seq,
               actor=actor, now=now, calendar=calendar or load_calendar())
    if transition.informs:
        _inform_parent(case, transition.informs, parsed, actor, moment, now, calendar)
    db.session.flush()
    return event


def _inform_parent(case: Case, trigger: str, values: Mapping[str, Any], actor: User | None,
                   moment: datetime, now: datetime, calendar: StatutoryCalendar | None) -> None:
    """Complete ``trigger`` on the case that opened ``case``, when its state takes it (a
    parent withdrawn in the meantime has nothing to wait for)."""
    reference = (case.data or {}).get("parent_reference")
    parent = db.session.scalar(select(Case).where(Case.reference == reference)) \
        if reference else None
    if parent is None:
        return
    procedure = procedure_for(parent.procedure)
    if not procedure.has_trigger(trigger) or parent.state not in (
            procedure.transition(trigger).source):
        return
    by = actor.username if actor is not None else SYSTEM
    fire(parent, trigger, actor=None, values=values, effective_at=moment, now=now,
         calendar=calendar, payload={"from": case.reference, "recorded_by": by})


def _deemed_dates(values: Mapping[str, Any] | None,
                  payload: Mapping[str, Any] | None) -> frozenset[str]:
    """The dates of ``values`` the law fixes rather than a person types: the service of a
    notice by public notice is deemed made 14 days after its publication (Art. 11(2)), a day
    that may lie ahead. The notice service records the publication in the event's payload."""
    if not (payload or {}).get("published_on"):
        return frozenset()
    return frozenset(values or ())


def check_action(case: Case, trigger: str, *, role: str, values: Mapping[str, Any] | None,
                 expected_version: int | None, now: datetime,
                 deadlines: list[Deadline] | None = None,
                 deemed: frozenset[str] = frozenset()):
    """Check that ``role`` may fire ``trigger`` on ``case`` as it is, with ``values``, writing
    nothing: the version the actor saw, the fields, their legal dates against the case, the
    role and the guards. :func:`fire` makes these checks, and so does a page that asks to
    confirm an action first.

    :return: the transition, the parsed values and the context they were checked in.
    :raise TransitionRefused: stale, not available, not permitted, guard failed, invalid field.
    """
    procedure = procedure_for(case.procedure)
    if expected_version is not None and expected_version != case.version:
        raise TransitionRefused(
            Refusal.STALE_VERSION,
            "someone else changed this case while you were working on it; reload it and try again",
        )
    transition = procedure.transition(trigger) if procedure.has_trigger(trigger) else None
    parsed = parse_fields(transition, values or {}) if transition else {}
    context = context_for(case, role, parsed, now, deadlines)
    return check(procedure, trigger, context, tolerance_days=future_tolerance_days(),
                 deemed=deemed), parsed, context


def _updated_data(transition, data: dict[str, Any], parsed: Mapping[str, Any],
                  context: Context | None = None) -> dict[str, Any]:
    """The case's data after the action: its counter raised, its stored fields and the facts it
    establishes (``records``) kept."""
    if transition.counts:
        data[transition.counts] = data.get(transition.counts, 0) + 1
    data.update(json_safe({f.name: parsed[f.name] for f in transition.fields if f.store}))
    if transition.records is not None and context is not None:
        data.update(json_safe(dict(transition.records(context))))
    return data


def _spawn(case: Case, procedure_code: str, actor: User | None, moment: datetime,
           calendar: StatutoryCalendar | None) -> Case:
    """Open the case a decision orders (a reinvestigation at the disposing office)."""
    values = {"scope": (case.data or {}).get("scope"),
              "decided_on": moment.astimezone(clock.SEOUL).date(),
              "ordered_by": case.procedure, "parent_reference": case.reference}
    return open_procedure_case(procedure_code, party=case.party, office=case.office,
                               actor=actor, values=values, effective_at=moment,
                               assigned_officer=case.assigned_officer, calendar=calendar)


def _reason(transition, parsed: Mapping[str, Any]) -> str | None:
    if transition.reason_field:
        return parsed.get(transition.reason_field) or None
    return None


def _leave_state(procedure: Procedure, case: Case, state: str, open_now: list[Deadline],
                 trigger: str, moment: datetime) -> dict[str, Deadline]:
    """Close the open deadlines of the state the case leaves; return them by kind.

    A deadline met by the move is ``met``; the one whose expiry fired it was already claimed as
    ``missed`` by the sweep. Deadlines of other states (a licence's validity) run on.
    """
    closed = {}
    for deadline in open_now:
        if deadline.status != DeadlineStatus.OPEN:
            continue
        outcome = settle(procedure, state, trigger, case.state, deadline.kind)
        if outcome is None:
            continue
        deadline.status = DeadlineStatus.MET if outcome == "met" else DeadlineStatus.CANCELLED
        deadline.closed_at = moment
        deadline.closed_reason = closed_reason(outcome, trigger)
        if outcome == "met" and (day := _met_on(procedure, deadline.kind, case.data)):
            deadline.closed_at = _start_of_legal_day(day)
            deadline.closed_reason = f"met on {day} (recorded by '{trigger}')"
        deadline.next_reminder_on = None
        deadline.suspended_since = None
        closed[deadline.kind] = deadline
    return closed


def _settle_passed_duties(procedure: Procedure, left: str, trigger: str, entered: str,
                          passed: list[Deadline], moment: datetime,
                          data: Mapping[str, Any] | None = None) -> None:
    """A duty still owed after its deadline passed is settled by the same rule that meets a
    running one: done late, made moot by the case ending, or the lapse's own consequence."""
    for deadline in passed:
        how = settle_passed(procedure, left, trigger, entered, deadline.kind, deadline.on_expiry)
        if how is None:
            continue
        day = _met_on(procedure, deadline.kind, data) if how is Settlement.MET else None
        if day is not None and day <= deadline.due_date:
            # Met in time, recorded after the sweep saw the period pass (a decision served on
            # the last day and recorded the week after): it was never missed.
            deadline.status = DeadlineStatus.MET
            deadline.closed_at = _start_of_legal_day(day)
            deadline.closed_reason = (f"met on {day} (recorded by '{trigger}' after the "
                                      "period had been seen to pass)")
            continue
        deadline.settled_at = _start_of_legal_day(day) if day is not None else moment
        deadline.settlement = how


def closed_reason(outcome: str, trigger: str) -> str:
    return {"met": f"met by '{trigger}'",
            "superseded": f"replaced by the period '{trigger}' opened again"}.get(
        outcome, f"the case ended by '{trigger}'")


def _met_on(procedure: Procedure, kind: str, data: Mapping[str, Any] | None) -> date | None:
    """The day a deadline was legally met, when it declares one (``met_on``: a written decision
    is served, Art. 128(3)) and the case's data holds it."""
    spec = procedure.deadline_spec(kind)
    return clock.as_date((data or {}).get(spec.met_on)) if spec is not None and spec.met_on \
        else None


def _start_of_legal_day(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=clock.SEOUL)


def _recompute_periods(procedure: Procedure, transition, open_now: list[Deadline],
                       context: Context, calendar: StatutoryCalendar | None) -> None:
    for deadline in open_now:
        if deadline.status != DeadlineStatus.OPEN or deadline.kind not in transition.recomputes:
            continue
        spec = procedure.deadline_spec(deadline.kind)
        period = spec.period_for(context)
        if period != deadline.period:
            deadline.period = period
            recompute(deadline, calendar or load_calendar())


def _stop_and_restart_clocks(procedure: Procedure, left: str, entered: str,
                             open_now: list[Deadline], moment: datetime) -> None:
    """Stop the clocks the entered state stops; restart those the left state had stopped.

    The days not counted are those of the stopping period itself (Art. 128(4): "the revision
    period"), counted as the Act counts a period (Art. 8, Civil Act 157): from the day after
    the order, to the day the revision arrives, or to the last day of the ordered period when
    it lapses (its end at 24:00 restarts the clock on the next day).
    """
    first_stopped = moment.astimezone(clock.SEOUL).date() + timedelta(days=1)
    restarts_on = (moment - timedelta(microseconds=1)).astimezone(clock.SEOUL).date() \
        + timedelta(days=1)
    stopped_before = set(procedure.state(left).suspends)
    stopped_now = set(procedure.state(entered).suspends)
    state = procedure.state(left)
    for deadline in open_now:
        if deadline.status != DeadlineStatus.OPEN:
            continue
        if deadline.kind in stopped_before - stopped_now and deadline.suspended_since:
            resume(deadline, restarts_on, article=state.article, reason=state.label_en.lower())
        elif deadline.kind in stopped_now - stopped_before:
            suspend(deadline, first_stopped)


def _enter_state(procedure: Procedure, case: Case, state: str, context: Context,
                 moment: datetime, calendar: StatutoryCalendar,
                 previous: Mapping[str, Deadline],
                 running: set[str] = frozenset()) -> list[Deadline]:
    """Open the deadlines the state declares, except one of a kind that still runs on."""
    opened = []
    for spec in procedure.deadlines_of(state):
        if spec.start.kind is StartKind.EVENT or spec.kind in running:
            continue
        if spec.start.optional and (case.data or {}).get(spec.start.key) is None:
            continue
        start = _start_of(spec, case.data or {}, moment, previous)
        opened.append(open_deadline_from_spec(case, spec, context, start, calendar))
    return opened


def _start_of(spec, data: Mapping[str, Any], moment: datetime,
              previous: Mapping[str, Deadline]):
    kind = spec.start.kind
    if kind is StartKind.ENTERED:
        return moment
    if kind in (StartKind.DATA, StartKind.BACKWARD):
        raw = data.get(spec.start.key)
        if raw is None:
            raise TransitionRefused(Refusal.INVALID_FIELD,
                                    f"the case has no {spec.start.key} to count {spec.kind} from")
        return clock.as_date(raw)
    if kind is StartKind.PREVIOUS:
        before = previous.get(spec.start.key)
        if before is None:
            raise TransitionRefused(Refusal.NOT_AVAILABLE,
                                    f"no running {spec.start.key} period to extend")
        return before.due_at  # 24:00 of its last day: the extension runs on from there
    raise ValueError(f"unsupported start {kind}")


def start_awaited_deadlines(case: Case, event_name: str, at: datetime | date,
                            calendar: StatutoryCalendar | None = None) -> list[Deadline]:
    """Open the deadlines of the case's state that wait for ``event_name`` (e.g. a service)."""
    procedure = procedure_for(case.procedure)
    context = Context.reading(case.state, case.data, clock.now())
    calendar = calendar or load_calendar()
    opened = []
    for spec in procedure.deadlines_of(case.state):
        if spec.start.kind is StartKind.EVENT and spec.start.key == event_name:
            opened.append(open_deadline_from_spec(case, spec, context, at, calendar))
    db.session.flush()
    return opened


def deadlines_after(case: Case, trigger: str, values: Mapping[str, Any], now: datetime,
                    calendar: StatutoryCalendar) -> dict[str, date]:
    """The due dates the case would have after ``trigger`` with ``values``, nothing written.

    For a preview of the notice the transition issues (a revision order states the end of its
    revision period, an extension the new end of the processing period).
    """
    procedure = procedure_for(case.procedure)
    transition = procedure.transition(trigger)
    current = {d.kind: d for d in open_deadlines_of(case)}
    dues = {kind: d.due_date for kind, d in current.items()}
    if transition.dest is STAYS:
        return dues
    data = _updated_data(transition, dict(case.data or {}), values)
    context = Context(transition.dest, SYSTEM, now, data, values, {})
    for spec in procedure.deadlines_of(transition.dest):
        if spec.start.kind in (StartKind.EVENT, StartKind.BACKWARD):
            continue
        try:
            start = _start_of(spec, data, now, current)
        except TransitionRefused:
            continue  # its start is not known before the action: no date to show
        dues[spec.kind] = calendar.due(start, spec.period_for(context), rollover=spec.rollover,
                                       starts_at_midnight=spec.starts_at_midnight).due_date
    return dues
