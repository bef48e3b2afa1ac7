"""The public PCC service (FAQ Q5, Q6): no account; the browser holds only a random token of its
request in its own signed session, never a number or a name; no personal data in a URL.

New issuance: real-name check → mobile check (code by SMS) → application form → the code.
Look-up: real-name check → mobile check → the code and details (number masked) → change of
details or reissue. Every page is rate-limited per source address, every step also per
registration number (whoever asks); a failure shows the FAQ's remedies.
"""

from __future__ import annotations

import re

from flask import current_app, redirect, render_template, request, session, url_for

from backoffice.extensions import db, limiter
from backoffice.pcc import service
from backoffice.pcc.adapters import adapters
from backoffice.pcc.blueprint import bp
from backoffice.pcc.forms import (
    CertificateForm,
    CodeForm,
    DetailsForm,
    EmptyForm,
    MobileForm,
    RealNameForm,
    SimpleForm,
    refuse_field,
)
from backoffice.pcc.sealing import configured_sealing
from workflows.pcc.identity import Invalid, birth_date, mobile_number, short_address
from workflows.pcc.remedies import Failure, remedies_for

REQUEST_KEY = "pcc_request"
REAL_NAME_FAILURES, IDENTITY_FAILURES = "pcc_real_name_failures", "pcc_identity_failures"


# -- rate limits: per source address, and per registration number whoever asks ---------------


def _pages():
    return limiter.limit(lambda: current_app.config["RATELIMIT_PCC_PAGES"], methods=["GET"])


def _steps():
    return limiter.limit(lambda: current_app.config["RATELIMIT_PCC_STEPS"], methods=["POST"],
                         scope="ratelimit_pcc_steps")


def _typed_number() -> str:
    digits = re.sub(r"\D", "", (request.form.get("registration_number") or "")[:20])
    return digits if len(digits) == 13 else ""


def _number_key() -> str:
    """The number typed (the real-name check) or the request's (the later steps), by its
    keyed index: never the number itself."""
    typed = _typed_number()
    if typed:
        return "pcc-number:" + configured_sealing().index(typed)
    current = _current()
    return "pcc-number:" + (current.number_index if current else "none")


def _per_number():
    """One bucket per number across every step (``shared``); a request naming no number is
    not counted here (the per-address limit still is)."""
    return limiter.shared_limit(lambda: current_app.config["RATELIMIT_PCC_PER_NUMBER"],
                                scope="ratelimit_pcc_per_number", key_func=_number_key,
                                methods=["POST"], exempt_when=lambda: _number_key().endswith(
                                    ":none"))


def _codes_sent():
    return limiter.limit(lambda: current_app.config["RATELIMIT_PCC_CODES"], methods=["POST"],
                         scope="ratelimit_pcc_codes", key_func=_number_key)


# -- the request the browser holds ------------------------------------------------------------


def _current():
    return service.request_for(session.get(REQUEST_KEY))


def _verified(purpose: str):
    current = _current()
    if current is None or current.purpose != purpose or current.verified_at is None:
        return None
    return current


def _expired():
    session.pop(REQUEST_KEY, None)
    return render_template("pcc/expired.html"), 410


def _page(template: str, status: int = 200, failure: Failure | None = None, **values):
    return render_template(template, failure=failure,
                           remedies=remedies_for(failure) if failure else (), **values), \
        422 if failure is not None or status == 422 else status



def _counted(key: str, failure: Failure, repeated: Failure) -> Failure:
    """The failure, or its repeated form once it happened ``PCC_REAL_NAME_TRIES`` times in this
    browser (the FAQ's "if it still fails, call ...")."""
    session[key] = session.get(key, 0) + 1
    return repeated if session[key] >= current_app.config["PCC_REAL_NAME_TRIES"] else failure


# -- the steps ---------------------------------------------------------------------------------


@bp.get("/")
@_pages()
def start():
    return render_template("pcc/start.html")


@bp.route("/issue", methods=["GET", "POST"], endpoint="issue")
@bp.route("/lookup", methods=["GET", "POST"], endpoint="lookup")
@_pages()
@_steps()
@_per_number()
def real_name():
    """Step 1: 실명인증 (Q1, Q3)."""
    purpose = service.ISSUE if request.endpoint == "pcc.issue" else service.LOOKUP
    form, failure = RealNameForm(), None
    if form.validate_on_submit():
        try:
            token, _ = service.begin(purpose, form.name.data, form.registration_number.data)
        except Invalid as invalid:
            refuse_field(form, invalid)
        except service.Refused as refused:
            failure = refused.failure
            if failure is Failure.REAL_NAME:
                failure = _counted(REAL_NAME_FAILURES, failure, Failure.REAL_NAME_REPEATED)
        else:
            db.session.commit()
            session.pop(REAL_NAME_FAILURES, None)
            session[REQUEST_KEY] = token
            return redirect(url_for("pcc.verify"))
    return _page("pcc/real_name.html", 422 if form.errors else 200, failure, form=form,
                 purpose=purpose)


def _verified_next(current):
    """Once verified: the application form of a new issuance, or the holder's code."""
    return redirect(url_for("pcc.apply" if current.purpose == service.ISSUE else "pcc.mine"))


