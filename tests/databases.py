"""Test databases: SQLite files by default, PostgreSQL when TEST_DATABASE_URL names one.

Every test database is built by the migrations, never by ``create_all``, so models and
migrations cannot drift apart unnoticed. A test run never touches ``instance/``.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import psycopg
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from backoffice.config import normalise_database_url

DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"


def configured_url() -> str | None:
    """Return TEST_DATABASE_URL, normalised for psycopg 3, or None for SQLite."""
    url = os.environ.get("TEST_DATABASE_URL")
    return normalise_database_url(url) if url else None


def postgres_url() -> str:
    """Return the PostgreSQL server the tests may use (TEST_DATABASE_URL or the local default)."""
    url = configured_url()
    if url and url.startswith("postgresql"):
        return url
    return normalise_database_url(DEFAULT_POSTGRES_URL)


def postgres_unavailable_reason(url: str) -> str | None:
    """Return why PostgreSQL cannot be used, or None when it answers."""
    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with psycopg.connect(conninfo, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return f"no PostgreSQL answers at {make_url(url).render_as_string()}: {error}".strip()


def with_schema(url: str, schema: str) -> str:
    """Return ``url`` with every connection's search_path set to ``schema``."""
    options = quote(f"-csearch_path={schema}", safe="=")
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={options}"


def create_schema(url: str) -> tuple[str, str]:
    """Create a fresh schema for one test run; return it and the URL that uses it."""
    schema = f"gwanse_test_{uuid.uuid4().hex[:10]}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return schema, with_schema(url, schema)


def drop_schema(url: str, schema: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def truncate_all(engine) -> None:
    """Empty every table of a PostgreSQL test schema between tests."""
    tables = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
    if tables:
        with engine.begin() as connection:
            # The append-only guard refuses TRUNCATE of case_events; a test database's owner
            # empties it between tests with triggers off for this one transaction.
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            quoted = ", ".join(f'"{t}"' for t in tables)
            connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
