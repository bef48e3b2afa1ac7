"""The lock-out counts failures per account *and* source address, with exponential back-off
(issue 13, item 6): an attacker elsewhere cannot lock an officer out."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from backoffice.auth.login import authenticate, lock_durations
from backoffice.auth.sources import source_of
from backoffice.extensions import db
from backoffice.models import SignInFailure
from tests.conftest import make_app
from tests.factories import PASSWORD
from tests.form_crawler import Page
from workflows import clock
from workflows.roles import Role

ATTACKER, OFFICE = "203.0.113.66", "198.51.100.7"


def sign_in(client, username: str, password: str, source: str):
    """Sign in through the served login form from ``source``."""
    environ = {"REMOTE_ADDR": source}
    page = Page.of(client.get("/login", environ_base=environ))
    form = page.form(action="/login")
    return client.post(form.url(), data=form.data(username=username, password=password),
                       environ_base=environ)


@pytest.fixture
def officer(app, make):
    return make.user("officer", Role.OFFICER)


def fail(app, source: str, times: int | None = None) -> None:
    with app.app_context():
        for _ in range(times or app.config["LOGIN_MAX_FAILURES"]):
            authenticate("officer", "guess", source=source, max_failures=5, lockout_minutes=15)
        db.session.commit()


def test_failures_from_one_source_lock_only_that_source(app, officer):
    client = app.test_client()
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert sign_in(client, "officer", "guess", ATTACKER).status_code == 401
    assert sign_in(client, "officer", PASSWORD, ATTACKER).status_code == 401
    office = app.test_client()
    assert sign_in(office, "officer", PASSWORD, OFFICE).status_code == 302


def test_a_locked_source_fails_like_any_other_failure(app, officer):
    client = app.test_client()
    wrong = sign_in(client, "officer", "guess", ATTACKER)
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        sign_in(client, "officer", "guess", ATTACKER)
    locked = sign_in(client, "officer", PASSWORD, ATTACKER)
    unknown = sign_in(client, "nobody", PASSWORD, ATTACKER)
    assert wrong.status_code == locked.status_code == unknown.status_code == 401
    message = alert(wrong)
    assert alert(locked) == message == alert(unknown)
    assert "로그인 실패" in message and "Sign-in failed" in message


def alert(response) -> str:
    return re.search(r'role="alert">([^<]*)<', response.get_data(as_text=True)).group(1)


def test_each_further_lock_lasts_twice_as_long_up_to_the_cap(app, officer):
    start = clock.now()
    with clock.frozen(start):
        fail(app, ATTACKER)
    with app.app_context():
        first = db.session.scalar(select(SignInFailure.locked_until))
    assert first == start + timedelta(minutes=15)
    later = first + timedelta(seconds=1)
    with clock.frozen(later):
        fail(app, ATTACKER)
    with app.app_context():
        second = db.session.scalar(select(SignInFailure.locked_until))
    assert second == later + timedelta(minutes=30)
    assert lock_durations(15, 24)[-1] == timedelta(hours=24)
    assert lock_durations(15, 24)[:4] == [timedelta(minutes=m) for m in (15, 30, 60, 120)]


def test_a_locked_source_is_refused_without_trying_the_password(app, officer):
    fail(app, ATTACKER)
    with app.app_context():
        assert authenticate("officer", PASSWORD, source=ATTACKER, max_failures=5,
                            lockout_minutes=15) is None
        assert db.session.scalar(select(SignInFailure.failures)) == 5


def test_success_clears_the_count_of_its_source_only(app, officer):
    fail(app, ATTACKER)
    fail(app, OFFICE, times=3)
    with app.app_context():
        assert authenticate("officer", PASSWORD, source=OFFICE, max_failures=5,
                            lockout_minutes=15) is not None
        db.session.commit()
        sources = db.session.scalars(select(SignInFailure.source)).all()
    assert sources == [ATTACKER]


def test_an_expired_lock_counts_again_from_one(app, officer):
    fail(app, ATTACKER)
    with clock.frozen(clock.now() + timedelta(minutes=16)), app.app_context():
        assert authenticate("officer", "guess", source=ATTACKER, max_failures=5,
                            lockout_minutes=15) is None
        db.session.commit()
        failure = db.session.scalar(select(SignInFailure))
        assert failure.failures == 1 and failure.locked_until is None and failure.locks == 1


def test_behind_a_trusted_proxy_the_client_address_is_the_source(
        database_url, tmp_path, make, officer):
    # Behind one TLS proxy every request comes from the proxy's address; with PROXY_FIX_X_FOR
    # = 1 the address the proxy forwards is the source, so a locked attacker does not lock the
    # office out through the shared proxy.
    proxied = make_app(database_url, tmp_path / "proxied", PROXY_FIX_X_FOR=1)
    proxy = "10.0.0.2"

    def through_proxy(client, password: str, source: str):
        environ = {"REMOTE_ADDR": proxy}
        # Over HTTPS Flask-WTF also checks that the form came from this site (the Referer).
        headers = {"X-Forwarded-For": source, "X-Forwarded-Proto": "https",
                   "Referer": "https://localhost/login"}
        page = Page.of(client.get("/login", environ_base=environ, headers=headers))
        form = page.form(action="/login")
        return client.post(form.url(), data=form.data(username="officer", password=password),
                           environ_base=environ, headers=headers)

    try:
        attacker = proxied.test_client()
        for _ in range(proxied.config["LOGIN_MAX_FAILURES"] + 1):
            assert through_proxy(attacker, "guess", ATTACKER).status_code == 401
        assert through_proxy(proxied.test_client(), PASSWORD, OFFICE).status_code == 302
        with proxied.app_context():
            sources = set(db.session.scalars(select(SignInFailure.source)))
        assert sources == {ATTACKER}
    finally:
        with proxied.app_context():
            db.session.remove()
            db.engine.dispose()


def test_without_a_trusted_proxy_a_forwarded_address_is_ignored(app, officer):
    client = app.test_client()
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        client.post("/login", data={"username": "officer", "password": "guess"},
                    headers={"X-Forwarded-For": OFFICE})
    with app.app_context():
        assert OFFICE not in set(db.session.scalars(select(SignInFailure.source)))


@pytest.mark.parametrize(("address", "source"), [
    ("203.0.113.66", "203.0.113.66"),
    ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
    ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
    ("::ffff:203.0.113.66", "203.0.113.66"),
])
def test_an_ipv6_client_counts_as_its_whole_64(address, source):
    # A provider gives each IPv6 client a /64 to pick addresses from at will: one source.
    assert source_of(address) == source


def test_guesses_from_addresses_of_one_ipv6_64_are_counted_together(app, officer):
    client = app.test_client()
    for host in range(1, app.config["LOGIN_MAX_FAILURES"] + 1):
        assert sign_in(client, "officer", "guess", f"2001:db8:1:2::{host}").status_code == 401
    assert sign_in(client, "officer", PASSWORD, "2001:db8:1:2::99").status_code == 401
    assert sign_in(app.test_client(), "officer", PASSWORD, OFFICE).status_code == 302
