"""Signing in and out: hashed passwords, uniform failures, lock-out, CSRF on every form."""

import re

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import SignInFailure, User
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from workflows.roles import Role

SOURCE = "192.0.2.1"

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
    assert re.search(rf"<h1>.*{heading}.*</h1>", page)


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
        # Locked for this source only (the test client's 127.0.0.1): see test_lockout.py.
        failure = db.session.scalar(select(SignInFailure))
        assert failure.source == "127.0.0.1" and failure.locked_until is not None


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


def test_parallel_guesses_cannot_slip_past_the_lockout(app, make):
    import threading

    from backoffice.auth.login import authenticate

    make.user("officer", Role.OFFICER)
    start = threading.Barrier(8)
    results = []

    def guess():
        with app.app_context():
            start.wait()
            results.append(authenticate("officer", "guess", source=SOURCE, max_failures=5,
                                        lockout_minutes=15))
            db.session.commit()

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [None] * 8
    with app.app_context():
        assert db.session.scalar(select(SignInFailure.locked_until)) is not None
        assert authenticate("officer", PASSWORD, source=SOURCE, max_failures=5,
                            lockout_minutes=15) is None


def test_a_lock_expires_and_the_count_starts_again(app, make):
    from datetime import timedelta

    from backoffice.auth.login import authenticate
    from workflows import clock

    make.user("officer", Role.OFFICER)
    with app.app_context():
        for _ in range(5):
            authenticate("officer", "guess", source=SOURCE, max_failures=5, lockout_minutes=15)
        db.session.commit()
        with clock.frozen(clock.now() + timedelta(minutes=16)):
            user = authenticate("officer", PASSWORD, source=SOURCE, max_failures=5,
                                lockout_minutes=15)
            db.session.commit()
        assert user is not None
        assert db.session.scalar(select(SignInFailure)) is None


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/",
                                    "/\\\\evil.example", "https:evil.example",
                                    "/%2F%2Fevil.example"])
def test_login_never_redirects_to_another_site(make, client, target):
    make.user("officer", Role.OFFICER)
    page = client.get("/login")
    response = client.post(f"/login?next={target}", data={
        "username": "officer", "password": PASSWORD,
        "csrf_token": csrf_token_from(page.get_data(as_text=True))})
    from urllib.parse import unquote, urlsplit

    location = response.location
    parts = urlsplit(location)
    assert not parts.scheme and not parts.netloc
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert not urlsplit(unquote(location)).netloc


def test_every_form_refuses_a_post_without_csrf_token(app, make, client, auth):
    make.user("boss", Role.SUPERVISOR)
    auth.login("boss", PASSWORD)
    posts = sorted(rule.rule for rule in app.url_map.iter_rules() if "POST" in rule.methods)
    assert len(posts) >= 9
    for rule in posts:
        url = (rule.replace("<reference>", "OBJ-2026-000001").replace("<int:deadline_id>", "1")
               .replace("<int:outage_id>", "1").replace("<day>", "2026-03-10")
               .replace("<int:user_id>", "1").replace("<int:holder_id>", "1"))
        response = client.post(url, data={"reason": "x"})
        assert response.status_code == 400, rule


def test_the_session_cookie_is_secure_over_https(app, database_url, tmp_path):
    """Uses the ``app`` fixture's database (emptied after the test) with Secure cookies on."""
    from tests.conftest import make_app
    from tests.factories import Factories

    secure = make_app(database_url, tmp_path / "secure-instance", SESSION_COOKIE_SECURE=True)
    Factories(secure).user("officer", Role.OFFICER)
    client = secure.test_client()
    page = client.get("/login", base_url="https://localhost")
    response = client.post("/login", base_url="https://localhost", data={
        "username": "officer", "password": PASSWORD,
        "csrf_token": csrf_token_from(page.get_data(as_text=True))})
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Secure" in cookie and "HttpOnly" in cookie
    with secure.app_context():
        db.engine.dispose()
