"""What to do when a step fails: the FAQ's remedies, in Korean and English, one per failure.

Each names what the person can do next, in the FAQ's order: correct the input, then the
helpline of the service that failed, then the way round it (the counter of a customs office,
or the identifiers a clearance takes instead of a code, Q2).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Remedy:
    ko: str
    en: str


KCB_HELPLINE = "02-708-1000"
KCB_MENU = "4 → 3 → 0"
KMC_HELPLINE = "1644-1863"
KAKAO_CHANNEL = "관세청 유니패스 기술지원상담센터"

IN_PERSON = Remedy(
    "가까운 세관을 방문하여 외국인등록증 또는 국내거소신고증을 제시하고 발급받을 수 있습니다.",
    "You can visit the nearest customs office with your Alien Registration Card or Certificate "
    "of Foreign Residence and get the code there.")
ALTERNATIVE_IDS = Remedy(
    "세관 방문이 어려우면 통관 시 개인통관고유부호 대신 외국인등록번호(외국인등록증 소지자) 또는 "
    "여권번호를 사용할 수 있습니다.",
    "If visiting a customs office is not convenient, you can use your alien registration number "
    "(if you hold the Alien Registration Card) or your passport number instead of the code for "
    "customs clearance.")
NO_PASS_APP = Remedy(
    "PASS 앱이 없어도 됩니다. 이 서비스는 문자(SMS)로 인증번호를 보냅니다.",
    "You need no PASS app: this service sends the code by SMS (the FAQ's SMS tab).")
CERTIFICATES = Remedy(
    "휴대전화가 없어도 공동·금융인증서나 간편인증으로 본인확인을 할 수 있습니다. 아이폰은 "
    "인증서를 개인용 컴퓨터에서 먼저 옮겨야 합니다.",
    "Without a mobile phone you can verify your identity with a joint or financial "
    "certificate or a simple certification. On an iPhone, move the certificate from your PC "
    "first.")
ANYTHING_ELSE = Remedy(
    f"그 밖의 문의는 카카오톡 채널 '{KAKAO_CHANNEL}' 1:1 채팅으로 해 주십시오.",
    f"For anything else, search '{KAKAO_CHANNEL}' in KakaoTalk Channel and ask in the 1:1 chat.")


class Failure(Enum):
    """The failures the FAQ answers (Q2 to Q4), and those of the service's own steps."""

    REAL_NAME = "real_name"  # Q3
    REAL_NAME_REPEATED = "real_name_repeated"  # Q3 ※
    IDENTITY = "identity"  # Q4
    IDENTITY_REPEATED = "identity_repeated"  # Q4 →
    CERTIFICATE = "certificate"  # Q5 ⑥-⑦
    SIMPLE = "simple"  # Q6 ②
    NO_MEANS = "no_means"  # Q2
    CODE_WRONG = "code_wrong"
    CODE_EXPIRED = "code_expired"
    ALREADY_ISSUED = "already_issued"  # Q6 ①: a code issued before is looked up, not issued
    NOT_ISSUED = "not_issued"
    REISSUE_LIMIT = "reissue_limit"


