"""Acknowledging alerts: an acknowledged alert stays in the list but no longer heads the page."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from backoffice.alerts import acknowledge
from backoffice.extensions import db
from backoffice.i18n import bilingual as bi
from backoffice.main.blueprint import bp
from backoffice.security import role_required, safe_local_path
from workflows.roles import Role

MAX_IDS = 200


@bp.post("/alerts/acknowledge")
@role_required(Role.OFFICER, Role.SUPERVISOR)
def acknowledge_alerts():
    """Acknowledge the alerts of one line (their ids are in the form; CSRF is checked by
    CSRFProtect like every POST)."""
    raw = request.form.getlist("alert_id")
    if not raw or len(raw) > MAX_IDS or not all(value.isascii() and value.isdigit()
                                                and len(value) < 19 for value in raw):
        abort(400)
    count = acknowledge(current_user, [int(value) for value in raw])
    db.session.commit()
    if count:
        flash(bi("Alert acknowledged."), "info")
    return redirect(safe_local_path(request.form.get("back"), url_for("main.index")))
