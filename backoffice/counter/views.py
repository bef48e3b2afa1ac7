"""The counter's pages: find a holder by the number on the card, issue a code, put it out of
use, and (with a reason, recorded) see the whole number. Each view of a holder's page is
recorded too: it shows the holder's details unmasked. The steps are
:mod:`backoffice.pcc.service`'s."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from backoffice.counter.blueprint import bp
from backoffice.counter.forms import CounterForm, EmptyForm, FindForm, ReasonForm
from backoffice.extensions import db
from backoffice.models import PccCode, PccHolder, PccView, User
from backoffice.pcc import service
from backoffice.pcc.forms import refuse_field
from workflows.pcc.identity import Invalid, mobile_number
from workflows.pcc.remedies import Failure, remedies_for

HOLDER_PAGE = "창구 조회 · counter look-up"
"""The reason recorded for a view of a holder's page (its details are shown unmasked)."""



@bp.route("", methods=["GET", "POST"])
def index():
    """Find a holder by the number on the card; or issue a code to a new one."""
    find, issue = FindForm(prefix="find"), CounterForm(prefix="issue")
    if find.registration_number.raw_data and find.validate_on_submit():
        return _found(find, issue)
    if issue.registration_number.raw_data and issue.validate_on_submit():
        return _issued(issue, find)
    return _page(find, issue, status=422 if find.errors or issue.errors else 200)


def _found(find: FindForm, issue: CounterForm):
    try:
        holder = service.counter_find(find.registration_number.data)
    except Invalid as invalid:
        refuse_field(find, invalid)
        return _page(find, issue, status=422)
    if holder is not None:
        return redirect(url_for("counter.holder", holder_id=holder.id))
    issue.registration_number.data = find.registration_number.data
    return _page(find, issue, not_found=True)


def _issued(issue: CounterForm, find: FindForm):
    try:
        mobile = mobile_number(issue.mobile.data) if issue.mobile.data else None
        code = service.counter_issue(issue.name.data, issue.registration_number.data,
                                     issue.details(mobile), current_user.id)
    except Invalid as invalid:
        refuse_field(issue, invalid)
        return _page(find, issue, status=422)
    except service.Refused as refused:
        db.session.rollback()
        return _page(find, issue, failure=refused.failure, status=422)
    db.session.commit()
    return redirect(url_for("counter.holder", holder_id=code.holder_id, issued=1))


def _page(find, issue, failure: Failure | None = None, not_found: bool = False,
          status: int = 200):
    by_me = db.session.scalar(select(func.count(PccCode.id)).where(
        PccCode.channel == "counter", PccCode.issued_by_id == current_user.id))
    return render_template("counter/index.html", find=find, issue=issue, not_found=not_found,
                           failure=failure, remedies=remedies_for(failure) if failure else (),
                           issued_by_me=by_me), status


def _holder_or_404(holder_id: int) -> PccHolder:
    holder = service.live_holder(holder_id)
    if holder is None:
        abort(404)
    return holder


@bp.get("/holders/<int:holder_id>")
def holder(holder_id: int):
    found = _holder_or_404(holder_id)
    service.record_view(found, current_user.id, HOLDER_PAGE)
    db.session.commit()
    return _holder_page(found)


def _holder_page(holder: PccHolder, whole: str | None = None, reason: ReasonForm | None = None,
                 status: int = 200):
    views = db.session.execute(
        select(PccView.viewed_at, PccView.reason, User.display_name)
        .join(User, User.id == PccView.user_id).where(PccView.holder_id == holder.id)
        .order_by(PccView.id.desc()).limit(20)).all()
    return render_template("counter/holder.html", holder=holder, whole=whole,
                           reason=reason or ReasonForm(prefix="view"),
                           retire=EmptyForm(prefix="retire"), new=EmptyForm(prefix="new"),
                           views=views, issued=request.args.get("issued")), status


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
    """A new code at the counter for a holder with none in use (another officer may have
    given one a moment before: then nothing more)."""
    holder = _holder_or_404(holder_id)
    if EmptyForm(prefix="new").validate_on_submit():
        try:
            service.counter_new_code(holder, current_user.id)
        except service.Refused:
            db.session.rollback()
        else:
            db.session.commit()
    return redirect(url_for("counter.holder", holder_id=holder.id))
