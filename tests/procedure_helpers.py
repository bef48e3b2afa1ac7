"""Helpers for the procedure tests: Seoul times, firing at a moment, reading a deadline."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline
from backoffice.workflow import fire
from workflows import clock
from workflows.clock import SEOUL
from workflows.engine import TransitionRefused


def kst(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL)


def act(case: Case, trigger: str, actor, at: datetime, **values) -> CaseEvent:
    """Fire ``trigger`` as ``actor`` at the moment ``at`` and commit."""
    with clock.frozen(at):
        event = fire(case, trigger, actor=actor, values=values)
        db.session.commit()
    return event


def refused(case: Case, trigger: str, actor, at: datetime, **values) -> TransitionRefused:
    """Fire ``trigger`` as ``actor`` at ``at``, expecting a refusal; roll back; the refusal."""
    with clock.frozen(at), pytest.raises(TransitionRefused) as caught:
        fire(case, trigger, actor=actor, values=values)
    db.session.rollback()
    return caught.value


def deadline(case: Case, kind: str) -> Deadline | None:
    """The newest deadline of ``kind`` on the case."""
    return db.session.scalars(select(Deadline).where(
        Deadline.case_id == case.id, Deadline.kind == kind).order_by(Deadline.id.desc())).first()
