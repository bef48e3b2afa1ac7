"""An online filing waits in the database between "Check your answers" and "File now".

A browser cannot fill a file input again, and the app runs as several web processes, possibly
on several machines: so the answers and the evidence files that passed their checks are kept in
``staged_filings`` (see :class:`~backoffice.models.staged_filing.StagedFiling`), not in a
process, a session cookie or a local disk. The limits:

- each file is a PDF, JPEG or PNG up to ``ATTACHMENT_MAX_BYTES``, decoded and without active
  content (:func:`~backoffice.cases.attachments.check_upload`); at most ``MAX_FILES`` files and
  ``MAX_CONTENT_LENGTH`` bytes in all for one filing, and no more than the new case may hold
  (``ATTACHMENT_CASE_QUOTA_BYTES``, ``ATTACHMENT_CASE_MAX_FILES``);
- a staged filing belongs to the user who made it: its token is only honoured with that user;
- it lives ``LIFETIME`` after its last change; expired ones are deleted whenever anyone stages,
  and at most ``MAX_PER_USER`` are kept for one user (the oldest go first);
- it is claimed once: :func:`claim` deletes it with a conditional ``DELETE`` in the filing's
  own transaction, so two clicks on "File now" file one case; a refused filing rolls the delete
  back and the staged filing is there again.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, select
from werkzeug.datastructures import MultiDict

from backoffice.cases.attachments import CheckedFile, UploadRefused, check_upload, safe_filename
from backoffice.cases.file_checks import check_fits_quota
from backoffice.extensions import db
from backoffice.i18n import bilingual as bi
from backoffice.models import User
from backoffice.models.staged_filing import StagedFile, StagedFiling
from workflows import clock

LIFETIME = timedelta(hours=1)
MAX_FILES = 10
MAX_PER_USER = 5


@dataclass(frozen=True)
class Claimed:
    """A staged filing taken for filing: its answers and files, and its submission id."""

    token: str
    answers: dict[str, list[str]]
    files: list[CheckedFile]

    @property
    def submission_id(self) -> str:
        return submission_id(self.token)


def submission_id(token: str) -> str:
    """The id a filed case keeps of the staged filing it came from (not the token itself):
    a second "File now" with the same token finds the case it already filed."""
    return hashlib.sha256(token.encode()).hexdigest()[:32]


def find(token: str | None, user: User, procedure: str) -> StagedFiling | None:
    """The user's staged filing ``token`` for ``procedure``, if it has not expired."""
    if not token or len(token) > 64:
        return None
    return db.session.scalar(select(StagedFiling).where(
        StagedFiling.token == token, StagedFiling.user_id == user.id,
        StagedFiling.procedure == procedure, StagedFiling.expires_at > clock.now()))


def start(user: User, procedure: str) -> StagedFiling:
    """A new, empty staged filing of ``user``; expired ones (anyone's) are deleted first, and
    the user's oldest beyond ``MAX_PER_USER``."""
    now = clock.now()
    db.session.execute(delete(StagedFiling).where(StagedFiling.expires_at <= now)
                       .execution_options(synchronize_session=False))
    kept = db.session.scalars(
        select(StagedFiling.id).where(StagedFiling.user_id == user.id)
        .order_by(StagedFiling.expires_at.desc(), StagedFiling.id.desc())
        .offset(MAX_PER_USER - 1)).all()
    if kept:
        db.session.execute(delete(StagedFiling).where(StagedFiling.id.in_(kept))
                           .execution_options(synchronize_session=False))
    staged = StagedFiling(token=secrets.token_urlsafe(32), user_id=user.id, procedure=procedure,
                          answers=None, revision=1, created_at=now, expires_at=now + LIFETIME)
    db.session.add(staged)
    db.session.flush()
    return staged


