"""Recording the service of a notice (Art. 11) and correcting a notice.

Recording a service is a case event. Where a period runs from the notice's receipt, the case
transition the notice kind names is fired with the service date (e.g. ``record_decision_served``
with ``decision_served_on``), so the dependent deadline is opened by the statutory calendar from
that date: the day of receipt, or the deemed day of a public notice (publication + 15 by
default, ``NOTICE_PUBLIC_NOTICE_EFFECT_DAYS``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import update

from backoffice.audit import append_event
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import Notice, User
from backoffice.notices.issue import correction_content, is_replaced, reserve_numbers
from backoffice.workflow import fire, future_tolerance_days
from workflows import clock, legal_dates
from workflows.legal_dates import Earlier
from workflows.notices.codes import new_verification_code
from workflows.notices.kinds import notice_kind
from workflows.notices.service import METHOD_LABELS, Service, ServiceError, check_service
from workflows.procedures import procedure_for

SERVICE_DAY_LABELS = {"served_on": "Received on", "published_on": "Published on"}


def _check_legal_dates(notice: Notice, **days: date | None) -> None:
    """The days typed for a service by the rule of every legal date (workflows.legal_dates):
    not before the notice was issued, not after today plus LEGAL_DATE_FUTURE_TOLERANCE_DAYS.

    :raise ServiceError: naming the day and why.
    """
    issued = Earlier(clock.seoul_date(notice.issued_at), "the notice was issued")
    for name, day in days.items():
        if day is not None and (problem := legal_dates.problem(
                day, today=clock.today(), tolerance_days=future_tolerance_days(),
                earlier=issued)):
            raise ServiceError(f"{SERVICE_DAY_LABELS[name]}: {problem}")


def record_service(notice: Notice, *, actor: User, method: str, served_on: date | None = None,
                   published_on: date | None = None, channels: tuple[str, ...] = (),
                   ground: str | None = None, reference: str | None = None) -> Service:
    """Record how and when ``notice`` was served; the caller commits.

    The service is written with a conditional UPDATE (``served_on IS NULL``): of two officers
    recording one notice at once, one wins and the other is told; the case's transition is
    fired only by the winner, under the case's own lock.

    :raise ServiceError: the service is not valid under Art. 11, or already recorded.
    """
    if notice.served_on is not None:
        raise ServiceError(f"the service of notice {notice.number} is already recorded "
                           f"({notice.served_on})")
    if is_replaced(notice):
        raise ServiceError(f"notice {notice.number} was replaced by a correction; serve that one")
    kind = notice_kind(notice.kind)
    _check_legal_dates(notice, served_on=served_on, published_on=published_on)
    # "Today" for the Act's own check is the latest day a legal date may be: today in Seoul plus
    # the configured tolerance (LEGAL_DATE_FUTURE_TOLERANCE_DAYS, workflows.legal_dates).
    latest = clock.today() + timedelta(days=future_tolerance_days())
    service = check_service(
        method, issued_on=notice.issued_at.astimezone(clock.SEOUL).date(), today=latest,
        served_on=served_on, published_on=published_on, channels=channels, ground=ground,
        public_notice_allowed=bool(kind.public_notice),
        effect_days=current_app.config["NOTICE_PUBLIC_NOTICE_EFFECT_DAYS"],
        allowed_methods=kind.service_methods, reference=reference,
        reference_required=kind.service_needs_reference,
    )
    recorded = db.session.execute(
        update(Notice).where(Notice.id == notice.id, Notice.served_on.is_(None))
        .values(served_on=service.served_on, served_at=clock.now(),
                service_method=service.method.value, published_on=service.published_on,
                publication_channels=list(service.channels) or None,
                public_notice_ground=service.ground,
                service_reference=(reference or "").strip() or None,
                served_recorded_by_id=actor.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if recorded != 1:
        raise ServiceError(f"the service of notice {notice.number} was recorded by someone "
                           "else a moment ago; reload the case")
    db.session.expire(notice)
    details = _service_payload(notice, service)
    case = notice.case
    effect = kind.on_service
    procedure = procedure_for(case.procedure)
    trigger = next((t for t in (effect.triggers if effect else ())
                    if procedure.has_trigger(t) and case.state in procedure.transition(t).source),
                   None)
    if trigger and (case.data or {}).get(effect.field) is None:
        values: dict[str, Any] = {effect.field: service.served_on}
        if effect.method_field:
            values[effect.method_field] = service.method.value
        if effect.reference_field:
            values[effect.reference_field] = (reference or "").strip()
        fire(case, trigger, actor=actor, values=values, payload=details)
    else:
        append_event(case, actor=actor, trigger="record_notice_service", from_state=case.state,
                     to_state=case.state, reason=METHOD_LABELS[service.method][1],
                     article="Art. 11", payload=details)
    db.session.flush()
    return service


def _service_payload(notice: Notice, service: Service) -> dict[str, Any]:
    payload = {"notice": notice.number, "service_method": service.method.value,
               "served_on": service.served_on.isoformat()}
    if service.published_on:
        payload.update(published_on=service.published_on.isoformat(),
                       channels=list(service.channels), ground=service.ground)
    return payload


def correct_notice(notice: Notice, *, actor: User, reason: str) -> Notice:
    """Issue a correction: a new notice, new number, naming the one it replaces.

    :raise ServiceError: no reason given, or the notice was already replaced.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("a correction needs its reason")
    if is_replaced(notice):
        raise ServiceError(f"notice {notice.number} was already replaced")
    now = clock.now()
    case = notice.case
    [number] = reserve_numbers(case.office, [notice.kind], now)
    article = notice_kind(notice.kind).article or (notice.content or {}).get("legal_basis")
    event = append_event(case, actor=actor, trigger="correct_notice", from_state=case.state,
                         to_state=case.state, reason=reason, article=article,
                         payload={"replaces": notice.number, "notice_numbers": [number]})
    correction = Notice(
        case=case, kind=notice.kind, number=number, language=notice.language,
        verification_code=new_verification_code(),
        content=correction_content(notice, now, load_calendar()), issued_at=now,
        issued_by_id=actor.id, event_seq=event.seq, replaces=notice, correction_reason=reason,
    )
    db.session.add(correction)
    db.session.flush()
    return correction
