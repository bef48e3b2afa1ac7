"""Appeals decided outside the customs service, tracked here: adjudication by the Tax Tribunal
(Art. 131, under the Framework Act on National Taxes) and examination by the Board of Audit and
Inspection (Art. 119(5)-(6)).

The office records the filing (date, external case number), the decision and the day it was
received. Only one of a request for examination, a request for adjudication and a BAI
examination may be pursued against the same disposition (Art. 119(10); a request for examination
filed after, or on the day of, an adjudication request is dismissed under 128(1)1(a)). The
90-day periods are the Act's for filing (119(5)) and for the lawsuit after the decision (119(6),
120(3)); the Tax Tribunal's 90 days for its decision come from the Framework Act [GK].
"""

from __future__ import annotations

from workflows.engine import (
    SYSTEM,
    Deadline,
    Duty,
    Expiry,
    Field,
    FieldKind,
    Procedure,
    Start,
    State,
    Transition,
)
from workflows.procedures.appeals import (
    CLAIMANT_OR_OFFICE,
    OFFICE,
    appealable,
    disposition_fields,
    single_route,
)


def external_procedure(code: str, body_en: str, body_ko: str, filing_article: str,
                       decision_article: str, lawsuit_article: str) -> Procedure:
    """Declare the tracking of an appeal decided by ``body``; both bodies share the shape."""
    return Procedure(
        code=code,
        article=filing_article,
        states=(
            State("filed", f"Filed with the {body_en}", f"{body_ko} 청구", filing_article),
            State("decided", f"Decided by the {body_en}", f"{body_ko} 결정", decision_article),
            State("withdrawn", "Withdrawn", "취하", "withdrawal by the claimant", terminal=True),
            State("closed", "Closed", "종결", f"{lawsuit_article}: lawsuit filed or period passed",
                  terminal=True),
        ),
        transitions=(
            Transition("file", (), "filed", CLAIMANT_OR_OFFICE, filing_article,
                       f"Record a filing with the {body_en}", f"{body_ko} 청구 기록",
                       guards=(appealable, single_route), reason_field="reasons",
                       fields=disposition_fields(
                           Field("external_reference", f"{body_en} case number", "사건번호",
                                 FieldKind.TEXT, store=True))),
            Transition("record_decision", ("filed",), "decided", OFFICE, decision_article,
                       f"Record the {body_en}'s decision", "결정 기록",
                       outcome_en=f"The {body_en} decided: {{outcome}}",
                       outcome_ko=f"{body_ko}의 결정이 있었습니다",
                       fields=(Field("outcome", "Decision", "결정", FieldKind.CHOICE,
                                     choices=(("dismissed", "dismissed"),
                                              ("rejected", "rejected"),
                                              ("accepted", "accepted in whole or part"),
                                              ("reinvestigation", "reinvestigation")),
                                     store=True),
                               Field("decision_served_on", "Decision received on",
                                     "결정서 수령일", FieldKind.DATE, store=True),
                               Field("summary", "Summary", "요지", FieldKind.LONGTEXT)),
                       reason_field="summary"),
            Transition("lawsuit_filed", ("decided",), "closed", CLAIMANT_OR_OFFICE,
                       lawsuit_article, "Administrative lawsuit filed", "행정소송 제기",
                       outcome_en="Closed: an administrative lawsuit was filed",
                       outcome_ko="종결: 행정소송이 제기되었습니다"),
            Transition("close", ("decided",), "closed", frozenset({SYSTEM}), lawsuit_article,
                       "Close: the period for a lawsuit passed", "종결",
                       outcome_en="The 90 days for an administrative lawsuit passed unused: the "
                                  "decision can no longer be challenged",
                       outcome_ko="행정소송 제기기간(90일)이 지나 더 이상 불복할 수 없습니다"),
            Transition("withdraw", ("filed",), "withdrawn", CLAIMANT_OR_OFFICE,
                       "withdrawal", "Record a withdrawal", "취하 기록",
                       outcome_en="Your request was withdrawn", outcome_ko="청구가 취하되었습니다",
                       fields=(Field("reason", "Reason", "사유", FieldKind.LONGTEXT,
                                     required=False),),
                       reason_field="reason"),
        ),
        deadlines={
            "filed": (
                Deadline("external_decision", f"decision of the {body_en}", decision_article,
                         "90d", Start.data("filed_on", "filing"), Expiry.flag(),
                         reminders=("7d",), met_by=("record_decision",),
                         owed_by=Duty.TRIBUNAL,
                         label_ko=f"{body_ko} 결정"),
            ),
            "decided": (
                Deadline("next_step", "administrative lawsuit", lawsuit_article, "90d",
                         Start.data("decision_served_on", "receipt of the decision"),
                         Expiry.transition("close"), reminders=("14d", "3d"),
                         owed_by=Duty.PARTY, label_ko="행정소송 제기"),
            ),
        },
    )


ADJUDICATION = external_procedure(
    "adjudication", "Tax Tribunal", "조세심판원", "Art. 131 (Framework Act on National Taxes)",
    "Art. 131 → Framework Act on National Taxes Art. 65 [GK: 90 days]", "Art. 120(3)")
BAI_EXAMINATION = external_procedure(
    "bai_examination", "Board of Audit and Inspection", "감사원", "Art. 119(5)",
    "Board of Audit and Inspection Act [GK]", "Art. 119(6)")
