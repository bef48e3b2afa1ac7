"""The forms of opening a case besides the opening transition's own: the party named by an
officer, the office a duty payer files with, the evidence files, and "File now"."""

from flask_babel import LazyString
from wtforms import HiddenField, MultipleFileField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Regexp

from backoffice.forms import Form
from backoffice.i18n import current_locale
from backoffice.i18n import lazy_bilingual as bi
from workflows.identifiers import IdentifierKind


def _label_of(kind: IdentifierKind) -> str:
    return kind.label_ko if current_locale() == "ko" else kind.label_en


OFFICE_LABEL = bi("Customs office that took the disposition")
CHOOSE_OFFICE = bi("Choose the customs office that took the disposition")


class PartyForm(Form):
    identifier_kind = SelectField(bi("Identifier of the party"), choices=[
        SelectChoice(k.value, LazyString(_label_of, k)) for k in IdentifierKind])
    identifier = StringField(bi("Identifier"), validators=[DataRequired(), Length(max=30)],
                             description=bi("The party must be registered; it is looked up by "
                                            "this number, which is then shown masked."))


class OfficeForm(Form):
    """The office a duty payer files with: the one that took the disposition (Arts. 122(1),
    132(1)); any office's receipt counts for the filing date (Art. 122(2))."""

    class Meta:
        csrf = False  # the page's one token is the transition form's

    office_id = SelectField(OFFICE_LABEL, validators=[InputRequired(message=CHOOSE_OFFICE)],
                            description=bi("Named on the disposition notice you received."))


class EvidenceForm(Form):
    class Meta:
        csrf = False

    evidence = MultipleFileField(
        bi("Evidence"),
        description=bi("Files that pass their checks are kept for an hour, even if the form "
                       "comes back to you; a refused file is not kept: choose it again."))


class FileNowForm(Form):
    token = HiddenField(validators=[DataRequired(), Length(max=64)])
    revision = HiddenField(validators=[DataRequired(), Regexp(r"^\d{1,9}$")])
