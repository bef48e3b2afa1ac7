"""``flask --app backoffice jobs ...``: run and inspect the scheduler."""

from __future__ import annotations

import logging

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import SchedulerHeartbeat
from workflows import clock


@click.group("jobs")
def jobs() -> None:
    """Run and inspect the deadline scheduler."""


@jobs.command("run")
@with_appcontext
def run_command() -> None:
    """Run the scheduler in this process until interrupted."""
    from jobs.runner import run

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s scheduler %(levelname)s %(message)s"
    )
    run(current_app._get_current_object())


@jobs.command("status")
@with_appcontext
def status_command() -> None:
    """Print the scheduler processes seen and their last heartbeat."""
    beats = db.session.scalars(
        select(SchedulerHeartbeat).order_by(SchedulerHeartbeat.beat_at.desc())
    ).all()
    if not beats:
        click.echo("No scheduler has run against this database.")
        return
    now = clock.now()
    stale_after = current_app.config["SCHEDULER_STALE_AFTER_SECONDS"]
    for beat in beats:
        age = (now - beat.beat_at).total_seconds()
        state = "alive" if age <= stale_after else "stale"
        click.echo(f"{beat.name}: {state}, last heartbeat {age:.0f} s ago "
                   f"(started {beat.started_at.astimezone(clock.SEOUL):%Y-%m-%d %H:%M:%S} KST)")