REMEDIES: dict[Failure, tuple[Remedy, ...]] = {
    Failure.REAL_NAME: (Remedy(
        "외국인등록증 또는 국내거소신고증에 적힌 성명을 영문 대문자로 입력하십시오. "
        "정확히 입력했는데도 실패하면 띄어쓰기 없이 입력하십시오(예: COI ZHUNA → COIZHUNA).",
        "Enter the name as on your Alien Registration Card or Certificate of Foreign Residence, "
        "in capital letters. If you entered it correctly and it failed, type it without any "
        "space (e.g. COI ZHUNA → COIZHUNA)."),),
    Failure.REAL_NAME_REPEATED: (Remedy(
        f"성명을 정확히 입력했는데도 계속 실패하면 KCB 고객센터({KCB_HELPLINE}, {KCB_MENU})에 "
        "전화하여 명의도용 방지 서비스 가입 여부와 성명 등록 여부를 확인하십시오.",
        f"If you typed your name correctly and it keeps failing, call the KCB customer center at "
        f"{KCB_HELPLINE} and press {KCB_MENU} to check whether you joined a service that "
        "prevents identity theft and whether your name is registered."), IN_PERSON,
        ALTERNATIVE_IDS),
    Failure.IDENTITY: (Remedy(
        "통신사, 띄어쓰기 없는 성명, '-' 없는 휴대전화번호, (문자 인증) 생년월일 8자리를 "
        "확인하십시오. 외국인등록증의 성명과 휴대전화 가입자 성명이 같아야 하며, 다르면 가입자 "
        "성명을 변경해야 합니다.",
        "Check the telecom company, your name without spaces, your mobile number without '-' "
        "and, for the SMS check, your date of birth in 8 digits. The name on your Alien "
        "Registration Card and the mobile subscriber's name must match; if they differ, change "
        "the subscriber's name."),),
    Failure.IDENTITY_REPEATED: (Remedy(
        f"정확히 입력했는데도 계속 실패하면 KMC 고객센터({KMC_HELPLINE})에 휴대전화 본인확인을 "
        "문의하십시오.",
        f"If you entered everything correctly and it keeps failing, call the KMC customer center "
        f"at {KMC_HELPLINE} about mobile identity verification."), IN_PERSON, ALTERNATIVE_IDS),
    Failure.CERTIFICATE: (Remedy(
        "선택한 인증서와 비밀번호를 확인하십시오. 아이폰은 인증서를 개인용 컴퓨터에서 "
        "휴대전화로 먼저 옮겨야 합니다(인증서 내보내기). 인증서가 없으면 휴대폰 인증을 "
        "이용하십시오.",
        "Check the certificate you chose and its password. On an iPhone, move the certificate "
        "from your PC to the phone first (export it). Without a certificate, use the mobile "
        "check."), IN_PERSON),
    Failure.SIMPLE: (Remedy(
        "간편인증 사업자와 그 서비스에 등록한 본인 명의 휴대전화번호('-' 없이)를 확인하십시오. "
        "되지 않으면 휴대폰 인증이나 인증서를 이용하십시오.",
        "Check the simple-certification provider and the mobile number in your name registered "
        "with it (without '-'). If it does not work, use the mobile check or a certificate."),
        IN_PERSON),
    Failure.NO_MEANS: (IN_PERSON, ALTERNATIVE_IDS, NO_PASS_APP, CERTIFICATES),
    Failure.CODE_WRONG: (Remedy(
        "문자로 받은 인증번호를 다시 확인하여 입력하십시오.",
        "Check the code you received by SMS and enter it again."),),
    Failure.CODE_EXPIRED: (Remedy(
        "인증번호의 유효시간이 지났습니다. 인증번호를 다시 요청하십시오.",
        "The code has expired: ask for a new one."),),
    Failure.ALREADY_ISSUED: (Remedy(
        "이미 발급된 개인통관고유부호가 있습니다. '발급내역 조회'에서 확인하십시오.",
        "A code was already issued to you: look it up under 'Look up my code'."),),
    Failure.NOT_ISSUED: (Remedy(
        "발급된 개인통관고유부호가 없습니다. '신규발급'을 선택하십시오.",
        "No code was issued to you yet: choose 'New issuance'."),),
    Failure.REISSUE_LIMIT: (Remedy(
        "올해 재발급 한도에 이르렀습니다. 세관을 방문하여 주십시오.",
        "You reached this year's limit of reissues: please visit a customs office."),
        IN_PERSON),
}


def remedies_for(failure: Failure) -> tuple[Remedy, ...]:
    """The remedies for ``failure``, the last resort (the KakaoTalk channel) always last."""
    return (*REMEDIES[failure], ANYTHING_ELSE)
