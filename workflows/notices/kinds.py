"""The written notices the Act requires, each with its article and its remedy (plain data).

A notice kind names the provision that requires it, the title printed on it, the remedy it must
state (Art. 129(1): where and within how many days to appeal; Art. 118(2): the 30 days to ask
for a pre-assessment review) and, where a period runs from its receipt, the transition of the
case that records the service (e.g. ``record_decision_served`` for a written decision, whose
receipt starts the 90 days of Art. 129(1)).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workflows.notices import remedies
from workflows.notices.remedies import APPEAL_WITHIN_90_DAYS, Remedy
from workflows.notices.service import ServiceMethod


@dataclass(frozen=True)
class ServiceEffect:
    """The case transition that records the notice's receipt, and the field it fills; where the
    case may be in one of several states, the first of ``also`` its state takes."""

    trigger: str
    field: str
    also: tuple[str, ...] = ()
    method_field: str | None = None
    """The transition's field that takes the method of service, where the Act limits it."""
    reference_field: str | None = None
    """The transition's field that takes the service reference (a receipt certificate)."""

    @property
    def triggers(self) -> tuple[str, ...]:
        return (self.trigger, *self.also)


@dataclass(frozen=True)
class NoticeKind:
    code: str
    title_ko: str
    title_en: str
    article: str
    requirement: str
    """What the article requires the notice to carry, for README and the docstrings."""
    remedy: Remedy | Callable[[Any], Remedy | None] | None = None
    """The remedy to state, or a function of the notice's facts choosing it."""
    on_service: ServiceEffect | None = None
    public_notice: str = ""
    """The provision that lets this document be served by public notice, or empty. Art. 11(2)-(3)
    allow it for a duty payment notice only (Art. 11 is "Service of Duty Payment Notices"): the
    decisions, opinions, orders and notices the back office issues are served in person, by mail
    or electronically (Art. 11(1)), and offence documents never publicly (Arts. 288, 318(2))."""

    service_methods: tuple[str, ...] = ()
    """The only methods it may be served by, where the Act limits them (an offence notice: in
    person or by registered mail, Arts. 288, 315); empty: any of Art. 11(1)."""
    service_needs_reference: bool = False
    """Its service is recorded with the receipt certificate's reference (Art. 289)."""

    @property
    def methods(self) -> tuple[str, ...]:
        """The methods it may be served by: the Act's limit where it sets one, else any of
        Art. 11(1), and public notice where a provision allows it (Art. 11(2))."""
        if self.service_methods:
            return self.service_methods
        return tuple(m.value for m in ServiceMethod
                     if m is not ServiceMethod.PUBLIC_NOTICE or self.public_notice)

    @property
    def template(self) -> str:
        return f"notices/{self.code}.html"


PERMISSION_PARAGRAPH = ""
"""The paragraph depends on the kind of permission (e.g. Art. 134(3) or (4)): the notice cites the
article recorded on the transition's event."""

DECISION_RECEIVED = ServiceEffect("record_decision_served", "decision_served_on",
                                  also=("record_reinvestigation_served",))

