"""Previewing, before issuing, the notice an action of the case would issue."""

from __future__ import annotations

from flask import Response, abort, render_template, request
from flask_login import current_user

from backoffice.access import current_case
from backoffice.cases.actions import refusal_in_both
from backoffice.cases.blueprint import bp
from backoffice.deadlines.store import load_calendar
from backoffice.i18n import N_
from backoffice.notices.preview import preview_content
from backoffice.notices.rendering import renderer
from backoffice.security import role_required
from workflows.engine import TransitionRefused, parse_fields
from workflows.procedures import procedure_for
from workflows.roles import OFFICE_ROLES


@bp.post("/notices/preview")
@role_required(*OFFICE_ROLES)
def preview_notice(reference: str):
    """Preview, before issuing, the notice a transition would issue with the values entered.

    Nothing is stored and no number is taken; the PDF is marked as a preview throughout.
    """
    case = current_case()
    procedure = procedure_for(case.procedure)
    trigger, kind = request.form.get("trigger", ""), request.form.get("kind", "")
    if not procedure.has_trigger(trigger) or kind not in procedure.transition(trigger).notices:
        abort(404)
    transition = procedure.transition(trigger)
    def typed(name: str):  # the action form's field, or a plain one
        return request.form.get(f"{trigger}-{name}", request.form.get(name))

    values = {f.name: typed(f.name) for f in transition.fields
              if typed(f.name) not in (None, "")}
    try:
        parsed = parse_fields(transition, values)
    except TransitionRefused as refused:
        return render_template("errors/error.html", status=400,
                               message=refusal_in_both(N_("Cannot preview: %(reason)s"),
                                                       refused.said)), 400
    content = preview_content(case, transition, kind, parsed, role=current_user.role,
                              calendar=load_calendar())
    html = renderer().html(content, number=None, verification_code=None, draft=True)
    pdf = renderer().pdf(html)
    return Response(pdf.content, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="preview-{kind}.pdf"',
        "Cache-Control": "private, no-store",
    })
