"""``/healthz``: liveness of the database and of the scheduler, for load balancers."""

from __future__ import annotations

import time

from flask import Blueprint, current_app
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from backoffice.extensions import db
from backoffice.models import SchedulerHeartbeat
from workflows import clock

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """Answer 200 while the database answers, 503 when it does not.

    The scheduler is reported beside it: a stale heartbeat makes the status ``degraded`` (the
    web can still serve) so monitoring can alert without the load balancer dropping the node.
    """
    database = _database_status()
    scheduler = scheduler_status() if database["ok"] else {"ok": False, "last_heartbeat": None}
    status = "ok" if database["ok"] and scheduler["ok"] else "degraded"
    if not database["ok"]:
        status = "down"
    public_scheduler = {k: scheduler.get(k) for k in ("ok", "last_heartbeat", "age_s")}
    public_database = {k: v for k, v in database.items() if k != "error"}
    body = {"status": status, "database": public_database, "scheduler": public_scheduler,
            "checked_at": clock.now().isoformat()}
    return body, 200 if database["ok"] else 503


def _database_status() -> dict:
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
