from __future__ import annotations

from flask import render_template
from flask_login import current_user, login_required
from sqlalchemy import select

from backoffice.cases import bp
from backoffice.deadlines.forms import ExtendDeadlineForm
from backoffice.extensions import db
from backoffice.models import CaseEvent, Deadline, Notice
from backoffice.security import load_case_or_404
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
    )
