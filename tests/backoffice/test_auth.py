"""Signing in and out: hashed passwords, uniform failures, lock-out, CSRF on every form."""

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import User
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from workflows.roles import Role

LANDINGS = [
    (Role.OFFICER, "/worklist", "Worklist"),
    (Role.SUPERVISOR, "/dashboard", "Supervisor dashboard"),
    (Role.DUTY_PAYER, "/portal", "My cases"),
    (Role.ADMIN, "/admin", "Administration"),
]


@pytest.mark.parametrize(("role", "path", "heading"), LANDINGS)
def test_each_role_lands_on_its_own_page(make, client, auth, role, path, heading):
    make.user("someone", role)
    response = auth.login("someone", PASSWORD)
    assert response.status_code == 302
    landing = client.get("/")
    assert landing.location == path
    page = client.get(path).get_data(as_text=True)
    assert f"<h1>{heading}" in page


FORBIDDEN = [
    (Role.DUTY_PAYER, "/worklist"), (Role.DUTY_PAYER, "/dashboard"), (Role.DUTY_PAYER, "/admin"),
    (Role.OFFICER, "/dashboard"), (Role.OFFICER, "/portal"), (Role.OFFICER, "/admin"),
    (Role.SUPERVISOR, "/portal"), (Role.SUPERVISOR, "/admin"),
    (Role.ADMIN, "/worklist"), (Role.ADMIN, "/portal"),
]


@pytest.mark.parametrize(("role", "path"), FORBIDDEN)
def test_a_page_of_another_role_is_forbidden(make, client, auth, role, path):
    make.user("someone", role)
    auth.login("someone", PASSWORD)
    assert client.get(path).status_code == 403


def test_pages_need_a_signed_in_user(client):
    response = client.get("/worklist")
    assert response.status_code == 302
    assert response.location.startswith("/login")


def test_passwords_are_stored_hashed(make):
    user = make.user("officer", Role.OFFICER)
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))


def test_wrong_password_and_unknown_user_fail_alike(make, auth):
    make.user("officer", Role.OFFICER)
    wrong_password = auth.login("officer", "not the password")
    unknown_user = auth.login("nobody", PASSWORD)
    assert wrong_password.status_code == unknown_user.status_code == 401
    message = "Sign-in failed: check your username and password."
    assert message in wrong_password.get_data(as_text=True)
    assert message in unknown_user.get_data(as_text=True)
    assert "does not exist" not in unknown_user.get_data(as_text=True).lower()


def test_account_locks_after_repeated_failures(app, make, auth, client):
    make.user("officer", Role.OFFICER)
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        auth.login("officer", "guess")
    locked = auth.login("officer", PASSWORD)
    assert locked.status_code == 401
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "officer"))
        assert user.locked_until is not None


def test_a_disabled_account_cannot_sign_in(app, make, auth):
    user = make.user("officer", Role.OFFICER)
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert auth.login("officer", PASSWORD).status_code == 401


def test_login_without_csrf_token_is_refused(make, client):
    make.user("officer", Role.OFFICER)
    response = client.post("/login", data={"username": "officer", "password": PASSWORD})
    assert response.status_code == 400
    assert "did not come from this site" in response.get_data(as_text=True)
    assert client.get("/worklist").status_code == 302


def test_logout_needs_a_post_with_csrf(make, client, auth):
    make.user("officer", Role.OFFICER)
    auth.login("officer", PASSWORD)
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400
    assert client.get("/worklist").status_code == 200
    auth.logout()
    assert client.get("/worklist").status_code == 302


def test_login_follows_next_only_within_the_site(make, client, auth):
    make.user("officer", Role.OFFICER)
    page = client.get("/login?next=https://evil.example/")
    token = csrf_token_from(page.get_data(as_text=True))
    response = client.post("/login?next=https://evil.example/",
                           data={"username": "officer", "password": PASSWORD, "csrf_token": token})
    assert response.location == "/"


def test_session_cookie_is_httponly_and_samesite(make, client, auth):
    make.user("officer", Role.OFFICER)
    response = auth.login("officer", PASSWORD)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
