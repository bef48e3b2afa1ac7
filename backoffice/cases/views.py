from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from backoffice.cases.forms import RequestExaminationForm
from backoffice.cases.next_step import can_request_examination, request_examination_after_objection
from backoffice.deadlines.forms import ExtendDeadlineForm
from backoffice.extensions import db
from backoffice.models import CaseEvent, Deadline, Notice
from backoffice.notices.forms import ServiceForm
from backoffice.notices.issue import replaced_ids
from backoffice.security import load_case_or_404
from backoffice.workflow import actions_for
from workflows.engine import TransitionRefused
from workflows.notices.kinds import KINDS
from workflows.notices.service import METHOD_LABELS
from workflows.procedures import REGISTRY
from workflows.roles import OFFICE_ROLES

bp = Blueprint("cases", __name__, url_prefix="/cases")

SERVICE_LABELS = {method.value: english for method, (_, english) in METHOD_LABELS.items()}


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
    office_user = current_user.role in OFFICE_ROLES
    return render_template(
        "cases/detail.html", case=case, events=events, deadlines=deadlines, notices=notices,
        can_extend=office_user, extend_form=ExtendDeadlineForm(formdata=None),
        has_diagram=case.procedure in REGISTRY,
        can_request_examination=can_request_examination(case),
        replaced=replaced_ids(n.id for n in notices), can_serve=office_user,
        service_form=ServiceForm(formdata=None), service_labels=SERVICE_LABELS,
        previews=_previews(case) if office_user else [],
    )


def _previews(case) -> list:
    """The notices the actions open to the officer now would issue, for a preview."""
    if case.procedure not in REGISTRY:
        return []
    return [(action, KINDS[kind]) for action in actions_for(case, current_user)
            if action.allowed for kind in action.transition.notices]


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
