"""The deadline calculator: a statutory period counted under Art. 8, with why the date falls
where it does."""

from __future__ import annotations

from datetime import datetime

from flask import render_template

from backoffice.deadlines import store
from backoffice.deadlines.blueprint import bp
from backoffice.deadlines.forms import ComputeDeadlineForm
from workflows.calendar import CalendarError, Period
from workflows.clock import SEOUL


@bp.route("/calendar", methods=["GET", "POST"])
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
