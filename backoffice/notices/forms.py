import re

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from backoffice.forms import Form
from backoffice.i18n import current_locale
from backoffice.i18n import lazy_bilingual as bi
from backoffice.input_bounds import LegalDate
from workflows.citations import korean_citation
from workflows.notices.service import (
    METHOD_LABELS,
    PUBLIC_NOTICE_GROUNDS,
    PUBLICATION_CHANNELS,
)

GROUND_WORDS = {
    "abroad": _l("the domicile, residence or office is abroad and service is difficult "
                 "(Art. 11(2)1)"),
    "unknown": _l("the domicile, residence or office cannot be identified (Art. 11(2)2)"),
    "returned": _l("registered mail was returned because the addressee was absent "
                   "(Art. 11(2)3 and the Decree)"),
}
"""The grounds of a public notice (``PUBLIC_NOTICE_GROUNDS``) in the reader's language."""

CHANNEL_WORDS = {
    "unipass": _l("UNI-PASS, the customs information network (Art. 11(3)1)"),
    "customs_board": _l("website or bulletin board of the KCS or the customs office "
                        "(Art. 11(3)2)"),
    "local_board": _l("website or bulletin board of the local government where the notice is "
                      "to be served (Art. 11(3)3)"),
    "gazette": _l("the Official Gazette or a daily newspaper (Art. 11(3)4)"),
}
"""The channels of publication (``PUBLICATION_CHANNELS``) in the reader's language."""


def _method_words(method) -> str:
    """A method of service as an option names it: ``우편송달 (제11조제1항)`` in Korean, ``served
    by mail (Art. 11(1))`` in English (an option holds text only, so one language)."""
    korean, english = METHOD_LABELS[method]
    if current_locale() != "ko":
        return english
    cited = re.search(r"\((Arts?\. .*)\)$", english)
    return f"{korean} ({korean_citation(cited[1])})" if cited else korean


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ServiceForm(Form):
    """How and when a notice was served (Art. 11)."""

    method = SelectField(bi("Method of service (Art. 11)"), validators=[DataRequired()],
                         choices=[SelectChoice(m.value, LazyString(_method_words, m))
                                  for m in METHOD_LABELS])
    served_on = DateField(bi("Received on (not for a public notice)"),
                          validators=[Optional(), LegalDate()])
    reference = StringField(bi("Proof of service (postal receipt no., signature, e-mailbox id)"),
                            validators=[Optional(), Length(max=120)])
    published_on = DateField(bi("Published on (public notice)"),
                             validators=[Optional(), LegalDate()])
    ground = SelectField(bi("Ground of the public notice (Art. 11(2))"),
                         choices=[SelectChoice("", "—"),
                                  *(SelectChoice(v, GROUND_WORDS.get(v, label))
                                    for v, label in PUBLIC_NOTICE_GROUNDS)],
                         validators=[Optional()])
    channels = MultiCheckboxField(bi("Where it was published (Art. 11(3))"),
                                  choices=[SelectChoice(v, CHANNEL_WORDS.get(v, label))
                                           for v, label in PUBLICATION_CHANNELS])


class CorrectionForm(Form):
    reason = TextAreaField(bi("Why the notice is corrected"),
                           validators=[DataRequired(), Length(max=2000)])


class VerifyForm(Form):
    class Meta:
        csrf = False

    number = StringField(bi("Notice number"), validators=[DataRequired(), Length(max=40)])
    code = StringField(bi("Verification code"), validators=[DataRequired(), Length(max=20)])
