"""The landing page of each role; ``/`` sends a signed-in user to theirs."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from backoffice.alerts import alert_lines
from backoffice.auth import accounts
from backoffice.auth.forms import AccountActionForm
from backoffice.auth.sessions import live_session_counts
from backoffice.extensions import db
from backoffice.health import scheduler_status
from backoffice.main import queries
from backoffice.main.blueprint import bp
from backoffice.main.charts import grouped_bars
from backoffice.models import User
from backoffice.security import role_required, safe_local_path
from workflows.roles import Role

LOCALES = ("ko", "en")

LANDING = {
    Role.OFFICER: "worklist.index",
    Role.SUPERVISOR: "main.dashboard",
    Role.DUTY_PAYER: "main.portal",
    Role.ADMIN: "main.admin",
}


@bp.get("/")
@login_required
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
        "Cases opened, decided, and decided after the decision period, last 12 months",
        activity["labels"], [("opened", activity["opened"]), ("decided", activity["decided"]),
                             ("decided late", activity["late"])])
    by_state, per_officer = queries.open_case_counts(office_id)
    counts = queries.deadline_counts(office_id)
    return render_template(
        "main/supervisor.html", unserved_count=unserved_count, unserved=unserved,
        by_state=by_state, per_officer=per_officer, counts=counts,
        deadlines=queries.open_deadlines(current_user, within_days=7),
        scheduler=scheduler_status(), alerts=alert_lines(current_user),
        acknowledged=alert_lines(current_user, acknowledged=True), chart=chart,
    )


@bp.get("/admin")
@role_required(Role.ADMIN)
def admin():
    return render_template(
        "main/admin.html",
        users=queries.users_overview(),
        counts=queries.system_counts(),
        scheduler=scheduler_status(),
        live_sessions=live_session_counts(),
    )


ACCOUNT_ACTIONS = {
    "sign-out-everywhere": (
        accounts.sign_out_everywhere,
        "{name}: 모든 기기에서 로그아웃시켰습니다 · signed out on every device"),
    "deactivate": (accounts.deactivate,
                   "{name}: 사용 중지되었습니다 · deactivated, signed out on every device"),
    "reactivate": (accounts.reactivate, "{name}: 다시 사용할 수 있습니다 · reactivated"),
}


@bp.post("/admin/users/<int:user_id>/sign-out-everywhere",
         defaults={"action": "sign-out-everywhere"})
@bp.post("/admin/users/<int:user_id>/deactivate", defaults={"action": "deactivate"})
@bp.post("/admin/users/<int:user_id>/reactivate", defaults={"action": "reactivate"})
@role_required(Role.ADMIN)
def account_action(user_id: int, action: str):
    """An administrator ends a user's sessions, or deactivates or reactivates the account."""
    if not AccountActionForm().validate_on_submit():
        abort(400)
    user = db.session.get(User, user_id) or abort(404)
    if user.id == current_user.id:
        flash("자기 계정은 여기서 바꿀 수 없습니다: 로그아웃 버튼을 쓰십시오 · "
              "not your own account: use Sign out", "error")
        return redirect(url_for("main.admin"))
    change, done = ACCOUNT_ACTIONS[action]
    change(user, actor=current_user)
    db.session.commit()
    flash(done.format(name=user.display_name), "info")
    return redirect(url_for("main.admin"))


@bp.post("/language")
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
