"""The forms of opening a case besides the opening transition's own: the party named by an
officer, the office a duty payer files with, the evidence files, and "File now"."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, MultipleFileField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Regexp

from workflows.identifiers import IdentifierKind

OFFICE_LABEL = "Customs office that took the disposition (처분을 한 세관)"
CHOOSE_OFFICE = ("Choose the customs office that took the disposition "
                 "(처분을 한 세관을 선택하십시오)")


class PartyForm(FlaskForm):
    identifier_kind = SelectField("Identifier of the party", choices=[
        SelectChoice(k.value, k.label_en) for k in IdentifierKind])
    identifier = StringField("Identifier", validators=[DataRequired(), Length(max=30)],
                             description="The party must be registered; it is looked up by "
                                         "this number, which is then shown masked.")


class OfficeForm(FlaskForm):
    """The office a duty payer files with: the one that took the disposition (Arts. 122(1),
    132(1)); any office's receipt counts for the filing date (Art. 122(2))."""

    class Meta:
        csrf = False  # the page's one token is the transition form's

    office_id = SelectField(OFFICE_LABEL, validators=[InputRequired(message=CHOOSE_OFFICE)],
                            description="Named on the disposition notice you received. "
                                        "처분 통지서에 적힌 세관입니다.")


class EvidenceForm(FlaskForm):
    class Meta:
        csrf = False

    evidence = MultipleFileField(
        "Evidence (증거 서류)",
        description="확인을 통과한 파일은 신청서가 되돌아와도 1시간 동안 보관되며, 거부된 파일은 "
                    "다시 선택해야 합니다. Files that pass their checks are kept for an hour, "
                    "even if the form comes back to you; a refused file is not kept: choose it "
                    "again.")


class FileNowForm(FlaskForm):
    token = HiddenField(validators=[DataRequired(), Length(max=64)])
    revision = HiddenField(validators=[DataRequired(), Regexp(r"^\d{1,9}$")])
