from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.case import Case, JSONDocument
from workflows import clock


class DeadlineStatus(StrEnum):
    OPEN = "open"
    MET = "met"
    MISSED = "missed"
    CANCELLED = "cancelled"
    WAIVED = "waived"


_STATUSES = ", ".join(f"'{s}'" for s in DeadlineStatus)


class Deadline(db.Model):
    """A statutory time limit running on a case.

    ``due_date`` is the legal last day in Asia/Seoul, after every roll-over of Art. 8(3)-(4);
    ``due_at`` is the UTC instant the period expires (24:00 Seoul of that day). ``on_expiry`` says
    what happens when it passes (a deemed permission, a lapse, an escalation, a flag) and
    ``explanation`` keeps the calendar's step-by-step reasoning for the date.

    ``status`` is the deadline's own life: ``open`` while it runs, then ``met``, ``missed`` (it
    passed first), ``waived`` or ``cancelled``. Whether the duty behind it is still owed, and
    so overdue, is :mod:`backoffice.deadlines.standing`'s one definition.
    """

    __tablename__ = "deadlines"
    __table_args__ = (
        CheckConstraint(f"status IN ({_STATUSES})", name="status_known"),
        Index(
            "ix_deadlines_open_due_at",
            "due_at",
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
        Index(
            "ix_deadlines_outstanding",
            "due_at",
            sqlite_where=text("status = 'missed' AND settled_at IS NULL"),
            postgresql_where=text("status = 'missed' AND settled_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    article: Mapped[str] = mapped_column(String(120))
    start_event: Mapped[str] = mapped_column(String(120))
    starts_on: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default=DeadlineStatus.OPEN)
    on_expiry: Mapped[str] = mapped_column(String(120))
    explanation: Mapped[list[Any]] = mapped_column(JSONDocument, default=list)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # How the date was computed, so that a clock stop or an extension can recompute it.
    period: Mapped[str | None] = mapped_column(String(20))
    start_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rollover: Mapped[bool] = mapped_column(Boolean, default=True)
    backward: Mapped[bool] = mapped_column(Boolean, default=False)
    suspensions: Mapped[list[Any]] = mapped_column(JSONDocument, default=list)
    suspended_since: Mapped[date | None] = mapped_column(Date)
    extension: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)
    early_warning_on: Mapped[date | None] = mapped_column(Date)
    reminders: Mapped[list[Any]] = mapped_column(JSONDocument, default=list)
    next_reminder_on: Mapped[date | None] = mapped_column(Date, index=True)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_reason: Mapped[str | None] = mapped_column(Text)

    # Who must act, and, for a deadline that passed (``missed``), when and how the duty behind
    # it stopped being owed: met late, waived, moot, or the law's consequence took effect.
    # While ``settled_at`` is empty an office's passed duty is overdue (see ``standing``).
    owed_by: Mapped[str] = mapped_column(String(10), default="office", server_default="office")
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    settlement: Mapped[str | None] = mapped_column(String(20))

    case: Mapped[Case] = relationship()

    def __repr__(self) -> str:
        return f"<Deadline {self.kind} {self.due_date} {self.status}>"
