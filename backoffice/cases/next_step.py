"""Filing the next remedy from a case's own page, as its procedure declares it
(``Procedure.follow_on``): e.g. a request for examination from a decided or overdue objection
(Arts. 121(2), 129). The route and the new case's values are the declaration's pure rules; here
the case is read, the new case opened and the filing recorded on the old one (which closes it).
"""

from __future__ import annotations

from datetime import datetime

from backoffice.models import Case, User
from backoffice.transitions.reading import stored
from backoffice.workflow import fire, latest_deadlines_of, open_procedure_case
from workflows import clock
from workflows.engine import SYSTEM, Context, Refusal, TransitionRefused
from workflows.engine.declarations import FollowOn
from workflows.procedures import REGISTRY

NO_FOLLOW_ON = "no next remedy is filed from this case's page"


def _follow_on(case: Case) -> FollowOn | None:
    procedure = REGISTRY.get(case.procedure)
    return procedure.follow_on if procedure is not None else None


def _reading(case: Case, now: datetime) -> Context:
    """The case as the declaration's rules read it: its state, data and the newest deadline of
    each kind (the real last day of a period that has passed)."""
    return Context(state=case.state, role=SYSTEM, now=now, data=dict(case.data or {}),
                   deadlines={d.kind: stored(d).view() for d in latest_deadlines_of(case)})


def _route(case: Case, follow_on: FollowOn | None, now: datetime
           ) -> tuple[tuple[str, str], Context] | str:
    """The route of the next remedy and the day its period runs from (with the reading they
    were computed from), or why it cannot be filed from ``case`` now."""
    if follow_on is None:
        return NO_FOLLOW_ON
    if case.state not in REGISTRY[case.procedure].transition(follow_on.trigger).source:
        return follow_on.unavailable
    reading = _reading(case, now)
    route = follow_on.route(reading)
    return route if isinstance(route, str) else (route, reading)


def can_file_follow_on(case: Case) -> bool:
    """Whether the claimant may file the next remedy from this case now (the one rule the case
    page, the portal and the filing share)."""
    return not isinstance(_route(case, _follow_on(case), clock.now()), str)


def file_follow_on(case: Case, *, actor: User, reasons: str) -> Case:
    """File the next remedy against ``case``'s matter and record it on ``case``, which closes
    (the route and its start: ``FollowOn.route``).

    :raise TransitionRefused: it cannot be filed from this case now, or the filing is refused.
    """
    follow_on = _follow_on(case)
    found = _route(case, follow_on, clock.now())
    if isinstance(found, str):
        raise TransitionRefused(Refusal.GUARD_FAILED, found)
    route, reading = found
    opened = open_procedure_case(
        follow_on.opens, party=case.party, office=case.office, actor=actor,
        assigned_officer=case.assigned_officer,
        values=dict(follow_on.values(reading, route, reasons)),
        data={follow_on.reference_key: case.reference},
    )
    fire(case, follow_on.trigger, actor=actor, values=dict(follow_on.trigger_values),
         payload={"opened": opened.reference})
    return opened


can_request_examination = can_file_follow_on
"""The name the case page and the portal use (an objection's request for examination)."""
request_examination_after_objection = file_follow_on
