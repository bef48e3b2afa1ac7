"""The public PCC service (FAQ Q5, Q6): no account; the browser holds only a random token of its
request in the signed session, never a number or a name; no personal data in a URL.

New issuance: real-name check → mobile check (code by SMS) → application form → the code.
Look-up: real-name check → mobile check → the code and details (number masked) → change of
details or reissue. Every step is rate-limited per source address, the real-name check per
registration number too; a failure shows the FAQ's remedies.
"""

from __future__ import annotations

import re
import time

from flask import current_app, redirect, render_template, request, session, url_for

from backoffice.extensions import db, limiter
from backoffice.pcc import service
from backoffice.pcc.blueprint import bp
from backoffice.pcc.forms import CodeForm, DetailsForm, EmptyForm, MobileForm, RealNameForm, both
from backoffice.pcc.sealing import configured_sealing
from workflows.pcc.identity import Invalid, birth_date, mobile_number
from workflows.pcc.remedies import Failure, remedies_for

REQUEST_KEY = "pcc_request"
FAILURES = "pcc_real_name_failures"


def _limit(key: str, **more):
    return limiter.limit(lambda: current_app.config[key], methods=["POST"], per_method=True,
                         scope=key.lower(), **more)


def _number_key() -> str:
    """The rate-limit key of the registration number typed (its index: never the number)."""
    digits = re.sub(r"\D", "", (request.form.get("registration_number") or "")[:20])
    return "pcc-number:" + (configured_sealing().index(digits) if len(digits) == 13 else "none")


def _request_key() -> str:
    return "pcc-request:" + service.token_hash(session.get(REQUEST_KEY) or "none")


def _current():
    return service.request_for(session.get(REQUEST_KEY))


def _remedies(failure: Failure):
    return remedies_for(failure)


@bp.get("/")
@limiter.limit(lambda: current_app.config["RATELIMIT_PCC_PAGES"])
def start():
    return render_template("pcc/start.html")


@bp.route("/issue", methods=["GET", "POST"], endpoint="issue")
@bp.route("/lookup", methods=["GET", "POST"], endpoint="lookup")
@limiter.limit(lambda: current_app.config["RATELIMIT_PCC_PAGES"], methods=["GET"])
@_limit("RATELIMIT_PCC_STEPS")
@_limit("RATELIMIT_PCC_PER_NUMBER", key_func=_number_key)
def real_name():
    """Step 1: 실명인증 (Q1, Q3)."""
    purpose = service.ISSUE if request.endpoint == "pcc.issue" else service.LOOKUP
    form, failure = RealNameForm(), None
    if form.validate_on_submit():
        try:
            token, _ = service.begin(purpose, form.name.data, form.registration_number.data)
        except Invalid as invalid:
            getattr(form, invalid.field).errors.append(service_message(invalid))
        except service.Refused as refused:
            failure = refused.failure
            if failure is Failure.REAL_NAME:
                session[FAILURES] = session.get(FAILURES, 0) + 1
                if session[FAILURES] >= current_app.config["PCC_REAL_NAME_TRIES"]:
                    failure = Failure.REAL_NAME_REPEATED
        else:
            db.session.commit()
            session.pop(FAILURES, None)
            session[REQUEST_KEY] = token
            return redirect(url_for("pcc.verify"))
    return render_template("pcc/real_name.html", form=form, purpose=purpose,
                           failure=failure, remedies=_remedies(failure) if failure else ()), \
        200 if failure is None and not form.errors else 422


def service_message(invalid: Invalid) -> str:
    return both(invalid.ko, invalid.en)


@bp.route("/verify", methods=["GET", "POST"])
@_limit("RATELIMIT_PCC_STEPS")
@_limit("RATELIMIT_PCC_CODES", key_func=_request_key)
def verify():
    """Step 2: 휴대폰 본인확인 (Q4): the subscription checked, a code sent."""
    current = _current()
    if current is None:
        return _expired()
    form, failure = MobileForm(), None
    if form.validate_on_submit():
        try:
            born_on, mobile = birth_date(form.birth_date.data), mobile_number(form.mobile.data)
            service.send_code(current, carrier=form.carrier.data, name=form.name.data.upper(),
                              mobile=mobile, born_on=born_on)
        except Invalid as invalid:
            getattr(form, invalid.field).errors.append(service_message(invalid))
        except service.Refused as refused:
            failure = refused.failure
            db.session.commit()
        else:
            db.session.commit()
            return redirect(url_for("pcc.code"))
    return render_template("pcc/verify.html", form=form, current=current, failure=failure,
                           remedies=_remedies(failure) if failure else ()), \
        200 if failure is None and not form.errors else 422


