from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.case import Case
from backoffice.models.deadline import Deadline
from backoffice.models.user import User
from workflows import clock


class Alert(db.Model):
    """A reminder before a deadline, or an escalation after one, addressed to one user.

    ``key`` makes each alert unique per deadline, user and occasion (e.g. the reminder date), so
    a sweep that runs twice never alerts twice.
    """

    __tablename__ = "alerts"
    __table_args__ = (
        UniqueConstraint("deadline_id", "user_id", "kind", "key", name="uq_alerts_once"),
        Index("ix_alerts_user_unread", "user_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    deadline_id: Mapped[int | None] = mapped_column(ForeignKey("deadlines.id"))
    kind: Mapped[str] = mapped_column(String(30))
    key: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
    case: Mapped[Case] = relationship()
    deadline: Mapped[Deadline | None] = relationship()
