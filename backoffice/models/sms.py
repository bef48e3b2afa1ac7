"""Text messages sent through the local SMS adapter (:class:`backoffice.pcc.adapters.LocalSms`):
the outbox an officer or a test reads where no SMS provider is configured. A production
deployment sends through its provider and stores nothing here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from workflows import clock


class SmsMessage(db.Model):
    __tablename__ = "sms_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    """The sender's idempotency key: a retried send is this one message."""
    to: Mapped[str] = mapped_column(String(11), index=True)
    text: Mapped[str] = mapped_column(String(300))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