def changed(staged: StagedFiling, answers: dict[str, list[str]] | None) -> None:
    """Record new answers (``None``: not checked yet); the check page shown before no longer
    files, and the staged filing lives another ``LIFETIME``."""
    staged.answers = answers
    staged.revision = (staged.revision or 0) + 1
    staged.expires_at = clock.now() + LIFETIME
    db.session.flush()


def _not_kept(name: str, refused: UploadRefused) -> str:
    return bi("%(name)s: %(reason)s; it was not kept", name=name, reason=str(refused))


def update_files(staged: StagedFiling, uploads: Iterable, remove: Iterable[int]) -> list[str]:
    """Drop the files the user removed, check and keep the new ones; return what was refused
    (a refused file is not kept and must be chosen again)."""
    removed = set(remove)
    for kept in [f for f in staged.files if f.id in removed]:
        staged.files.remove(kept)
    problems = []
    total_limit = current_app.config.get("MAX_CONTENT_LENGTH") or 20 * 1024 * 1024
    for upload in uploads:
        name = safe_filename(upload.filename)
        try:
            checked = check_upload(upload, empty="the file is empty")
        except UploadRefused as refused:
            problems.append(_not_kept(name, refused))
            continue
        if any(f.sha256 == checked.sha256 and f.filename == checked.filename
               for f in staged.files):
            continue  # the same file chosen again
        if len(staged.files) >= MAX_FILES:
            problems.append(bi("%(name)s: at most %(count)s files go with one filing; it was "
                               "not kept", name=name, count=MAX_FILES))
            continue
        if sum(f.size for f in staged.files) + checked.size > total_limit:
            problems.append(bi("%(name)s: the files of one filing may not exceed %(size)s MB in "
                               "all; it was not kept", name=name,
                               size=total_limit // (1024 * 1024)))
            continue
        try:  # the new case will hold these files and no others
            check_fits_quota(stored_bytes=sum(f.size for f in staged.files),
                             stored_files=len(staged.files), new_size=checked.size,
                             quota_bytes=current_app.config["ATTACHMENT_CASE_QUOTA_BYTES"],
                             max_files=current_app.config["ATTACHMENT_CASE_MAX_FILES"])
        except UploadRefused as refused:
            problems.append(_not_kept(name, refused))
            continue
        staged.files.append(StagedFile(filename=checked.filename,
                                       content_type=checked.content_type, size=checked.size,
                                       sha256=checked.sha256, content=checked.content))
    db.session.flush()
    return problems


def answers_from(formdata: MultiDict, names: Iterable[str]) -> dict[str, list[str]]:
    """The answers as typed (strings), for the fields ``names``: shown back and filed."""
    return {name: formdata.getlist(name) for name in names if name in formdata}


def formdata_of(answers: dict[str, Any] | None) -> MultiDict:
    return MultiDict([(name, value) for name, values in (answers or {}).items()
                      for value in values])


def claim(token: str | None, user: User, procedure: str, revision: int | None) -> Claimed | None:
    """Take the user's checked staged filing for filing, once.

    The row is deleted (its files with it) by a ``DELETE`` that names the token, the user, the
    revision the check page showed and an expiry still ahead; only the request whose ``DELETE``
    removed the row files. A concurrent second request waits for the first one's transaction
    and then deletes nothing. The caller commits the filing in the same transaction, or rolls
    back, and then the staged filing is there again.
    """
    staged = find(token, user, procedure)
    if staged is None or staged.answers is None or staged.revision != revision:
        return None
    taken = Claimed(staged.token, dict(staged.answers),
                    [CheckedFile(f.filename, f.content_type, f.content) for f in staged.files])
    staged_id = staged.id
    for row in (*staged.files, staged):
        db.session.expunge(row)
    deleted = db.session.execute(
        delete(StagedFiling).where(StagedFiling.id == staged_id,
                                   StagedFiling.user_id == user.id,
                                   StagedFiling.revision == revision,
                                   StagedFiling.expires_at > clock.now())
        .execution_options(synchronize_session=False))
    return taken if deleted.rowcount == 1 else None
