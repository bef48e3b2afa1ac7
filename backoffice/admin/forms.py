"""The forms of the administrator's pages: accounts, closure days and outages."""

from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField, TimeField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length

from backoffice.input_bounds import LegalDate, PlainText
from workflows.calendar import ExtraDayKind


class AccountActionForm(FlaskForm):
    """An administrator's button on a user (sign out everywhere, deactivate, reactivate)."""


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


class DeleteForm(FlaskForm):
    submit = SubmitField("Remove")


class ConfirmForm(FlaskForm):
    """A second administrator confirms a record that reaches back beyond the window."""

    submit = SubmitField("Confirm")
