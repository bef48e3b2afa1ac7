"""Issuing notices: numbers, frozen content, rendering into the write-once document store.

A transition that requires notices reserves their numbers before its event is written (the
event names them), then freezes each notice's content once the case has entered its new state
(the content cites the new deadlines, e.g. the end of a revision period). Numbers come from a
counter per office and year taken inside the case's transaction: concurrent issuers get
consecutive numbers, and a rolled-back transaction gives its numbers back, so there are no gaps.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import exists, select, update

from backoffice.extensions import db
from backoffice.models import Case, Deadline, Notice, NoticeDocument, Office, Party, User
from backoffice.notices.rendering import RenderedPdf, renderer
from backoffice.sequences import next_value
from backoffice.sql import dialect_insert
from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.identifiers import IdentifierKind, mask
from workflows.notices.codes import counter_name, new_verification_code, notice_number
from workflows.notices.content import NoticeFacts, build_content
from workflows.notices.kinds import notice_kind

log = logging.getLogger(__name__)


def reserve_numbers(office: Office, kinds: Iterable[str], at: datetime) -> list[str]:
    """Take the next notice numbers of ``office`` for the year of ``at`` (Asia/Seoul)."""
    year = at.astimezone(clock.SEOUL).year
    return [notice_number(office.code, year, next_value(counter_name(office.code, year)))
            for _ in kinds]


def office_facts(office: Office) -> dict[str, Any]:
    return {"code": office.code, "name_ko": office.name_ko, "name_en": office.name_en,
            "address": office.address, "phone": office.phone}


def addressee_facts(party: Party) -> dict[str, Any]:
    """The addressee as printed: the identifier masked, never whole."""
    kind = IdentifierKind(party.identifier_kind)
    return {"name": party.name, "address": party.address,
            "identifier": mask(kind, party.identifier),
            "identifier_label": f"{kind.label_en}"}


def deadline_facts(case: Case) -> dict[str, Any]:
    """The due date of each kind of deadline the case has had, the latest one winning."""
    rows = db.session.execute(
        select(Deadline.kind, Deadline.due_date).where(Deadline.case_id == case.id)
        .order_by(Deadline.id)
    )
    return {kind: due for kind, due in rows}


def issue_notices(case: Case, numbers: list[str], kinds: Iterable[str], *, trigger: str,
                  article: str | None, reason: str | None, fields: Mapping[str, Any],
                  event_seq: int, actor: User | None, issued_at: datetime,
                  calendar: StatutoryCalendar) -> list[Notice]:
    """Create the notices a transition requires, content frozen, not yet rendered."""
    facts = NoticeFacts(
        procedure=case.procedure, reference=case.reference, trigger=trigger, article=article,
        issued_at=issued_at, office=office_facts(case.office),
        addressee=addressee_facts(case.party), data=dict(case.data or {}), fields=fields,
        reason=reason, deadlines=deadline_facts(case),
    )
    notices = [Notice(**row) for row in notice_rows(
        case.id, numbers, kinds, facts, calendar, event_seq=event_seq,
        issued_by_id=actor.id if actor else None)]
    db.session.add_all(notices)
    return notices


def notice_rows(case_id: int, numbers: Iterable[str], kinds: Iterable[str], facts: NoticeFacts,
                calendar: StatutoryCalendar, *, event_seq: int,
                issued_by_id: int | None = None) -> list[dict[str, Any]]:
    """The columns of the notices issued on one event: number, code, frozen content."""
    return [{"case_id": case_id, "kind": code, "number": number, "language": "ko",
             "verification_code": new_verification_code(),
             "content": build_content(notice_kind(code), facts, calendar),
             "issued_at": facts.issued_at, "issued_by_id": issued_by_id, "event_seq": event_seq}
            for number, code in zip(numbers, kinds, strict=True)]


def planned_notice_rows(plan, *, case_id: int, reference: str, office: Office, party: Party,
                        numbers: list[str], event_seq: int, issued_by_id: int | None,
                        issued_at: datetime, calendar: StatutoryCalendar) -> list[dict[str, Any]]:
    """The notices a :class:`workflows.engine.plan.TransitionPlan` issues, content frozen from
    the case as the plan leaves it: the one place where a transition's notices are made, for
    a single case and for a batch alike."""
    facts = NoticeFacts(
        procedure=plan.procedure, reference=reference, trigger=plan.trigger,
        article=plan.event.article, issued_at=issued_at, office=office_facts(office),
        addressee=addressee_facts(party), data=dict(plan.data), fields=plan.notice_fields,
        reason=plan.event.reason, deadlines=dict(plan.notice_deadlines),
    )
    return notice_rows(case_id, numbers, plan.notices, facts, calendar, event_seq=event_seq,
                       issued_by_id=issued_by_id)


def render_issued(number: str) -> None:
    """Render, after its transaction committed, the one notice an action in a web request just
    issued, so the officer can download it straight away (the scheduler's job renders the rest,
    and this one too if rendering fails here). Never under the case's row lock."""
    notice = db.session.scalar(select(Notice).where(Notice.number == number))
    if notice is None:
        return
    try:
        render_notice(notice)
        db.session.commit()
    except Exception:
        db.session.rollback()
        log.exception("notice %s could not be rendered at once; the renderer job will", number)


