"""What the office has granted and what is in force: queries over ``authorisations``."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, select

from backoffice.models import Authorisation, AuthorisationStatus


def in_force_expiring(first_day: date, last_day: date, kind: str | None = None) -> Select:
    """The authorisations in force whose last valid day falls in ``first_day``..``last_day``
    ("what expires this quarter"), soonest first; walks ``ix_authorisations_status_valid_to``."""
    query = (select(Authorisation)
             .where(Authorisation.status == AuthorisationStatus.IN_FORCE,
                    Authorisation.valid_to >= first_day, Authorisation.valid_to <= last_day)
             .order_by(Authorisation.valid_to, Authorisation.id))
    return query.where(Authorisation.kind == kind) if kind else query


def held_by(holder_id: int, on: date) -> Select:
    """The authorisations of a holder in force on ``on`` (valid from then, not yet expired)."""
    return (select(Authorisation)
            .where(Authorisation.holder_id == holder_id,
                   Authorisation.status == AuthorisationStatus.IN_FORCE,
                   Authorisation.valid_from <= on,
                   (Authorisation.valid_to.is_(None)) | (Authorisation.valid_to >= on))
            .order_by(Authorisation.kind, Authorisation.id))
