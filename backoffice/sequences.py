"""Gap-free numbering: case references and, later, notice numbers."""

from __future__ import annotations

from sqlalchemy import update

from backoffice.extensions import db
from backoffice.models import Counter
from backoffice.sql import dialect_insert
from workflows.procedures import procedure_info


def next_value(name: str, count: int = 1) -> int:
    """Return the next value of counter ``name`` inside the caller's transaction.

    The UPDATE takes the row's write lock until the caller commits, so concurrent callers get
    consecutive numbers and a rolled-back transaction gives its number back. With ``count``, a
    block of values is taken and the last of them returned.
    """
    bump = update(Counter).where(Counter.name == name).values(value=Counter.value + count)
    value = db.session.execute(bump.returning(Counter.value)).scalar()
    if value is None:
        db.session.execute(
            dialect_insert(Counter).values(name=name, value=0).on_conflict_do_nothing()
        )
        value = db.session.execute(bump.returning(Counter.value)).scalar_one()
    return value


def next_case_reference(procedure: str, year: int) -> str:
    """Return the next human reference of a case, e.g. ``OBJ-2026-000123``."""
    prefix = procedure_info(procedure).prefix
    number = next_value(f"case:{prefix}:{year}")
    return f"{prefix}-{year}-{number:06d}"
