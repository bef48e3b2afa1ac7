"""The detail tables the procedures declare (``Procedure.details``), one row per case.

Each table is built from its declaration (:mod:`workflows.engine.details`): ``case_id`` and the
declared columns, indexed where declared; a migration creates it, and a test compares the two.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, String, Table

from backoffice.extensions import db
from backoffice.sql import dialect_insert
from workflows.engine import FieldKind
from workflows.engine.details import Details
from workflows.procedures import REGISTRY

TYPES = {FieldKind.DATE: Date, FieldKind.INTEGER: Integer, FieldKind.BOOLEAN: Boolean,
         FieldKind.TEXT: lambda: String(200), FieldKind.CHOICE: lambda: String(60),
         FieldKind.LONGTEXT: lambda: String(5000)}


def detail_table(details: Details) -> Table:
    return Table(
        details.table, db.metadata,
        Column("case_id", Integer, ForeignKey("cases.id"), primary_key=True),
        *(Column(c.name, TYPES[c.kind](), index=c.indexed) for c in details.columns),
        extend_existing=True)


DETAIL_TABLES: dict[str, Table] = {
    code: detail_table(procedure.details) for code, procedure in REGISTRY.items()
    if procedure.details is not None}
"""The detail table of each procedure that declares one, by procedure code."""


def write_details(procedure_code: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert or update the detail rows (each with its ``case_id``) of cases of a procedure."""
    if not rows:
        return
    table = DETAIL_TABLES[procedure_code]
    statement = dialect_insert(table)
    columns = [c for c in rows[0] if c != "case_id"]
    db.session.execute(statement.on_conflict_do_update(
        index_elements=["case_id"], set_={c: statement.excluded[c] for c in columns}),
        list(rows))
