"""``flask --app backoffice calendar ...``: closure days, outages and deadlines from the shell."""

from __future__ import annotations

from datetime import date, datetime

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from backoffice.deadlines import store
from backoffice.extensions import db
from backoffice.models import CalendarDay, NetworkOutage
from workflows.calendar import CalendarError, ExtraDayKind, Period
from workflows.calendar.__main__ import parse_start
from workflows.clock import SEOUL


class _Date(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return datetime.strptime(value, "%Y-%m-%d").date()
        except ValueError:
            self.fail(f"{value!r} is not a real date (YYYY-MM-DD)", param, ctx)


class _SeoulTime(click.ParamType):
    name = "YYYY-MM-DDTHH:MM"

    def convert(self, value, param, ctx):
        try:
            return datetime.strptime(value, "%Y-%m-%dT%H:%M").replace(tzinfo=SEOUL)
        except ValueError:
            self.fail(f"{value!r} is not a date and time (YYYY-MM-DDTHH:MM, KST)", param, ctx)


_PENDING = (", pending: it reaches back beyond the retroactive window and counts in no deadline "
            "until an administrator confirms it on the admin calendar page.")


@click.group("calendar")
def calendar_group() -> None:
    """The statutory calendar: closure days, outages, deadlines."""


@calendar_group.command("due")
@click.argument("start")
@click.argument("period")
@click.option("--label", default="start", help="What the start is, e.g. 'receipt'.")
@with_appcontext
def due_command(start: str, period: str, label: str) -> None:
    """Compute a deadline with the office's closure days and outages."""
    try:
        due = store.load_calendar().due(parse_start(start), Period.parse(period),
                                        start_label=label)
    except CalendarError as error:
        raise click.UsageError(str(error)) from None
    click.echo(due.due_date.isoformat())
    for step in due.steps:
        click.echo(f"  {step}")


@calendar_group.command("add-day")
@click.argument("day", type=_Date())
@click.option("--name", required=True, help="e.g. 'Treasury agent banks closed'.")
@click.option("--kind", type=click.Choice([k.value for k in ExtraDayKind]), required=True,
              help="decree_day: Art. 8(3)4; public_holiday: Art. 8(3)2.")
@click.option("--ground", required=True, help="The legal ground of the closure.")
@with_appcontext
def add_day_command(day: date, name: str, kind: str, ground: str) -> None:
    """Record a non-working day of the office."""
    try:
        entry = store.add_closure_day(day, name=name, kind=kind, ground=ground, actor=None)
    except CalendarError as error:
        raise click.UsageError(str(error)) from None
    db.session.commit()
    click.echo(f"Added {day}: {name} ({kind}){_PENDING if entry.pending else '.'}")


@calendar_group.command("remove-day")
@click.argument("day", type=_Date())
@with_appcontext
def remove_day_command(day: date) -> None:
    """Remove a recorded non-working day."""
    try:
        store.remove_closure_day(day)
    except CalendarError as error:
        raise click.UsageError(str(error)) from None
    db.session.commit()
    click.echo(f"Removed {day}.")


@calendar_group.command("add-outage")
@click.option("--start", "started_at", type=_SeoulTime(), required=True)
@click.option("--repaired", "repaired_at", type=_SeoulTime(), required=True)
@click.option("--ground", required=True)
@with_appcontext
def add_outage_command(started_at: datetime, repaired_at: datetime, ground: str) -> None:
    """Record an outage of the electronic customs network (Art. 8(4))."""
    try:
        outage = store.record_outage(started_at, repaired_at, ground=ground, actor=None)
    except CalendarError as error:
        raise click.UsageError(str(error)) from None
    db.session.commit()
    click.echo(f"Recorded outage {started_at:%Y-%m-%d %H:%M} to {repaired_at:%Y-%m-%d %H:%M} KST"
               f"{_PENDING if outage.pending else '.'}")


@calendar_group.command("list")
@with_appcontext
def list_command() -> None:
    """List the recorded closure days and outages."""
    for day in db.session.scalars(select(CalendarDay).order_by(CalendarDay.day)):
        click.echo(f"{day.day}  {day.kind:<15} {day.name} — {day.ground}"
                   f"{' (pending confirmation)' if day.pending else ''}")
    for outage in db.session.scalars(select(NetworkOutage).order_by(NetworkOutage.started_at)):
        click.echo(f"outage {outage.started_at.astimezone(SEOUL):%Y-%m-%d %H:%M} to "
                   f"{outage.repaired_at.astimezone(SEOUL):%Y-%m-%d %H:%M} KST — {outage.ground}"
                   f"{' (pending confirmation)' if outage.pending else ''}")
