"""``flask --app backoffice ...`` commands: database, demo data, users, audit."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_migrate import upgrade
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from backoffice.audit import verify_chain
from backoffice.auth import accounts
from backoffice.auth.passwords import password_problems
from backoffice.auth.usernames import normalise_username, username_problem
from backoffice.demo import DEMO_PASSWORD, database_is_empty, seed_demo
from backoffice.extensions import db
from backoffice.models import CaseEvent, Office, Party, User
from backoffice.notices.issue import render_backlog
from workflows.roles import OFFICE_ROLES, Role


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create or upgrade the database schema through the migrations."""
    upgrade()
    click.echo(f"Database at revision head: {db.engine.url.render_as_string(hide_password=True)}")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database has users.")
@click.option("--any-database", is_flag=True,
              help="Also load into a database other than SQLite (never in production).")
@with_appcontext
def seed_demo_command(if_empty: bool, any_database: bool) -> None:
    """Load demo offices, users of every role, parties and cases.

    The demo users share a published password, so the demo data goes only into a SQLite
    database unless ``--any-database`` says otherwise.
    """
    if db.engine.dialect.name != "sqlite" and not any_database:
        message = ("demo data (with a published password) is loaded only into SQLite; "
                   "pass --any-database to load it into this database anyway")
        if if_empty:
            click.echo(f"Not loading demo data: {message}.")
            return
        raise click.ClickException(message)
    if not database_is_empty():
        if if_empty:
            click.echo("Database already has data; demo data not loaded.")
            return
        raise click.ClickException(
            "The database already has users; demo data is for an empty one."
        )
    users = seed_demo()
    db.session.commit()
    rendered = render_backlog(limit=1000)
    click.echo(f"Demo data loaded ({rendered} notices rendered). "
               "Sign in at http://127.0.0.1:5000/login as:")
    for user in users:
        where = user.office or (f"party {user.party}" if user.party else "")
        click.echo(f"  {user.username:<15} {user.role.label_en:<16} {where:<12} "
                   f"password: {DEMO_PASSWORD}")


@click.command("create-user")
@click.option("--username", required=True)
@click.option("--name", "display_name", required=True, help="Name shown in the back office.")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--office", "office_code", help="Office code, for officers and supervisors.")
@click.option("--party-id", type=int, help="Party the duty payer acts for.")
@click.option("--locale", type=click.Choice(["ko", "en"]), default="ko", show_default=True)
@click.password_option(help="Prompted for when not given.")
@with_appcontext
def create_user_command(username, display_name, role, office_code, party_id, locale, password):
    """Create a user who can sign in; the password keeps the policy (backoffice.auth.passwords).

    The username is stored trimmed and in lower case, unique whatever its case.
    """
    problem = username_problem(username)
    if problem:
        raise click.BadParameter(problem, param_hint="--username")
    username = normalise_username(username)
    problems = password_problems(password, username, current_app.config["PASSWORD_MIN_LENGTH"])
    if problems:
        raise click.BadParameter("; ".join(problems), param_hint="--password")
    if db.session.scalar(select(User.id).where(User.username == username)) is not None:
        raise click.ClickException(f"username {username!r} is taken")
    office = party = None
    if role in OFFICE_ROLES:
        if not office_code:
            raise click.UsageError(f"a {role} needs --office")
        office = db.session.scalar(select(Office).where(Office.code == office_code))
        if office is None:
            raise click.BadParameter(f"no office with code {office_code!r}", param_hint="--office")
    elif office_code:
        raise click.UsageError(f"a {role} belongs to no office; drop --office")
    if role == Role.DUTY_PAYER:
        party = db.session.get(Party, party_id) if party_id else None
        if party is None:
            raise click.BadParameter(
                "a duty payer needs an existing party", param_hint="--party-id"
            )
    elif party_id:
        raise click.UsageError("only a duty payer acts for a party; drop --party-id")
    user = User(username=username, display_name=display_name, role=role, office=office,
                party=party, locale=locale)
    user.set_password(password)
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise click.ClickException(f"username {username!r} is taken") from None
    click.echo(f"Created {role} {username!r}.")


def _user_named(username: str) -> User:
    user = db.session.scalar(select(User).where(User.username == normalise_username(username)))
    if user is None:
        raise click.ClickException(f"no user {username!r}")
    return user


@click.command("sign-out-everywhere")
@click.argument("username")
@with_appcontext
def sign_out_everywhere_command(username: str) -> None:
    """End every session of USERNAME: signed out on every device at their next request."""
    user = _user_named(username)
    ended = accounts.sign_out_everywhere(user, actor=None)
    db.session.commit()
    click.echo(f"{user.username!r} signed out on every device ({ended} sessions ended).")


@click.command("deactivate-user")
@click.argument("username")
@with_appcontext
def deactivate_user_command(username: str) -> None:
    """Deactivate USERNAME: no more sign-ins, and every session ends now."""
    user = _user_named(username)
    accounts.deactivate(user, actor=None)
    db.session.commit()
    click.echo(f"{user.username!r} deactivated and signed out on every device.")


@click.group("audit")
def audit_group() -> None:
    """Check the tamper-evident history of the cases."""


@audit_group.command("verify")
@with_appcontext
def audit_verify_command() -> None:
    """Recompute every case's event chain; exit 1 if any event was altered or removed."""
    breaks = list(verify_chain(db.session))
    for chain_break in breaks:
        click.echo(f"BROKEN {chain_break}", err=True)
    if breaks:
        raise SystemExit(1)
    count = db.session.query(CaseEvent).count()
    click.echo(f"OK: the history of every case is intact ({count} events).")


def register_cli(app: Flask) -> None:
    from backoffice.deadlines.cli import calendar_group
    from backoffice.notices.cli import notices_group
    from backoffice.pcc.cli import pcc_group
    from backoffice.procedures.cli import procedures_group

    for command in (init_db_command, seed_demo_command, create_user_command,
                    sign_out_everywhere_command, deactivate_user_command, audit_group,
                    calendar_group, procedures_group, notices_group, pcc_group):
        app.cli.add_command(command)
