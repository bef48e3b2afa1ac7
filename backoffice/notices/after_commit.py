"""The PDF of the one notice a web action issues, rendered once its transaction committed.

An officer who issues a decision wants to download it straight away, but rendering takes a
while and must not happen while the case's row is locked (PostgreSQL) or before the notice is
sure to exist. The appliers mark the notice (:func:`render_once_committed`); a commit of the
session makes it ready, a rollback forgets it; after the request the ready ones are rendered,
each in its own transaction. A notice not rendered here (a failure, a command, the sweep) is
rendered by the scheduler's ``render_notices`` job.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask, has_request_context
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from backoffice.extensions import db

_ISSUED = "notices_issued_in_this_transaction"
_READY = "notices_committed_to_render"


def render_once_committed(numbers: Iterable[str]) -> None:
    """Mark the notice a web action just issued, when it issued exactly one."""
    numbers = list(numbers)
    if has_request_context() and len(numbers) == 1:
        db.session.info.setdefault(_ISSUED, []).extend(numbers)


@sa_event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    if issued := session.info.pop(_ISSUED, None):
        session.info.setdefault(_READY, []).extend(issued)


@sa_event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session: Session, previous_transaction) -> None:
    session.info.pop(_ISSUED, None)


def install(app: Flask) -> None:
    @app.after_request
    def render_committed_notices(response):
        from backoffice.notices.issue import render_issued

        ready = db.session.info.pop(_READY, None)
        for number in ready or ():
            render_issued(number)
        return response
