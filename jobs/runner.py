"""Build and run the one scheduler of the system."""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from functools import partial

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from flask import Flask

from backoffice.extensions import db
from jobs import heartbeat
from workflows import clock

log = logging.getLogger(__name__)

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}


def in_app_context(app: Flask, job: Callable[[], object], name: str) -> Callable[[], None]:
    """Wrap ``job`` so it runs in an app context and a failure is logged, not fatal."""

    def run() -> None:
        with app.app_context():
            try:
                job()
            except Exception:
                db.session.rollback()
                log.exception("job %s failed", name)

    run.__name__ = run.__qualname__ = name
    return run


def build_scheduler(app: Flask, scheduler_class: type[BaseScheduler] = BlockingScheduler):
    """Declare the fixed jobs. Their number never grows with the number of deadlines."""
    scheduler = scheduler_class(timezone=clock.SEOUL, job_defaults=JOB_DEFAULTS)
    started_at = clock.now()
    scheduler.add_job(
        in_app_context(app, partial(heartbeat.beat, started_at=started_at), "heartbeat"),
        trigger="interval",
        seconds=app.config["SCHEDULER_HEARTBEAT_SECONDS"],
        id="heartbeat",
        next_run_time=started_at,
    )
    return scheduler


def run(app: Flask) -> None:
    """Run the scheduler until SIGINT or SIGTERM."""
    scheduler = build_scheduler(app)
    signal.signal(signal.SIGTERM, lambda signum, frame: _stop(scheduler))
    log.info("scheduler starting with jobs: %s", ", ".join(j.id for j in scheduler.get_jobs()))
    try:
        scheduler.start()
    except KeyboardInterrupt:
        _stop(scheduler)
    log.info("scheduler stopped")


def _stop(scheduler: BlockingScheduler) -> None:
    """Stop once, whichever of Ctrl-C and SIGTERM (or both) arrives."""
    if scheduler.running:
        scheduler.shutdown(wait=False)
