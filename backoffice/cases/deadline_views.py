"""Extending a deadline of the case under Art. 10, or waiving it, with the case version the
officer saw; the case history records it."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from backoffice import dates
from backoffice.access import current_case
from backoffice.cases.blueprint import bp
from backoffice.cases.forms import ExtendDeadlineForm, WaiveDeadlineForm
from backoffice.cases.views import case_page
from backoffice.deadlines import operations
from backoffice.extensions import db
from backoffice.i18n import N_, current_locale, in_both
from backoffice.i18n import bilingual as bi
from backoffice.models import Deadline
from backoffice.security import role_required
from workflows.calendar import CalendarError
from workflows.procedures import REGISTRY
from workflows.roles import OFFICE_ROLES, Role


@bp.post("/deadlines/<int:deadline_id>/waive")
@role_required(Role.SUPERVISOR)
def waive_deadline(reference: str, deadline_id: int):
    """Waive a deadline of the case, or a duty still owed after it passed, with a reason; the
    case history records it."""
    return _change_deadline(
        reference, deadline_id, "waive", WaiveDeadlineForm(),
        lambda deadline, form: operations.waive_deadline(
            deadline, reason=form.reason.data, actor=current_user),
        lambda deadline: in_both(N_("Deadline “%(deadline)s” waived."),
                                 *_labels(deadline)),
    )


@bp.post("/deadlines/<int:deadline_id>/extend")
@role_required(*OFFICE_ROLES)
def extend_deadline(reference: str, deadline_id: int):
    """Extend a deadline of the case under Art. 10; the case history records it."""
    return _change_deadline(
        reference, deadline_id, "extend", ExtendDeadlineForm(),
        lambda deadline, form: operations.extend_deadline(
            deadline, until=form.until.data, ground=form.ground.data, actor=current_user),
        lambda deadline: bi("Deadline extended to %(date)s (Art. 10).",
                            date=dates.shown_date(deadline.due_date, current_locale())),
    )


def _labels(deadline: Deadline) -> tuple[dict[str, str], dict[str, str]]:
    """What the deadline is for, in English and in Korean (its declaration's labels)."""
    procedure = REGISTRY.get(deadline.case.procedure)
    spec = procedure.deadline_spec(deadline.kind) if procedure is not None else None
    if spec is None:
        return {"deadline": deadline.kind}, {"deadline": deadline.kind}
    return {"deadline": spec.label_en}, {"deadline": spec.label_ko or spec.label_en}


def _change_deadline(reference: str, deadline_id: int, what: str, form, change, done):
    """Load, check the form and the case version the officer saw, change and commit; a
    refused form comes back open on the case page with what was typed and why (422)."""
    case = current_case()
    deadline = db.session.get(Deadline, deadline_id)
    if deadline is None or deadline.case_id != case.id:
        abort(404)
    if form.validate_on_submit():
        if form.version.data != str(case.version):
            raise StaleDataError("the case changed since the form was shown")
        try:
            change(deadline, form)
        except CalendarError as error:
            db.session.rollback()
            field = form.until if what == "extend" else form.reason
            field.errors = [*field.errors, str(error)]
            flash(bi("Not done: %(reason)s", reason=str(error)), "error")
        else:
            db.session.commit()
            flash(done(deadline), "info")
            return redirect(url_for("cases.detail", reference=reference))
    return case_page(current_case(), deadline_failed=((what, deadline_id), form), status=422)
