"""The calendar of closure days and network outages (Art. 8(3)-(4)) kept by administrators;
a record reaching back beyond the retroactive window waits for a second administrator."""

from __future__ import annotations

from datetime import datetime

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from backoffice import dates
from backoffice.admin.blueprint import bp
from backoffice.admin.forms import ClosureDayForm, ConfirmForm, DeleteForm, OutageForm
from backoffice.deadlines import store
from backoffice.extensions import db
from backoffice.i18n import N_, current_locale
from backoffice.i18n import bilingual as bi
from backoffice.models import CalendarDay, NetworkOutage
from workflows.calendar import CalendarError
from workflows.clock import SEOUL

PENDING = N_("Recorded as pending: it reaches back beyond the retroactive window, so it counts "
             "in no deadline until another administrator confirms it.")



@bp.get("/calendar")
def calendar():
    return _admin_page(ClosureDayForm(formdata=None), OutageForm(formdata=None, prefix="outage"))


def _admin_page(day_form, outage_form, status=200):
    days = db.session.scalars(select(CalendarDay).order_by(CalendarDay.day.desc())).all()
    outages = db.session.scalars(
        select(NetworkOutage).order_by(NetworkOutage.started_at.desc())
    ).all()
    return render_template(
        "admin/calendar.html", days=days, outages=outages, day_form=day_form,
        outage_form=outage_form, delete_form=DeleteForm(), confirm_form=ConfirmForm(),
        retroactive_days=current_app.config["CALENDAR_RETROACTIVE_DAYS"],
        outage_max_hours=current_app.config["CALENDAR_OUTAGE_MAX_HOURS"],
    ), status


@bp.post("/calendar/days")
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
            flash(bi(PENDING) if entry.pending else
                  bi("Closure day %(day)s added; open deadlines over it were recomputed.",
                     day=dates.shown_date(form.day.data, current_locale())), "info")
            return redirect(url_for("admin.calendar"))
    return _admin_page(form, OutageForm(formdata=None, prefix="outage"), 422)


@bp.post("/calendar/days/<day>/delete")
def remove_closure_day(day: str):
    if not DeleteForm().validate_on_submit():
        abort(400)
    try:
        store.remove_closure_day(datetime.strptime(day, "%Y-%m-%d").date())
    except (ValueError, CalendarError):
        abort(404)
    db.session.commit()
    flash(bi("Closure day %(day)s removed.", day=day), "info")
    return redirect(url_for("admin.calendar"))


@bp.post("/calendar/outages")
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
            flash(bi(PENDING) if outage.pending else bi("Outage recorded (Art. 8(4))."), "info")
            return redirect(url_for("admin.calendar"))
    return _admin_page(ClosureDayForm(formdata=None), form, 422)


@bp.post("/calendar/outages/<int:outage_id>/delete")
def remove_outage(outage_id: int):
    if not DeleteForm().validate_on_submit():
        abort(400)
    try:
        store.remove_outage(outage_id)
    except CalendarError:
        abort(404)
    db.session.commit()
    flash(bi("Outage removed."), "info")
    return redirect(url_for("admin.calendar"))


@bp.post("/calendar/days/<day>/confirm")
def confirm_closure_day(day: str):
    """A second administrator confirms a closure day recorded retroactively."""
    try:
        moment = datetime.strptime(day, "%Y-%m-%d").date()
    except ValueError:
        abort(404)
    return _confirm(lambda: store.confirm_closure_day(moment, current_user),
                    bi("Closure day %(day)s confirmed; open deadlines over it were recomputed.",
                       day=day))


@bp.post("/calendar/outages/<int:outage_id>/confirm")
def confirm_outage(outage_id: int):
    """A second administrator confirms an outage recorded retroactively."""
    return _confirm(lambda: store.confirm_outage(outage_id, current_user),
                    bi("Outage confirmed (Art. 8(4)); open deadlines over it were recomputed."))


def _confirm(confirm, done: Markup):
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        confirm()
    except store.NotRecorded:
        abort(404)
    except CalendarError as error:
        db.session.rollback()
        flash(bi("Not done: %(problem)s", problem=str(error)), "error")
        return _admin_page(ClosureDayForm(formdata=None),
                           OutageForm(formdata=None, prefix="outage"), 403)
    db.session.commit()
    flash(done, "info")
    return redirect(url_for("admin.calendar"))
