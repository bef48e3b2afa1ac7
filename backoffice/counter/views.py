"""The counter's pages: find a holder by the number on the card, issue a code, put it out of
use, and (with a reason, recorded) see the whole number. Views only: the steps are
:mod:`backoffice.pcc.service`'s."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from backoffice.counter.blueprint import bp
from backoffice.counter.forms import CounterForm, EmptyForm, FindForm, ReasonForm
from backoffice.extensions import db
from backoffice.models import PccCode, PccHolder, PccView, User
from backoffice.pcc import service
from backoffice.pcc.forms import both
from workflows.pcc.identity import Invalid
from workflows.pcc.remedies import Failure, remedies_for


def _message(invalid: Invalid) -> str:
    return both(invalid.ko, invalid.en)


@bp.route("", methods=["GET", "POST"])
def index():
    """Find a holder by the number on the card; or issue a code to a new one."""
    find, issue = FindForm(prefix="find"), CounterForm(prefix="issue")
    not_found = False
    if find.registration_number.raw_data and find.validate_on_submit():
        try:
            holder = service.counter_find(find.registration_number.data)
        except Invalid as invalid:
            find.registration_number.errors.append(_message(invalid))
        else:
            if holder is not None:
                return redirect(url_for("counter.holder", holder_id=holder.id))
            not_found = True
            issue.registration_number.data = find.registration_number.data
    elif issue.registration_number.raw_data and issue.validate_on_submit():
        details = service.Details(
            address=issue.address.data.strip(), telephone=issue.telephone.data.strip(),
            email=(issue.email.data or "").strip() or None,
            mobile_owner=issue.mobile_owner.data,
            mobile=(issue.mobile.data or "").replace("-", "").strip() or None,
            consents_to_viewing=bool(issue.consents_to_viewing.data),
            sms_alerts=bool(issue.sms_alerts.data))
        try:
            code = service.counter_issue(issue.name.data, issue.registration_number.data,
                                         details, current_user.id)
        except Invalid as invalid:
            getattr(issue, invalid.field).errors.append(_message(invalid))
        except service.Refused as refused:
            return _page(find, issue, failure=refused.failure), 422
        else:
            db.session.commit()
            return redirect(url_for("counter.holder", holder_id=code.holder_id, issued=1))
    status = 422 if find.errors or issue.errors else 200
    return _page(find, issue, not_found=not_found), status


def _page(find, issue, failure: Failure | None = None, not_found: bool = False):
    issued_by_me = db.session.scalar(select(db.func.count(PccCode.id)).where(
        PccCode.channel == "counter", PccCode.issued_by_id == current_user.id))
    return render_template("counter/index.html", find=find, issue=issue, not_found=not_found,
                           failure=failure, remedies=remedies_for(failure) if failure else (),
                           issued_by_me=issued_by_me)


def _holder_or_404(holder_id: int) -> PccHolder:
    holder = db.session.get(PccHolder, holder_id)
    if holder is None or holder.number_sealed == "erased":
        abort(404)
    return holder


@bp.get("/holders/<int:holder_id>")
def holder(holder_id: int):
    return _holder_page(_holder_or_404(holder_id))


def _holder_page(holder: PccHolder, whole: str | None = None, reason: ReasonForm | None = None,
                 status: int = 200):
    views = db.session.execute(
        select(PccView.viewed_at, PccView.reason, User.display_name)
        .join(User, User.id == PccView.user_id).where(PccView.holder_id == holder.id)
        .order_by(PccView.id.desc()).limit(20)).all()
    return render_template("counter/holder.html", holder=holder, whole=whole,
                           reason=reason or ReasonForm(prefix="view"),
                           retire=EmptyForm(prefix="retire"), new=EmptyForm(prefix="new"),
                           views=views), status


@bp.post("/holders/<int:holder_id>/number")
def whole_number(holder_id: int):
    """The whole number, on this response only, for a reason that is recorded."""
    holder = _holder_or_404(holder_id)
    form = ReasonForm(prefix="view")
    if not form.validate_on_submit():
        return _holder_page(holder, reason=form, status=422)
    whole = service.unmasked_number(holder, current_user.id, form.reason.data.strip())
    db.session.commit()
    return _holder_page(holder, whole=f"{whole[:6]}-{whole[6:]}")


@bp.post("/holders/<int:holder_id>/retire")
def retire(holder_id: int):
    holder = _holder_or_404(holder_id)
    if EmptyForm(prefix="retire").validate_on_submit() and service.counter_retire(
            holder, current_user.id):
        db.session.commit()
    return redirect(url_for("counter.holder", holder_id=holder.id))


@bp.post("/holders/<int:holder_id>/new")
def new_code(holder_id: int):
    """A new code at the counter for a holder with none in use."""
    holder = _holder_or_404(holder_id)
    if EmptyForm(prefix="new").validate_on_submit() and holder.code_in_use is None:
        service.counter_new_code(holder, current_user.id)
        db.session.commit()
    return redirect(url_for("counter.holder", holder_id=holder.id))
