"""Rate limits per source address on sign-in, notice verification, the public pages and the
password change (issue 13, item 6); refused with a readable 429 page, Korean first."""

from __future__ import annotations

import pytest

from backoffice.extensions import db
from tests.conftest import make_app
from tests.factories import PASSWORD
from tests.form_crawler import Page, submit, visit
from workflows.roles import Role


@pytest.fixture
def limited_app(database_url, database_template, tmp_path, request):
    """An app on the test database with the limits of ``request.param`` (config overrides)."""
    app = make_app(database_url, tmp_path / "limited", **getattr(request, "param", {}))
    yield app
    with app.app_context():
        db.engine.dispose()


def post_login(client, username: str = "officer", password: str = "guess"):
    form = visit(client, "/login").form(action="/login")
    return submit(client, form, username=username, password=password)


@pytest.mark.parametrize("limited_app", [{"RATELIMIT_SIGN_IN": "3 per minute"}],
                         indirect=True)
def test_sign_in_posts_beyond_the_limit_get_a_readable_429(app, limited_app, make):
    make.user("officer", Role.OFFICER)
    client = limited_app.test_client()
    for _ in range(3):
        assert post_login(client).status_code == 401
    refused = post_login(client, password=PASSWORD)
    assert refused.status_code == 429
    page = Page.of(refused)
    assert page.text.index("요청이 너무 많습니다") < page.text.index("Too many requests")
    assert "Traceback" not in page.html
    assert refused.headers.get("Retry-After")
    # Another address is not affected.
    other = visit(client, "/login").form(action="/login")
    response = client.post(other.url(), data=other.data(username="officer", password=PASSWORD),
                           environ_base={"REMOTE_ADDR": "198.51.100.7"})
    assert response.status_code == 302


@pytest.mark.parametrize("limited_app", [{"RATELIMIT_VERIFY": "2 per minute"}], indirect=True)
def test_notice_verification_is_limited(app, limited_app):
    client = limited_app.test_client()
    for _ in range(2):
        assert client.get("/verify?number=N-1&code=ABCD").status_code != 429
    assert client.get("/verify?number=N-1&code=ABCD").status_code == 429


@pytest.mark.parametrize("limited_app", [{"RATELIMIT_PUBLIC_PAGES": "2 per minute"}],
                         indirect=True)
def test_the_login_page_is_limited(app, limited_app):
    client = limited_app.test_client()
    assert client.get("/login").status_code == client.get("/login").status_code == 200
    assert client.get("/login").status_code == 429


@pytest.mark.parametrize("limited_app", [{"RATELIMIT_PASSWORD_CHANGE": "1 per minute"}],
                         indirect=True)
def test_the_password_change_is_limited(app, limited_app, make):
    make.user("officer", Role.OFFICER)
    client = limited_app.test_client()
    assert post_login(client, password=PASSWORD).status_code == 302
    form = visit(client, "/account/password").form("password-form")
    wrong = {"current_password": "guess", "new_password": "a long new passphrase",
             "new_password_again": "a long new passphrase"}
    assert submit(client, form, **wrong).status_code == 400
    assert submit(client, form, **wrong).status_code == 429


@pytest.mark.parametrize("limited_app", [{"RATELIMIT_ENABLED": False,
                                          "RATELIMIT_SIGN_IN": "1 per minute"}], indirect=True)
def test_limits_can_be_switched_off(app, limited_app):
    client = limited_app.test_client()
    assert [post_login(client).status_code for _ in range(3)] == [401, 401, 401]


def test_the_default_limits_leave_a_person_signing_in_alone(app, make, auth):
    make.user("officer", Role.OFFICER)
    for _ in range(3):
        assert auth.login("officer", PASSWORD).status_code == 302
        auth.logout()


def test_limits_are_kept_in_redis_when_redis_url_is_set(app, database_url, tmp_path, make,
                                                        redis_limits):
    settings, keys = redis_limits
    limits = {**settings, "RATELIMIT_SIGN_IN": "2 per minute"}
    first = make_app(database_url, tmp_path / "one", **limits)
    second = None
    make.user("officer", Role.OFFICER)
    try:
        assert [post_login(first.test_client()).status_code for _ in range(2)] == [401, 401]
        # Another process (a second app) shares the count through Redis.
        second = make_app(database_url, tmp_path / "two", **limits)
        assert post_login(second.test_client()).status_code == 429
        assert keys()
    finally:
        for each in (first, second):
            if each is None:
                continue
            with each.app_context():
                db.engine.dispose()


@pytest.mark.parametrize("limited_app", [{"RATELIMIT_SIGN_IN": "2 per minute"}], indirect=True)
def test_only_failed_sign_ins_count_against_the_limit(app, limited_app, make):
    """An office behind one address signs many people in each morning."""
    make.user("officer", Role.OFFICER)
    for _ in range(4):
        client = limited_app.test_client()
        assert post_login(client, password=PASSWORD).status_code == 302


def test_a_redis_that_does_not_answer_costs_no_500(database_url, tmp_path, make):
    # Nothing listens on port 1: the limiter counts in memory until Redis answers again.
    down = make_app(database_url, tmp_path / "down", REDIS_URL="redis://127.0.0.1:1/0",
                    RATELIMIT_SIGN_IN="2 per minute")
    make.user("officer", Role.OFFICER)
    try:
        client = down.test_client()
        assert client.get("/login").status_code == 200
        assert [post_login(client).status_code for _ in range(3)] == [401, 401, 429]
    finally:
        with down.app_context():
            db.engine.dispose()
