"""The case page and its actions: one case, its state, deadlines, notices and history, and
the transitions the reader may fire from it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from backoffice.access import current_case
from backoffice.cases.actions import (
    action_form,
    for_claimant_online,
    offered,
    refusal_in_both,
    said_in_both,
    show_refusal,
    stamp_online_submission,
    values_of,
)
from backoffice.cases.blueprint import bp
from backoffice.cases.confirmation import carried_inputs, confirmation_for, needs_confirmation
from backoffice.cases.contesting import (
    appeals_filed_against,
    contested_notice,
    offered_appeals,
)
from backoffice.cases.forms import PersonalDataForm, RequestExaminationForm
from backoffice.cases.history import is_party_filing
from backoffice.cases.linked import linked_cases
from backoffice.cases.next_step import can_request_examination, request_examination_after_objection
from backoffice.cases.personal_data import record_view
from backoffice.deadlines.operations import extension_refused, waiver_refused
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.i18n import N_, in_both
from backoffice.i18n import bilingual as bi
from backoffice.models import Attachment, CaseEvent, Deadline, Notice
from backoffice.notices.forms import ServiceForm
from backoffice.notices.issue import replaced_ids
from backoffice.workflow import actions_for, fire
from workflows import clock
from workflows.citations import korean_citation
from workflows.engine import Refusal, TransitionRefused
from workflows.notices.kinds import notice_kind
from workflows.notices.service import METHOD_LABELS
from workflows.procedures import REGISTRY, procedure_for
from workflows.roles import OFFICE_ROLES, Role

SERVICE_LABELS = {method.value: (english, korean)
                  for method, (korean, english) in METHOD_LABELS.items()}


@bp.get("")
def detail(reference: str):
    """Show one case: party (masked), state, actions, deadlines, notices and the history."""
    return case_page(current_case())


@bp.post("/personal-data")
def view_personal_data(reference: str):
    """Show the case's personal data unmasked, once, to a member of the office's staff who
    gives a reason; the view is recorded in the history (Art. 116(1)). The page is the answer
    to this POST: nothing unmasked is ever reachable by a URL."""
    case = current_case()
    if current_user.role not in OFFICE_ROLES:
        abort(403)
    form = PersonalDataForm()
    if not form.validate_on_submit():
        return case_page(case, status=422, personal_form=form)
    record_view(case, current_user, form.reason.data)
    db.session.commit()
    return case_page(case, revealed=True)


@bp.post("/actions/<trigger>")
def act(reference: str, trigger: str):
    """Fire one of the case's transitions from its form; on any refusal nothing changes.

    An action that issues a notice, ends the case or opens another one
    (:func:`needs_confirmation`) is first shown on a confirmation page: its confirm form sends
    the same values again with ``confirm`` and only then the action fires; its "Go back"
    (``back``) shows the case page with the action's form open and the values kept.

    A stale version (someone acted since the page was loaded) answers 409 with the case as it
    is now, on the confirmation as on the confirm; invalid values answer 422 with the form and
    its errors.
    """
    case = current_case()
    procedure = procedure_for(case.procedure) if case.procedure in REGISTRY else None
    if procedure is None or not procedure.has_trigger(trigger):
        abort(404)
    transition = procedure.transition(trigger)
    form = action_form(case.procedure, transition, formdata=request.form)
    online = current_user.role == Role.DUTY_PAYER
    if online:
        for_claimant_online(form)
    confirming = needs_confirmation(procedure, transition)
    if confirming and "back" in request.form:
        return case_page(case, failed=(trigger, form))
    if not form.validate():
        db.session.rollback()
        return case_page(case, failed=(trigger, form), status=422)
    try:
        version = int(form.version.data)
    except (TypeError, ValueError):
        abort(400)
    try:
        values = values_of(form, transition)
        if online:
            stamp_online_submission(values, transition, clock.now())
        if confirming and "confirm" not in request.form:
            confirmation = confirmation_for(
                case, procedure, transition, values, role=current_user.role,
                expected_version=version, now=clock.now(), calendar=load_calendar(),
                shown=[field.short_name for field in form])
            return render_template("cases/confirm.html", case=case, form=form,
                                   confirmation=confirmation, carried=carried_inputs(form))
        event = fire(case, trigger, actor=current_user, values=values, expected_version=version)
        db.session.commit()
    except TransitionRefused as refused:
        return _refused(reference, trigger, form, refused)
    numbers = ", ".join((event.payload or {}).get("notice_numbers") or [])
    done = (N_("%(action)s: done (%(article)s). Notice %(numbers)s issued.") if numbers
            else N_("%(action)s: done (%(article)s)."))
    said = {"article": event.article, "numbers": numbers}
    message = in_both(done, {**said, "action": transition.label_en},
                      {**said, "article": korean_citation(event.article),
                       "action": transition.label_ko or transition.label_en})
    if is_party_filing(event):
        message = Markup("{} <a class=\"receipt-link\" href=\"{}\">{}</a>").format(
            message, url_for("cases.receipt", reference=case.reference, event=event.seq),
            bi("Receipt"))
    flash(message, "info")
    return redirect(url_for("cases.detail", reference=case.reference))


CONFLICT = N_("Someone else acted on this case while you were working on it; nothing you sent "
              "was saved. This is the case as it is now.")


def _refused(reference: str, trigger: str, form, refused: TransitionRefused):
    """Nothing was done: roll back and show the case as it is now, with the reason."""
    db.session.rollback()
    case = current_case()
    if refused.reason is Refusal.NOT_PERMITTED:
        abort(403)
    if refused.reason is Refusal.STALE_VERSION:
        flash(bi(CONFLICT), "error")
        return case_page(case, status=409)
    show_refusal(form, refused)
    flash(refusal_in_both(N_("Not done: %(reason)s"), refused.said), "error")
    return case_page(case, failed=(trigger, form), status=422,
                      notes=() if refused.errors else (said_in_both(refused.said),))


def case_facts(case) -> tuple:
    """What the case's procedure shows in the page's header (``Procedure.facts``)."""
    procedure = REGISTRY.get(case.procedure)
    if procedure is None or procedure.facts is None:
        return ()
    return procedure.facts(case.data or {}, clock.today())


def case_page(case, failed=None, status: int = 200, notes: tuple[str, ...] = (), **extra):
    """The case page; ``failed`` is the trigger and form of the action shown open (refused, or
    reopened by "Go back"), ``notes`` what its refusal said that belongs to no field."""
    events = db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq)
    ).all()
    deadlines = db.session.scalars(
        select(Deadline).where(Deadline.case_id == case.id).order_by(Deadline.due_at)
    ).all()
    notices = db.session.scalars(
        select(Notice).where(Notice.case_id == case.id).order_by(Notice.issued_at)
    ).all()
    attachments = db.session.scalars(
        select(Attachment).where(Attachment.case_id == case.id).order_by(Attachment.id)
    ).all()
    office_user = current_user.role in OFFICE_ROLES
    actions = offered(actions_for(case, current_user)) if case.procedure in REGISTRY else []
    forms = {a.transition.trigger: action_form(case.procedure, a.transition, version=case.version)
             for a in actions if a.allowed}
    if current_user.role == Role.DUTY_PAYER:
        for form in forms.values():
            for_claimant_online(form)
    if failed:
        forms[failed[0]] = failed[1]
    replaced = replaced_ids(n.id for n in notices)
    extra.setdefault("personal_form", PersonalDataForm(formdata=None))
    extra.setdefault("revealed", False)
    return render_template(
        "cases/detail.html", case=case, events=events, deadlines=deadlines, notices=notices,
        case_facts=case_facts(case), can_extend=office_user, may_view_personal=office_user,
        extendable={d.id for d in deadlines if office_user and extension_refused(d) is None},
        waivable={d.id for d in deadlines if waiver_refused(d, current_user) is None},
        has_diagram=case.procedure in REGISTRY,
        can_request_examination=can_request_examination(case),
        replaced=replaced, can_serve=office_user,
        appeals_offered=offered_appeals(notices, current_user, replaced),
        appeals_filed=appeals_filed_against(case, notices), contested=contested_notice(case),
        linked=linked_cases(case, events, current_user),
        service_form=ServiceForm(formdata=None), service_labels=SERVICE_LABELS,
        publicly_served={n.id for n in notices if notice_kind(n.kind).public_notice},
        service_methods={n.id: notice_kind(n.kind).methods for n in notices},
        needs_receipt={n.id for n in notices if notice_kind(n.kind).service_needs_reference},
        actions=actions, forms=forms, attachments=attachments, failed=failed[0] if failed else None,
        action_notes=notes,
        to_confirm={a.transition.trigger for a in actions
                    if needs_confirmation(procedure_for(case.procedure), a.transition)},
        **extra,
    ), status


@bp.post("/next-step/examination")
def request_examination(reference: str):
    """File a request for examination from a decided or overdue objection (Art. 121(2))."""
    case = current_case()
    form = RequestExaminationForm()
    if not form.validate_on_submit():
        message = (bi("The form expired; reload the case and try again.")
                   if "csrf_token" in form.errors
                   else bi("State the reasons of the request (at most 5,000 characters)."))
        flash(message, "error")
        return redirect(url_for("cases.detail", reference=reference))
    try:
        examination = request_examination_after_objection(case, actor=current_user,
                                                          reasons=form.reasons.data.strip())
    except TransitionRefused as refused:
        db.session.rollback()
        flash(refusal_in_both(N_("Not filed: %(reason)s"), refused.said), "error")
        return redirect(url_for("cases.detail", reference=reference))
    db.session.commit()
    flash(bi("Request for examination %(reference)s filed; it counts as filed now "
             "(Art. 129-2(2)).", reference=examination.reference), "info")
    return redirect(url_for("cases.detail", reference=examination.reference))
