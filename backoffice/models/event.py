from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.case import Case, JSONDocument
from backoffice.models.user import User


class CaseEvent(db.Model):
    """One entry of a case's append-only history: who, when, from, to, why, under which article.

    ``occurred_at`` is when the system recorded the event; ``effective_at`` is the legal moment it
    takes effect (a deemed permission processed after downtime still takes effect on the day the
    statute says). ``prev_hash`` and ``hash`` chain the events of a case so that an edited,
    removed or reordered event is detected by ``flask audit verify``.
    """

    __tablename__ = "case_events"
    __table_args__ = (
        UniqueConstraint("case_id", "seq", name="uq_case_events_case_seq"),
        Index("ix_case_events_to_state_occurred", "to_state", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    seq: Mapped[int] = mapped_column(Integer)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    effective_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_label: Mapped[str] = mapped_column(String(120))
    trigger: Mapped[str] = mapped_column(String(60))
    from_state: Mapped[str | None] = mapped_column(String(40))
    to_state: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)
    article: Mapped[str | None] = mapped_column(String(120))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    case: Mapped[Case] = relationship()
    actor: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<CaseEvent {self.case_id}#{self.seq} {self.trigger}>"
