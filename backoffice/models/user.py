from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates
from werkzeug.security import check_password_hash, generate_password_hash

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.office import Office
from backoffice.models.party import Party
from workflows import clock
from workflows.roles import OFFICE_ROLES, Role

_ROLES = ", ".join(f"'{r}'" for r in Role)
_OFFICE_ROLES = ", ".join(f"'{r}'" for r in sorted(OFFICE_ROLES))


def normalise_username(username: str) -> str:
    """A username as stored and looked up: trimmed and in lower case (issue 13, item 8).

    ASCII case only (``str.lower`` of an ASCII name), the same as SQL ``lower(trim(…))`` in the
    migration and the CHECK on every database; a new username must be ASCII
    (:func:`backoffice.auth.usernames.username_problem`)."""
    return username.strip(" ").lower()


class User(UserMixin, db.Model):
    """A person who signs in: an officer or supervisor of an office, a duty payer, an admin."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(f"role IN ({_ROLES})", name="role_known"),
        CheckConstraint(
            f"(role IN ({_OFFICE_ROLES})) = (office_id IS NOT NULL)", name="office_iff_office_role"
        ),
        CheckConstraint(
            "(role = 'duty_payer') = (party_id IS NOT NULL)", name="party_iff_duty_payer"
        ),
        CheckConstraint("locale IN ('ko', 'en')", name="locale_known"),
        # Stored trimmed and lower-case, so the unique username is unique whatever its case
        # (issue 13, item 8); on SQLite migration 0011 checks this with triggers.
        CheckConstraint("username = lower(trim(username))", name="username_normalised"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), index=True)
    locale: Mapped[str] = mapped_column(String(2), default="ko")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # No longer read: failed sign-ins are counted per account *and* source in
    # ``sign_in_failures`` (backoffice.auth.login). Kept so the users table need not be rebuilt.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)

    office: Mapped[Office | None] = relationship()
    party: Mapped[Party | None] = relationship()

    @validates("username")
    def _normalise_username(self, _key: str, username: str) -> str:
        return normalise_username(username)

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    def has_role(self, *roles: Role | str) -> bool:
        return self.role in {str(r) for r in roles}

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"

