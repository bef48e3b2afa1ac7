"""What a notice would say if an action were taken now: for the preview before issue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from backoffice.models import Case
from backoffice.notices.issue import addressee_facts, deadline_facts, office_facts
from backoffice.workflow import deadlines_after
from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.engine import Context, article_for, json_safe
from workflows.notices.content import NoticeFacts, build_content
from workflows.notices.kinds import notice_kind


def preview_content(case: Case, transition, kind: str, values: Mapping[str, Any], *,
                    role: str, calendar: StatutoryCalendar) -> dict[str, Any]:
    """The content the notice ``kind`` would have if ``transition`` fired now with ``values``:
    the same facts as an issue, with the deadlines the action would open."""
    now = clock.now()
    stored = {f.name: values[f.name] for f in transition.fields if f.store}
    article = article_for(transition.article,
                          Context(state=case.state, role=role, now=now, data=dict(case.data or {}),
                                  values=values))
    facts = NoticeFacts(
        procedure=case.procedure, reference=case.reference, trigger=transition.trigger,
        article=article, issued_at=now, office=office_facts(case.office),
        addressee=addressee_facts(case.party),
        data={**(case.data or {}), **json_safe(stored)}, fields=json_safe(values),
        reason=values.get(transition.reason_field) if transition.reason_field else None,
        deadlines={**deadline_facts(case),
                   **deadlines_after(case, transition.trigger, values, now, calendar)},
    )
    return build_content(notice_kind(kind), facts, calendar)
