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
from backoffice.security import safe_local_path

FAILED_MESSAGE = (
    "로그인 실패: 아이디와 비밀번호를 확인하세요. 같은 곳에서 {max}번 실패하면 그곳에서의 로그인이 "
    "{minutes}분 동안 막히고, 다시 막힐 때마다 두 배로 길어집니다. 다른 곳에서의 로그인은 "
    "막히지 않습니다. · "
    "Sign-in failed: check your username and password. After {max} failed attempts from one "
    "place, sign-in from there is refused for {minutes} minutes, twice as long each further "
    "time; sign-in from elsewhere is not affected."
)
SIGNED_OUT_MESSAGE = ("모든 기기에서 로그아웃되었습니다. · "
                      "You are signed out on every device.")
NEW_CREDENTIALS_MESSAGE = ("비밀번호가 변경되어 모든 기기에서 로그아웃되었습니다. 새 비밀번호로 "
                            "로그인하십시오. · Password changed; you are signed out on every "
                            "device. Sign in with the new password.")
WRONG_CURRENT = "현재 비밀번호가 맞지 않습니다 · the current password is wrong"


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
        error = FAILED_MESSAGE.format(
            max=config["LOGIN_MAX_FAILURES"], minutes=config["LOGIN_LOCKOUT_MINUTES"]
        )
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
        flash(SIGNED_OUT_MESSAGE, "info")
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
                form.current_password.errors.append(WRONG_CURRENT)
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
                    flash(NEW_CREDENTIALS_MESSAGE, "info")
                    return redirect(url_for("auth.login"))
        db.session.rollback()
    return render_template("auth/password.html", form=form,
                           min_length=current_app.config["PASSWORD_MIN_LENGTH"]), status


def _safe_next(target: str | None) -> str:
    """Follow ``next`` only to a path on this site, never to another host."""
    return safe_local_path(target, url_for("main.index"))
