"""The worklist's filters: a GET search, so no CSRF token."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import Length, Optional

from backoffice.worklist.query import SORTS


class FilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    procedure = SelectField("Procedure", validators=[Optional()])
    state = SelectField("State", validators=[Optional()])
    assignee = SelectField("Assigned to", validators=[Optional()])
    party = StringField("Party name", validators=[Optional(), Length(max=100)])
    reference = StringField("Reference", validators=[Optional(), Length(max=30)])
    due = SelectField("Deadline", validators=[Optional()], choices=[
        SelectChoice("", "any"), SelectChoice("overdue", "overdue"),
        SelectChoice("week", "due within 7 days"),
        SelectChoice("deemed", "deemed granted within 3 days unless decided")])
    include_closed = BooleanField("Include closed cases")
    sort = SelectField("Sort by", choices=[SelectChoice(k, v) for k, v in SORTS.items()],
                       default="deadline")
