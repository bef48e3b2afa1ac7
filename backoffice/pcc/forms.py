"""The forms of the PCC service, each field bounded; labels Korean first, English beside."""

from __future__ import annotations

from markupsafe import Markup
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
)
from wtforms.fields import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, Regexp

from backoffice.forms import Form
from backoffice.pcc.service import Details

CARRIERS = (("SKT", "SKT"), ("KT", "KT"), ("LGU+", "LG U+"), ("MVNO", "알뜰폰 MVNO"))
"""The carriers of the mobile check (FAQ Q6 ③: SKT, KT, LGU+, 알뜰폰)."""


def both(ko: str, en: str) -> Markup:
    """Korean first, the English beside it marked as English (a label, a message)."""
    return Markup('<span lang="ko">{}</span> <span class="en" lang="en">{}</span>').format(ko, en)


def refuse_field(form: Form, invalid) -> None:
    """Show a :class:`workflows.pcc.identity.Invalid` on the field it names."""
    getattr(form, invalid.field).errors.append(both(invalid.ko, invalid.en))


class RealNameForm(Form):
    """FAQ Q1: the name as on the card, in capitals; the alien or residence number."""

    name = StringField(both("성명(외국인등록증 영문 대문자)",
                            "Name (as on your card, in capitals)"),
                       validators=[InputRequired(), Length(max=60)])
    registration_number = StringField(
        both("주민등록번호(외국인등록번호 또는 거소신고번호)",
             "Alien or residence registration number"),
        validators=[InputRequired(), Length(max=20)])


class MobileForm(Form):
    """FAQ Q4, Q6 ③-⑤: the PASS SMS check."""

    carrier = SelectField(both("통신사", "Telecom company"),
                          choices=[SelectChoice(value, label) for value, label in CARRIERS],
                          validators=[InputRequired()])
    name = StringField(both("성명(띄어쓰기 없이)", "Name without spaces"),
                       validators=[InputRequired(), Length(max=60)])
    birth_date = StringField(both("생년월일 8자리", "Date of birth, 8 digits (YYYYMMDD)"),
                             validators=[InputRequired(), Length(max=10)])
    mobile = StringField(both("휴대전화번호('-' 없이)", "Mobile number without '-'"),
                         validators=[InputRequired(), Length(max=15)])


class CertificateForm(Form):
    """Q5 ⑥, Q6 ②: the joint or financial certificate chosen and its password."""

    certificate = StringField(both("인증서", "Certificate"),
                              validators=[InputRequired(), Length(max=60)])
    password = PasswordField(both("인증서 비밀번호", "Certificate password"),
                             validators=[InputRequired(), Length(max=100)])


class SimpleForm(Form):
    """Q6 ②: simple certification (간편인증): the provider, the mobile, the service's terms."""

    provider = SelectField(both("간편인증 사업자", "Provider"), validators=[InputRequired()])
    mobile = StringField(both("휴대전화번호('-' 없이)", "Mobile number without '-'"),
                         validators=[InputRequired(), Length(max=15)])
    terms = BooleanField(both("간편인증 서비스 이용약관에 동의합니다",
                              "I accept the provider's terms of service"),
                         validators=[InputRequired(message=both("동의가 필요합니다",
                                                                "Your consent is required"))])

    def offer(self, providers) -> SimpleForm:
        self.provider.choices = [SelectChoice(value, label) for value, label in providers]
        return self


class CodeForm(Form):
    code = StringField(both("인증번호", "Verification code"),
                       validators=[InputRequired(), Length(max=10)])


class EmptyForm(Form):
    """A button that changes something: CSRF only."""


class DetailsForm(Form):
    """FAQ Q5 ②, Q6 ⑦-⑨: the application form (and the change of details)."""

    address = StringField(both("주소", "Address"), validators=[InputRequired(), Length(max=200)])
    telephone = StringField(both("전화번호", "Telephone"),
                            validators=[InputRequired(), Length(max=20)])
    email = EmailField(both("이메일(선택)", "E-mail (optional)"),
                       validators=[Optional(), Length(max=254), Regexp(
                           r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                           message=both("이메일 주소를 확인하십시오", "Check the e-mail address"))])
    mobile_owner = RadioField(both("휴대전화 명의구분", "Mobile phone in your name"),
                              choices=[SelectChoice("self", both("본인명의", "In my name")),
                                       SelectChoice("none", both("없음", "None"))],
                              default="self", validators=[InputRequired()])
    consents_to_viewing = BooleanField(
        both("행정정보 공동이용에 따른 주민등록표 열람에 동의합니다(전자정부법 제36조)",
             "I consent to customs officials viewing my resident registration abstract through "
             "shared administrative information (Electronic Government Act Art. 36)"),
        validators=[InputRequired(message=both("동의가 필요합니다", "Your consent is required"))])
    sms_alerts = BooleanField(both("SMS 알림 받기(선택): 수입신고·부호 변경 시",
                                   "SMS alerts (optional): when a declaration uses the code or "
                                   "it changes"))


    def details(self, mobile: str | None) -> Details:
        """What the form gives, with the mobile the check verified (or the counter typed)."""
        return Details(
            address=self.address.data.strip(), telephone=self.telephone.data.strip(),
            email=(self.email.data or "").strip() or None, mobile_owner=self.mobile_owner.data,
            mobile=mobile, consents_to_viewing=bool(self.consents_to_viewing.data),
            sms_alerts=bool(self.sms_alerts.data))


class CounterForm(DetailsForm):
    """The counter: the officer types the card's name and number."""

    name = StringField(both("성명(카드 기재)", "Name as on the card"),
                       validators=[InputRequired(), Length(max=60)])
    registration_number = StringField(both("외국인등록번호 또는 거소신고번호",
                                           "Alien or residence registration number"),
                                      validators=[InputRequired(), Length(max=20)])
    mobile = StringField(both("휴대전화번호", "Mobile number"),
                         validators=[Optional(), Length(max=15)])


class ReasonForm(Form):
    reason = StringField(both("열람 사유", "Why you need the whole number"),
                         validators=[InputRequired(), Length(min=5, max=200)])
