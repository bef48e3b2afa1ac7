"""``flask --app backoffice jobs ...``: run, inspect and drive the scheduler."""

from __future__ import annotations

import logging
from datetime import datetime

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import JobRun, SchedulerHeartbeat
from workflows import clock


@click.group("jobs")
def jobs() -> None:
    """Run, inspect and drive the deadline scheduler."""


@jobs.command("run")
@with_appcontext
def run_command() -> None:
    """Run the scheduler in this process until interrupted."""
    from jobs.runner import run

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s scheduler %(levelname)s %(message)s"
    )
    run(current_app._get_current_object())


def _kst(moment: datetime | None) -> str:
    return "never" if moment is None else f"{moment.astimezone(clock.SEOUL):%Y-%m-%d %H:%M:%S} KST"


@jobs.command("status")
@with_appcontext
def status_command() -> None:
    """Print the scheduler processes, the last sweep, the next wake-up, the backlog and lag."""
    from jobs.enforce import due_backlog

    now = clock.now()
    stale_after = current_app.config["SCHEDULER_STALE_AFTER_SECONDS"]
    beats = db.session.scalars(
        select(SchedulerHeartbeat).order_by(SchedulerHeartbeat.beat_at.desc())
    ).all()
    if not beats:
        click.echo("scheduler: none has run against this database")
    for beat in beats:
        age = (now - beat.beat_at).total_seconds()
        state = "alive" if age <= stale_after else "stale"
        click.echo(f"scheduler: {beat.name} {state}, last heartbeat {age:.0f} s ago, "
                   f"started {_kst(beat.started_at)}")
    runs = {r.name: r for r in db.session.scalars(select(JobRun))}
    for name in ("enforce_deadlines", "send_reminders"):
        record = runs.get(name)
        if record is None:
            click.echo(f"{name}: never run")
            continue
        error = f", last error: {record.last_error}" if record.last_error else ""
        click.echo(f"{name}: last run {_kst(record.last_finished_at)} "
                   f"({record.last_processed} processed){error}; "
                   f"next wake-up {_kst(record.next_run_at)}")
    count, oldest = due_backlog(now)
    lag = f"{(now - oldest).total_seconds():.0f} s" if oldest else "0 s"
    click.echo(f"due now: {count} deadline(s) waiting; lag {lag}")


class _AsOf(click.ParamType):
    name = "YYYY-MM-DD[THH:MM]"

    def convert(self, value, param, ctx):
        for pattern in ("%Y-%m-%dT%H:%M", "%Y-%m-%d"):
            try:
                return datetime.strptime(value, pattern).replace(tzinfo=clock.SEOUL)
            except ValueError:
                continue
        self.fail(f"{value!r} is not a date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM)",
                  param, ctx)


@jobs.command("sweep")
@click.option("--as-of", "as_of", type=_AsOf(),
              help="Run as if it were this moment (KST); a date means 00:00 of that day.")
@with_appcontext
def sweep_command(as_of: datetime | None) -> None:
    """Make every passed deadline take effect now, then send the reminders that are due."""
    from jobs.enforce import enforce_due_deadlines
    from jobs.reminders import send_reminders
    from jobs.runner import record_run

    moment = as_of or clock.now()
    with clock.frozen(moment):
        result = enforce_due_deadlines()
        reminders = send_reminders()
    record_run("enforce_deadlines", moment, result.processed,
               f"{len(result.failed)} failed" if result.failed else None)
    click.echo(f"as of {_kst(moment)}: {result.fired} took effect, {result.flagged} flagged, "
               f"{result.cancelled} cancelled, {len(result.failed)} failed; "
               f"{reminders} reminder(s) sent")
    if result.failed:
        raise SystemExit(1)
