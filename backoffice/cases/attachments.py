"""Uploading documents to a case and downloading them, within size, type and quota limits.

The type is judged from the file's content, not from its name or the browser's claim: PDF,
JPEG and PNG are accepted, up to ``ATTACHMENT_MAX_BYTES`` (10 MB by default), and each is
decoded and checked for active content first (:mod:`backoffice.cases.file_checks`). A case
holds at most ``ATTACHMENT_CASE_MAX_FILES`` documents and ``ATTACHMENT_CASE_QUOTA_BYTES`` in
all. A duty payer may add evidence to their own open case; officers to the cases of their
office.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, select

from backoffice.audit import append_event
from backoffice.cases.file_checks import (
    ContentLimits,
    UploadRefused,
    check_content,
    check_fits_quota,
    check_name_matches,
    checked_description,
    without_unprintable,
)
from backoffice.extensions import db
from backoffice.i18n import N_
from backoffice.models import Attachment

SIGNATURES = {b"%PDF-": "application/pdf", b"\xff\xd8\xff": "image/jpeg",
              b"\x89PNG\r\n\x1a\n": "image/png"}


def sniff(head: bytes) -> str | None:
    return next((kind for magic, kind in SIGNATURES.items() if head.startswith(magic)), None)


@dataclass(frozen=True)
class CheckedFile:
    """An uploaded file that passed its checks (type by content, size), ready to be kept."""

    filename: str
    content_type: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def safe_filename(name: str | None) -> str:
    """The file's own name without any folder or control character, at most 200 characters."""
    name = without_unprintable(name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name[:200] or "document"


def content_limits(config) -> ContentLimits:
    return ContentLimits(max_pages=config["ATTACHMENT_PDF_MAX_PAGES"],
                         max_objects=config["ATTACHMENT_PDF_MAX_OBJECTS"],
                         max_seconds=config["ATTACHMENT_PDF_MAX_SECONDS"],
                         max_pixels=config["ATTACHMENT_MAX_PIXELS"])


def check_upload(upload, *, empty: str = N_("choose a file to upload")) -> CheckedFile:
    """Read and check one uploaded file.

    :raise UploadRefused: empty (with the message ``empty``), too large, not a PDF, JPEG or
        PNG, named as another type, unreadable, over a content limit or with active content.
    """
    limit = current_app.config["ATTACHMENT_MAX_BYTES"]
    content = upload.read(limit + 1) if upload else b""
    if not content:
        raise UploadRefused(empty)
    if len(content) > limit:
        raise UploadRefused(N_("the file is larger than %(size)s MB"), size=limit // (1024 * 1024))
    content_type = sniff(content[:8])
    if content_type is None:
        raise UploadRefused(N_("only PDF, JPEG and PNG files are accepted"))
    filename = safe_filename(upload.filename)
    check_name_matches(filename, content_type)
    check_content(content, content_type, content_limits(current_app.config))
    return CheckedFile(filename, content_type, content)


def add_attachment(case, upload, *, actor, description: str | None) -> Attachment:
    """Check and store one uploaded file on ``case``, recorded as a case event.

    :raise UploadRefused: see :func:`check_upload` and :func:`store_attachment`.
    """
    description = checked_description(description)  # before the file is decoded
    return store_attachment(case, check_upload(upload), actor=actor, description=description)


def store_attachment(case, checked: CheckedFile, *, actor,
                     description: str | None) -> Attachment:
    """Store a checked file on ``case``, recorded as a case event.

    The case's documents are counted in this transaction; two uploads at once both change the
    case row (the event chain's head), so its version counter lets only one of them commit.

    :raise UploadRefused: the description is too long or not one line of text (refused, not
        cut: it goes into the append-only history), or the case's quota would be exceeded.
    """
    description = checked_description(description)
    stored_bytes, stored_files = db.session.execute(
        select(func.coalesce(func.sum(Attachment.size), 0), func.count(Attachment.id))
        .where(Attachment.case_id == case.id)).one()
    config = current_app.config
    check_fits_quota(stored_bytes=stored_bytes, stored_files=stored_files,
                     new_size=checked.size, quota_bytes=config["ATTACHMENT_CASE_QUOTA_BYTES"],
                     max_files=config["ATTACHMENT_CASE_MAX_FILES"])
    event = append_event(case, actor=actor, trigger="attach_document", from_state=case.state,
                         to_state=case.state, reason=description,
                         payload={"filename": checked.filename, "sha256": checked.sha256,
                                  "size": checked.size})
    attachment = Attachment(case=case, filename=checked.filename,
                            content_type=checked.content_type, size=checked.size,
                            sha256=checked.sha256, content=checked.content,
                            description=description,
                            uploaded_by_id=actor.id, event_seq=event.seq)
    db.session.add(attachment)
    db.session.flush()
    return attachment
