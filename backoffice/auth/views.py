from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from backoffice.access import public
from backoffice.auth.accounts import PasswordRefused, change_password
from backoffice.auth.blueprint import bp
from backoffice.auth.forms import LoginForm, LogoutForm, PasswordChangeForm
from backoffice.auth.login import authenticate
from backoffice.auth.rate_limits import limited, refused
from backoffice.auth.sessions import end_every_session, start_session
from backoffice.auth.sources import request_source
from backoffice.extensions import db
from backoffice.i18n import N_, plain_bilingual
from backoffice.i18n import bilingual as bi
from backoffice.i18n import lazy_plain_bilingual as both
from backoffice.security import safe_local_path

FAILED_MESSAGE = N_(
    "Sign-in failed: check your username and password. After %(max)s failed attempts from one "
    "place, sign-in from there is refused for %(minutes)s minutes, twice as long each further "
    "time; sign-in from elsewhere is not affected."
)
SIGNED_OUT_MESSAGE = N_("You are signed out on every device.")
NEW_CREDENTIALS_MESSAGE = N_("Password changed; you are signed out on every device. Sign in "
                             "with the new password.")
WRONG_CURRENT = N_("The current password is wrong.")


@bp.route("/login", methods=["GET", "POST"])
@public
@limited("RATELIMIT_PUBLIC_PAGES", "GET")
@limited("RATELIMIT_SIGN_IN", "POST", deduct_when=refused)
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
            source=request_source(),
            max_failures=config["LOGIN_MAX_FAILURES"],
            lockout_minutes=config["LOGIN_LOCKOUT_MINUTES"],
            max_lock_hours=config["LOGIN_LOCKOUT_MAX_HOURS"],
        )
        if user is not None:
            session.clear()
            login_user(user)
            start_session(user)
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")))
        db.session.commit()
        error = plain_bilingual(FAILED_MESSAGE, max=config["LOGIN_MAX_FAILURES"],
                                minutes=config["LOGIN_LOCKOUT_MINUTES"])
    status = 401 if error else 200
    return render_template("auth/login.html", form=form, error=error), status


@bp.post("/logout")
def logout():
    """Sign out on every device: every session of the user ends (issue 13, item 4)."""
    if LogoutForm().validate_on_submit():
        end_every_session(current_user.id)
        db.session.commit()
        logout_user()
        session.clear()
        flash(bi(SIGNED_OUT_MESSAGE), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@limited("RATELIMIT_PASSWORD_CHANGE", "POST")
def password():
    """Change one's own password: the current one, the new one twice, the policy kept."""
    form = PasswordChangeForm()
    status = 200
    if form.is_submitted():
        status = 400
        if form.validate():
            if not current_user.check_password(form.current_password.data):
                form.current_password.errors.append(both(WRONG_CURRENT))
            else:
                try:
                    change_password(current_user, form.new_password.data,
                                    min_length=current_app.config["PASSWORD_MIN_LENGTH"],
                                    actor=current_user)
                except PasswordRefused as refused:
                    form.new_password.errors.extend(refused.problems)
                else:
                    db.session.commit()
                    logout_user()
                    session.clear()
                    flash(bi(NEW_CREDENTIALS_MESSAGE), "info")
                    return redirect(url_for("auth.login"))
        db.session.rollback()
    return render_template("auth/password.html", form=form,
                           min_length=current_app.config["PASSWORD_MIN_LENGTH"]), status


def _safe_next(target: str | None) -> str:
    """Follow ``next`` only to a path on this site, never to another host."""
    return safe_local_path(target, url_for("main.index"))
