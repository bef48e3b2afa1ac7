"""Personal data on the case page: masked for the office's staff until one of them asks to see
it, giving a reason; every such view is an event of the case's history (who, when, why).

Information obtained for customs purposes may be used only for official business (Art. 116(1));
the record of who looked at it, and why, is what lets that be checked. What is personal is the
party's registration number (shown masked everywhere, :func:`workflows.identifiers.mask`) and
the fields a procedure declares personal (``Field.personal``: an offender's age, sex and
occupation, Art. 314(2)1). The party itself sees its own data on its portal; the raw records of
the history are for staff only.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from backoffice.audit import append_event
from backoffice.models import Case, CaseEvent, User
from workflows.procedures import REGISTRY

VIEW_TRIGGER = "view_personal_data"
ARTICLE = "Art. 116(1)"
MASK = "●●●"


@cache
def personal_fields(procedure_code: str) -> frozenset[str]:
    """The names of the fields ``procedure_code`` declares personal, in any of its actions."""
    procedure = REGISTRY.get(procedure_code)
    if procedure is None:
        return frozenset()
    return frozenset(f.name for t in procedure.transitions for f in t.fields if f.personal)


def masked_payload(payload: Mapping[str, Any], names: frozenset[str]) -> dict[str, Any]:
    """The event's payload with the values of the personal fields ``names`` masked."""
    fields = payload.get("fields")
    if not names or not isinstance(fields, Mapping) or not names & fields.keys():
        return dict(payload)
    return {**payload, "fields": {k: (MASK if k in names and v is not None else v)
                                  for k, v in fields.items()}}


def record_view(case: Case, actor: User, reason: str) -> CaseEvent:
    """Record in the history that ``actor`` viewed the case's personal data, and why; the
    caller commits."""
    return append_event(case, actor=actor, trigger=VIEW_TRIGGER, from_state=case.state,
                        to_state=case.state, reason=reason, article=ARTICLE)
