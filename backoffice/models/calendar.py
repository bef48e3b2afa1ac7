from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models.user import User
from workflows import clock
from workflows.calendar import ExtraDay, ExtraDayKind, Outage

_KINDS = ", ".join(f"'{k}'" for k in ExtraDayKind)


class Confirmable:
    """A record of the office's calendar that counts once confirmed.

    A closure day or outage recorded further back than ``CALENDAR_RETROACTIVE_DAYS`` counts
    once a second administrator confirms it; until then ``confirmed_at`` is None (``pending``).
    """

    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @declared_attr
    def confirmed_by(cls) -> Mapped[User | None]:
        return relationship(User, foreign_keys=[cls.confirmed_by_id])

    @property
    def pending(self) -> bool:
        """Recorded but not yet confirmed: it counts in no deadline."""
        return self.confirmed_at is None


class CalendarDay(Confirmable, db.Model):
    """A non-working day the office adds to the public holidays, with its legal ground.

    ``decree_day``: a day prescribed by Presidential Decree (Art. 8(3)4), e.g. a day the
    treasury-agent banks or post offices are closed. ``public_holiday``: a public holiday the
    holiday list does not have yet, e.g. a temporary holiday declared at short notice.
    """

    __tablename__ = "calendar_days"
    __table_args__ = (CheckConstraint(f"kind IN ({_KINDS})", name="kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    ground: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    @property
    def recorder(self) -> User | None:
        return self.created_by

    def as_extra_day(self) -> ExtraDay:
        return ExtraDay(self.day, self.name, ExtraDayKind(self.kind), self.ground)


class NetworkOutage(Confirmable, db.Model):
    """A recorded malfunction of the electronic customs network (Art. 8(4))."""

    __tablename__ = "network_outages"
    __table_args__ = (
        CheckConstraint("repaired_at > started_at", name="repaired_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    repaired_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ground: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)

    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])

    @property
    def recorder(self) -> User | None:
        return self.recorded_by

    def as_outage(self) -> Outage:
        return Outage(self.started_at, self.repaired_at, self.ground)
