"""A notice on the web: its PDF and HTML, its service and correction, and the public
verification of a printed notice by its number and code."""

from __future__ import annotations

import hmac

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from backoffice import dates
from backoffice.access import public
from backoffice.auth.rate_limits import limited
from backoffice.extensions import db
from backoffice.i18n import N_, korean_of
from backoffice.i18n import bilingual as bi
from backoffice.models import Notice
from backoffice.notices.blueprint import bp
from backoffice.notices.forms import CorrectionForm, ServiceForm, VerifyForm
from backoffice.notices.issue import (
    TamperedDocument,
    document_bytes,
    is_replaced,
    notice_html,
    render_notice,
)
from backoffice.notices.service import correct_notice, record_service
from backoffice.security import can_view_case, role_required
from workflows.engine import TransitionRefused
from workflows.notices.codes import normalise_code
from workflows.notices.service import ServiceError
from workflows.roles import OFFICE_ROLES


def _load_notice_or_404(number: str) -> Notice:
    """A notice of a case the user may see; any other answers 404 like a missing one."""
    notice = db.session.scalar(select(Notice).where(Notice.number == number))
    if notice is None or not can_view_case(current_user, notice.case):
        abort(404)
    return notice


@bp.get("/notices/<number>.pdf")
def download(number: str):
    """The notice's PDF, checked against its SHA-256 (officers of the office, or the addressee)."""
    notice = _load_notice_or_404(number)
    if notice.file_sha256 is None:
        render_notice(notice)
        db.session.commit()
    try:
        content = document_bytes(notice)
    except TamperedDocument:
        abort(500)
    disposition = "inline" if request.args.get("inline") else "attachment"
    return Response(content, mimetype="application/pdf", headers={
        "Content-Disposition": f'{disposition}; filename="{notice.number}.pdf"',
        "X-Content-SHA256": notice.file_sha256,
        "Cache-Control": "private, no-store",
    })


@bp.get("/notices/<number>")
def show(number: str):
    """The notice as HTML, exactly as it is printed."""
    notice = _load_notice_or_404(number)
    return Response(notice_html(notice), mimetype="text/html")


@bp.post("/notices/<number>/service")
@role_required(*OFFICE_ROLES)
def serve(number: str):
    """Record the service of a notice (Art. 11); a period that runs from it starts."""

    def record(notice: Notice, form: ServiceForm) -> str:
        service = record_service(
            notice, actor=current_user, method=form.method.data, served_on=form.served_on.data,
            published_on=form.published_on.data, channels=tuple(form.channels.data or ()),
            ground=form.ground.data or None, reference=form.reference.data,
        )
        if service.published_on:
            return bi("Public notice of %(number)s recorded: deemed served on %(day)s "
                      "(Art. 11(2)).", number=notice.number, day=service.served_on)
        return bi("Service of %(number)s recorded: received on %(day)s.",
                  number=notice.number, day=service.served_on)

    return _change_notice(number, ServiceForm, record, N_("Service not recorded: %(reason)s"))


@bp.post("/notices/<number>/correct")
@role_required(*OFFICE_ROLES)
def correct(number: str):
    """Issue a correction that replaces the notice; the original stays as it was."""

    def issue(notice: Notice, form: CorrectionForm) -> str:
        correction = correct_notice(notice, actor=current_user, reason=form.reason.data)
        render_notice(correction)
        return bi("Correction %(correction)s issued; it replaces %(number)s. Serve it on the "
                  "addressee.", correction=correction.number, number=notice.number)

    return _change_notice(number, CorrectionForm, issue, N_("Not corrected: %(reason)s"))


def _change_notice(number: str, form_class, change, refused: str):
    """Load, check the form, change, commit; or roll back and say why. Back to the case."""
    notice = _load_notice_or_404(number)
    form = form_class()
    back = redirect(url_for("cases.detail", reference=notice.case.reference) + "#notices")
    if not form.validate_on_submit():
        flash(_form_problem(form), "error")
        return back
    try:
        message = change(notice, form)
    except (ServiceError, TransitionRefused) as problem:
        db.session.rollback()
        flash(bi(refused, reason=str(getattr(problem, "message", problem))), "error")
        return back
    db.session.commit()
    flash(message, "info")
    return back


@bp.route("/verify", methods=["GET"])
@public
@limited("RATELIMIT_VERIFY", "GET")
def verify():
    """Public: check a notice by its number and verification code; no personal data shown."""
    form = VerifyForm(request.args)
    result, notice, replacement = None, None, None
    if request.args:
        if not form.validate():
            result = "invalid"
        else:
            notice = db.session.scalar(select(Notice).where(
                Notice.number == form.number.data.strip().upper()))
            code = normalise_code(form.code.data)
            if notice is None or not code or not hmac.compare_digest(
                    notice.verification_code or "", code):
                result, notice = "unknown", None
            elif is_replaced(notice):
                result = "replaced"
                replacement = db.session.scalar(
                    select(Notice.number).where(Notice.replaces_id == notice.id))
            else:
                result = "valid"
    status = 200 if result in (None, "valid", "replaced") else 404 if result == "unknown" else 400
    return render_template("notices/verify.html", form=form, result=result, notice=notice,
                           replacement=replacement,
                           verdict=_verdict(result, notice, replacement)), status


VALID = N_("Notice %(number)s — %(title)s — was issued by %(office)s on %(issued)s.")
REPLACED = N_("Notice %(number)s was issued on %(issued)s and later corrected: notice "
              "%(replacement)s replaces it.")


def _verdict(result: str | None, notice: Notice | None, replacement: str | None) -> Markup:
    """What the verification found, the notice's title and office named in each language."""
    if notice is None or result not in ("valid", "replaced"):
        return Markup()
    office = notice.case.office
    english = VALID if result == "valid" else REPLACED
    values = {"number": notice.number, "replacement": replacement}
    return bi(english % {**values, "title": notice.title_en, "office": office.name_en,
                         "issued": dates.instant(notice.issued_at, "en")},
              korean_of(english) % {**values, "title": notice.title_ko or notice.title_en,
                                    "office": office.name_ko or office.name_en,
                                    "issued": dates.instant(notice.issued_at, "ko")})


def _form_problem(form) -> Markup:
    if "csrf_token" in form.errors:
        return bi("The form expired; reload the case and try again.")
    return Markup("; ").join(Markup("{}: {}").format(getattr(form, name).label.text,
                                                      ", ".join(map(str, errors)))
                             for name, errors in form.errors.items())