KINDS: dict[str, NoticeKind] = {kind.code: kind for kind in (
    NoticeKind(
        "written_opinion", "의견서", "Written Opinion on the Disposition", "Art. 132(5)",
        "the grounds of and reasons for the disposition and the facts behind it, within 7 days "
        "of receiving the objection",
        Remedy("Art. 132(6); 132(4) proviso",
               "You may submit documents or evidence contrary to this opinion (Art. 132(6)); the "
               "period for the decision on your objection is then 60 days instead of 30 "
               "(Art. 132(4) proviso).",
               "이 의견서에 반하는 증거서류나 증거물을 제출할 수 있으며(관세법 제132조제6항), "
               "이 경우 이의신청의 결정기간은 30일이 아닌 60일이 됩니다(제132조제4항 단서)."),
    ),
    NoticeKind(
        "opinion_copy", "의견서 사본", "Copy of the Office's Opinion", "Art. 122(3)-(4)",
        "a copy of the opinion the customs office sent with the request for examination",
        Remedy("Art. 122(5)",
               "You may submit documents or evidence contrary to this opinion (Art. 122(5)).",
               "이 의견서에 반하는 증거서류나 증거물을 제출할 수 있습니다(관세법 제122조제5항)."),
    ),
    NoticeKind(
        "overdue_decision_notice", "결정기간 경과 통지서",
        "Notice that the Decision Period Has Passed", "Art. 129(2)",
        "that the next remedy may be used from the day the decision period expires, even before "
        "a decision is received",
        remedies.overdue_decision,
    ),
    NoticeKind(
        "objection_decision", "이의신청 결정서", "Decision on the Objection",
        "Art. 128(1), (3) via 132(4); 129(1)1",
        "the decision and its reasons (Art. 128(3)); that a request for examination or "
        "adjudication may be filed within 90 days of receipt (Art. 129(1)1)",
        Remedy("Art. 129(1)1; 121(2)",
               "If you are dissatisfied with this decision, you may file a request for "
               "examination with the Commissioner of the Korea Customs Service (Art. 121(2)) or a "
               "request for adjudication with the Tax Tribunal (Art. 131) within 90 days from "
               "the date you receive this written decision (Art. 129(1)1).",
               "이 결정에 불복하는 경우 이 결정서를 받은 날부터 90일 이내에 관세청장에게 "
               "심사청구(관세법 제121조제2항)를 하거나 조세심판원에 심판청구(제131조)를 할 수 "
               "있습니다(제129조제1항제1호).",
               "90d"),
        DECISION_RECEIVED,
    ),
    NoticeKind(
        "examination_decision", "심사청구 결정서", "Decision on the Request for Examination",
        "Art. 128(1), (3); 129(1)2",
        "the decision and its reasons (Art. 128(3)); that an administrative lawsuit may be "
        "brought within 90 days of receipt (Art. 129(1)2)",
        Remedy("Art. 129(1)2; 120(3)",
               "If you are dissatisfied with this decision, you may bring an administrative "
               "lawsuit within 90 days from the date you receive this written decision "
               "(Arts. 129(1)2, 120(3)). This period is peremptory (Art. 120(6)).",
               "이 결정에 불복하는 경우 이 결정서를 받은 날부터 90일 이내에 행정소송을 제기할 "
               "수 있습니다(관세법 제129조제1항제2호, 제120조제3항). 이 기간은 불변기간입니다"
               "(제120조제6항).",
               "90d"),
        DECISION_RECEIVED,
    ),
    NoticeKind(
        "revision_order", "보정요구서", "Order to Revise", "Art. 123(1)",
        "the matters to revise and the period, at most 20 days",
        remedies.revision,
    ),
    NoticeKind(
        "execution_suspension", "집행정지 결정 통지서", "Decision on the Suspension of Execution",
        "Art. 125(1)-(2)", "whether the execution of the disposition is suspended, and why",
    ),
    NoticeKind(
        "reinvestigation_result", "재조사 결과 통지서", "Result of the Reinvestigation",
        "Art. 128(5)",
        "the disposition taken on the findings of the reinvestigation and how to contest it",
        remedies.reinvestigation_result,
        ServiceEffect("record_result_served", "result_served_on"),
    ),
    NoticeKind(
        "pre_assessment_notice", "과세전통지서", "Pre-Assessment Notice", "Art. 118(1)",
        "the shortage to be collected and its grounds; the 30 days to request a pre-assessment "
        "review (Art. 118(2))",
        Remedy("Art. 118(2); 118(5)",
               "You may request a review of the legality of this notice (pre-assessment review) "
               "from the head of the customs office within 30 days from the date you receive "
               "this notice (Art. 118(2)). You may instead ask for the duties to be rectified "
               "at once as notified (early rectification, Art. 118(5)).",
               "이 통지서를 받은 날부터 30일 이내에 세관장에게 통지 내용의 적법성에 관한 "
               "심사(과세전적부심사)를 청구할 수 있습니다(관세법 제118조제2항). 통지받은 내용의 "
               "전부 또는 일부에 대하여 조기에 경정해 줄 것을 신청할 수도 있습니다"
               "(제118조제5항).",
               "30d"),
        ServiceEffect("record_service", "notice_received_on"),
    ),
    NoticeKind(
        "pre_assessment_decision", "과세전적부심사 결정 통지서",
        "Decision on the Pre-Assessment Review", "Art. 118(3)-(4)",
        "the decision of Art. 118(4) and its reasons",
    ),
    NoticeKind(
        "permission_decision", "허가 여부 통지서", "Decision on the Application",
        PERMISSION_PARAGRAPH,
        "whether permission is granted, within the processing period; a refusal with reasons "
        "and the appeal open against it (Arts. 119, 121(1), 132)",
        remedies.permission_decision,
    ),
    NoticeKind(
        "processing_extension", "처리기간 연장 통지서", "Extension of the Processing Period",
        PERMISSION_PARAGRAPH,
        "the extension, its reasons and the new end of the period, within the running period",
        remedies.processing_extension,
    ),
    NoticeKind(
        "deemed_grant_confirmation", "허가 간주 확인서", "Confirmation that Permission Is Deemed "
        "Granted", PERMISSION_PARAGRAPH,
        "that no decision was notified within the period and from which day permission is "
        "deemed granted",
    ),
    NoticeKind(
        "aeo_pre_audit_result", "예비심사 결과 통지서", "Result of the Preliminary Audit",
        "Art. 255-2(4)",
        "the result of the preliminary audit on the matters requested; the audit that follows "
        "shall consider it",
    ),
    NoticeKind(
        "aeo_certificate", "수출입 안전관리 우수업체 공인증서",
        "Certificate of Authorized Economic Operator", "Art. 255-2(1), (5)",
        "the operator, its business type and grade, the certificate's number and its term of "
        "five years (from, to)",
    ),
    NoticeKind(
        "aeo_refusal", "공인 거부 통지서", "Refusal of AEO Certification", "Art. 255-2(1)",
        "the standards not met, with reasons; the appeal against the refusal (Art. 119)",
        remedies.by_disposing_authority,
    ),
    NoticeKind(
        "aeo_suspension", "혜택 정지 통지서", "Suspension of AEO Benefits", "Art. 255-3(3)",
        "the ground, the benefits suspended (all or part), the first and last day (at most six "
        "months); the appeal (Art. 119)",
        remedies.by_disposing_authority,
    ),
    NoticeKind(
        "aeo_corrective_order", "시정명령서", "Corrective Order", "Art. 255-3(4)",
        "the ground to correct, the measures, the last day to comply, and that failing to comply "
        "without good cause is a ground of revocation (Art. 255-5 5); the appeal (Art. 119)",
        remedies.by_disposing_authority,
    ),
    NoticeKind(
        "aeo_renewal_refusal", "갱신 거부 통지서", "Refusal to Renew the AEO Certification",
        "Art. 255-2(5)",
        "the reasons, and the day the certification ends with its term; the appeal (Art. 119)",
        remedies.by_disposing_authority,
    ),
    NoticeKind(
        "aeo_revocation", "공인 취소 통지서", "Revocation of AEO Certification", "Art. 255-5",
        "the ground (subparagraph of Art. 255-5), the reasons and the day it takes effect; the "
        "appeal (Art. 119)",
        remedies.by_disposing_authority,
    ),
    NoticeKind(
        "offense_notification", "통고서", "Notice of Notification Disposition",
        "Art. 314(2)",
        "name, age, sex, occupation and address of the offender; the amount equivalent to the "
        "fine, the goods to be forfeited, the amount equivalent to the additional collection; "
        "the facts; the provisions applied; the place of performance; the date; signed and "
        "sealed by the disposing official (314); served in person or by registered mail only "
        "(288, 315)",
        remedies.OFFENCE_COMPLIANCE,
        ServiceEffect("record_service", "served_on", method_field="service_method",
                      reference_field="receipt_certificate"),
        service_methods=("direct", "in_person", "mail"), service_needs_reference=True,
    ),
    NoticeKind(
        "seized_goods_sale", "압수물품 매각 통고서", "Notice of the Sale of Seized Goods",
        "Art. 303(3)-(4)",
        "to the suspect or an interested person: the goods, the ground of 303(3) and that they "
        "are to be sold, the proceeds kept or deposited; after the sale when there was no time "
        "before (303(3) proviso); published where the person cannot be found (303(4), 160(5))",
        public_notice="Art. 303(4); 160(5)",
    ),
    NoticeKind(
        "seized_goods_disposal", "압수물품 폐기 통고서", "Notice of the Disposal of Seized Goods",
        "Art. 304",
        "to the suspect or an interested person: the goods and the ground of 304(1) for their "
        "disposal; immediately after it when there was no time before (304(1) proviso); "
        "published where the person cannot be found (304(2), 160(5))",
        public_notice="Art. 304(2); 160(5)",
    ),
    NoticeKind(
        "bonded_area_licence", "특허보세구역 설치·운영 특허장",
        "Licence to Establish and Operate a Bonded Area", "Art. 174(1); 176",
        "the operator, the type and location of the area, the licensed matters, the term "
        "(at most 10 years, 176) and its number",
    ),
    NoticeKind(
        "bonded_area_refusal", "특허보세구역 특허 거부 통지서",
        "Refusal of a Bonded-Area Licence", "Art. 174(3); 175",
        "the ground (the requirements of 174(3), or a disqualification of 175 with its "
        "article and last day) and the appeal open against it",
        APPEAL_WITHIN_90_DAYS,
    ),
    NoticeKind(
        "bonded_area_suspension", "물품반입 등 정지 처분 통지서",
        "Suspension of the Entry of Goods into a Bonded Area", "Art. 178(1)",
        "the ground of 178(1), the scope (entry of goods, bonded work, sale, exhibition), the "
        "period of at most six months and its last day, and the appeal open against it",
        APPEAL_WITHIN_90_DAYS,
    ),
    NoticeKind(
        "bonded_area_surcharge", "과징금 부과 통지서",
        "Penalty Surcharge instead of a Suspension", "Art. 178(3)-(4)",
        "the annual sales from operating the area, the days of the suspension it replaces, "
        "the surcharge (at most 3/100 of the sales) and its computation, its due date, "
        "collection as national taxes when unpaid (178(4), 26), and the appeal",
        APPEAL_WITHIN_90_DAYS,
    ),
    NoticeKind(
        "bonded_area_revocation", "특허보세구역 특허 취소 통지서",
        "Revocation of a Bonded-Area Licence", "Art. 178(2)",
        "the ground of 178(2), the bar of 175 6(a) it opens, the wind-down that follows "
        "(182), and the appeal open against it",
        APPEAL_WITHIN_90_DAYS,
    ),
    NoticeKind(
        "bonded_area_wind_down", "특허의제기간 지정 통지서",
        "Period Fixed for the Goods Still Stored", "Art. 182",
        "the foreign goods still stored, the period of at most six months during which the "
        "area is deemed licensed for them and its last day, and the duty to ship them out "
        "promptly (182(1))",
    ),
    NoticeKind(
        "bonded_goods_ship_out_order", "반출 명령서", "Order to Ship Goods Out of a Bonded Area",
        "Art. 177(2)",
        "the goods and their declaration, the storage period they are ordered out within, the "
        "last day to ship them out, what not complying leads to (178(1)2), and the appeal",
        APPEAL_WITHIN_90_DAYS,
    ),
    NoticeKind(
        "revocation", "간주허가 취소 통지서", "Revocation of the Deemed Permission",
        "revocation of a deemed permission [Assumption]; appealable (Art. 119)",
        "the revocation, its reasons and the appeal open against it",
        APPEAL_WITHIN_90_DAYS,
    ),
)}


def notice_kind(code: str) -> NoticeKind:
    try:
        return KINDS[code]
    except KeyError:
        raise KeyError(f"no notice kind {code!r}; known: {', '.join(sorted(KINDS))}") from None
