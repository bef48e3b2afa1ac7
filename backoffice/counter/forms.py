"""The counter's forms: the number is always posted, never put in a URL."""

from __future__ import annotations

from wtforms import StringField
from wtforms.validators import InputRequired, Length

from backoffice.forms import Form
from backoffice.pcc.forms import CounterForm, EmptyForm, ReasonForm, both

__all__ = ["CounterForm", "EmptyForm", "FindForm", "ReasonForm"]


class FindForm(Form):
    registration_number = StringField(both("외국인등록번호 또는 거소신고번호",
                                           "Alien or residence registration number"),
                                      validators=[InputRequired(), Length(max=20)])
