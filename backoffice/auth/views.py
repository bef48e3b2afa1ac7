from __future__ import annotations

from flask import current_app, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from backoffice.auth import bp
from backoffice.auth.forms import LoginForm, LogoutForm
from backoffice.auth.login import authenticate
from backoffice.extensions import db
from backoffice.security import safe_local_path

FAILED_MESSAGE = (
    "Sign-in failed: check your username and password. "
    "After {max} failed attempts an account is locked for {minutes} minutes."
)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        config = current_app.config
        user = authenticate(
            form.username.data,
            form.password.data,
            max_failures=config["LOGIN_MAX_FAILURES"],
            lockout_minutes=config["LOGIN_LOCKOUT_MINUTES"],
        )
        db.session.commit()
        if user is not None:
            session.clear()
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        error = FAILED_MESSAGE.format(
            max=config["LOGIN_MAX_FAILURES"], minutes=config["LOGIN_LOCKOUT_MINUTES"]
        )
    status = 401 if error else 200
    return render_template("auth/login.html", form=form, error=error), status


@bp.post("/logout")
@login_required
def logout():
    if LogoutForm().validate_on_submit():
        logout_user()
        session.clear()
    return redirect(url_for("auth.login"))


def _safe_next(target: str | None) -> str:
    """Follow ``next`` only to a path on this site, never to another host."""
    return safe_local_path(target, url_for("main.index"))
