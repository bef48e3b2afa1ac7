"""A case's history as sentences a person reads: newest first, in the reader's language, in KST.

Every event of the append-only chain (:mod:`backoffice.audit`) becomes one entry. What the
entry says depends on who reads it: internal notes (a waiver's reason) and the raw record (the
hash, the payload) are for the office's staff only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from backoffice.models import Case, CaseEvent, User


@dataclass(frozen=True)
class Entry:
    """One event of the history as the reader sees it."""

    when: datetime
    sentence: str
    actor: str
    article: str | None = None
    note: str | None = None
    """A reason or a note shown to the reader (internal notes only to staff)."""
    details: dict[str, Any] = field(default_factory=dict)
    """The raw record (seq, trigger, hash, payload), for staff only; empty for a duty payer."""


def entries(case: Case, events: Iterable[CaseEvent], reader: User, locale: str) -> list[Entry]:
    """The history of ``case`` for ``reader`` in ``locale`` ("ko" or "en"), newest first."""
    return [Entry(e.occurred_at, e.trigger, e.actor_label, e.article, e.reason)
            for e in sorted(events, key=lambda e: e.seq, reverse=True)]


def for_template(case: Case, events: Iterable[CaseEvent]) -> list[Entry]:
    """:func:`entries` for the signed-in user in the page's language (a template global)."""
    from flask_login import current_user

    from backoffice.templating import current_locale

    return entries(case, events, current_user, current_locale())
