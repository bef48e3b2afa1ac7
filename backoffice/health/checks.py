"""Is the database answering, is the scheduler beating: what ``/healthz`` and the dashboards
report."""

from __future__ import annotations

import time

from flask import current_app
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from backoffice.extensions import db
from backoffice.models import SchedulerHeartbeat
from workflows import clock


def database_status() -> dict:
    started = time.perf_counter()
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        db.session.rollback()
        current_app.logger.warning("health check: database unavailable: %s", error)
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "latency_ms": round((time.perf_counter() - started) * 1000, 2)}


def scheduler_status() -> dict:
    beat = db.session.scalar(
        select(SchedulerHeartbeat).order_by(SchedulerHeartbeat.beat_at.desc()).limit(1)
    )
    if beat is None:
        return {"ok": False, "last_heartbeat": None, "age_s": None}
    age = (clock.now() - beat.beat_at).total_seconds()
    return {
        "ok": age <= current_app.config["SCHEDULER_STALE_AFTER_SECONDS"],
        "last_heartbeat": beat.beat_at.isoformat(),
        "age_s": round(age, 1),
        "host": beat.host,
        "pid": beat.pid,
    }
