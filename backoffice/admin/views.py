"""The administrator's home: the accounts and their sessions, the system at a glance."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from backoffice.admin.blueprint import bp
from backoffice.admin.forms import AccountActionForm
from backoffice.auth import accounts
from backoffice.auth.sessions import live_session_counts
from backoffice.extensions import db
from backoffice.health.checks import scheduler_status
from backoffice.i18n import N_
from backoffice.i18n import bilingual as bi
from backoffice.main import queries
from backoffice.models import User


@bp.get("")
def index():
    """The accounts, their live sessions, the system's counts and the scheduler."""
    return render_template(
        "admin/index.html",
        users=queries.users_overview(),
        counts=queries.system_counts(),
        scheduler=scheduler_status(),
        live_sessions=live_session_counts(),
    )


ACCOUNT_ACTIONS = {
    "sign-out-everywhere": (accounts.sign_out_everywhere,
                            N_("%(name)s: signed out on every device")),
    "deactivate": (accounts.deactivate, N_("%(name)s: deactivated, signed out on every device")),
    "reactivate": (accounts.reactivate, N_("%(name)s: reactivated")),
}


@bp.post("/users/<int:user_id>/sign-out-everywhere",
         defaults={"action": "sign-out-everywhere"})
@bp.post("/users/<int:user_id>/deactivate", defaults={"action": "deactivate"})
@bp.post("/users/<int:user_id>/reactivate", defaults={"action": "reactivate"})
def account_action(user_id: int, action: str):
    """An administrator ends a user's sessions, or deactivates or reactivates the account."""
    if not AccountActionForm().validate_on_submit():
        abort(400)
    user = db.session.get(User, user_id) or abort(404)
    if user.id == current_user.id:
        flash(bi("Not your own account: use Sign out."), "error")
        return redirect(url_for("admin.index"))
    change, done = ACCOUNT_ACTIONS[action]
    change(user, actor=current_user)
    db.session.commit()
    flash(bi(done, name=user.display_name), "info")
    return redirect(url_for("admin.index"))


@bp.get("/messages")
def messages():
    """The local SMS outbox (``PCC_SMS = "local"``): what would have been sent, newest first."""
    from backoffice.models import SmsMessage

    sent = db.session.scalars(select(SmsMessage).order_by(SmsMessage.id.desc()).limit(200)).all()
    return render_template("admin/messages.html", messages=sent,
                           local=current_app.config["PCC_SMS"] == "local")
