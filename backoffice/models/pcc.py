"""Personal Customs Codes issued to foreigners, their holders, the steps of an online request and
every view of a holder's unmasked data (issue 19).

The registration number is never stored: a holder row keeps it encrypted (``number_sealed``,
:mod:`backoffice.pcc.sealing`), a keyed hash to find it by (``number_index``, so that "one code
in use per registration number" is a unique index), and its masked form for display. A code
row is never deleted nor its code reused: a reissue or the counter puts it out of use.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from workflows import clock

IN_USE, NOT_IN_USE = "in_use", "not_in_use"
ERASED = "erased"
"""``number_sealed`` of a holder the retention erased (:mod:`jobs.pcc`)."""


class PccHolder(db.Model):
    """A foreign resident known by their registration number, with the details they gave."""

    __tablename__ = "pcc_holders"

    id: Mapped[int] = mapped_column(primary_key=True)
    number_index: Mapped[str] = mapped_column(String(64), unique=True)
    number_sealed: Mapped[str] = mapped_column(Text)
    number_masked: Mapped[str] = mapped_column(String(14))
    name: Mapped[str] = mapped_column(String(60))
    address: Mapped[str] = mapped_column(String(200))
    telephone: Mapped[str] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    mobile_owner: Mapped[str] = mapped_column(String(10))  # "self" or "none"
    mobile: Mapped[str | None] = mapped_column(String(11))
    consents_to_viewing: Mapped[bool] = mapped_column(Boolean, default=False)
    sms_alerts: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now,
                                                 onupdate=clock.now)
    codes: Mapped[list[PccCode]] = relationship(back_populates="holder",
                                                order_by="PccCode.id")

    @property
    def code_in_use(self) -> PccCode | None:
        return next((code for code in self.codes if code.status == IN_USE), None)


class PccCode(db.Model):
    """One code issued; at most one in use per holder (a partial unique index)."""

    __tablename__ = "pcc_codes"
    __table_args__ = (
        Index("uq_pcc_codes_one_in_use", "holder_id", unique=True,
              sqlite_where=text("status = 'in_use'"),
              postgresql_where=text("status = 'in_use'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(13), unique=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("pcc_holders.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default=IN_USE)
    channel: Mapped[str] = mapped_column(String(10))  # "online" or "counter"
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retired_why: Mapped[str | None] = mapped_column(String(20))  # reissued / counter
    retired_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    holder: Mapped[PccHolder] = relationship(back_populates="codes")


class PccRequest(db.Model):
    """One online request from its real-name check to its end: the browser holds a random
    token (in the signed session), the row its SHA-256, the number sealed, the one-time
    code's keyed hash; it expires (``PCC_REQUEST_MINUTES``) and is deleted by the sweep."""

    __tablename__ = "pcc_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(10))  # "issue" or "lookup"
    name: Mapped[str] = mapped_column(String(60))
    number_index: Mapped[str] = mapped_column(String(64), index=True)
    number_sealed: Mapped[str] = mapped_column(Text)
    number_masked: Mapped[str] = mapped_column(String(14))
    mobile: Mapped[str | None] = mapped_column(String(11))
    code_digest: Mapped[str | None] = mapped_column(String(64))
    code_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    code_extensions: Mapped[int] = mapped_column(Integer, default=0)
    code_attempts: Mapped[int] = mapped_column(Integer, default=0)
    code_used: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PccView(db.Model):
    """An officer's view of a holder's unmasked data, with the reason given (append-only)."""

    __tablename__ = "pcc_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("pcc_holders.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    viewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    reason: Mapped[str] = mapped_column(String(200))
