"""A procedure's detail table: the facts of its cases it keeps as real, indexed columns.

Everything a case knows lives in its JSON data; what a procedure needs to search, sort or count
by (the kind of permission and the day an application was received; later a licence's type and
area, an operator's grade) it also declares as columns of a table of its own, one row per case,
written by the same plan as the case (``TransitionPlan.details``) and created by a migration.
A test compares the declaration with the migrated schema, so a column declared without its
migration fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from workflows.clock import as_date
from workflows.engine.declarations import FieldKind


@dataclass(frozen=True, kw_only=True)
class Detail:
    """One column: the case's data under ``key`` (by default the column's name), typed."""

    name: str
    kind: FieldKind
    key: str | None = None
    indexed: bool = False

    def value(self, data: Mapping[str, Any]) -> Any:
        raw = data.get(self.key or self.name)
        if raw is None:
            return None
        if self.kind is FieldKind.DATE:
            return raw if isinstance(raw, date) else as_date(raw)
        if self.kind is FieldKind.INTEGER:
            return int(raw)
        if self.kind is FieldKind.BOOLEAN:
            return bool(raw)
        return str(raw)


@dataclass(frozen=True, kw_only=True)
class Details:
    """The detail table of a procedure: its name and its columns (beside ``case_id``)."""

    table: str
    columns: tuple[Detail, ...]

    def row(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """The columns of a case with ``data``."""
        return {column.name: column.value(data) for column in self.columns}
