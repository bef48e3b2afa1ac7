"""``flask --app backoffice pcc ...``: the keys of the registration numbers at rest."""

from __future__ import annotations

import click
from cryptography.fernet import Fernet
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import PccHolder, PccRequest
from backoffice.models.pcc import ERASED
from backoffice.pcc.sealing import configured_sealing


@click.group("pcc")
def pcc_group() -> None:
    """The PCC service's keys."""


@pcc_group.command("new-key")
def new_key_command() -> None:
    """Print a new Fernet key, to put first in PCC_SEALING_KEYS."""
    click.echo(Fernet.generate_key().decode())


@pcc_group.command("rotate-keys")
@click.option("--reindex", is_flag=True,
              help="PCC_INDEX_KEY is new: index every number again under it.")
@with_appcontext
def rotate_keys_command(reindex: bool) -> None:
    """Re-seal every registration number with the first key of PCC_SEALING_KEYS (the others
    still open the old seals until this has run; then drop them), and re-index them when the
    index key changed. One transaction: it all happens or nothing does."""
    sealing = configured_sealing(current_app)
    holders = db.session.scalars(select(PccHolder).where(
        PccHolder.number_sealed != ERASED)).all()
    for holder in holders:
        holder.number_sealed = sealing.reseal(holder.number_sealed)
        if reindex:
            holder.number_index = sealing.index(sealing.open(holder.number_sealed))
    requests = db.session.scalars(select(PccRequest)).all()
    for request in requests:
        request.number_sealed = sealing.reseal(request.number_sealed)
        if reindex:
            request.number_index = sealing.index(sealing.open(request.number_sealed))
    db.session.commit()
    click.echo(f"Re-sealed {len(holders)} holders and {len(requests)} requests"
               + (", re-indexed under the new index key" if reindex else ""))
