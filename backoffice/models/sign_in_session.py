"""Sign-in sessions kept on the server, and failed sign-ins counted per account and source.

The browser holds only a random token (in the signed Flask session); the table holds its
SHA-256. A session is live while it is neither revoked nor expired and its user is active, so
logout, a password change, deactivation and an administrator's "sign out everywhere" end it
at once, and a cookie copied before that no longer signs anyone in (issue 13, item 4).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from workflows import clock

# An IPv6 address in its longest text form (IPv4-mapped) has 45 characters.
SOURCE_LENGTH = 45
USER_AGENT_LENGTH = 200


class SignInSession(db.Model):
    """One signed-in browser of one user, from sign-in until it ends or expires."""

    __tablename__ = "sign_in_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    source: Mapped[str | None] = mapped_column(String(SOURCE_LENGTH))
    user_agent: Mapped[str | None] = mapped_column(String(USER_AGENT_LENGTH))


class SignInFailure(db.Model):
    """The failed sign-ins of one account from one source address, and its lock.

    Counting per source means an attacker elsewhere locks only themselves out, never the
    officer (issue 13, item 6). ``locks`` counts the locks so far: each lasts twice the last.
    """

    __tablename__ = "sign_in_failures"
    __table_args__ = (UniqueConstraint("user_id", "source", name="uq_sign_in_failures_source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    source: Mapped[str] = mapped_column(String(SOURCE_LENGTH))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locks: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