def correction_content(notice: Notice, issued_at: datetime,
                       calendar: StatutoryCalendar) -> dict[str, Any]:
    """The content of a correction: the same decision, today's date and the current addresses."""
    content = dict(notice.content or {})
    facts = NoticeFacts(
        procedure=notice.case.procedure, reference=notice.case.reference,
        trigger=content.get("action", {}).get("trigger", ""), article=content.get("legal_basis"),
        issued_at=issued_at, office=office_facts(notice.case.office),
        addressee=addressee_facts(notice.case.party), data=content.get("data", {}),
        fields={}, reason=content.get("reason"), deadlines=content.get("deadlines", {}),
    )
    fresh = build_content(notice_kind(notice.kind), facts, calendar)
    return {**content, **{key: fresh[key] for key in ("issued_on", "office", "addressee",
                                                       "remedy")}}


def replaced_ids(notice_ids: Iterable[int]) -> set[int]:
    ids = list(notice_ids)
    if not ids:
        return set()
    return set(db.session.scalars(
        select(Notice.replaces_id).where(Notice.replaces_id.in_(ids))
    ))


def is_replaced(notice: Notice) -> bool:
    return bool(db.session.scalar(select(exists().where(Notice.replaces_id == notice.id))))


def notice_html(notice: Notice, *, draft: bool = False) -> str:
    replaces = None
    if notice.replaces is not None:
        replaces = {"number": notice.replaces.number, "reason": notice.correction_reason}
    return renderer().html(notice.content or {}, number=None if draft else notice.number,
                           verification_code=None if draft else notice.verification_code,
                           replaces=replaces, draft=draft)


def render_notice(notice: Notice) -> bool:
    """Render ``notice`` and store its PDF once; return False if another process did it first.

    The notice row is locked first (PostgreSQL) and claimed with a conditional UPDATE
    (``file_sha256 IS NULL``); the document is inserted with ON CONFLICT DO NOTHING (rendering
    is deterministic, so two renderers of one notice produce one document). A notice is never
    given a second PDF.
    """
    done = db.session.scalar(select(Notice.file_sha256).where(Notice.id == notice.id)
                             .with_for_update())
    if done is not None or notice.file_sha256 is not None:
        _forget_render_columns(notice)
        return False
    pdf = renderer().pdf(notice_html(notice))
    store_document(pdf)
    claimed = db.session.execute(
        update(Notice).where(Notice.id == notice.id, Notice.file_sha256.is_(None))
        .values(file_sha256=pdf.sha256, page_count=pdf.pages, rendered_at=clock.now())
        .execution_options(synchronize_session=False)
    ).rowcount
    _forget_render_columns(notice)
    return claimed == 1


def _forget_render_columns(notice: Notice) -> None:
    if notice in db.session:
        db.session.expire(notice, ["file_sha256", "page_count", "rendered_at"])


def render_unrendered(case: Case) -> int:
    """Render the notices of ``case`` still without a PDF (those a transition just issued)."""
    return sum(render_notice(notice) for notice in unrendered(case=case))


def store_document(pdf: RenderedPdf) -> None:
    """Store the PDF under its SHA-256, once: an identical one already stored is kept."""
    db.session.execute(
        dialect_insert(NoticeDocument).values(sha256=pdf.sha256, content=pdf.content,
                                      size=len(pdf.content), created_at=clock.now())
        .on_conflict_do_nothing(index_elements=["sha256"])
    )


class TamperedDocument(RuntimeError):
    """The stored bytes of a notice do not match the hash recorded when it was issued."""


def document_bytes(notice: Notice) -> bytes:
    """The notice's PDF, checked against its SHA-256 before it leaves the office."""
    document = db.session.get(NoticeDocument, notice.file_sha256)
    if document is None or hashlib.sha256(document.content).hexdigest() != notice.file_sha256:
        raise TamperedDocument(f"the stored PDF of notice {notice.number} does not match its "
                               "SHA-256; it must not be served")
    return document.content


def unrendered(limit: int | None = None, case: Case | None = None) -> list[Notice]:
    query = select(Notice).where(Notice.file_sha256.is_(None)).order_by(Notice.id)
    if case is not None:
        query = query.where(Notice.case_id == case.id)
    if limit:
        query = query.limit(limit)
    return list(db.session.scalars(query))


class RenderFailures(RuntimeError):
    """Some notices of a backlog could not be rendered; the others were."""


def render_backlog(limit: int) -> int:
    """Render up to ``limit`` notices issued without a PDF (by the sweep), oldest first.

    Each notice is committed on its own; one that fails is rolled back and the others go on
    (the failure is raised at the end, so the job's run records it). The claim of
    :func:`render_notice` means two renderers never give one notice two PDFs.
    """
    rendered, failed = 0, []
    for notice_id in [n.id for n in unrendered(limit=limit)]:
        try:
            rendered += render_notice(db.session.get(Notice, notice_id))
            db.session.commit()
        except Exception as failure:
            db.session.rollback()
            log.exception("notice %s could not be rendered", notice_id)
            failed.append(f"{notice_id}: {failure}")
    if failed:
        raise RenderFailures(f"{rendered} rendered, {len(failed)} failed: {'; '.join(failed)}")
    return rendered
