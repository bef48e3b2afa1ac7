"""Starting the next remedy from a decided (or overdue) objection (Arts. 121(2), 129)."""

from __future__ import annotations

from datetime import date

from backoffice.models import Case, User
from backoffice.workflow import fire, open_procedure_case
from workflows import clock
from workflows.engine import Refusal, TransitionRefused

NEXT_STEP_STATES = ("decided", "decision_overdue")


def can_request_examination(case: Case) -> bool:
    return case.procedure == "objection" and case.state in NEXT_STEP_STATES


def request_examination_after_objection(objection: Case, *, actor: User,
                                        reasons: str) -> Case:
    """File a request for examination against the objection's disposition and close it.

    After a decision the 90 days run from its receipt (121(2)); when the decision period passed
    undecided, the request may be filed from its end (121(2) proviso, 129(2)1).
    """
    if not can_request_examination(objection):
        raise TransitionRefused(Refusal.NOT_AVAILABLE,
                                "a request for examination follows a decided or overdue objection")
    data = objection.data or {}
    today = clock.today()
    if objection.state == "decided":
        if not data.get("decision_served_on"):
            raise TransitionRefused(Refusal.GUARD_FAILED,
                                    "record when the objection decision was received first")
        route, starts = "after_objection", data["decision_served_on"]
    else:
        route, starts = "objection_overdue", today.isoformat()
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
