from wtforms import (
    DateField,
    StringField,
    SubmitField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, Optional

from backoffice.forms import Form
from backoffice.i18n import lazy_bilingual as bi
from backoffice.input_bounds import LegalDate, PlainText


class ComputeDeadlineForm(Form):
    start = DateField(bi("Start date (event)"), validators=[DataRequired(), LegalDate()])
    start_time = TimeField(bi("Time of receipt (for periods counted in hours)"),
                           validators=[Optional()])
    period = StringField(bi("Period"), validators=[DataRequired(), Length(max=10), PlainText()],
                         description=bi("e.g. 90d, 2w, 3m, 1y, or 10pd (processing days)"))
    label = StringField(bi("What the start is"),
                        validators=[Optional(), Length(max=120), PlainText()],
                        default="receipt")
    submit = SubmitField("Compute")  # the page shows its own button, in both languages
