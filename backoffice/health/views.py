"""``/healthz``: liveness of the database and of the scheduler, for load balancers."""

from __future__ import annotations

from backoffice.access import public
from backoffice.health.blueprint import bp
from backoffice.health.checks import database_status, scheduler_status
from workflows import clock


@bp.get("/healthz")
@public
def healthz():
    """Answer 200 while the database answers, 503 when it does not.

    The scheduler is reported beside it: a stale heartbeat makes the status ``degraded`` (the
    web can still serve) so monitoring can alert without the load balancer dropping the node.
    """
    database = database_status()
    scheduler = scheduler_status() if database["ok"] else {"ok": False, "last_heartbeat": None}
    status = "ok" if database["ok"] and scheduler["ok"] else "degraded"
    if not database["ok"]:
        status = "down"
    public_scheduler = {k: scheduler.get(k) for k in ("ok", "last_heartbeat", "age_s")}
    public_database = {k: v for k, v in database.items() if k != "error"}
    body = {"status": status, "database": public_database, "scheduler": public_scheduler,
            "checked_at": clock.now().isoformat()}
    return body, 200 if database["ok"] else 503
