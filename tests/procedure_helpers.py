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


def withdrawal_application(people, received_on: str = "2026-11-02") -> Case:
    """An application for approval of the withdrawal of a declaration (Art. 250(1)), received
    by the office of ``people`` at 09:00 on ``received_on`` and committed."""
    from backoffice.workflow import open_procedure_case

    with clock.frozen(datetime.fromisoformat(received_on).replace(hour=9, tzinfo=SEOUL)):
        case = open_procedure_case(
            "deemed_permission", party=people["payer"].party, office=people["office"],
            actor=people["officer"], assigned_officer=people["officer"],
            values={"permission_kind": "250", "received_on": received_on,
                    "application": "withdrawal of a declaration"})
        db.session.commit()
    return case


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


def sweep(at: datetime):
    """Run the scheduler's sweep of due deadlines as if the time were ``at``."""
    from jobs.enforce import enforce_due_deadlines

    with clock.frozen(at):
        return enforce_due_deadlines()


def events(case: Case) -> list[CaseEvent]:
    """The case's events, oldest first."""
    return list(db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq)))
