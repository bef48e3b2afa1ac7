from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.extensions import db


class Counter(db.Model):
    """A named gap-free sequence (case references per procedure and year, notice numbers)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)
