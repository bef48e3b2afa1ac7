"""The public register of Authorized Economic Operators (Art. 255-2), as customs
administrations publish their AEO lists: the operator's name, grade, the last day of its term
and its status; nothing else (no identifier, no address, no case)."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import select

from backoffice.access import public
from backoffice.auth.rate_limits import limited
from backoffice.extensions import db
from backoffice.models import Authorisation, AuthorisationStatus, Case, Party
from backoffice.register.blueprint import bp
from workflows import clock
from workflows.procedures.aeo import CERTIFICATE, IN_FORCE, PROCEDURE


@bp.get("/aeo")
@public
@limited("RATELIMIT_PUBLIC_PAGES", "GET")
def aeo():
    """Public: the operators whose certificate is in force today, by name."""
    today = clock.today()
    rows = db.session.execute(
        select(Party.name, Case.data, Case.state, Authorisation.valid_to)
        .join(Case, Case.id == Authorisation.case_id)
        .join(Party, Party.id == Authorisation.holder_id)
        .where(Authorisation.kind == CERTIFICATE.kind,
               Authorisation.status == AuthorisationStatus.IN_FORCE,
               Authorisation.valid_from <= today, Authorisation.valid_to >= today,
               Case.state.in_(IN_FORCE))
        .order_by(Party.name, Authorisation.valid_to)
        .limit(5000)).all()
    operators = [{"name": name, "grade": (data or {}).get("grade") or "—",
                  "valid_to": valid_to, "status": PROCEDURE.state(state)}
                 for name, data, state, valid_to in rows]
    return render_template("register/aeo.html", operators=operators, today=today)
