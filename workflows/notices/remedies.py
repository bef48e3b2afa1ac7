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
)



def _korean(day: date) -> str:
    return f"{day.year}년 {day.month}월 {day.day}일"


def _english(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def overdue_decision(facts) -> Remedy | None:
    """Art. 129(2): the next remedy is open from the day the decision period expires."""
    expired = facts.deadline_due("decision")
    if expired is None:
        return None
    if facts.procedure == "objection":
        return Remedy(
            "Art. 129(2)1; 121(2) proviso",
            f"The period for deciding your objection expired on {_english(expired)}. From that "
            "day you may file a request for examination with the Commissioner of the Korea "
            "Customs Service or a request for adjudication with the Tax Tribunal, even before "
            "you receive a decision (Arts. 129(2)1, 121(2) proviso).",
            f"이의신청의 결정기간이 {_korean(expired)} 경과하였습니다. 그 날부터 결정 통지를 "
            "받기 전이라도 관세청장에게 심사청구를 하거나 조세심판원에 심판청구를 할 수 "
            "있습니다(관세법 제129조제2항제1호, 제121조제2항 단서).",
        )
    return Remedy(
        "Art. 129(2)2; 120(3) proviso",
        f"The period for deciding your request expired on {_english(expired)}. From that day "
        "you may bring an administrative lawsuit, even before you receive a decision "
        "(Arts. 129(2)2, 120(3) proviso).",
        f"청구의 결정기간이 {_korean(expired)} 경과하였습니다. 그 날부터 결정 통지를 받기 "
        "전이라도 행정소송을 제기할 수 있습니다(관세법 제129조제2항제2호, 제120조제3항 단서).",
    )


def revision(facts) -> Remedy | None:
    """Art. 123(1): revise within the period ordered; 128(1)1(c) and 128(4) follow from it."""
    due = facts.deadline_due("revision")
    if due is None:
        return None
    return Remedy(
        "Art. 123(1); 128(1)1(c); 128(4)",
        f"Please submit the revision by {_english(due)}. A request not revised within this "
        "period may be dismissed (Art. 128(1)1(c)). The revision period is not counted in the "
        "period for the decision (Art. 128(4)).",
        f"{_korean(due)}까지 보정하여 주시기 바랍니다. 이 기간 내에 보정하지 아니하면 청구가 "
        "각하될 수 있습니다(관세법 제128조제1항제1호다목). 보정기간은 결정기간에 산입하지 "
        "아니합니다(제128조제4항).",
    )


def permission_decision(facts) -> Remedy | None:
    """A refusal is a disposition under Art. 119: the appeal and its 90 days are stated."""
    return APPEAL_WITHIN_90_DAYS if facts.trigger == "refuse" else None


def processing_extension(facts) -> Remedy | None:
    """If no decision is notified within the extended period, permission is deemed granted."""
    due = facts.deadline_due("processing")
    if due is None:
        return None
    deemed = due + timedelta(days=1)
    article = facts.data.get("deemed_paragraph") or "the permission's article"
    return Remedy(
        article,
        f"If no decision is notified to you by {_english(due)}, permission is deemed granted on "
        f"the following day, {_english(deemed)}.",
        f"{_korean(due)}까지 허가 여부를 통지받지 못하면 그 다음 날인 {_korean(deemed)}에 "
        "허가를 받은 것으로 봅니다.",
    )
