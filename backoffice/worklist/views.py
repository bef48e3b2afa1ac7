"""The worklist page and the assignment of cases (assign to me; reassignment by a supervisor)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import Length, Optional

from backoffice.alerts import alert_lines
from backoffice.cases.operations import AssignmentRefused, assign_case, check_assignment
from backoffice.extensions import db
from backoffice.input_bounds import record_id
from backoffice.models import User
from backoffice.security import load_case_or_404, role_required, safe_local_path
from backoffice.worklist.query import SORTS, Filters, Page, worklist
from workflows.procedures import CATALOGUE, REGISTRY
from workflows.roles import Role

bp = Blueprint("worklist", __name__)
FILTER_NAMES = ("procedure", "state", "assignee", "party", "reference", "due", "include_closed",
                "sort")


class FilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    procedure = SelectField("Procedure", validators=[Optional()])
    state = SelectField("State", validators=[Optional()])
    assignee = SelectField("Assigned to", validators=[Optional()])
    party = StringField("Party name", validators=[Optional(), Length(max=100)])
    reference = StringField("Reference", validators=[Optional(), Length(max=30)])
    due = SelectField("Deadline", validators=[Optional()], choices=[
        SelectChoice("", "any"), SelectChoice("overdue", "overdue"),
        SelectChoice("week", "due within 7 days"),
        SelectChoice("deemed", "deemed granted within 3 days unless decided")])
    include_closed = BooleanField("Include closed cases")
    sort = SelectField("Sort by", choices=[SelectChoice(k, v) for k, v in SORTS.items()],
                       default="deadline")


def _officers() -> list[User]:
    return list(db.session.scalars(select(User).where(
        User.office_id == current_user.office_id,
        User.role.in_([Role.OFFICER, Role.SUPERVISOR])).order_by(User.display_name)))


def _filter_form(officers: list[User]) -> FilterForm:
    form = FilterForm(request.args)
    form.procedure.choices = [SelectChoice("", "all procedures")] + [
        SelectChoice(code, CATALOGUE[code].title_en) for code in REGISTRY]
    states = sorted({(s.name, s.label_en) for p in REGISTRY.values() for s in p.states},
                    key=lambda item: item[1])
    form.state.choices = [SelectChoice("", "any state")] + [
        SelectChoice(name, f"{label} ({name})") for name, label in states]
    form.assignee.choices = [SelectChoice("", "anyone"), SelectChoice("me", "me"),
                             SelectChoice("none", "nobody (unassigned)")] + [
        SelectChoice(str(u.id), u.display_name) for u in officers]
    return form


@bp.get("/worklist")
@role_required(Role.OFFICER, Role.SUPERVISOR)
def index():
    """The office's cases, nearest deadline first, with filters and pages."""
    officers = _officers()
    form = _filter_form(officers)
    valid = form.validate()
    try:
        page = min(record_id(request.args.get("page", 1)), 100_000) or 1
    except ValueError:
        page = 1
    data = form.data if valid else {}
    filters = Filters(procedure=data.get("procedure") or None, state=data.get("state") or None,
                      assignee=data.get("assignee") or None, party=data.get("party") or None,
                      reference=data.get("reference") or None,
                      include_closed=bool(data.get("include_closed")),
                      due=data.get("due") or None, sort=data.get("sort") or "deadline",
                      page=page)
    openable = [code for code, procedure in REGISTRY.items()
                if any(current_user.role in t.roles for t in procedure.openings)]
    result = worklist(current_user, filters) if valid else Page([], 0, 1, 1)
    return render_template(
        "worklist/index.html", form=form, result=result,
        filters=filters, officers=officers, alerts=alert_lines(current_user),
        acknowledged=alert_lines(current_user, acknowledged=True),
        openable=openable,
        args={name: value for name, value in request.args.items() if name in FILTER_NAMES},
    ), 200 if valid else 400


@bp.post("/cases/<reference>/assign")
@role_required(Role.OFFICER, Role.SUPERVISOR)
def assign(reference: str):
    """Assign a case to me; a supervisor may assign it to any officer of the office."""
    case = load_case_or_404(reference, current_user)
    back = safe_local_path(request.form.get("back"), url_for("worklist.index"))
    chosen = request.form.get("officer_id", type=record_id)
    if request.form.get("reassign") and not chosen:
        flash(f"{case.reference}: choose the officer to reassign it to; nothing was changed.",
              "error")
        return redirect(back)
    officer = db.session.get(User, chosen or current_user.id)
    if officer is None:
        abort(400)
    try:
        check_assignment(case, officer, current_user)
    except AssignmentRefused as refused:
        abort(403 if refused.forbidden else 400)
    if request.form.get("version", type=record_id) != case.version:
        flash(f"{case.reference} changed while you were looking at it; nothing was assigned.",
              "error")
        return redirect(back)
    assign_case(case, officer, actor=current_user,
                reason=None if officer == current_user else "reassigned by a supervisor")
    db.session.commit()
    flash(f"{case.reference} is assigned to {officer.display_name}.", "info")
    return redirect(back)
