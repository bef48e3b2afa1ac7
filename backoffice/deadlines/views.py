"""The deadline calculator, the admin's calendar of closure days and outages, Art. 10 extensions."""

from __future__ import annotations

from datetime import datetime

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from backoffice.deadlines import store
from backoffice.deadlines.blueprint import bp
from backoffice.deadlines.forms import (
    ClosureDayForm,
    ComputeDeadlineForm,
    ConfirmForm,
    DeleteForm,
    ExtendDeadlineForm,
    OutageForm,
    WaiveDeadlineForm,
)
from backoffice.deadlines.operations import extend_deadline, waive_deadline
from backoffice.extensions import db
from backoffice.models import CalendarDay, Deadline, NetworkOutage
from backoffice.security import load_case_or_404, role_required
from workflows.calendar import CalendarError, Period
from workflows.clock import SEOUL
from workflows.roles import OFFICE_ROLES, Role

PENDING = ("소급 등록은 다른 관리자가 확인해야 기한에 반영됩니다 · Recorded as pending: it "
           "reaches back beyond the retroactive window, so it counts in no deadline until "
           "another administrator confirms it.")


@bp.route("/calendar", methods=["GET", "POST"])
@login_required
def calculator():
    """Compute a statutory deadline and show why it falls where it does."""
    form = ComputeDeadlineForm()
    result = None
    if form.validate_on_submit():
        start = form.start.data
        if form.start_time.data is not None:
            start = datetime.combine(start, form.start_time.data, tzinfo=SEOUL)
        try:
            result = store.load_calendar().due(
                start, Period.parse(form.period.data), start_label=form.label.data or "start"
            )
        except CalendarError as error:
            form.period.errors.append(str(error))
    status = 422 if form.is_submitted() and result is None else 200
    return render_template("deadlines/calculator.html", form=form, result=result), status


@bp.get("/admin/calendar")
@role_required(Role.ADMIN)
def admin_calendar():
    return _admin_page(ClosureDayForm(formdata=None), OutageForm(formdata=None, prefix="outage"))


def _admin_page(day_form, outage_form, status=200):
    days = db.session.scalars(select(CalendarDay).order_by(CalendarDay.day.desc())).all()
    outages = db.session.scalars(
        select(NetworkOutage).order_by(NetworkOutage.started_at.desc())
    ).all()
    return render_template(
        "deadlines/admin_calendar.html", days=days, outages=outages, day_form=day_form,
        outage_form=outage_form, delete_form=DeleteForm(), confirm_form=ConfirmForm(),
        retroactive_days=current_app.config["CALENDAR_RETROACTIVE_DAYS"],
        outage_max_hours=current_app.config["CALENDAR_OUTAGE_MAX_HOURS"],
    ), status


@bp.post("/admin/calendar/days")
@role_required(Role.ADMIN)
def add_closure_day():
    form = ClosureDayForm()
    if form.validate_on_submit():
        try:
            entry = store.add_closure_day(form.day.data, name=form.name.data,
                                          kind=form.kind.data, ground=form.ground.data,
                                          actor=current_user)
        except CalendarError as error:
            form.day.errors.append(str(error))
        else:
            db.session.commit()
            flash(PENDING if entry.pending else
                  f"Closure day {form.day.data} added; open deadlines over it were recomputed.",
                  "info")
            return redirect(url_for("deadlines.admin_calendar"))
    return _admin_page(form, OutageForm(formdata=None, prefix="outage"), 422)


@bp.post("/admin/calendar/days/<day>/delete")
@role_required(Role.ADMIN)
def remove_closure_day(day: str):
    if not DeleteForm().validate_on_submit():
        abort(400)
    try:
        store.remove_closure_day(datetime.strptime(day, "%Y-%m-%d").date())
    except (ValueError, CalendarError):
        abort(404)
    db.session.commit()
    flash(f"Closure day {day} removed.", "info")
    return redirect(url_for("deadlines.admin_calendar"))


