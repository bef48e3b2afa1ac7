"""The cases linked to a case: the one that opened it, and those it opened.

A case opened by another's action (a reinvestigation ordered by a decision, the goods a seizure
takes) names that case in its data (``parent_reference``, written by the engine); the opening
action's event names the new case (``opened``). Both are read here, for the case page, and only
what the reader may see is shown (:func:`backoffice.security.visible_cases`).
"""

from __future__ import annotations

from dataclasses import dataclass

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, User
from backoffice.security import visible_cases


@dataclass(frozen=True)
class LinkedCases:
    opened_by: Case | None
    opened: list[Case]


def linked_cases(case: Case, events: list[CaseEvent], reader: User) -> LinkedCases:
    """The case that opened ``case`` and the cases ``case`` opened (from its ``events``), as
    far as ``reader`` may see them."""
    references = [e.payload["opened"] for e in events
                  if isinstance(e.payload, dict) and e.payload.get("opened")]
    parent = (case.data or {}).get("parent_reference")
    wanted = {*references, *([parent] if isinstance(parent, str) else [])}
    if not wanted:
        return LinkedCases(None, [])
    found = {c.reference: c for c in db.session.scalars(
        visible_cases(reader).where(Case.reference.in_(wanted)))}
    return LinkedCases(found.get(parent) if isinstance(parent, str) else None,
                       [found[r] for r in references if r in found])

