"""Appealing a notice's disposition from its case page: the recipient files the appeals its
remedy names (``Remedy.files``: an objection or a request for examination, Arts. 119, 121,
132; only the latter against a disposition of the Commissioner, 119(2)) with the form filled
from the notice (``Procedure.against_notice``), and the appeal and the notice link each other
by the notice's number (the appeal's ``disposition_ref``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from backoffice.extensions import db
from backoffice.models import Case, Notice, User
from workflows.procedures import REGISTRY
from workflows.roles import Role

AGAINST_NOTICES = frozenset(code for code, procedure in REGISTRY.items()
                            if procedure.against_notice is not None and procedure.online_filing)
"""The appeals a duty payer files online against a notice (Art. 129-2(1))."""


def appeals_against(notice: Notice) -> tuple[str, ...]:
    """The appeals the notice's remedy names that may be filed online against it."""
    remedy = (notice.content or {}).get("remedy") or {}
    return tuple(code for code in remedy.get("files") or () if code in AGAINST_NOTICES)


def offered_appeals(notices: Iterable[Notice], user: User, replaced: set[int]
                    ) -> dict[int, tuple[str, ...]]:
    """For the party's own duty payer: by notice, the appeals they may file against it from
    the case page (none against a notice replaced by its correction)."""
    if user.role != Role.DUTY_PAYER:
        return {}
    return {n.id: found for n in notices
            if n.id not in replaced and (found := appeals_against(n))}


def appeals_filed_against(case: Case, notices: Iterable[Notice]) -> dict[str, list[Case]]:
    """The appeals of the case's party against each of its notices, by notice number."""
    numbers = {n.number for n in notices}
    if not numbers:
        return {}
    found: dict[str, list[Case]] = {}
    appeals = db.session.scalars(
        select(Case).where(Case.party_id == case.party_id,
                           Case.procedure.in_(sorted(AGAINST_NOTICES)), Case.id != case.id)
        .order_by(Case.opened_at))
    for appeal in appeals:
        number = (appeal.data or {}).get("disposition_ref")
        if number in numbers:
            found.setdefault(number, []).append(appeal)
    return found


def _notice_of(party_id: int | None, number: object) -> Notice | None:
    """The notice ``number`` if it was issued to the party ``party_id``."""
    if not isinstance(number, str) or not number or len(number) > 40:
        return None
    notice = db.session.scalar(select(Notice).where(Notice.number == number))
    return notice if notice is not None and notice.case.party_id == party_id else None


def contested_notice(case: Case) -> Notice | None:
    """The back office's notice an appeal is against, when it names one of the party's own."""
    if case.procedure not in AGAINST_NOTICES:
        return None
    return _notice_of(case.party_id, (case.data or {}).get("disposition_ref"))


def notice_to_appeal(number: str | None, user: User, procedure: str) -> Notice | None:
    """The notice ``number`` if ``user`` is its recipient and may appeal against it with
    ``procedure``; None otherwise (the form is then simply empty)."""
    if user.role != Role.DUTY_PAYER:
        return None
    notice = _notice_of(user.party_id, number)
    return notice if notice is not None and procedure in appeals_against(notice) else None


def formdata_against(notice: Notice, procedure: str, trigger: str) -> MultiDict:
    """The filing form's data, filled from the notice (``Procedure.against_notice``) and the
    office that issued it; what the notice cannot say is left for the claimant."""
    values: dict[str, Any] = REGISTRY[procedure].against_notice({
        "number": notice.number, "title_ko": notice.title_ko, "title_en": notice.title_en,
        "reference": notice.case.reference, "served_on": notice.served_on})
    data = MultiDict()
    for name, value in values.items():
        if value is None:
            continue
        data[f"{trigger}-{name}"] = value.isoformat() if hasattr(value, "isoformat") else value
    data["office_id"] = str(notice.case.office_id)
    return data

