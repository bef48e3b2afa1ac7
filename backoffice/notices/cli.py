"""``flask notices``: render the backlog, correct in bulk, list, check the stored PDFs."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import func, select

from backoffice.extensions import db
from backoffice.models import Case, Notice, User
from backoffice.notices.issue import (
    TamperedDocument,
    document_bytes,
    render_notice,
    replaced_ids,
)
from backoffice.notices.rendering import NoKoreanFont, renderer
from backoffice.notices.service import correct_notice
from workflows.notices.kinds import KINDS
from workflows.notices.service import ServiceError


@click.group("notices")
def notices_group() -> None:
    """Notices: render, correct, list, check."""


def _selection(case_ref: str | None, kind: str | None):
    query = select(Notice).order_by(Notice.id)
    if case_ref:
        case_id = db.session.scalar(select(Case.id).where(Case.reference == case_ref))
        if case_id is None:
            raise click.BadParameter(f"no case {case_ref}", param_hint="--case")
        query = query.where(Notice.case_id == case_id)
    if kind:
        if kind not in KINDS:
            raise click.BadParameter(f"unknown kind; one of {', '.join(sorted(KINDS))}",
                                     param_hint="--kind")
        query = query.where(Notice.kind == kind)
    return query


@notices_group.command("render")
@click.option("--case", "case_ref", help="Only the notices of this case (reference).")
@click.option("--kind", help="Only notices of this kind.")
@click.option("--correct", "reason", metavar="REASON",
              help="Re-issue the selected, already rendered notices as corrections with this "
                   "reason (a rendered notice is never overwritten).")
@click.option("--as", "username", help="The officer issuing the corrections.")
@with_appcontext
def render_command(case_ref: str | None, kind: str | None, reason: str | None,
                   username: str | None) -> None:
    """Render the notices that have no PDF yet, or re-issue rendered ones as corrections."""
    try:
        renderer()
    except NoKoreanFont as missing:
        raise click.ClickException(str(missing)) from None
    query = _selection(case_ref, kind)
    if reason:
        _correct_all(query, reason, username)
        return
    ids = list(db.session.scalars(query.where(Notice.file_sha256.is_(None))
                                  .with_only_columns(Notice.id)))
    rendered = 0
    with click.progressbar(ids, label="Rendering notices", show_pos=True) as bar:
        for notice_id in bar:
            rendered += render_notice(db.session.get(Notice, notice_id))
            db.session.commit()
    click.echo(f"{rendered} notice(s) rendered.")


def _correct_all(query, reason: str, username: str | None) -> None:
    actor = db.session.scalar(select(User).where(User.username == (username or "")))
    if actor is None or actor.role not in ("officer", "supervisor"):
        raise click.BadParameter("name the officer or supervisor issuing the corrections",
                                 param_hint="--as")
    notices = [n for n in db.session.scalars(query.where(Notice.file_sha256.is_not(None)))]
    replaced = replaced_ids(n.id for n in notices)
    notices = [n for n in notices if n.id not in replaced and n.case.office_id == actor.office_id]
    issued = 0
    with click.progressbar(notices, label="Issuing corrections", show_pos=True) as bar:
        for notice in bar:
            try:
                render_notice(correct_notice(notice, actor=actor, reason=reason))
                db.session.commit()
                issued += 1
            except ServiceError as problem:
                db.session.rollback()
                click.echo(f"\n{notice.number}: {problem}", err=True)
    click.echo(f"{issued} correction(s) issued.")


@notices_group.command("list")
@click.option("--case", "case_ref")
@click.option("--kind")
@click.option("--unserved", is_flag=True, help="Only notices whose service is not recorded.")
@with_appcontext
def list_command(case_ref: str | None, kind: str | None, unserved: bool) -> None:
    """List notices: number, kind, case, issued, service."""
    query = _selection(case_ref, kind)
    if unserved:
        query = query.where(Notice.served_on.is_(None))
    for notice in db.session.scalars(query):
        service = (f"served {notice.served_on} ({notice.service_method})" if notice.served_on
                   else "NOT SERVED")
        pdf = f"{notice.page_count} p." if notice.file_sha256 else "no PDF yet"
        click.echo(f"{notice.number}  {notice.kind:<26} {notice.case.reference:<18} "
                   f"{notice.issued_at:%Y-%m-%d}  {service}  {pdf}")


@notices_group.command("check")
@with_appcontext
def check_command() -> None:
    """Check every stored PDF against its SHA-256; exit 1 if one does not match."""
    total = db.session.scalar(select(func.count()).select_from(Notice)
                              .where(Notice.file_sha256.is_not(None)))
    bad = []
    for notice in db.session.scalars(select(Notice).where(Notice.file_sha256.is_not(None))):
        try:
            document_bytes(notice)
        except TamperedDocument:
            bad.append(notice.number)
    if bad:
        raise click.ClickException(f"{len(bad)} of {total} notice PDFs do not match their "
                                   f"SHA-256: {', '.join(bad)}")
    click.echo(f"All {total} stored notice PDFs match their SHA-256.")