@bp.route("/verify/code", methods=["GET", "POST"])
@_limit("RATELIMIT_PCC_STEPS")
def code():
    """Step 3: the one-time code, about three minutes, extendable once (Q6 ⑥)."""
    current = _current()
    if current is None:
        return _expired()
    if current.code_digest is None:
        return redirect(url_for("pcc.verify"))
    form, failure = CodeForm(), None
    if form.validate_on_submit():
        try:
            service.confirm_code(current, form.code.data)
        except service.Refused as refused:
            failure = refused.failure
            db.session.commit()  # the tries count
        else:
            db.session.commit()
            return redirect(url_for("pcc.apply" if current.purpose == service.ISSUE
                                    else "pcc.mine"))
    left = service.seconds_left(current)
    return render_template("pcc/code.html", form=form, current=current, left=left,
                           extend=EmptyForm(prefix="extend"), failure=failure,
                           remedies=_remedies(failure) if failure else ()), \
        200 if failure is None else 422


@bp.post("/verify/extend")
@_limit("RATELIMIT_PCC_STEPS")
def extend():
    current = _current()
    if current is None:
        return _expired()
    if EmptyForm(prefix="extend").validate_on_submit() and service.extend_code(current):
        db.session.commit()
    return redirect(url_for("pcc.code"))


def _details(form: DetailsForm, mobile: str | None) -> service.Details:
    return service.Details(
        address=form.address.data.strip(), telephone=form.telephone.data.strip(),
        email=(form.email.data or "").strip() or None, mobile_owner=form.mobile_owner.data,
        mobile=mobile, consents_to_viewing=bool(form.consents_to_viewing.data),
        sms_alerts=bool(form.sms_alerts.data))


@bp.route("/apply", methods=["GET", "POST"])
@_limit("RATELIMIT_PCC_STEPS")
def apply():
    """Step 4: the application form; the code is issued at once (Q5 ②)."""
    current = _current()
    if current is None or current.purpose != service.ISSUE:
        return _expired()
    if current.verified_at is None:
        return redirect(url_for("pcc.verify"))
    form, failure = DetailsForm(), None
    if form.validate_on_submit():
        try:
            issued = service.issue(current, _details(form, current.mobile))
        except service.Refused as refused:
            failure = refused.failure
        else:
            db.session.commit()
            session.pop(REQUEST_KEY, None)
            return render_template("pcc/issued.html", code=issued.code,
                                   holder=issued.holder)
    return render_template("pcc/apply.html", form=form, current=current, failure=failure,
                           remedies=_remedies(failure) if failure else ()), \
        200 if failure is None and not form.errors else 422


@bp.get("/mine")
@limiter.limit(lambda: current_app.config["RATELIMIT_PCC_PAGES"])
def mine():
    """The look-up (발급내역 조회): the code in use, the details, the number masked."""
    current = _current()
    if current is None or current.purpose != service.LOOKUP or current.verified_at is None:
        return _expired()
    holder = service.looked_up(current)
    return render_template("pcc/mine.html", holder=holder, reissue=EmptyForm(prefix="reissue"),
                           reissues=service.reissues_this_year(holder),
                           limit=current_app.config["PCC_REISSUES_PER_YEAR"], failure=None)


@bp.route("/mine/change", methods=["GET", "POST"])
@_limit("RATELIMIT_PCC_STEPS")
def change():
    current = _current()
    if current is None or current.purpose != service.LOOKUP or current.verified_at is None:
        return _expired()
    holder = service.looked_up(current)
    form = DetailsForm(obj=holder)
    if form.validate_on_submit():
        service.change(current, _details(form, current.mobile))
        db.session.commit()
        return redirect(url_for("pcc.mine", changed=1))
    return render_template("pcc/change.html", form=form, holder=holder), \
        200 if not form.errors else 422


@bp.post("/mine/reissue")
@_limit("RATELIMIT_PCC_STEPS")
def reissue():
    """A new code, the old one out of use (a code that leaked stops working)."""
    current = _current()
    if current is None or current.purpose != service.LOOKUP or current.verified_at is None:
        return _expired()
    if not EmptyForm(prefix="reissue").validate_on_submit():
        return redirect(url_for("pcc.mine"))
    try:
        service.reissue(current)
    except service.Refused as refused:
        holder = service.looked_up(current)
        return render_template(
            "pcc/mine.html", holder=holder, reissue=EmptyForm(prefix="reissue"),
            reissues=service.reissues_this_year(holder),
            limit=current_app.config["PCC_REISSUES_PER_YEAR"], failure=refused.failure,
            remedies=_remedies(refused.failure)), 422
    db.session.commit()
    return redirect(url_for("pcc.mine", reissued=1))


@bp.post("/end")
def end():
    """End the request: the browser forgets it and the row goes."""
    current = _current()
    if EmptyForm(prefix="end").validate_on_submit() and current is not None:
        db.session.delete(current)
        db.session.commit()
    session.pop(REQUEST_KEY, None)
    return redirect(url_for("pcc.start"))


@bp.get("/help")
@limiter.limit(lambda: current_app.config["RATELIMIT_PCC_PAGES"])
def help_page():
    """No means of authentication (Q2): the counter, and the identifiers clearance takes."""
    return render_template("pcc/help.html", remedies=_remedies(Failure.NO_MEANS))


def _expired():
    session.pop(REQUEST_KEY, None)
    return render_template("pcc/expired.html"), 410


def wait_seconds() -> int:
    """How long until the limit that refused this request lets it through again."""
    current = limiter.current_limit
    if current is None:
        return 60
    return max(1, int(current.reset_at - time.time()))
