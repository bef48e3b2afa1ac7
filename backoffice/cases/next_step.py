"""Starting the next remedy from a decided (or overdue) objection (Arts. 121(2), 129)."""

from __future__ import annotations

from datetime import date, timedelta

from backoffice.models import Case, User
from backoffice.workflow import fire, latest_deadlines_of, open_procedure_case
from workflows import clock
from workflows.engine import Refusal, TransitionRefused
from workflows.procedures import procedure_for


def can_request_examination(case: Case) -> bool:
    """Whether the claimant may request an examination from this objection now (the one
    rule the case page, the portal and the filing share)."""
    return isinstance(_route(case, clock.today()), tuple)


def _route(objection: Case, today: date) -> tuple[str, str] | str:
    """The filing route of a request for examination after ``objection`` and the day its
    period runs from, or why none is open now.

    After a decision is received the 90 days run from its receipt (121(2)). When no decision
    was received within the decision period (none was made, or one was made but not served in
    time, 128(3)), the request may be filed from the day after that period, with no end
    (121(2) proviso, 129(2)1).
    """
    if objection.procedure != "objection" or objection.state not in (
            procedure_for("objection").transition("next_step_filed").source):
        return "a request for examination follows a decided or overdue objection"
    served = (objection.data or {}).get("decision_served_on")
    if served:
        return "after_objection", served
    period_end = next((d.due_date for d in reversed(latest_deadlines_of(objection))
                       if d.kind == "decision"), None)
    if period_end is not None and today > period_end:
        return "objection_overdue", (period_end + timedelta(days=1)).isoformat()
    return ("the objection was decided: record when its decision was received first, or wait "
            f"until its decision period ends ({period_end}) (Art. 121(2))")


def request_examination_after_objection(objection: Case, *, actor: User,
                                        reasons: str) -> Case:
    """File a request for examination against the objection's disposition and close it (the
    route and its start: :func:`_route`)."""
    today = clock.today()
    route = _route(objection, today)
    if isinstance(route, str):
        raise TransitionRefused(Refusal.GUARD_FAILED, route)
    route, starts = route
    data = objection.data or {}
    examination = open_procedure_case(
        "examination", party=objection.party, office=objection.office, actor=actor,
        assigned_officer=objection.assigned_officer,
        values={"disposition": data.get("disposition"),
                "disposition_ref": data.get("disposition_ref"),
                "disposition_kind": data.get("disposition_kind"), "route": route,
                "period_starts_on": starts, "filed_on": date.isoformat(today),
                "filing_rule": "online", "reasons": reasons},
        data={"after_objection": objection.reference},
    )
    fire(objection, "next_step_filed", actor=actor, values={"next_step": "examination"},
         payload={"opened": examination.reference})
    return examination
