"""Firing a transition on one case, in the caller's transaction: read, plan, write.

The plan (:mod:`workflows.engine.plan`) decides everything; this module reads the case for it
(locking the row on PostgreSQL), writes the plan with the ORM (the optimistic lock, the audit
event, the deadlines, the notices), opens the case the plan opens and informs the parent it
informs. Callers commit; on any :class:`TransitionRefused` or database error they roll back,
and nothing has changed. The sweep writes the same plans in batches (:mod:`jobs.bulk`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import inspect, select, update

from backoffice.audit import append_event
from backoffice.cases.operations import open_case
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import (
    Authorisation,
    AuthorisationStatus,
    Case,
    CaseEvent,
    Deadline,
    Notice,
    Office,
    Party,
    User,
)
from backoffice.models.details import write_details
from backoffice.notices.after_commit import render_once_committed
from backoffice.notices.issue import planned_notice_rows, reserve_numbers
from backoffice.transitions import inputs
from backoffice.transitions.reading import deadlines_of, read_case
from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.engine import (
    SYSTEM,
    Context,
    Refusal,
    TransitionRefused,
    check,
    json_safe,
    parse_fields,
)
from workflows.engine.plan import TransitionPlan, plan_opening, plan_transition
from workflows.procedures import procedure_for


def role_of(actor: User | None) -> str:
    return actor.role if actor is not None else SYSTEM


def fire(case: Case, trigger: str, *, actor: User | None,
         values: Mapping[str, Any] | None = None, expected_version: int | None = None,
         effective_at: datetime | None = None, now: datetime | None = None,
         calendar: StatutoryCalendar | None = None,
         payload: Mapping[str, Any] | None = None) -> CaseEvent:
    """Fire ``trigger`` on ``case`` and record it; the caller commits or rolls back.

    :param expected_version: the version of the case the actor saw; another one means someone
        acted in between (the ORM's version check also catches a race during this flush).
    :param effective_at: the legal moment of the transition when it differs from now (a deemed
        grant processed after downtime takes effect on the day the statute says).
    :raise TransitionRefused: not available, not permitted, guard failed, invalid field, stale.
    """
    now = now or clock.now()
    calendar = calendar or load_calendar()
    if inspect(case).persistent:
        # Read the case as it is now (and lock it on PostgreSQL): an officer who acted a moment
        # ago is seen, and this one is refused with the state the case is really in.
        db.session.refresh(case, with_for_update=True)
    rows = deadlines_of(case)
    plan = plan_transition(
        procedure_for(case.procedure), read_case(case, rows), trigger, role=role_of(actor),
        values=values, now=now, calendar=calendar, effective_at=effective_at,
        expected_version=expected_version, tolerance_days=inputs.future_tolerance_days(),
        deemed=inputs.deemed_dates(values, payload), payload=payload)
    return apply_plan(case, plan, rows, actor=actor, now=now, calendar=calendar)


def apply_plan(case: Case, plan: TransitionPlan, rows: list[Deadline], *, actor: User | None,
               now: datetime, calendar: StatutoryCalendar) -> CaseEvent:
    """Write ``plan`` to ``case`` (whose deadline rows are ``rows``) with the ORM."""
    extra = {}
    if plan.opens_case is not None:
        extra["opened"] = open_ordered(plan, party=case.party, office=case.office,
                                       assigned_officer=case.assigned_officer, actor=actor,
                                       calendar=calendar).reference
    numbers = reserve_numbers(case.office, plan.notices, now)
    with db.session.no_autoflush:  # one UPDATE of the case, as the batch writes it
        case.state = plan.to_state
        case.data = dict(plan.data)
        by_id = {row.id: row for row in rows}
        for change in plan.changes:
            for column, value in change.columns.items():
                setattr(by_id[change.id], column, value)
        event = append_event(
            case, actor=actor, trigger=plan.trigger, from_state=plan.from_state,
            to_state=plan.to_state, reason=plan.event.reason, article=plan.event.article,
            payload=event_payload(plan, numbers, extra), effective_at=plan.event.effective_at)
        db.session.add_all(Deadline(case=case, **row) for row in plan.opened)
        if plan.closed_at is not None:
            case.closed_at = plan.closed_at
    _grant(case, plan, event.seq)
    _issue(case, plan, numbers, event.seq, actor, now, calendar)
    if plan.informs is not None:
        inform_parent(case, plan, actor, now, calendar)
    db.session.flush()
    return event


def granted_row(plan: TransitionPlan, *, case_id: int, holder_id: int,
                event_seq: int) -> dict[str, Any]:
    """The columns of the authorisation a plan grants (``Transition.grants``)."""
    grant = plan.grants
    return {"case_id": case_id, "holder_id": holder_id, "kind": grant.kind,
            "number": grant.number, "article": grant.article, "valid_from": grant.valid_from,
            "valid_to": grant.valid_to, "status": AuthorisationStatus.IN_FORCE,
            "granted_at": plan.event.effective_at, "event_seq": event_seq}


def ended_values(plan: TransitionPlan) -> dict[str, Any]:
    """What the case's authorisations in force become by a plan that ends them."""
    return {"status": plan.ends_grants, "ended_at": plan.event.effective_at,
            "ended_reason": plan.event.reason or plan.trigger}


def _grant(case: Case, plan: TransitionPlan, event_seq: int) -> None:
    """Write what the plan keeps in columns: the detail row, the authorisations."""
    if plan.details is not None:
        write_details(plan.procedure, [{"case_id": case.id, **plan.details}])
    if plan.ends_grants:
        db.session.execute(
            update(Authorisation)
            .where(Authorisation.case_id == case.id,
                   Authorisation.status == AuthorisationStatus.IN_FORCE)
            .values(**ended_values(plan)).execution_options(synchronize_session=False))
    if plan.grants is not None:
        db.session.add(Authorisation(**granted_row(plan, case_id=case.id,
                                                   holder_id=case.party_id,
                                                   event_seq=event_seq)))


def event_payload(plan: TransitionPlan, numbers: list[str],
                  extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The event's payload: the fields, the notices it issues by kind and number, the rest."""
    fields, rest = plan.event.payload["fields"], dict(plan.event.payload)
    del rest["fields"]
    notices = {"notices": list(plan.notices), "notice_numbers": numbers} if plan.notices \
        else {}
    return {"fields": fields, **notices, **rest, **(extra or {})}


def _issue(case: Case, plan: TransitionPlan, numbers: list[str], event_seq: int,
           actor: User | None, now: datetime, calendar: StatutoryCalendar) -> None:
    """Issue the plan's notices, not rendered: a web action renders its one notice after the
    commit (:func:`backoffice.notices.issue.render_issued`), the scheduler's job the rest."""
    if not numbers:
        return
    db.session.flush()
    db.session.add_all(Notice(**row) for row in planned_notice_rows(
        plan, case_id=case.id, reference=case.reference, office=case.office, party=case.party,
        numbers=numbers, event_seq=event_seq, issued_by_id=actor.id if actor else None,
        issued_at=now, calendar=calendar))
    render_once_committed(numbers)


def open_ordered(plan: TransitionPlan, *, party: Party, office: Office,
                 assigned_officer: User | None, actor: User | None,
                 calendar: StatutoryCalendar) -> Case:
    """Open the case a decision orders (a reinvestigation at the disposing office), before the
    deciding case is written (its event names the new case)."""
    return open_procedure_case(
        plan.opens_case.procedure, party=party, office=office, actor=actor,
        values=plan.opens_case.values, effective_at=plan.event.effective_at,
        assigned_officer=assigned_officer, calendar=calendar)


def open_ordered_in_bulk(row, plan: TransitionPlan, actor: User | None,
                        calendar: StatutoryCalendar) -> str:
    """:func:`open_ordered` for a case the sweep read as a row; return the new reference."""
    return open_ordered(
        plan, party=db.session.get(Party, row.party_id),
        office=db.session.get(Office, row.office_id),
        assigned_officer=db.session.get(User, row.assigned_officer_id)
        if row.assigned_officer_id else None, actor=actor, calendar=calendar).reference


def inform_parent(case: Case, plan: TransitionPlan, actor: User | None, now: datetime,
                   calendar: StatutoryCalendar) -> None:
    """Complete the informed action on the case that opened ``case``, when its state takes it
    (a parent withdrawn in the meantime has nothing to wait for)."""
    informs = plan.informs
    parent = db.session.scalar(select(Case).where(Case.reference == informs.reference))
    if parent is None:
        return
    procedure = procedure_for(parent.procedure)
    if not procedure.has_trigger(informs.trigger) or parent.state not in (
            procedure.transition(informs.trigger).source):
        return
    by = actor.username if actor is not None else SYSTEM
    fire(parent, informs.trigger, actor=None, values=informs.values,
         effective_at=plan.event.effective_at, now=now, calendar=calendar,
         payload={"from": case.reference, "recorded_by": by})


def open_procedure_case(procedure_code: str, *, party: Party, office: Office,
                        actor: User | None, values: Mapping[str, Any],
                        data: Mapping[str, Any] | None = None,
                        assigned_officer: User | None = None,
                        effective_at: datetime | None = None,
                        calendar: StatutoryCalendar | None = None,
                        trigger: str | None = None) -> Case:
    """Open a case through an opening transition (the first declared, or ``trigger``)."""
    procedure = procedure_for(procedure_code)
    opening = procedure.transition(trigger) if trigger else procedure.openings[0]
    if not opening.opening:
        raise TransitionRefused(Refusal.NOT_AVAILABLE, f"{trigger!r} does not open a case")
    now = clock.now()
    parsed = check_opening(procedure_code, opening, party=party, actor=actor, values=values,
                           now=now)
    calendar = calendar or load_calendar()
    stored = {f.name: parsed[f.name] for f in opening.fields if f.store}
    case_data = {**inputs.configured_data(procedure_code, parsed), **(data or {}),
                 **json_safe(stored),
                 **inputs.filing_period_facts(procedure_code, parsed, calendar)}
    plan = plan_opening(procedure, opening, role=role_of(actor), values=parsed,
                        data=case_data, now=now, calendar=calendar, effective_at=effective_at,
                        linked=inputs.linked_facts(procedure_code, party.id, parsed),
                        party=inputs.party_facts(procedure_code, party.id))
    return open_planned(plan, party=party, office=office, actor=actor,
                        assigned_officer=assigned_officer, effective_at=effective_at,
                        now=now, calendar=calendar)


def open_planned(plan: TransitionPlan, *, party: Party, office: Office, actor: User | None,
                 assigned_officer: User | None, effective_at: datetime | None,
                 now: datetime, calendar: StatutoryCalendar) -> Case:
    """Write an opening plan: the case, its first event, its deadlines and notices."""
    numbers = reserve_numbers(office, plan.notices, now)
    case = open_case(
        procedure=plan.procedure, party=party, office=office, state=plan.to_state,
        actor=actor, article=plan.event.article, trigger=plan.trigger,
        reason=plan.event.reason, data=dict(plan.data), assigned_officer=assigned_officer,
        payload=event_payload(plan, numbers), effective_at=effective_at)
    db.session.add_all(Deadline(case=case, **row) for row in plan.opened)
    _grant(case, plan, 1)
    _issue(case, plan, numbers, 1, actor, now, calendar)
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
    context = Context(state="", role=role_of(actor), now=now,
                      data=inputs.opening_facts(procedure_code, party, parsed), values=parsed,
                      party=inputs.party_facts(procedure_code, party.id),
                      linked=inputs.linked_facts(procedure_code, party.id, parsed))
    check(procedure_for(procedure_code), opening.trigger, context,
          tolerance_days=inputs.future_tolerance_days())
    return parsed
