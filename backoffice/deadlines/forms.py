from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    StringField,
    SubmitField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, Optional

from backoffice.input_bounds import LegalDate, PlainText


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
