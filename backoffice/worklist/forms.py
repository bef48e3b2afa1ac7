"""The worklist's filters: a GET search, so no CSRF token."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import Length, Optional

from backoffice.forms import Form
from backoffice.i18n import lazy_bilingual as bi
from backoffice.worklist.query import SORTS


class FilterForm(Form):
    class Meta:
        csrf = False  # a GET search changes nothing

    procedure = SelectField(bi("Procedure"), validators=[Optional()])
    state = SelectField(bi("State"), validators=[Optional()])
    assignee = SelectField(bi("Assigned to"), validators=[Optional()])
    party = StringField(bi("Party name"), validators=[Optional(), Length(max=100)])
    reference = StringField(bi("Reference"), validators=[Optional(), Length(max=30)])
    due = SelectField(bi("Deadline"), validators=[Optional()], choices=[
        SelectChoice("", _l("any")), SelectChoice("overdue", _l("overdue")),
        SelectChoice("week", _l("due within 7 days")),
        SelectChoice("deemed", _l("deemed granted within 3 days unless decided"))])
    include_closed = BooleanField(bi("Include closed cases"))
    sort = SelectField(bi("Sort by"), choices=[SelectChoice(k, v) for k, v in SORTS.items()],
                       default="deadline")
