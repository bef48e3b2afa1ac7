from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.database import UTCDateTime
from backoffice.extensions import db


class SchedulerHeartbeat(db.Model):
    """The last sign of life of a scheduler process, read by ``/healthz``."""

    __tablename__ = "scheduler_heartbeats"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    beat_at: Mapped[datetime] = mapped_column(UTCDateTime)
