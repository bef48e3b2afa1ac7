from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from backoffice.cases import bp
from backoffice.cases.forms import RequestExaminationForm
from backoffice.cases.next_step import can_request_examination, request_examination_after_objection
from backoffice.deadlines.forms import ExtendDeadlineForm
from backoffice.extensions import db
from backoffice.models import CaseEvent, Deadline, Notice
from backoffice.security import load_case_or_404
from workflows.engine import TransitionRefused
from workflows.procedures import REGISTRY
from workflows.roles import OFFICE_ROLES


@bp.get("/<reference>")
@login_required
def detail(reference: str):
    """Show one case: party (masked), state, deadlines, notices and the full history."""
    case = load_case_or_404(reference, current_user)
    events = db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq)
    ).all()
    deadlines = db.session.scalars(
        select(Deadline).where(Deadline.case_id == case.id).order_by(Deadline.due_at)
    ).all()
    notices = db.session.scalars(
        select(Notice).where(Notice.case_id == case.id).order_by(Notice.issued_at)
    ).all()
    return render_template(
        "cases/detail.html", case=case, events=events, deadlines=deadlines, notices=notices,
        can_extend=current_user.role in OFFICE_ROLES, extend_form=ExtendDeadlineForm(formdata=None),
        has_diagram=case.procedure in REGISTRY,
        can_request_examination=can_request_examination(case),
    )


@bp.post("/<reference>/next-step/examination")
@login_required
def request_examination(reference: str):
    """File a request for examination from a decided or overdue objection (Art. 121(2))."""
    case = load_case_or_404(reference, current_user)
    form = RequestExaminationForm()
    if not form.validate_on_submit():
        message = ("The form expired; reload the case and try again." if "csrf_token" in form.errors
                   else "State the reasons of the request (at most 5,000 characters).")
        flash(message, "error")
        return redirect(url_for("cases.detail", reference=reference))
    try:
        examination = request_examination_after_objection(case, actor=current_user,
                                                          reasons=form.reasons.data.strip())
    except TransitionRefused as refused:
        db.session.rollback()
        flash(f"Not filed: {refused.message}", "error")
        return redirect(url_for("cases.detail", reference=reference))
    db.session.commit()
    flash(f"Request for examination {examination.reference} filed; it counts as filed now "
          "(Art. 129-2(2)).", "info")
    return redirect(url_for("cases.detail", reference=examination.reference))
