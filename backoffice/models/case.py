from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.office import Office
from backoffice.models.party import Party
from backoffice.models.user import User
from workflows import clock
from workflows.procedures import procedure_info

JSONDocument = JSON().with_variant(JSONB(), "postgresql")
GENESIS_HASH = "0" * 64


class Case(db.Model):
    """One proceeding under the Act: an objection, a licence, a notification disposition...

    ``version`` is SQLAlchemy's version counter: every UPDATE checks the version it loaded, so when
    two officers act on one case the second gets a :class:`sqlalchemy.orm.exc.StaleDataError`
    instead of silently overwriting the first. ``event_count`` and ``event_head_hash`` seal the
    case's audit chain (see :mod:`backoffice.audit`).
    """

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_office_procedure_state", "office_id", "procedure", "state"),
        Index("ix_cases_office_open_next_due", "office_id", "closed_at", "next_due_at"),
        Index("ix_cases_office_open_state", "office_id", "closed_at", "procedure", "state",
              "assigned_officer_id"),
        Index("ix_cases_office_opened", "office_id", "opened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(30), unique=True)
    procedure: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(40))
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    assigned_officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now, onupdate=clock.now)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """The earliest open, running deadline of the case, kept by database triggers on ``deadlines``
    (migration 0006) for the worklist's default order; never written by the application."""
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    event_head_hash: Mapped[str] = mapped_column(String(64), default=GENESIS_HASH)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__: ClassVar[dict] = {"version_id_col": version}

    party: Mapped[Party] = relationship()
    office: Mapped[Office] = relationship()
    assigned_officer: Mapped[User | None] = relationship()

    @property
    def procedure_title_en(self) -> str:
        return procedure_info(self.procedure).title_en

    @property
    def procedure_title_ko(self) -> str:
        return procedure_info(self.procedure).title_ko

    def __repr__(self) -> str:
        return f"<Case {self.reference} {self.state} v{self.version}>"
