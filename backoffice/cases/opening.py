"""Opening a case from the web: an officer at the office, or a duty payer filing online.

The form is the opening transition's own (fields from the declaration). An officer names the
party by its identifier (looked up, never listed); a duty payer files for the party they are.
An online filing counts as submitted when it is transmitted (Art. 129-2(2)): the filing date is
the moment of the request, in Asia/Seoul, and the channel is recorded as ``online``.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length

from backoffice.cases.actions import (
    action_form,
    for_claimant_online,
    show_refusal,
    stamp_online_submission,
    values_of,
)
from backoffice.cases.attachments import UploadRefused, add_attachment
from backoffice.extensions import db
from backoffice.models import CaseEvent, Deadline, Office, Party
from backoffice.security import load_case_or_404
from backoffice.workflow import open_procedure_case
from workflows import clock
from workflows.engine import Refusal, TransitionRefused
from workflows.identifiers import IdentifierKind, InvalidIdentifier, parse
from workflows.procedures import CATALOGUE, REGISTRY
from workflows.roles import Role

bp = Blueprint("opening", __name__)

ONLINE_FILINGS = ("objection", "examination")
"""What a duty payer may file online (Art. 129-2(1)): an objection, a request for examination."""


class PartyForm(FlaskForm):
    identifier_kind = SelectField("Identifier of the party", choices=[
        SelectChoice(k.value, k.label_en) for k in IdentifierKind])
    identifier = StringField("Identifier", validators=[DataRequired(), Length(max=30)],
                             description="The party must be registered; it is looked up by "
                                         "this number, which is then shown masked.")


def _opening(procedure_code: str):
    procedure = REGISTRY.get(procedure_code)
    if procedure is None:
        abort(404)
    wanted = request.values.get("trigger")
    for transition in procedure.openings:
        if current_user.role in transition.roles and (not wanted or transition.trigger == wanted):
            return procedure, transition
    abort(403)


@bp.route("/cases/new/<procedure>", methods=["GET", "POST"])
@login_required
def new(procedure: str):
    """Open a case: officers for a party of record, duty payers for themselves (online)."""
    if current_user.role == Role.DUTY_PAYER and procedure not in ONLINE_FILINGS:
        abort(404)
    if current_user.role not in (Role.OFFICER, Role.SUPERVISOR, Role.DUTY_PAYER):
        abort(403)
    declared, opening = _opening(procedure)
    online = current_user.role == Role.DUTY_PAYER
    form = action_form(procedure, opening, formdata=request.form if request.method == "POST"
                       else None)
    party_form = None if online else PartyForm(
        formdata=request.form if request.method == "POST" else None, prefix="party")
    if online:
        for_claimant_online(form)
    status = 200
    if request.method == "POST":
        status = 422
        forms_ok = form.validate() & (party_form.validate() if party_form else True)
        party = current_user.party if online else _party(party_form)
        if forms_ok and party is not None:
            values = values_of(form, opening)
            if online:
                stamp_online_submission(values, opening, clock.now())
            try:
                case = open_procedure_case(
                    procedure, party=party,
                    office=current_user.office if not online else _office_filed_with(),
                    actor=current_user, values=values,
                    assigned_officer=None if online else current_user)
                for upload in request.files.getlist("evidence"):
                    if upload and upload.filename:
                        add_attachment(case, upload, actor=current_user,
                                       description="evidence filed with the request")
                db.session.commit()
            except UploadRefused as refused:
                db.session.rollback()
                flash(f"Not filed: {refused}. Nothing was saved; choose the files again.",
                      "error")
            except TransitionRefused as refused:
                db.session.rollback()
                if refused.reason is Refusal.NOT_PERMITTED:
                    abort(403)
                show_refusal(form, refused)
                flash(f"Not opened: {refused.message}", "error")
            else:
                if online:
                    return redirect(url_for("opening.receipt", reference=case.reference))
                flash(f"{case.reference} opened and assigned to you.", "info")
                return redirect(url_for("cases.detail", reference=case.reference))
    return render_template("cases/new.html", procedure=declared, info=CATALOGUE[procedure],
                           opening=opening, form=form, party_form=party_form, online=online,
                           offices=_all_offices() if online else None), status


def _party(form: PartyForm) -> Party | None:
    try:
        identifier = parse(form.identifier_kind.data, form.identifier.data or "")
    except (InvalidIdentifier, ValueError) as invalid:
        form.identifier.errors = [*form.identifier.errors, str(invalid)]
        return None
    party = db.session.scalar(select(Party).where(Party.identifier_kind == identifier.kind,
                                                  Party.identifier == identifier.value))
    if party is None:
        form.identifier.errors = [*form.identifier.errors, "No party is registered with this "
                                  "identifier; register the party first."]
    return party


def _all_offices() -> list[Office]:
    return list(db.session.scalars(select(Office).order_by(Office.name_en)))


def _office_filed_with() -> Office:
    """The office a duty payer files with: the one that took the disposition (Arts. 122(1),
    132(1)); any office counts for the filing date (Art. 122(2))."""
    office = db.session.get(Office, request.form.get("office_id", type=int) or 0)
    if office is None:
        abort(400)
    return office


@bp.get("/cases/<reference>/receipt")
@login_required
def receipt(reference: str):
    """The receipt of an online filing: when it was transmitted and when the decision is due."""
    case = load_case_or_404(reference, current_user)
    filed = db.session.scalar(select(CaseEvent).where(CaseEvent.case_id == case.id,
                                                      CaseEvent.seq == 1))
    deadlines = db.session.scalars(select(Deadline).where(Deadline.case_id == case.id)
                                   .order_by(Deadline.due_at)).all()
    return render_template("cases/receipt.html", case=case, filed=filed, deadlines=deadlines)
