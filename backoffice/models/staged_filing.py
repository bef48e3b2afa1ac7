from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.case import JSONDocument
from backoffice.models.user import User
from workflows import clock


class StagedFiling(db.Model):
    """An online filing between "Check your answers" and "File now", kept in the database.

    Several web processes, possibly on several machines, serve one user: the answers and the
    evidence files wait here, not in a process or on a local disk. A staged filing belongs to
    one user (``token`` is only honoured together with ``user_id``), lives until
    ``expires_at`` (an hour after its last change) and is deleted, with its files, when it is
    filed. ``revision`` grows with every change, so "File now" files exactly what the
    check page showed. ``answers`` is ``None`` until the answers have been checked.
    """

    __tablename__ = "staged_filings"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    procedure: Mapped[str] = mapped_column(String(40))
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    user: Mapped[User] = relationship()
    files: Mapped[list[StagedFile]] = relationship(
        back_populates="filing", order_by="StagedFile.id", cascade="all, delete-orphan",
        passive_deletes=True)


class StagedFile(db.Model):
    """One evidence file of a staged filing, already checked (type by content, size)."""

    __tablename__ = "staged_filing_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    staged_filing_id: Mapped[int] = mapped_column(
        ForeignKey("staged_filings.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(60))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)

    filing: Mapped[StagedFiling] = relationship(back_populates="files")