def _verified_by(template: str, form, attempt, counts: str | None = None):
    """One way to verify the identity (the mobile check, a simple certification, a
    certificate): ``attempt(current, form)`` raises what refuses it and returns the request's
    new token once verified (a certificate) or None (a code was sent: its page is next).
    ``counts`` names the browser's count of mismatches that leads to the helpline."""
    current = _current()
    if current is None:
        return _expired()
    failure = None
    if form.validate_on_submit():
        try:
            token = attempt(current, form)
        except Invalid as invalid:
            refuse_field(form, invalid)
        except service.Refused as refused:
            failure = refused.failure
            if counts and failure is Failure.IDENTITY:
                failure = _counted(counts, failure, Failure.IDENTITY_REPEATED)
            db.session.commit()  # the tries count
        else:
            db.session.commit()
            if counts:
                session.pop(counts, None)
            if token is None:
                return redirect(url_for("pcc.code"))
            session[REQUEST_KEY] = token
            return _verified_next(current)
    return _page(template, 422 if form.errors else 200, failure, form=form, current=current)


def _mobile_check(current, form: MobileForm) -> None:
    born_on, mobile = birth_date(form.birth_date.data), mobile_number(form.mobile.data)
    service.send_code(current, carrier=form.carrier.data, name=form.name.data.upper(),
                      mobile=mobile, born_on=born_on)


@bp.route("/verify", methods=["GET", "POST"])
@_pages()
@_steps()
@_per_number()
@_codes_sent()
def verify():
    """Step 2: 휴대폰 본인확인 (Q4): the subscription checked, a code sent."""
    return _verified_by("pcc/verify.html", MobileForm(), _mobile_check, IDENTITY_FAILURES)


@bp.route("/verify/simple", methods=["GET", "POST"])
@_pages()
@_steps()
@_per_number()
@_codes_sent()
def simple():
    """Step 2, by simple certification (간편인증, Q6 ②): the provider reaches the mobile in
    the resident's name; the code follows as for the mobile check."""
    return _verified_by(
        "pcc/simple.html", SimpleForm().offer(adapters().simple.providers),
        lambda current, form: service.send_simple_code(
            current, provider=form.provider.data, mobile=mobile_number(form.mobile.data)))


@bp.route("/verify/certificate", methods=["GET", "POST"])
@_pages()
@_steps()
@_per_number()
def certificate():
    """Step 2, by a joint or financial certificate (Q5 ⑥, Q6 ②): no code to wait for."""
    return _verified_by(
        "pcc/certificate.html", CertificateForm(),
        lambda current, form: service.certify(current, certificate=form.certificate.data,
                                              password=form.password.data))


@bp.route("/verify/code", methods=["GET", "POST"])
@_pages()
@_steps()
@_per_number()
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
            session[REQUEST_KEY] = service.confirm_code(current, form.code.data)
        except service.Refused as refused:
            failure = refused.failure
            db.session.commit()  # the tries count
        else:
            db.session.commit()
            return _verified_next(current)
    return _page("pcc/code.html", 422 if form.errors else 200, failure, form=form,
                 current=current, left=service.seconds_left(current),
                 extend=EmptyForm(prefix="extend"))


@bp.post("/verify/extend")
@_steps()
@_per_number()
def extend():
    current = _current()
    if current is None:
        return _expired()
    if EmptyForm(prefix="extend").validate_on_submit() and service.extend_code(current):
        db.session.commit()
    return redirect(url_for("pcc.code"))


@bp.route("/apply", methods=["GET", "POST"])
@_pages()
@_steps()
@_per_number()
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
            issued = service.issue(current, form.details(current.mobile))
        except service.Refused as refused:
            failure = refused.failure
        else:
            db.session.commit()
            session.pop(REQUEST_KEY, None)
            return render_template("pcc/issued.html", code=issued.code, holder=issued.holder)
    return _page("pcc/apply.html", 422 if form.errors else 200, failure, form=form,
                 current=current)


def _mine(current, failure: Failure | None = None):
    holder = service.looked_up(current)
    return _page("pcc/mine.html", 200, failure, holder=holder,
                 address=short_address(holder.address), reissue=EmptyForm(prefix="reissue"),
                 end=EmptyForm(prefix="end"), reissues=service.reissues_this_year(holder),
                 limit=current_app.config["PCC_REISSUES_PER_YEAR"])


@bp.get("/mine")
@_pages()
def mine():
    """The look-up (발급내역 조회): the code in use, the details, the number masked and the
    address shortened to its district (digest §9)."""
    current = _verified(service.LOOKUP)
    return _mine(current) if current else _expired()


@bp.route("/mine/change", methods=["GET", "POST"])
@_pages()
@_steps()
@_per_number()
def change():
    current = _verified(service.LOOKUP)
    if current is None:
        return _expired()
    holder = service.looked_up(current)
    form = DetailsForm(obj=holder)
    if form.validate_on_submit():
        service.change(current, form.details(current.mobile))
        db.session.commit()
        return redirect(url_for("pcc.mine", changed=1))
    return _page("pcc/change.html", 422 if form.errors else 200, form=form, holder=holder)


@bp.post("/mine/reissue")
@_steps()
@_per_number()
def reissue():
    """A new code, the old one out of use (a code that leaked stops working)."""
    current = _verified(service.LOOKUP)
    if current is None:
        return _expired()
    if not EmptyForm(prefix="reissue").validate_on_submit():
        return redirect(url_for("pcc.mine"))
    try:
        service.reissue(current)
    except service.Refused as refused:
        db.session.rollback()
        return _mine(current, refused.failure)
    db.session.commit()
    return redirect(url_for("pcc.mine", reissued=1))


@bp.post("/end")
@_steps()
def end():
    """End the request: the browser forgets it and the row goes."""
    current = _current()
    if EmptyForm(prefix="end").validate_on_submit() and current is not None:
        db.session.delete(current)
        db.session.commit()
    session.pop(REQUEST_KEY, None)
    return redirect(url_for("pcc.start"))


@bp.get("/help")
@_pages()
def help_page():
    """No means of authentication (Q2): the counter, and the identifiers clearance takes."""
    return render_template("pcc/help.html", remedies=remedies_for(Failure.NO_MEANS))
