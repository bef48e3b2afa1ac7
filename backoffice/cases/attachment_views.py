"""Uploading a document to the case and downloading one (the checks are
:mod:`backoffice.cases.attachments`)."""

from __future__ import annotations

from urllib.parse import quote

from flask import Response, abort, flash, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select

from backoffice.access import current_case
from backoffice.cases.attachments import UploadRefused, add_attachment
from backoffice.cases.blueprint import bp
from backoffice.extensions import db
from backoffice.i18n import N_, in_both
from backoffice.i18n import bilingual as bi
from backoffice.models import Attachment


@bp.post("/attachments")
def upload_attachment(reference: str):
    case = current_case()
    back = redirect(url_for("cases.detail", reference=reference) + "#attachments")
    if case.closed_at is not None:
        flash(bi("The case is closed; documents can no longer be added."), "error")
        return back
    try:
        attachment = add_attachment(case, request.files.get("file"), actor=current_user,
                                    description=request.form.get("description"))
    except UploadRefused as refused:
        db.session.rollback()
        flash(in_both(N_("Not uploaded: %(reason)s."), {"reason": str(refused)},
                      {"reason": refused.korean}), "error")
        return back
    db.session.commit()
    flash(bi("%(file)s added to %(reference)s.", file=attachment.filename,
             reference=case.reference), "info")
    return back


@bp.get("/attachments/<int:attachment_id>")
def download_attachment(reference: str, attachment_id: int):
    case = current_case()
    attachment = db.session.scalar(select(Attachment).where(
        Attachment.id == attachment_id, Attachment.case_id == case.id))
    if attachment is None:
        abort(404)
    return Response(attachment.content, mimetype=attachment.content_type, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(attachment.filename)}",
        "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"})
