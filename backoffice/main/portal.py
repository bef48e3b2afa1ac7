"""The duty payer's portal: their cases, what they must do, what the office owes them."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from backoffice.main import bp, queries
from backoffice.security import role_required
from workflows.roles import Role


@bp.get("/portal")
@role_required(Role.DUTY_PAYER)
def portal():
    deadlines = queries.open_deadlines(current_user)
    next_steps = {}
    for deadline in deadlines:
        next_steps.setdefault(deadline.case_id, []).append(deadline)
    return render_template(
        "main/duty_payer.html", next_steps=next_steps,
        cases=queries.recent_cases(current_user),
        notices=queries.notices_of(current_user),
        deadlines=deadlines,
    )
