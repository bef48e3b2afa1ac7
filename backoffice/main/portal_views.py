"""The duty payer's portal: what they must do and by when, what the office owes them, and how
each of their cases was decided (the read model is :mod:`backoffice.main.portal_view`)."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from backoffice.main import portal_view, queries
from backoffice.main.blueprint import bp
from backoffice.security import role_required
from workflows.identifiers import IdentifierKind
from workflows.roles import Role


@bp.get("/portal")
@role_required(Role.DUTY_PAYER)
def portal():
    return render_template("main/duty_payer.html", portal=portal_view.portal_for(current_user),
                           notices=queries.notices_of(current_user),
                           identifier=IdentifierKind(current_user.party.identifier_kind))
