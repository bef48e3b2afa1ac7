"""One password policy (length, not the username, not a common password, not one character
repeated) and usernames trimmed and unique whatever their case (issue 13, item 8)."""

from __future__ import annotations

import pytest
from flask_migrate import upgrade
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from backoffice.auth.passwords import common_passwords, password_problems
from backoffice.demo import DEMO_PASSWORD
from backoffice.extensions import db
from backoffice.models import User
from tests import databases
from tests.conftest import make_app
from tests.factories import PASSWORD
from workflows.roles import Role

GOOD = "violet tram at dawn"


@pytest.mark.parametrize(("password", "problem"), [
    ("aaaaaaaaaaaaaaaa", "one character repeated"),
    ("short pw", "at least 12 characters"),
    ("password1234", "commonly used"),
    ("Password1234", "commonly used"),
    ("qwer1234!@#$", "commonly used"),
    ("park.minsu", "at least 12 characters"),
    ("Park.Minsu", "must not contain the username"),
    ("my park.minsu secret", "must not contain the username"),
])
def test_a_password_breaking_the_policy_is_refused_with_the_reason(password, problem):
    problems = password_problems(password, "park.minsu", 12)
    assert any(problem in p for p in problems), problems


def test_a_good_password_passes_and_the_minimum_is_configurable():
    assert password_problems(GOOD, "park.minsu", 12) == []
    assert password_problems(GOOD, "park.minsu", 30) != []
    assert password_problems(PASSWORD, "officer", 12) == []


def test_every_problem_says_it_in_korean_first():
    for problem in password_problems("aaaa", "aaaa", 12):
        korean, english = problem.split(" · ")
        assert any("가" <= c <= "힣" for c in korean) and english.isascii()


def test_the_common_list_is_shipped_and_holds_the_demo_password():
    assert len(common_passwords()) >= 200
    # The demo password is published: seed-demo sets it directly, into SQLite only.
    assert DEMO_PASSWORD in common_passwords()


@pytest.mark.parametrize(("password", "reason"), [
    ("aaaaaaaaaa", "one character repeated"), ("kimminjun-2026", "username"),
    ("iloveyou1234", "commonly used")])
def test_create_user_refuses_a_weak_password(runner, password, reason):
    result = runner.invoke(args=["create-user", "--username", "KimMinjun", "--name", "Kim",
                                 "--role", "admin", "--password", password])
    assert result.exit_code == 2
    assert reason in result.output


def test_create_user_stores_the_username_trimmed_and_in_lower_case(app_ctx, runner):
    result = runner.invoke(args=["create-user", "--username", "  Park.Minsu ", "--name", "Park",
                                 "--role", "admin", "--password", GOOD])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User.username)) == "park.minsu"


def test_create_user_refuses_a_username_taken_in_another_case(make, runner):
    make.user("park", Role.ADMIN)
    result = runner.invoke(args=["create-user", "--username", "PARK", "--name", "Park",
                                 "--role", "admin", "--password", GOOD])
    assert result.exit_code == 1
    assert "'park' is taken" in result.output


def test_create_user_refuses_a_username_with_spaces_inside(runner):
    result = runner.invoke(args=["create-user", "--username", "park minsu", "--name", "Park",
                                 "--role", "admin", "--password", GOOD])
    assert result.exit_code == 2
    assert "no spaces" in result.output


@pytest.mark.parametrize("username", ["ärzte", "straße", "박민수", "park\tminsu"])
def test_create_user_refuses_a_username_that_is_not_ascii(runner, username):
    # Lower case must be one thing in Python and in each database's lower(): SQLite's lower()
    # leaves "Ä" as it is, so "Ärzte" could never sign in as "ärzte".
    result = runner.invoke(args=["create-user", "--username", username, "--name", "Park",
                                 "--role", "admin", "--password", GOOD])
    assert result.exit_code == 2


def test_sign_in_takes_the_username_in_any_case_with_spaces_around(make, auth):
    make.user("park.minsu", Role.OFFICER)
    assert auth.login("  Park.MINSU ", PASSWORD).status_code == 302


def test_the_database_refuses_a_username_not_stored_normalised(app_ctx, make):
    make.user("park", Role.ADMIN)
    with pytest.raises(IntegrityError):
        db.session.execute(text("UPDATE users SET username = 'Park'"))
        db.session.flush()
    db.session.rollback()


def _upgrade_with_users(url: str, instance, usernames: list[str]):
    app = make_app(url, instance)
    with app.app_context():
        upgrade(revision="0010_revision_lapse")
        for name in usernames:
            db.session.execute(text(
                "INSERT INTO users (username, display_name, password_hash, role, locale, active, "
                "failed_logins, created_at) VALUES (:name, :name, 'x', 'admin', 'ko', true, 0, "
                "CURRENT_TIMESTAMP)"), {"name": name})
        db.session.commit()
        try:
            upgrade()
            return db.session.scalars(text("SELECT username FROM users ORDER BY 1")).all()
        finally:
            db.session.remove()
            db.engine.dispose()


def _fresh_database(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite'}"
    url = databases.postgres_url()
    reason = databases.postgres_unavailable_reason(url)
    if reason:
        pytest.skip(reason)
    schema, schema_url = databases.create_schema(url)
    request.addfinalizer(lambda: databases.drop_schema(url, schema))
    return schema_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def old_database(request, tmp_path) -> str:
    """An empty database of either kind, for a migration test."""
    return _fresh_database(request, tmp_path)


def test_the_upgrade_trims_and_lower_cases_usernames(old_database, tmp_path):
    assert _upgrade_with_users(old_database, tmp_path / "i", [" Park ", "kim"]) == ["kim", "park"]


def test_the_upgrade_stops_on_usernames_that_differ_only_in_case(old_database, tmp_path,
                                                                 capfd):
    with pytest.raises(SystemExit):  # flask-migrate's exit on the migration's RuntimeError
        _upgrade_with_users(old_database, tmp_path / "i", ["Park", "park "])
    assert "these are not: 'park' (2 users). Rename all but one" in capfd.readouterr().err
