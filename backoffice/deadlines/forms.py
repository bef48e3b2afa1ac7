from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
)
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from backoffice.input_bounds import LegalDate, PlainText
from workflows.calendar import ExtraDayKind


class ComputeDeadlineForm(FlaskForm):
    start = DateField("Start date (event)", validators=[DataRequired(), LegalDate()])
    start_time = TimeField("Time of receipt (for periods counted in hours)",
                           validators=[Optional()])
    period = StringField("Period", validators=[DataRequired(), Length(max=10), PlainText()],
                         description="e.g. 90d, 2w, 3m, 1y, or 10pd (processing days)")
    label = StringField("What the start is",
                        validators=[Optional(), Length(max=120), PlainText()],
                        default="receipt")
    submit = SubmitField("Compute")


class ClosureDayForm(FlaskForm):
    day = DateField("Date", validators=[DataRequired(), LegalDate()])
    name = StringField("Name", validators=[DataRequired(), Length(max=200), PlainText()])
    kind = SelectField("Kind", choices=[
        SelectChoice(ExtraDayKind.DECREE_DAY.value, "Decree day (Art. 8(3)4)"),
        SelectChoice(ExtraDayKind.PUBLIC_HOLIDAY.value,
                     "Public holiday not yet listed (Art. 8(3)2)"),
    ])
    ground = TextAreaField("Legal ground",
                           validators=[DataRequired(), Length(max=1000), PlainText(True)])
    submit = SubmitField("Add closure day")


class OutageForm(FlaskForm):
    start_day = DateField("Out of service from (date)",
                          validators=[DataRequired(), LegalDate()])
    start_time = TimeField("at (KST)", validators=[DataRequired()])
    repair_day = DateField("Repaired on (date)", validators=[DataRequired(), LegalDate()])
    repair_time = TimeField("at (KST)", validators=[DataRequired()])
    ground = TextAreaField("What failed, and how it was confirmed",
                           validators=[DataRequired(), Length(max=1000), PlainText(True)])
    submit = SubmitField("Record outage")


class ExtendDeadlineForm(FlaskForm):
    version = HiddenField(validators=[DataRequired()])
    until = DateField("Extend to", validators=[DataRequired(), LegalDate()])
    ground = TextAreaField("Ground (natural disaster or a Decree ground)",
                           validators=[DataRequired(), Length(max=1000), PlainText(True)])
    submit = SubmitField("Extend (Art. 10)")


class WaiveDeadlineForm(FlaskForm):
    version = HiddenField(validators=[DataRequired()])
    reason = TextAreaField("Reason for the waiver",
                           validators=[DataRequired(), Length(max=1000), PlainText(True)])
    submit = SubmitField("Waive")


class DeleteForm(FlaskForm):
    submit = SubmitField("Remove")


class ConfirmForm(FlaskForm):
    """A second administrator confirms a record that reaches back beyond the window."""

    submit = SubmitField("Confirm")
