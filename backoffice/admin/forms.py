"""The forms of the administrator's pages: accounts, closure days and outages."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField, TimeField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length

from backoffice.forms import Form
from backoffice.i18n import N_
from backoffice.i18n import lazy_bilingual as label
from backoffice.i18n import lazy_plain_bilingual as both
from backoffice.input_bounds import LegalDate, PlainText
from workflows.calendar import ExtraDayKind


class AccountActionForm(Form):
    """An administrator's button on a user (sign out everywhere, deactivate, reactivate)."""


class ClosureDayForm(Form):
    day = DateField(label(N_("Date")), validators=[DataRequired(), LegalDate()])
    name = StringField(label(N_("Name")),
                       validators=[DataRequired(), Length(max=200), PlainText()])
    kind = SelectField(label(N_("Kind")), choices=[
        SelectChoice(ExtraDayKind.DECREE_DAY.value, _l("Decree day (Art. 8(3)4)")),
        SelectChoice(ExtraDayKind.PUBLIC_HOLIDAY.value,
                     _l("Public holiday not yet listed (Art. 8(3)2)")),
    ])
    ground = TextAreaField(label(N_("Legal ground")),
                           validators=[DataRequired(), Length(max=1000), PlainText(True)])
    submit = SubmitField(both(N_("Add closure day")))


class OutageForm(Form):
    start_day = DateField(label(N_("Out of service from (date)")),
                          validators=[DataRequired(), LegalDate()])
    start_time = TimeField(label(N_("at (KST)")), validators=[DataRequired()])
    repair_day = DateField(label(N_("Repaired on (date)")),
                           validators=[DataRequired(), LegalDate()])
    repair_time = TimeField(label(N_("at (KST)")), validators=[DataRequired()])
    ground = TextAreaField(label(N_("What failed, and how it was confirmed")),
                           validators=[DataRequired(), Length(max=1000), PlainText(True)])
    submit = SubmitField(both(N_("Record outage")))


class DeleteForm(Form):
    submit = SubmitField(both(N_("Remove")))


class ConfirmForm(Form):
    """A second administrator confirms a record that reaches back beyond the window."""

    submit = SubmitField(both(N_("Confirm")))
