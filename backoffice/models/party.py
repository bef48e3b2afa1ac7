from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from markupsafe import Markup
from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.i18n import bilingual
from workflows import clock
from workflows.identifiers import COMPANY_KINDS, INDIVIDUAL_KINDS, IdentifierKind, mask


class PartyKind(StrEnum):
    INDIVIDUAL = "individual"
    COMPANY = "company"


def _in(values) -> str:
    return ", ".join(f"'{v}'" for v in sorted(values))


class Party(db.Model):
    """A duty payer: an individual or a company.

    The identifier is stored whole and shown only through :attr:`masked_identifier`.
    """

    __tablename__ = "parties"
    __table_args__ = (
        UniqueConstraint("identifier_kind", "identifier", name="uq_parties_identifier"),
        CheckConstraint(f"kind IN ({_in(PartyKind)})", name="kind_known"),
        CheckConstraint(
            f"(kind = 'individual' AND identifier_kind IN ({_in(INDIVIDUAL_KINDS)}))"
            f" OR (kind = 'company' AND identifier_kind IN ({_in(COMPANY_KINDS)}))",
            name="identifier_fits_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    identifier_kind: Mapped[str] = mapped_column(String(30))
    identifier: Mapped[str] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=clock.now)

    @property
    def masked_identifier(self) -> str:
        return mask(self.identifier_kind, self.identifier)

    @property
    def identifier_label(self) -> Markup:
        """What the identifier is, the reader's language first (a page shows it)."""
        kind = IdentifierKind(self.identifier_kind)
        return bilingual(kind.label_en, kind.label_ko)

    def __repr__(self) -> str:
        return f"<Party {self.id} {self.masked_identifier}>"
