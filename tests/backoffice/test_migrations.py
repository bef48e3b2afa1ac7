"""The schema exists only through the migrations, on SQLite and on PostgreSQL alike."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError

from backoffice.extensions import db
from tests import databases
from tests.conftest import make_app

TABLES = {"offices", "users", "parties", "cases", "case_events", "deadlines", "notices",
          "counters", "scheduler_heartbeats", "alembic_version"}


def _assert_migrations_match_models(app):
    with app.app_context():
        upgrade()
        assert set(inspect(db.engine).get_table_names()) >= TABLES
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert set(inspect(db.engine).get_table_names()) >= TABLES
        db.engine.dispose()


def test_migrations_build_the_schema_on_sqlite(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'fresh.sqlite'}", tmp_path / "instance")
    _assert_migrations_match_models(app)


@pytest.mark.postgres
def test_migrations_build_the_schema_on_postgresql(postgres_url, tmp_path):
    schema, url = databases.create_schema(postgres_url)
    try:
        _assert_migrations_match_models(make_app(url, tmp_path / "instance"))
    finally:
        databases.drop_schema(postgres_url, schema)


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(app_ctx):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite settings")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_the_append_only_triggers_exist_at_head(app_ctx):
    if db.engine.dialect.name == "postgresql":
        query = ("SELECT tgname FROM pg_trigger WHERE tgrelid = 'case_events'::regclass "
                 "AND NOT tgisinternal")
        expected = {"case_events_append_only", "case_events_no_truncate"}
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        expected = {"case_events_no_update", "case_events_no_delete"}
    with db.engine.connect() as connection:
        assert expected <= set(connection.execute(text(query)).scalars())


def test_the_database_refuses_to_change_or_delete_a_case_event(app_ctx, make):
    party = make.party()
    make.case(party=party)
    statements = ["UPDATE case_events SET reason = 'rewritten'", "DELETE FROM case_events"]
    if db.engine.dialect.name == "postgresql":
        statements.append("TRUNCATE case_events CASCADE")
    for statement in statements:
        with pytest.raises(DatabaseError, match="append-only"), db.engine.begin() as connection:
            connection.execute(text(statement))
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT reason FROM case_events")).scalar() == "test case"
