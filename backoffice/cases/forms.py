from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length


class RequestExaminationForm(FlaskForm):
    reasons = TextAreaField("Reasons of the request",
                            validators=[DataRequired(), Length(max=5000)])
