"""Sessions kept on the server (issue 13, item 4): logout, a password change, deactivation and
an administrator's "sign out everywhere" end every session of the user, so a cookie copied
before no longer signs anyone in, for GET or POST."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from backoffice.auth.sessions import TOKEN_KEY
from backoffice.extensions import db
from backoffice.models import SignInSession, User
from tests.factories import PASSWORD
from tests.form_crawler import send, submit, visit
from workflows import clock
from workflows.roles import Role

NEW_PASSWORD = "a new and long passphrase"


def sign_in(client, username: str, password: str = PASSWORD):
    """Sign in through the login form as the page serves it."""
    form = visit(client, "/login").form(action="/login")
    return submit(client, form, username=username, password=password)


def signed_in(client) -> bool:
    return client.get("/worklist").status_code == 200


def copy_of_cookie(app, client):
    """A second browser holding a copy of ``client``'s session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def test_a_cookie_copied_before_logout_no_longer_works_for_get_or_post(app, make, client):
    officer = make.user("officer", Role.OFFICER)
    assert sign_in(client, "officer").status_code == 302
    token = visit(client, "/account/password").form("password-form").value("csrf_token")
    # Copied now, the cookie holds the session the page's CSRF token belongs to.
    thief = copy_of_cookie(app, client)
    assert signed_in(thief)
    send(client, visit(client, "/worklist").form(action="/logout"))
    assert not signed_in(client)

    get = thief.get("/worklist")
    assert get.status_code == 302 and get.location.startswith("/login")
    post = thief.post("/account/password", data={
        "csrf_token": token, "current_password": PASSWORD, "new_password": NEW_PASSWORD,
        "new_password_again": NEW_PASSWORD})
    assert post.status_code == 302 and post.location.startswith("/login")
    with app.app_context():
        assert db.session.get(User, officer.id).check_password(PASSWORD)


def test_logout_ends_the_sessions_on_every_device(app, make, client):
    make.user("officer", Role.OFFICER)
    laptop, phone = client, app.test_client()
    sign_in(laptop, "officer")
    sign_in(phone, "officer")
    page = visit(laptop, "/worklist")
    assert "모든 기기에서 로그아웃" in page.text and "Sign out on every device" in page.text
    landed = send(laptop, page.form(action="/logout"))
    assert "모든 기기에서 로그아웃되었습니다" in landed.text
    assert not signed_in(laptop) and not signed_in(phone)


def test_a_password_change_ends_every_session_and_the_old_password_stops_working(
        app, make, client):
    officer = make.user("officer", Role.OFFICER)
    other = app.test_client()
    sign_in(client, "officer")
    sign_in(other, "officer")
    form = visit(client, "/account/password").form("password-form")
    landed = send(client, form, current_password=PASSWORD, new_password=NEW_PASSWORD,
                  new_password_again=NEW_PASSWORD)
    assert "비밀번호가 변경되어" in landed.text
    assert not signed_in(client) and not signed_in(other)
    assert sign_in(client, "officer").status_code == 401
    assert sign_in(client, "officer", NEW_PASSWORD).status_code == 302
    with app.app_context():
        assert db.session.get(User, officer.id).check_password(NEW_PASSWORD)


def test_a_weak_new_password_is_refused_on_its_field_and_changes_nothing(app, make, client):
    officer = make.user("officer", Role.OFFICER)
    sign_in(client, "officer")
    form = visit(client, "/account/password").form("password-form")
    refused = submit(client, form, current_password=PASSWORD, new_password="officer12345678",
                     new_password_again="officer12345678")
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert "사용자명을 포함할 수 없습니다" in page and "field-error" in page
    assert signed_in(client)
    with app.app_context():
        assert db.session.get(User, officer.id).check_password(PASSWORD)


def test_a_wrong_current_password_is_refused_on_its_field(app, make, client):
    officer = make.user("officer", Role.OFFICER)
    sign_in(client, "officer")
    form = visit(client, "/account/password").form("password-form")
    refused = submit(client, form, current_password="not my password",
                     new_password=NEW_PASSWORD, new_password_again=NEW_PASSWORD)
    assert refused.status_code == 400
    assert "현재 비밀번호가 맞지 않습니다" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, officer.id).check_password(PASSWORD)


def test_two_different_new_passwords_are_refused(make, client):
    make.user("officer", Role.OFFICER)
    sign_in(client, "officer")
    form = visit(client, "/account/password").form("password-form")
    refused = submit(client, form, current_password=PASSWORD, new_password=NEW_PASSWORD,
                     new_password_again=NEW_PASSWORD + "!")
    assert refused.status_code == 400
    assert "두 비밀번호가 다릅니다" in refused.get_data(as_text=True)


