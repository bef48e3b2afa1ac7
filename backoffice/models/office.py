from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.extensions import db


class Office(db.Model):
    """A customs office (세관); officers and supervisors belong to one, cases are handled by one."""

    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_ko: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    """Printed on the notices the office issues."""
    phone: Mapped[str | None] = mapped_column(String(40))

    def __repr__(self) -> str:
        return f"<Office {self.code}>"