@bp.post("/admin/calendar/outages")
@role_required(Role.ADMIN)
def record_outage():
    form = OutageForm(prefix="outage")
    if form.validate_on_submit():
        started = datetime.combine(form.start_day.data, form.start_time.data, tzinfo=SEOUL)
        repaired = datetime.combine(form.repair_day.data, form.repair_time.data, tzinfo=SEOUL)
        try:
            outage = store.record_outage(started, repaired, ground=form.ground.data,
                                         actor=current_user)
        except CalendarError as error:
            form.repair_day.errors.append(str(error))
        else:
            db.session.commit()
            flash(PENDING if outage.pending else "Outage recorded (Art. 8(4)).", "info")
            return redirect(url_for("deadlines.admin_calendar"))
    return _admin_page(ClosureDayForm(formdata=None), form, 422)


@bp.post("/admin/calendar/outages/<int:outage_id>/delete")
@role_required(Role.ADMIN)
def remove_outage(outage_id: int):
    if not DeleteForm().validate_on_submit():
        abort(400)
    try:
        store.remove_outage(outage_id)
    except CalendarError:
        abort(404)
    db.session.commit()
    flash("Outage removed.", "info")
    return redirect(url_for("deadlines.admin_calendar"))


@bp.post("/admin/calendar/days/<day>/confirm")
@role_required(Role.ADMIN)
def confirm_closure_day(day: str):
    """A second administrator confirms a closure day recorded retroactively."""
    try:
        moment = datetime.strptime(day, "%Y-%m-%d").date()
    except ValueError:
        abort(404)
    return _confirm(lambda: store.confirm_closure_day(moment, current_user),
                    f"{day} 휴무일을 확인했습니다 · Closure day {day} confirmed; open deadlines "
                    "over it were recomputed.")


@bp.post("/admin/calendar/outages/<int:outage_id>/confirm")
@role_required(Role.ADMIN)
def confirm_outage(outage_id: int):
    """A second administrator confirms an outage recorded retroactively."""
    return _confirm(lambda: store.confirm_outage(outage_id, current_user),
                    "장애를 확인했습니다 · Outage confirmed (Art. 8(4)); open deadlines over it "
                    "were recomputed.")


def _confirm(confirm, done: str):
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        confirm()
    except store.NotRecorded:
        abort(404)
    except CalendarError as error:
        db.session.rollback()
        flash(f"Not done: {error}", "error")
        return _admin_page(ClosureDayForm(formdata=None),
                           OutageForm(formdata=None, prefix="outage"), 403)
    db.session.commit()
    flash(done, "info")
    return redirect(url_for("deadlines.admin_calendar"))


@bp.post("/cases/<reference>/deadlines/<int:deadline_id>/waive")
@role_required(Role.SUPERVISOR)
def waive(reference: str, deadline_id: int):
    """Waive a deadline of the case, or a duty still owed after it passed, with a reason; the
    case history records it."""
    return _change_deadline(
        reference, deadline_id, "waive", WaiveDeadlineForm(),
        lambda deadline, form: waive_deadline(deadline, reason=form.reason.data,
                                              actor=current_user),
        lambda deadline: f"기한을 면제했습니다. Deadline '{deadline.kind}' waived.",
    )


@bp.post("/cases/<reference>/deadlines/<int:deadline_id>/extend")
@role_required(*OFFICE_ROLES)
def extend(reference: str, deadline_id: int):
    """Extend a deadline of the case under Art. 10; the case history records it."""
    return _change_deadline(
        reference, deadline_id, "extend", ExtendDeadlineForm(),
        lambda deadline, form: extend_deadline(deadline, until=form.until.data,
                                               ground=form.ground.data, actor=current_user),
        lambda deadline: (f"기한을 {deadline.due_date}까지 연장했습니다 (제10조). "
                          f"Deadline extended to {deadline.due_date} (Art. 10)."),
    )


def _change_deadline(reference: str, deadline_id: int, what: str, form, change, done):
    """Load, check the form and the case version the officer saw, change and commit; a
    refused form comes back open on the case page with what was typed and why (422)."""
    case = load_case_or_404(reference, current_user)
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
            flash(f"Not done: {error}", "error")
        else:
            db.session.commit()
            flash(done(deadline), "info")
            return redirect(url_for("cases.detail", reference=reference))
    # The case page's module imports the engine, which imports this package: read it late.
    from backoffice.cases.views import case_page

    return case_page(load_case_or_404(reference, current_user),
                      deadline_failed=((what, deadline_id), form), status=422)
