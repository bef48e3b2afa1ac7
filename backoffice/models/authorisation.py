from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.case import Case
from backoffice.models.party import Party


class AuthorisationStatus:
    IN_FORCE = "in_force"
    REVOKED = "revoked"


class Authorisation(db.Model):
    """What a case grants its holder for a time: a permission (deemed or granted), and, as the
    procedures come, a licence or a certificate (Arts. 174, 255-2).

    Kept in real, indexed columns rather than in the case's data so that "what expires this
    quarter" and "what does this holder hold" are queries; written by the transition that
    grants it (``Transition.grants``) and ended by the one that revokes it, in the same
    transaction as the case's event.
    """

    __tablename__ = "authorisations"
    __table_args__ = (
        UniqueConstraint("kind", "number", name="uq_authorisations_kind_number"),
        Index("ix_authorisations_status_valid_to", "status", "valid_to"),
        Index("ix_authorisations_holder_kind", "holder_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("parties.id"))
    kind: Mapped[str] = mapped_column(String(60))
    number: Mapped[str] = mapped_column(String(40))
    article: Mapped[str] = mapped_column(String(120))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    """The last day it is valid; None for one without an end (until revoked)."""
    status: Mapped[str] = mapped_column(String(20), default=AuthorisationStatus.IN_FORCE)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    event_seq: Mapped[int] = mapped_column(Integer)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_reason: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship()
    holder: Mapped[Party] = relationship()

    def __repr__(self) -> str:
        return f"<Authorisation {self.kind} {self.number} {self.status}>"
