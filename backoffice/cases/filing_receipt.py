"""What an online filing said, shown back: before filing ("Check your answers") and after
(the receipt, on the page and as a printable PDF).

The receipt is read from the record, never from the request: the answers from the opening
event's payload (the values the engine parsed, with the filing date and channel it stamped),
the moment of transmission from that event, the evidence from the case's attachments named in
the case's ``evidence_filed`` (each with its SHA-256), the deadlines from the deadline rows.
The PDF is rendered by the warm notice renderer (WeasyPrint, NanumGothic for Hangul).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import render_template
from sqlalchemy import select

from backoffice.cases.actions import shown
from backoffice.extensions import db
from backoffice.i18n import InBoth
from backoffice.models import Attachment, Case, CaseEvent, Deadline, DeadlineStatus
from backoffice.notices.rendering import ko_date, renderer
from workflows import clock
from workflows.engine import FieldKind, Transition
from workflows.procedures import procedure_for

FILED_WITH_REQUEST = "evidence filed with the request"
"""The description of each evidence file filed with an online request."""


@dataclass(frozen=True)
class Answer:
    name: str
    label_en: str
    label_ko: str
    value: str
    long: bool = False


@dataclass(frozen=True)
class FiledFile:
    filename: str
    size: int
    sha256: str
    attachment_id: int | None = None


def shown_text(spec, value: Any) -> InBoth:
    """A value as the claimant reads it (:func:`~backoffice.cases.actions.shown`), Korean
    first with English beside it where they differ."""
    words = shown(spec, value)
    return InBoth(words.en, words.ko)


def answers_of(transition: Transition, values: Mapping[str, Any], *,
               replaced: Mapping[str, str] | None = None) -> list[Answer]:
    """Every field of ``transition`` with its value; ``replaced`` gives words for values the
    system sets later (the filing date, when "File now" is pressed)."""
    replaced = replaced or {}
    return [Answer(spec.name, spec.label_en, spec.label_ko,
                   replaced.get(spec.name) or shown_text(spec, values.get(spec.name)),
                   long=spec.kind is FieldKind.LONGTEXT)
            for spec in transition.fields]


def filing_event(case: Case, seq: int = 1) -> CaseEvent | None:
    """The event that filed something: the opening (1), or a later filing of the party's."""
    return db.session.scalar(select(CaseEvent).where(CaseEvent.case_id == case.id,
                                                     CaseEvent.seq == seq))


def evidence_of(case: Case) -> list[FiledFile]:
    """The evidence filed with the request: the files the case's record names (name, size,
    SHA-256), each linked to its stored attachment; for a case opened before the record named
    them, the attachments described as filed with the request."""
    attachments = db.session.scalars(select(Attachment).where(Attachment.case_id == case.id)
                                     .order_by(Attachment.id)).all()
    named = (case.data or {}).get("evidence_filed")
    if named is None:
        return [FiledFile(a.filename, a.size, a.sha256, a.id) for a in attachments
                if a.description == FILED_WITH_REQUEST]
    by_hash: dict[str, list[Attachment]] = {}
    for attachment in attachments:
        by_hash.setdefault(attachment.sha256, []).append(attachment)
    files = []
    for item in named:
        matches = [a for a in by_hash.get(item["sha256"], []) if a.filename == item["filename"]]
        files.append(FiledFile(item["filename"], item["size"], item["sha256"],
                               matches[0].id if matches else None))
    return files


def receipt_facts(case: Case, filed: CaseEvent | None = None) -> dict[str, Any]:
    """Everything the receipt shows, for the page and for the PDF: of the filing that opened
    the case, or of ``filed``, a later filing of the party's (a report, a request), which
    counts as filed on the day it was transmitted."""
    later = filed is not None and filed.seq > 1
    filed = filed or filing_event(case)
    procedure = procedure_for(case.procedure)
    opening = procedure.transition(filed.trigger) if procedure.has_trigger(filed.trigger) \
        else procedure.openings[0]
    deadlines = db.session.scalars(select(Deadline).where(Deadline.case_id == case.id)
                                   .order_by(Deadline.due_at)).all()
    filed_on = clock.seoul_date(filed.effective_at).isoformat() if later \
        else (case.data or {}).get("filed_on")
    return {
        "case": case, "filed": filed, "opening": opening, "later": later,
        "filed_day": clock.as_date(filed_on) if filed_on else None,
        "transmitted": clock.kst_text(filed.effective_at, seconds=True),
        "filed_on": filed_on,
        "online": not later and (case.data or {}).get("filing_rule") == "online",
        "answers": answers_of(opening, (filed.payload or {}).get("fields", {})),
        "evidence": [] if later else evidence_of(case),
        "deadlines": [d for d in deadlines if d.status == DeadlineStatus.OPEN],
        "printed": clock.kst_text(clock.now(), seconds=True),
    }


def receipt_pdf(case: Case, filed: CaseEvent | None = None) -> bytes:
    """The receipt as an A4 PDF, Korean first with English beside it."""
    html = render_template("cases/receipt_pdf.html", ko_date=ko_date,
                           **receipt_facts(case, filed))
    return renderer().pdf(html).content
