"""Build and run the one scheduler of the system.

APScheduler holds a handful of fixed jobs declared here; the timers themselves are rows in the
database, so the number of jobs never grows with the number of deadlines and a restart loses
nothing. ``coalesce`` and ``max_instances=1`` with no misfire grace limit mean a late or missed
run happens once, as soon as the scheduler can.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from flask import Flask

from backoffice.extensions import db
from backoffice.models import JobRun
from backoffice.notices.issue import render_backlog
from backoffice.sql import dialect_insert
from jobs import heartbeat, pcc
from jobs.enforce import enforce_due_deadlines
from jobs.reminders import send_reminders
from workflows import clock

log = logging.getLogger(__name__)

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}


@dataclass(frozen=True)
class JobSpec:
    id: str
    run: Callable[[], object]
    seconds_key: str


def job_specs(app: Flask) -> list[JobSpec]:
    started_at = clock.now()
    return [
        JobSpec("heartbeat", partial(heartbeat.beat, started_at=started_at),
                "SCHEDULER_HEARTBEAT_SECONDS"),
        JobSpec("enforce_deadlines", lambda: enforce_due_deadlines().processed,
                "SCHEDULER_SWEEP_SECONDS"),
        JobSpec("send_reminders", send_reminders, "SCHEDULER_REMINDER_SECONDS"),
        JobSpec("render_notices",
                lambda: render_backlog(app.config["NOTICE_RENDER_BATCH"]),
                "NOTICE_RENDER_SECONDS"),
        JobSpec("pcc_housekeeping", pcc.housekeeping, "PCC_HOUSEKEEPING_SECONDS"),
    ]


def in_app_context(app: Flask, job: Callable[[], object], name: str) -> Callable[[], None]:
    """Wrap ``job`` so it runs in an app context, records its run, and a failure is logged."""

    def run() -> None:
        with app.app_context():
            started = clock.now()
            processed, error = 0, None
            try:
                outcome = job()
                processed = outcome if isinstance(outcome, int) else 0
            except Exception as failure:
                db.session.rollback()
                error = f"{type(failure).__name__}: {failure}"
                log.exception("job %s failed", name)
            if name != "heartbeat":
                record_run(name, started, processed, error)

    run.__name__ = run.__qualname__ = name
    return run


def record_run(name: str, started, processed: int, error: str | None) -> None:
    """Record a run; two schedulers recording at once both succeed (an upsert)."""
    values = {"last_started_at": started, "last_finished_at": clock.now(),
              "last_processed": processed, "last_error": error}
    statement = dialect_insert(JobRun).values(name=name, runs=1, **values)
    statement = statement.on_conflict_do_update(
        index_elements=[JobRun.name], set_={**values, "runs": JobRun.runs + 1})
    try:
        db.session.execute(statement)
        db.session.commit()
    except Exception:
        db.session.rollback()
        log.exception("could not record the run of %s", name)


def build_scheduler(app: Flask, scheduler_class: type[BaseScheduler] = BlockingScheduler):
    """Declare the fixed jobs; each runs once at start-up (catch-up), then on its interval."""
    scheduler = scheduler_class(timezone=clock.SEOUL, job_defaults=JOB_DEFAULTS)
    now = clock.now()
    for spec in job_specs(app):
        scheduler.add_job(
            in_app_context(app, spec.run, spec.id), trigger="interval",
            seconds=app.config[spec.seconds_key], id=spec.id, next_run_time=now,
        )
    scheduler.add_listener(partial(_remember_next_run, app, scheduler),
                           EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    return scheduler


def _remember_next_run(app: Flask, scheduler: BaseScheduler, event) -> None:
    if event.job_id == "heartbeat":
        return
    job = scheduler.get_job(event.job_id)
    if job is None or job.next_run_time is None:
        return
    with app.app_context():
        try:
            record = db.session.get(JobRun, event.job_id)
            if record is not None:
                record.next_run_at = job.next_run_time
                db.session.commit()
        except Exception:
            db.session.rollback()
            log.exception("could not record the next run of %s", event.job_id)


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
