"""SQL that differs between the databases the back office runs on (SQLite, PostgreSQL)."""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite

from backoffice.extensions import db

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def dialect_insert(table):
    """An INSERT of ``table`` for the session's database, with its ``ON CONFLICT`` clauses."""
    return _INSERTS[db.session.get_bind().dialect.name](table)
