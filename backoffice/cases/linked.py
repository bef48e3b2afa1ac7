"""The cases linked to a case: the one that opened it, and those it opened; the case it
belongs to, and those that belong to it (``Procedure.links``: a permission applied for under a
licence names the licence).

A case opened by another's action (a reinvestigation ordered by a decision, the goods a seizure
takes) names that case in its data (``parent_reference``, written by the engine); the opening
action's event names the new case (``opened``). Both are read here, for the case page, and only
what the reader may see is shown (:func:`backoffice.security.visible_cases`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, User
from backoffice.security import visible_cases
from workflows.engine import Label
from workflows.procedures import REGISTRY

MEMBERS_SHOWN = 50
"""The cases that belong to one (a licence's permissions and goods) the page lists, newest
first; the worklist finds the others."""


@dataclass(frozen=True)
class LinkedCases:
    opened_by: Case | None
    opened: list[Case]
    belongs_to: list[tuple[Label, Case]] = field(default_factory=list)
    members: list[tuple[Label, Case]] = field(default_factory=list)


def linked_cases(case: Case, events: list[CaseEvent], reader: User) -> LinkedCases:
    """The case that opened ``case`` and the cases ``case`` opened (from its ``events``), the
    cases it names through its links and those that name it, as far as ``reader`` may see
    them."""
    data = case.data or {}
    references = [e.payload["opened"] for e in events
                  if isinstance(e.payload, dict) and e.payload.get("opened")]
    parent = data.get("parent_reference")
    declared = REGISTRY.get(case.procedure)  # a catalogued procedure not declared has none
    links = [(link, data.get(link.field)) for link in (declared.links if declared else ())]
    named = [(link, ref) for link, ref in links if isinstance(ref, str) and ref]
    wanted = {*references, *([parent] if isinstance(parent, str) else []),
              *(ref for _, ref in named)}
    found = {c.reference: c for c in db.session.scalars(
        visible_cases(reader).where(Case.reference.in_(wanted)))} if wanted else {}
    belongs_to = [(link.label, found[ref]) for link, ref in named
                  if ref in found and found[ref].procedure == link.procedure and ref != parent]
    return LinkedCases(found.get(parent) if isinstance(parent, str) else None,
                       [found[r] for r in references if r in found], belongs_to,
                       _members(case, reader))


def _members(case: Case, reader: User) -> list[tuple[Label, Case]]:
    """The cases whose links name ``case`` (the permissions applied for under a licence), but
    those it opened itself (its goods: listed as the cases it opened)."""
    naming = [(code, link) for code, procedure in REGISTRY.items() for link in procedure.links
              if link.procedure == case.procedure and link.field != "parent_reference"]
    if not naming:
        return []
    labels = {code: link.members for code, link in naming}
    rows = db.session.scalars(visible_cases(reader).where(
        Case.party_id == case.party_id,
        or_(*(Case.procedure == code for code, _ in naming)),
        or_(*(Case.data[link.field].as_string() == case.reference for _, link in naming)))
        .order_by(Case.id.desc()).limit(MEMBERS_SHOWN))
    return [(labels[c.procedure], c) for c in rows]

