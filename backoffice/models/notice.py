from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.case import Case, JSONDocument
from backoffice.models.user import User
from workflows import clock


class ServiceStatus(StrEnum):
    NOT_SERVED = "not_served"
    PUBLISHED = "published"
    SERVED = "served"


class NoticeDocument(db.Model):
    """A rendered PDF, addressed by its SHA-256; rows are never updated or deleted.

    Database triggers refuse UPDATE and DELETE (migration 0005), so a stored notice cannot be
    overwritten; a download checks the bytes against the hash before sending them.
    """

    __tablename__ = "notice_documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)


class Notice(db.Model):
    """A written notice the Act requires, issued on a case and served on its addressee.

    Many periods run from the day a notice is received or served (e.g. Art. 121(1), 118(2)), so
    its service (Art. 11) is recorded here and starts those periods. The number, the content and
    the rendered PDF never change once issued (triggers of migration 0005): a correction is a new
    notice whose ``replaces_id`` names the old one.
    """

    __tablename__ = "notices"
    __table_args__ = (
        Index("ix_notices_unrendered", "id", postgresql_where=text("file_sha256 IS NULL"),
              sqlite_where=text("file_sha256 IS NULL")),
        Index("ix_notices_unserved", "case_id", postgresql_where=text("served_on IS NULL"),
              sqlite_where=text("served_on IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    number: Mapped[str] = mapped_column(String(40), unique=True)
    language: Mapped[str] = mapped_column(String(5), default="ko")
    verification_code: Mapped[str | None] = mapped_column(String(14))
    content: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)
    file_sha256: Mapped[str | None] = mapped_column(ForeignKey("notice_documents.sha256"))
    page_count: Mapped[int | None] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    rendered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    event_seq: Mapped[int | None] = mapped_column(Integer)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id"))
    correction_reason: Mapped[str | None] = mapped_column(Text)

    served_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """When the service was recorded (the legal day is ``served_on``)."""
    served_on: Mapped[date | None] = mapped_column(Date)
    service_method: Mapped[str | None] = mapped_column(String(30))
    published_on: Mapped[date | None] = mapped_column(Date)
    publication_channels: Mapped[list[str] | None] = mapped_column(JSONDocument)
    public_notice_ground: Mapped[str | None] = mapped_column(String(30))
    service_reference: Mapped[str | None] = mapped_column(String(120))
    served_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship()
    issued_by: Mapped[User | None] = relationship(foreign_keys=[issued_by_id])
    replaces: Mapped[Notice | None] = relationship(remote_side=[id], foreign_keys=[replaces_id])
    document: Mapped[NoticeDocument | None] = relationship()

    @property
    def title_en(self) -> str:
        return (self.content or {}).get("title_en", self.kind)

    @property
    def title_ko(self) -> str:
        return (self.content or {}).get("title_ko", self.kind)

    def service_status(self, today: date | None = None) -> ServiceStatus:
        """Served, published and waiting for the deemed day (Art. 11(2)), or not served."""
        if self.served_on is None:
            return ServiceStatus.NOT_SERVED
        today = today or clock.today()
        return ServiceStatus.SERVED if self.served_on <= today else ServiceStatus.PUBLISHED

    def __repr__(self) -> str:
        return f"<Notice {self.number} {self.kind}>"
