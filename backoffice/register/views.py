"""The public register of certified operators (Art. 255-2), as customs administrations
publish their AEO lists: the holder's name, grade, the last day of its term and its status;
nothing else (no identifier, no address, no case). Which procedures publish what they grant is
their declaration (``Procedure.public_register``)."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import select

from backoffice.access import public
from backoffice.auth.rate_limits import limited
from backoffice.extensions import db
from backoffice.models import Authorisation, AuthorisationStatus, Case, Party
from backoffice.register.blueprint import bp
from workflows import clock
from workflows.procedures import REGISTRY


def _published() -> dict[str, object]:
    """The kinds of authorisation published, each with the procedure that grants it."""
    return {t.grants.kind: procedure for procedure in REGISTRY.values()
            if procedure.public_register for t in procedure.transitions
            if t.grants is not None and isinstance(t.grants.kind, str)}


@bp.get("/aeo")
@public
@limited("RATELIMIT_PUBLIC_PAGES", "GET")
def aeo():
    """Public: the holders whose certificate is in force today, by name."""
    today = clock.today()
    published = _published()
    rows = db.session.execute(
        select(Party.name, Case.data, Case.procedure, Case.state, Authorisation.valid_to)
        .join(Case, Case.id == Authorisation.case_id)
        .join(Party, Party.id == Authorisation.holder_id)
        .where(Authorisation.kind.in_(list(published)),
               Authorisation.status == AuthorisationStatus.IN_FORCE,
               Authorisation.valid_from <= today, Authorisation.valid_to >= today,
               Case.closed_at.is_(None))
        .order_by(Party.name, Authorisation.valid_to)
        .limit(5000)).all()
    operators = [{"name": name, "grade": (data or {}).get("grade") or "—",
                  "valid_to": valid_to, "status": REGISTRY[procedure].state(state)}
                 for name, data, procedure, state, valid_to in rows]
    return render_template("register/aeo.html", operators=operators, today=today)
