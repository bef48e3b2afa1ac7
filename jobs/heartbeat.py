"""The scheduler's sign of life, read by ``/healthz`` and the dashboards."""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

from sqlalchemy import delete

from backoffice.extensions import db
from backoffice.models import SchedulerHeartbeat
from workflows import clock

FORGET_AFTER = timedelta(days=1)


def instance_name() -> str:
    return f"scheduler@{socket.gethostname()}:{os.getpid()}"


def beat(*, started_at: datetime, now: datetime | None = None) -> SchedulerHeartbeat:
    """Record that this scheduler process is alive, and forget long-dead ones."""
    now = now or clock.now()
    name = instance_name()
    heartbeat = db.session.get(SchedulerHeartbeat, name)
    if heartbeat is None:
        heartbeat = SchedulerHeartbeat(
            name=name, host=socket.gethostname(), pid=os.getpid(), started_at=started_at
        )
        db.session.add(heartbeat)
    heartbeat.beat_at = now
    db.session.execute(
        delete(SchedulerHeartbeat).where(SchedulerHeartbeat.beat_at < now - FORGET_AFTER)
    )
    db.session.commit()
    return heartbeat
