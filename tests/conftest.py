"""Fixtures: an app on a migrated test database, a client, a CLI runner, sign-in helpers."""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path

import pytest
from flask_migrate import upgrade

from backoffice import create_app
from backoffice.extensions import db
from tests import databases
from tests.factories import Factories
from workflows.roles import Role

TEST_SECRET = "test-secret-key-not-for-production"


def make_app(database_url: str, instance_path: Path, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": TEST_SECRET,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SESSION_COOKIE_SECURE": False,
        "DASHBOARD_CACHE_SECONDS": 0,
        "REMEMBER_COOKIE_SECURE": False,
        **overrides,
    }
    return create_app(config, instance_path=str(instance_path))


def migrate(app) -> None:
    with app.app_context():
        upgrade()
        db.engine.dispose()


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    """Build the schema once per run through the migrations.

    SQLite: a migrated file each test copies. PostgreSQL: a fresh schema, emptied after each
    test and dropped at the end of the run.
    """
    url = databases.configured_url()
    workdir = tmp_path_factory.mktemp("template")
    if url is None:
        template = workdir / "template.sqlite"
        migrate(make_app(f"sqlite:///{template}", workdir / "instance"))
        yield {"kind": "sqlite", "file": template}
        return
    reason = databases.postgres_unavailable_reason(url)
    if reason:
        pytest.fail(f"TEST_DATABASE_URL is set but unusable: {reason}")
    schema, schema_url = databases.create_schema(url)
    migrate(make_app(schema_url, workdir / "instance"))
    yield {"kind": "postgresql", "url": schema_url}
    databases.drop_schema(url, schema)


@pytest.fixture
def database_url(database_template, tmp_path) -> str:
    if database_template["kind"] == "sqlite":
        target = tmp_path / "test.sqlite"
        shutil.copyfile(database_template["file"], target)
        return f"sqlite:///{target}"
    return database_template["url"]


@pytest.fixture
def app(database_url, database_template, tmp_path):
    app = make_app(database_url, tmp_path / "instance")
    yield app
    with app.app_context():
        if database_template["kind"] == "postgresql":
            db.session.remove()
            databases.truncate_all(db.engine)
        db.engine.dispose()


@pytest.fixture
def app_ctx(app):
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make(app) -> Factories:
    """Factories for offices, parties, users and cases (committed)."""
    return Factories(app)


@pytest.fixture
def people(app_ctx, make) -> dict:
    """An office with an officer and a supervisor, and a duty payer, for procedure tests."""
    office = make.office()
    return {"officer": make.user("officer", Role.OFFICER, office=office),
            "supervisor": make.user("supervisor", Role.SUPERVISOR, office=office),
            "payer": make.user("payer", Role.DUTY_PAYER), "office": office}


_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|'
                   r'name="csrf_token" value="([^"]+)"')


def csrf_token_from(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "page has no CSRF token"
    return match.group(1) or match.group(2)


class Auth:
    """Sign in and out through the real login form, CSRF token included."""

    def __init__(self, client):
        self.client = client

    def login(self, username: str, password: str = "correct horse battery"):
        page = self.client.get("/login")
        token = csrf_token_from(page.get_data(as_text=True))
        return self.client.post(
            "/login", data={"username": username, "password": password, "csrf_token": token}
        )

    def logout(self):
        page = self.client.get("/")
        token = csrf_token_from(self.client.get(page.location or "/").get_data(as_text=True))
        return self.client.post("/logout", data={"csrf_token": token})


@pytest.fixture
def auth(client) -> Auth:
    return Auth(client)


@pytest.fixture
def postgres_database(postgres_url, tmp_path):
    """A migrated PostgreSQL schema of its own, whatever the main test database is."""
    schema, url = databases.create_schema(postgres_url)
    try:
        migrate(make_app(url, tmp_path / "pg-instance"))
        yield url
    finally:
        databases.drop_schema(postgres_url, schema)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A PostgreSQL server for tests that need one; skipped with the reason when none answers."""
    url = databases.postgres_url()
    reason = databases.postgres_unavailable_reason(url)
    if reason:
        pytest.skip(reason)
    return url


@pytest.fixture
def redis_limits():
    """Rate-limit settings on the local Redis (database 15) under a prefix of this test's own,
    whose keys are deleted afterwards; skipped with the reason when no Redis answers."""
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis server answers at {url}: {error}")
    prefix = f"test-{uuid.uuid4().hex}"
    client = redis.Redis.from_url(url)
    yield {"REDIS_URL": url, "RATELIMIT_KEY_PREFIX": prefix}, \
        lambda: list(client.scan_iter(f"*{prefix}*"))
    for key in client.scan_iter(f"*{prefix}*"):
        client.delete(key)