def test_an_administrator_signs_a_user_out_everywhere(app, make, client):
    user = make.user("officer", Role.OFFICER)
    make.user("admin", Role.ADMIN)
    officer = app.test_client()
    sign_in(officer, "officer")
    sign_in(client, "admin")
    page = visit(client, "/admin")
    form = _user_form(page, user, "sign-out-everywhere")
    landed = send(client, form)
    assert "모든 기기에서 로그아웃시켰습니다" in landed.text
    assert not signed_in(officer)
    assert sign_in(officer, "officer").status_code == 302  # the account itself still works


def test_deactivation_signs_the_user_out_and_reactivation_lets_them_sign_in_again(
        app, make, client):
    user = make.user("officer", Role.OFFICER)
    make.user("admin", Role.ADMIN)
    officer = app.test_client()
    sign_in(officer, "officer")
    sign_in(client, "admin")
    send(client, _user_form(visit(client, "/admin"), user, "deactivate"))
    assert not signed_in(officer)
    assert sign_in(officer, "officer").status_code == 401
    send(client, _user_form(visit(client, "/admin"), user, "reactivate"))
    assert sign_in(officer, "officer").status_code == 302


def test_an_administrator_cannot_deactivate_their_own_account(app, make, client):
    admin = make.user("admin", Role.ADMIN)
    sign_in(client, "admin")
    page = visit(client, "/admin")
    assert not [f for f in page.forms if f.action.startswith(f"/admin/users/{admin.id}/")]
    token = page.form(action="/logout").value("csrf_token")
    client.post(f"/admin/users/{admin.id}/deactivate", data={"csrf_token": token})
    with app.app_context():
        assert db.session.get(User, admin.id).active
    assert signed_in_as_admin(client)


def signed_in_as_admin(client) -> bool:
    return client.get("/admin").status_code == 200


def test_the_account_buttons_need_an_administrator(app, make, client):
    officer = make.user("officer", Role.OFFICER)
    make.user("boss", Role.SUPERVISOR)
    sign_in(client, "boss")
    token = visit(client, "/dashboard").form(action="/logout").value("csrf_token")
    response = client.post(f"/admin/users/{officer.id}/deactivate", data={"csrf_token": token})
    assert response.status_code == 403
    with app.app_context():
        assert db.session.get(User, officer.id).active


def test_the_command_line_signs_out_everywhere_and_deactivates(app, make, client, runner):
    make.user("officer", Role.OFFICER)
    sign_in(client, "officer")
    result = runner.invoke(args=["sign-out-everywhere", "Officer "])
    assert result.exit_code == 0, result.output
    assert "1 sessions ended" in result.output
    assert not signed_in(client)
    sign_in(client, "officer")
    result = runner.invoke(args=["deactivate-user", "officer"])
    assert result.exit_code == 0, result.output
    assert not signed_in(client)
    assert sign_in(client, "officer").status_code == 401
    assert runner.invoke(args=["deactivate-user", "nobody"]).exit_code == 1


def test_a_session_ends_when_its_lifetime_is_over(app, make, client):
    make.user("officer", Role.OFFICER)
    sign_in(client, "officer")
    with app.app_context():
        stored = db.session.scalar(select(SignInSession))
        assert stored.expires_at - stored.created_at == app.permanent_session_lifetime
        stored.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        db.session.commit()
    assert not signed_in(client)


def test_moving_the_legal_clock_on_signs_no_one_out(app, make, client):
    """Sessions run on the wall clock; tests and the demo move the legal clock."""
    make.user("officer", Role.OFFICER)
    sign_in(client, "officer")
    with clock.frozen(clock.now() + timedelta(days=7)):
        assert signed_in(client)


def test_a_cookie_from_before_the_upgrade_signs_no_one_in(app, make, client):
    officer = make.user("officer", Role.OFFICER)
    with client.session_transaction() as session:
        session["_user_id"] = str(officer.id)
        session["_fresh"] = True
    assert not signed_in(client)


def test_the_token_is_stored_hashed_with_its_source(app, make, client):
    make.user("officer", Role.OFFICER)
    sign_in(client, "officer")
    with client.session_transaction() as session:
        token = session[TOKEN_KEY]
    with app.app_context():
        stored = db.session.scalar(select(SignInSession))
        assert stored.token_hash != token and len(stored.token_hash) == 64
        assert stored.source == "127.0.0.1" and stored.revoked_at is None


def _user_form(page, user, action: str):
    """The administrator's button ``action`` on ``user``'s row of /admin."""
    return page.form(action=f"/admin/users/{user.id}/{action}")
