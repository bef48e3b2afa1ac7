from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.case import Case


class Notice(db.Model):
    """A written notice the Act requires, issued on a case and served on its addressee.

    Many periods run from the day a notice is received or served (e.g. Art. 121(1), 118(2)), so
    ``served_at`` and ``service_method`` (Art. 11) are recorded for each notice. A rendered notice
    is never overwritten: a correction is a new notice whose ``replaces_id`` names the old one.
    """

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    number: Mapped[str] = mapped_column(String(40), unique=True)
    language: Mapped[str] = mapped_column(String(5), default="ko")
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    served_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    service_method: Mapped[str | None] = mapped_column(String(30))
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id"))
    event_seq: Mapped[int | None] = mapped_column(Integer)

    case: Mapped[Case] = relationship()

    def __repr__(self) -> str:
        return f"<Notice {self.number} {self.kind}>"
