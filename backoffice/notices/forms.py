from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from backoffice.input_bounds import LegalDate
from workflows.notices.service import (
    METHOD_LABELS,
    PUBLIC_NOTICE_GROUNDS,
    PUBLICATION_CHANNELS,
)


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ServiceForm(FlaskForm):
    """How and when a notice was served (Art. 11)."""

    method = SelectField("Method of service (Art. 11)", validators=[DataRequired()],
                         choices=[SelectChoice(m.value, f"{ko} — {en}") for m, (ko, en) in
                                  METHOD_LABELS.items()])
    served_on = DateField("Received on (not for a public notice)",
                          validators=[Optional(), LegalDate()])
    reference = StringField("Proof of service (postal receipt no., signature, e-mailbox id)",
                            validators=[Optional(), Length(max=120)])
    published_on = DateField("Published on (public notice)", validators=[Optional(), LegalDate()])
    ground = SelectField("Ground of the public notice (Art. 11(2))",
                         choices=[SelectChoice("", "—"),
                                  *(SelectChoice(v, label) for v, label in PUBLIC_NOTICE_GROUNDS)],
                         validators=[Optional()])
    channels = MultiCheckboxField("Where it was published (Art. 11(3))",
                                  choices=[SelectChoice(v, label)
                                           for v, label in PUBLICATION_CHANNELS])


class CorrectionForm(FlaskForm):
    reason = TextAreaField("Why the notice is corrected",
                           validators=[DataRequired(), Length(max=2000)])


class VerifyForm(FlaskForm):
    class Meta:
        csrf = False

    number = StringField("Notice number", validators=[DataRequired(), Length(max=40)])
    code = StringField("Verification code", validators=[DataRequired(), Length(max=20)])
