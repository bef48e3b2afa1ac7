"""Remedies whose wording depends on the case: which appeal, which date.

Each function takes the :class:`~workflows.notices.content.NoticeFacts` of the notice being
issued and returns the :class:`Remedy` to print, or ``None`` when the Act requires none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Remedy:
    """What the recipient may do next, by when, and under which article."""

    article: str
    text_en: str
    text_ko: str
    period: str | None = None
    """A period that runs from the receipt of the notice (``90d``); ``None`` for no time limit."""
    files: tuple[str, ...] = ()
    """The appeals (procedure codes) the recipient may file against this notice's disposition
    from its case page in the portal, the notice named on the filing (Art. 129-2(1))."""


APPEAL_WITHIN_90_DAYS = Remedy(
    "Art. 121(1); 132(4)",
    "If you are dissatisfied with this disposition, you may raise an objection with the head of "
    "the issuing customs office (Art. 132) or file a request for examination with the "
    "Commissioner of the Korea Customs Service through that office (Arts. 121(1), 122(1)) "
    "within 90 days from the date you receive this notice.",
    "이 처분에 불복하는 경우 이 통지서를 받은 날부터 90일 이내에 처분을 한 세관장에게 "
    "이의신청(관세법 제132조)을 하거나, 그 세관장을 거쳐 관세청장에게 심사청구(제121조제1항, "
    "제122조제1항)를 할 수 있습니다.",
    "90d",
    files=("objection", "examination"),
)

APPEAL_AGAINST_THE_COMMISSIONER = Remedy(
    "Art. 119(2); 121(1); 122(1); 131",
    "If you are dissatisfied with this disposition of the Commissioner of the Korea Customs "
    "Service, you may file a request for examination with the Commissioner through the customs "
    "office (Arts. 121(1), 122(1)) or a request for adjudication with the Tax Tribunal "
    "(Art. 131) within 90 days from the date you receive this notice. An objection is not "
    "available against a disposition the Commissioner decided (Art. 119(2)).",
    "이 관세청장의 처분에 불복하는 경우 이 통지서를 받은 날부터 90일 이내에 세관장을 거쳐 "
    "관세청장에게 심사청구(관세법 제121조제1항, 제122조제1항)를 하거나 조세심판원에 "
    "심판청구(제131조)를 할 수 있습니다. 관세청장이 결정한 처분에 대하여는 이의신청을 할 수 "
    "없습니다(제119조제2항).",
    "90d",
    files=("examination",),
)
"""A disposition the Commissioner took (e.g. on an AEO, Arts. 255-2(1), 255-3(3)-(4), 255-5):
no objection before the request for examination or adjudication (Art. 119(2))."""



def _korean(day: date) -> str:
    return f"{day.year}년 {day.month}월 {day.day}일"


def _english(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def overdue_decision(facts) -> Remedy | None:
    """Art. 129(2): the next remedy is open from the day the decision period has passed.

    The period ends at 24:00 of its last day (Civil Act Art. 159); the day it has passed
    (결정기간이 지난 날, Art. 121(2) proviso) is the following day.
    """
    last_day = facts.deadline_due("decision")
    if last_day is None:
        return None
    opened = last_day + timedelta(days=1)
    if facts.procedure == "objection":
        return Remedy(
            "Art. 129(2)1; 121(2) proviso",
            f"The period for deciding your objection ended on {_english(last_day)}. From "
            f"{_english(opened)}, the day it passed, you may file a request for examination with "
            "the Commissioner of the Korea Customs Service or a request for adjudication with "
            "the Tax Tribunal, even before you receive a decision (Arts. 129(2)1, 121(2) "
            "proviso).",
            f"이의신청의 결정기간은 {_korean(last_day)}까지였습니다. 결정기간이 지난 날인 "
            f"{_korean(opened)}부터 결정 통지를 받기 전이라도 관세청장에게 심사청구를 하거나 "
            "조세심판원에 심판청구를 할 수 있습니다(관세법 제129조제2항제1호, 제121조제2항 단서).",
        )
    return Remedy(
        "Art. 129(2)2; 120(3) proviso",
        f"The period for deciding your request ended on {_english(last_day)}. From "
        f"{_english(opened)}, the day it passed, you may bring an administrative lawsuit, even "
        "before you receive a decision (Arts. 129(2)2, 120(3) proviso).",
        f"청구의 결정기간은 {_korean(last_day)}까지였습니다. 결정기간이 지난 날인 "
        f"{_korean(opened)}부터 결정 통지를 받기 전이라도 행정소송을 제기할 수 있습니다"
        "(관세법 제129조제2항제2호, 제120조제3항 단서).",
    )


def revision(facts) -> Remedy | None:
    """Art. 123(1): revise within the period ordered. Not revising leads to dismissal
    (128(1)1(c)), or for a pre-assessment review to a decision not to review (118(4)3); the
    revision period is not counted in the decision period (128(4), via 118(6))."""
    due = facts.deadline_due("revision")
    if due is None:
        return None
    if facts.procedure == "pre_assessment_review":
        article = "Art. 118(6) → 123(1); 118(4)3; 128(4)"
        english = "a decision not to review may be made (Art. 118(4)3)"
        korean = "심사하지 아니한다는 결정을 할 수 있습니다(관세법 제118조제4항제3호)"
    else:
        article = "Art. 123(1); 128(1)1(c); 128(4)"
        english = "the request may be dismissed (Art. 128(1)1(c))"
        korean = "청구가 각하될 수 있습니다(관세법 제128조제1항제1호다목)"
    return Remedy(
        article,
        f"Please submit the revision by {_english(due)}. If it is not revised within this "
        f"period, {english}. The revision period is not counted in the period for the decision "
        "(Art. 128(4)).",
        f"{_korean(due)}까지 보정하여 주시기 바랍니다. 이 기간 내에 보정하지 아니하면 {korean}. "
        "보정기간은 결정기간에 산입하지 아니합니다(제128조제4항).",
    )


OFFENCE_COMPLIANCE = Remedy(
    "Art. 316; 317; 119(1)1",
    "Comply within 15 days of the day this notice is served on you, at the place of "
    "performance. Otherwise the head of the customs office shall accuse you promptly; "
    "compliance before the accusation still ends the case (Art. 316). Once you comply you "
    "cannot be punished again for the same case (Art. 317). No appeal lies against this "
    "disposition (Art. 119(1)1).",
    "이 통고서를 송달받은 날부터 15일 이내에 이행 장소에서 이행하여야 합니다. 이행하지 아니하면 "
    "세관장은 즉시 고발하며, 고발 전에 이행하면 사건은 종결됩니다(관세법 제316조). 이행하면 "
    "동일한 사건으로 다시 처벌받지 아니합니다(제317조). 통고처분에 대하여는 불복청구를 할 수 "
    "없습니다(제119조제1항제1호).",
    "15d",
)
"""The 15 days of Art. 316, the accusation that follows, 317, and no appeal (119(1)1)."""

COMMISSIONER = "commissioner"
"""The ``disposing_authority`` of a case whose dispositions the Commissioner of the Korea
Customs Service takes (the Act names the Commissioner, e.g. Arts. 255-2(1), 255-5)."""


def by_disposing_authority(facts) -> Remedy:
    """The appeal against a disposition, by who took it: the Commissioner (no objection,
    Art. 119(2)) or the head of a customs office (objection or request for examination)."""
    if facts.data.get("disposing_authority") == COMMISSIONER:
        return APPEAL_AGAINST_THE_COMMISSIONER
    return APPEAL_WITHIN_90_DAYS


def permission_decision(facts) -> Remedy | None:
    """A refusal is a disposition under Art. 119: the appeal and its 90 days are stated."""
    return APPEAL_WITHIN_90_DAYS if facts.trigger == "refuse" else None


def processing_extension(facts) -> Remedy | None:
    """If no decision is notified within the extended period, permission is deemed granted."""
    due = facts.deadline_due("processing")
    if due is None:
        return None
    deemed = due + timedelta(days=1)
    return Remedy(
        facts.article or "",
        f"If no decision is notified to you by {_english(due)}, permission is deemed granted on "
        f"the following day, {_english(deemed)}.",
        f"{_korean(due)}까지 허가 여부를 통지받지 못하면 그 다음 날인 {_korean(deemed)}에 "
        "허가를 받은 것으로 봅니다.",
    )


def reinvestigation_result(facts) -> Remedy | None:
    """How the disposition taken after a reinvestigation is contested depends on who ordered it.

    - an objection: no second objection (Art. 119(4)); examination or adjudication within 90 days;
    - an examination or adjudication: examination or adjudication with the same ruling agency
      (119(3) proviso) or, without it, an administrative lawsuit (120(2) proviso, 120(4)1),
      within 90 days of receipt;
    - a pre-assessment review (118(4)2): the amended notice ends the review; the Act opens no
      second review of it, and the shortage it states is collected by a payment notice (39(3)),
      itself appealable (119): the time limit runs from that notice, not from this one.
    """
    ordered_by = facts.data.get("ordered_by")
    if ordered_by == "pre_assessment_review":
        return Remedy(
            "Art. 118(4)2; 39(3); 119",
            "This notice amends the pre-assessment notice after the reinvestigation "
            "(Art. 118(4)2). Any shortage it states is collected by a payment notice "
            "(Art. 39(3)); if you are dissatisfied with that disposition, you may appeal against "
            "it within 90 days from the date you receive the payment notice (Arts. 119, 121(1)).",
            "이 통지는 재조사 결과에 따라 과세전통지 내용을 변경한 것입니다(관세법 제118조제4항"
            "제2호). 통지된 부족세액은 납부고지로 징수하며(제39조제3항), 그 처분에 불복하는 경우 "
            "납부고지서를 받은 날부터 90일 이내에 불복청구를 할 수 있습니다(제119조, 제121조"
            "제1항).")
    if ordered_by == "objection":
        return Remedy(
            "Art. 119(4); 121(1)",
            "If you are dissatisfied with the disposition taken after the reinvestigation, you "
            "may file a request for examination with the Commissioner of the Korea Customs "
            "Service or a request for adjudication with the Tax Tribunal within 90 days from "
            "the date you receive this notice (Arts. 121(1), 131); a second objection is not "
            "possible (Art. 119(4)), nor a lawsuit without one of them (Art. 120(2)).",
            "재조사 후 한 처분에 불복하는 경우 이 통지서를 받은 날부터 90일 이내에 관세청장에게 "
            "심사청구를 하거나 조세심판원에 심판청구를 할 수 있으며(관세법 제121조제1항, 제131조), "
            "다시 이의신청을 하거나(제119조제4항) 이를 거치지 않고 행정소송을 제기할 수는 "
            "없습니다(제120조제2항).",
            "90d")
    return Remedy(
        "Art. 119(3) proviso; 120(2) proviso; 120(4)1",
        "If you are dissatisfied with the disposition taken after the reinvestigation, you may, "
        "within 90 days from the date you receive this notice, file a request for examination "
        "or adjudication with the ruling agency that decided the reinvestigation "
        "(Art. 119(3) proviso) or bring an administrative lawsuit (Arts. 120(2) proviso, "
        "120(4)1).",
        "재조사 후 한 처분에 불복하는 경우 이 통지서를 받은 날부터 90일 이내에 재조사 결정을 한 "
        "재결청에 심사청구 또는 심판청구를 하거나(관세법 제119조제3항 단서), 행정소송을 제기할 "
        "수 있습니다(제120조제2항 단서, 제120조제4항제1호).",
        "90d")
