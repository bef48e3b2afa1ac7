"""The forms of the case page besides the transitions' own: the next step after an
objection, and the extension and waiver of a deadline."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, HiddenField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from backoffice.forms import Form
from backoffice.input_bounds import LegalDate, PlainText


class RequestExaminationForm(Form):
    reasons = TextAreaField(_l("Reasons of the request"),
                            validators=[DataRequired(), Length(max=5000)])


class ExtendDeadlineForm(Form):
    version = HiddenField(validators=[DataRequired()])
    until = DateField(_l("Extend to"), validators=[DataRequired(), LegalDate()])
    ground = TextAreaField(_l("Ground (natural disaster or a Decree ground)"),
                           validators=[DataRequired(), Length(max=1000), PlainText(True)])
    submit = SubmitField(_l("Extend (Art. 10)"))


class WaiveDeadlineForm(Form):
    version = HiddenField(validators=[DataRequired()])
    reason = TextAreaField(_l("Reason for the waiver"),
                           validators=[DataRequired(), Length(max=1000), PlainText(True)])
    submit = SubmitField(_l("Waive"))


class PersonalDataForm(Form):
    """Ask to see the case's personal data: the reason goes to the history (Art. 116(1))."""

    reason = TextAreaField(_l("Why you need to see it"),
                           validators=[DataRequired(), Length(max=500), PlainText(True)])
    submit = SubmitField(_l("Show the personal data"))
