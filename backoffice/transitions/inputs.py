"""What a transition takes from outside the case: the deployment's settings and other cases."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import current_app, has_app_context
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Authorisation, Case, Party
from backoffice.models.authorisation import AuthorisationStatus
from workflows.calendar import StatutoryCalendar
from workflows.procedures import procedure_for


def future_tolerance_days() -> int:
    """How many days after today a legal date of something that has happened may be
    (``LEGAL_DATE_FUTURE_TOLERANCE_DAYS``, see :mod:`workflows.legal_dates`)."""
    return int(current_app.config.get("LEGAL_DATE_FUTURE_TOLERANCE_DAYS", 0)) \
        if has_app_context() else 0


def deemed_dates(values: Mapping[str, Any] | None,
                 payload: Mapping[str, Any] | None) -> frozenset[str]:
    """The dates of ``values`` the law fixes rather than a person types: the service of a
    notice by public notice is deemed made 14 days after its publication (Art. 11(2)), a day
    that may lie ahead. The notice service records the publication in the event's payload."""
    if not (payload or {}).get("published_on"):
        return frozenset()
    return frozenset(values or ())


def opening_facts(procedure_code: str, party: Party, parsed: Mapping[str, Any]) -> dict:
    """Facts the guards of an opening need from the database: the routes the party already
    pursues against the same matter, where the procedure excludes others
    (``Procedure.exclusive``, Art. 119(10))."""
    exclusive = procedure_for(procedure_code).exclusive
    matter = parsed.get(exclusive.key) if exclusive else None
    if not matter:
        return {}
    pursued = select(Case.procedure).where(
        Case.party_id == party.id,
        Case.procedure.in_(exclusive.procedures - {procedure_code}),
        Case.data[exclusive.key].as_string() == matter,
    )
    if exclusive.withdrawn:
        pursued = pursued.where(Case.state.not_in(exclusive.withdrawn))
    return {exclusive.fact: sorted(set(db.session.scalars(pursued)))}


def filing_period_facts(procedure_code: str, parsed: Mapping[str, Any],
                        calendar: StatutoryCalendar) -> dict[str, Any]:
    """Compute the filing period of an appeal and whether it was filed in time (Art. 121), as
    the procedure declares it (``Procedure.filing_period``).

    A late appeal is still received and recorded; it is dismissed under 128(1)1(b). A request
    posted within the period and arriving after it is deemed filed on the period's last day
    (Art. 121(3)): the date of posting decides, not the filing rule alone. A route with no end
    (121(2) proviso: after an objection's decision period passed undecided) is always in time.
    """
    declared = procedure_for(procedure_code).filing_period
    rule = declared.runs(parsed) if declared else None
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
                and declared.posting_counts(parsed)):
            facts.update(filed_on=due.due_date.isoformat(), filed_in_time=True,
                         received_on=arrived.isoformat())
        else:
            facts.update(received_on=arrived.isoformat())
    return facts


def configured_data(procedure_code: str, parsed: Mapping[str, Any]) -> dict[str, Any]:
    """Data a deployment configures per case when it opens, as the procedure declares it
    (``Procedure.configured``)."""
    configured = procedure_for(procedure_code).configured
    return dict(configured(current_app.config, parsed)) if configured else {}


def party_facts(procedure_code: str, party_id: int | None,
                case_id: int | None = None) -> dict[str, Any]:
    """What a procedure that reads the party (``Procedure.reads_party``) knows of it from its
    other cases: each bonded-area bar one of them recorded (``bonded_area_bar``: compliance
    with an offence notice, Art. 175 6(b) and 7; the revocation of a licence, 175 6(a); a
    ground recorded from outside, 175 2 to 8), with the case that opened it; and the
    authorisations it holds in force (a licence whose revocation a new ground makes mandatory,
    178(2)2)."""
    if party_id is None or not procedure_for(procedure_code).reads_party:
        return {}
    others = db.session.execute(select(Case.reference, Case.data).where(
        Case.party_id == party_id, Case.id != (case_id or 0)).order_by(Case.id))
    bars = [{**data["bonded_area_bar"], "case": reference} for reference, data in others
            if isinstance(data, dict) and isinstance(data.get("bonded_area_bar"), dict)]
    held = db.session.execute(
        select(Authorisation.kind, Authorisation.number, Case.reference)
        .join(Case, Case.id == Authorisation.case_id)
        .where(Authorisation.holder_id == party_id,
               Authorisation.status == AuthorisationStatus.IN_FORCE,
               Case.id != (case_id or 0))
        .order_by(Authorisation.id))
    return {"bonded_area_bars": bars,
            "authorisations": [{"kind": kind, "number": number, "case": reference}
                               for kind, number, reference in held]}


def linked_facts(procedure_code: str, party_id: int | None,
                 values: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """The cases ``values`` name through the procedure's links (``Procedure.links``): each
    one's reference, state and data, when it is a case of the linked procedure of the same
    party (a licence of another operator is not this applicant's licence)."""
    named = {link.field: (link.procedure, (values or {}).get(link.field))
             for link in procedure_for(procedure_code).links}
    named = {name: (code, str(ref).strip()) for name, (code, ref) in named.items() if ref}
    if party_id is None or not named:
        return {}
    rows = db.session.execute(select(Case.reference, Case.procedure, Case.state, Case.data).where(
        Case.party_id == party_id, Case.reference.in_({ref for _, ref in named.values()})))
    found = {(reference, code): {"reference": reference, "state": state, "data": dict(data or {})}
             for reference, code, state, data in rows}
    return {name: found[(ref, code)] for name, (code, ref) in named.items()
            if (ref, code) in found}
