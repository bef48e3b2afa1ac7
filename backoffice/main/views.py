"""The landing page of each role; ``/`` sends a signed-in user to theirs."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.access import public
from backoffice.alerts import alert_lines
from backoffice.extensions import db
from backoffice.health.checks import scheduler_status
from backoffice.main import queries
from backoffice.main.blueprint import bp
from backoffice.main.charts import Series, grouped_bars
from backoffice.main.watches import watched
from backoffice.security import role_required, safe_local_path
from workflows.roles import Role

LOCALES = ("ko", "en")

LANDING = {
    Role.OFFICER: "worklist.index",
    Role.SUPERVISOR: "main.dashboard",
    Role.DUTY_PAYER: "main.portal",
    Role.ADMIN: "admin.index",
}


@bp.get("/")
def index():
    return redirect(url_for(LANDING[current_user.role_enum]))


@bp.get("/dashboard")
@role_required(Role.SUPERVISOR)
def dashboard():
    """The office at a glance; every number links to the list behind it."""
    office_id = current_user.office_id
    unserved_count, unserved = queries.unserved_notices(office_id)
    activity = queries.monthly_activity(office_id)
    chart = grouped_bars(
        _("Cases opened, decided, and decided after the decision period, last 12 months"),
        activity["labels"], [Series(_("opened"), "opened", activity["opened"]),
                             Series(_("decided"), "decided", activity["decided"]),
                             Series(_("decided late"), "decided late", activity["late"])])
    by_state, per_officer = queries.open_case_counts(office_id)
    counts = queries.deadline_counts(office_id)
    return render_template(
        "main/supervisor.html", unserved_count=unserved_count, unserved=unserved,
        by_state=by_state, per_officer=per_officer, counts=counts,
        deadlines=queries.open_deadlines(current_user, within_days=7),
        scheduler=scheduler_status(), alerts=alert_lines(current_user),
        acknowledged=alert_lines(current_user, acknowledged=True), chart=chart,
        watches=watched(office_id),
    )


@bp.post("/language")
@public
def language():
    """Switch the interface between Korean and English; remembered for a signed-in user."""
    chosen = request.form.get("locale")
    if chosen not in LOCALES:
        abort(400)
    if current_user.is_authenticated:
        current_user.locale = chosen
        db.session.commit()
    session["locale"] = chosen
    return redirect(safe_local_path(request.form.get("next"), url_for("main.index")))
