"""Assigning the case: to me, or by a supervisor to any officer of the office."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from backoffice.access import current_case
from backoffice.cases.blueprint import bp
from backoffice.cases.operations import AssignmentRefused, assign_case, check_assignment
from backoffice.extensions import db
from backoffice.i18n import bilingual as bi
from backoffice.input_bounds import record_id
from backoffice.models import User
from backoffice.security import role_required, safe_local_path
from workflows.roles import Role


@bp.post("/assign")
@role_required(Role.OFFICER, Role.SUPERVISOR)
def assign(reference: str):
    """Assign a case to me; a supervisor may assign it to any officer of the office."""
    case = current_case()
    back = safe_local_path(request.form.get("back"), url_for("worklist.index"))
    chosen = request.form.get("officer_id", type=record_id)
    if request.form.get("reassign") and not chosen:
        flash(bi("%(reference)s: choose the officer to reassign it to; nothing was changed.",
                 reference=case.reference), "error")
        return redirect(back)
    officer = db.session.get(User, chosen or current_user.id)
    if officer is None:
        abort(400)
    try:
        check_assignment(case, officer, current_user)
    except AssignmentRefused as refused:
        abort(403 if refused.forbidden else 400)
    if request.form.get("version", type=record_id) != case.version:
        flash(bi("%(reference)s changed while you were looking at it; nothing was assigned.",
                 reference=case.reference), "error")
        return redirect(back)
    assign_case(case, officer, actor=current_user,
                reason=None if officer == current_user else "reassigned by a supervisor")
    db.session.commit()
    flash(bi("%(reference)s is assigned to %(officer)s.", reference=case.reference,
             officer=officer.display_name), "info")
    return redirect(back)
