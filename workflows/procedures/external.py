"""Appeals decided outside the customs service, tracked here: adjudication by the Tax Tribunal
(Art. 131, under the Framework Act on National Taxes) and examination by the Board of Audit and
Inspection (Art. 119(5)-(7)).

The office records the filing (date, external case number), the decision and the day it was
received. Only one of a request for examination, a request for adjudication and a BAI
examination may be pursued against the same disposition (Art. 119(10); a request for examination
filed after, or on the day of, an adjudication request is dismissed under 128(1)1(a)).

The periods, read against the Act:

- BAI examination: filed within 90 days from the day the disposition notice is received
  (119(5)), and the lawsuit within 90 days from receipt of the BAI's decision (119(6)); both are
  peremptory (119(7)). The filing records the day the notice was received, from which the back
  office computes whether it was filed in time (``FILING_PERIODS`` in appeals.py).
- Adjudication: 131 applies Section 3 of Chapter VII of the Framework Act on National Taxes,
  which gives the filing period and the Tax Tribunal's 90 days for its decision [GK: FANT
  Art. 68(1); Art. 65(2) as applied to adjudication] (120(3) proviso refers to "a period for
  decision as prescribed in ... 131"); the lawsuit is due within 90 days from receipt of the
  decision (120(3)), a peremptory period (120(6)).
- The decision periods are the tribunal's: the office records them and can neither extend nor
  waive them; the lawsuit periods are the party's and peremptory: no officer may extend them
  under Art. 10.
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
from workflows.engine.declarations import After
from workflows.procedures.appeals import (
    CLAIMANT_OR_OFFICE,
    FIRST_DATE,
    NOTICE_RECEIVED,
    OFFICE,
    appealable,
    disposition_fields,
    single_route,
)

NOTICE_RECEIVED_ON = Field(
    "notice_received_on", "Disposition notice received on", "처분 통지 수령일", FieldKind.DATE,
    store=True, help="The 90 days for a BAI examination run from it (Art. 119(5)).",
    follows_nothing=FIRST_DATE)


def external_procedure(code: str, body_en: str, body_ko: str, filing_article: str,
                       decision_article: str, lawsuit_article: str,
                       filing_fields: tuple[Field, ...] = (),
                       filed_after: After | None = None) -> Procedure:
    """Declare the tracking of an appeal decided by ``body``; both bodies share the shape.

    :param filing_fields: what else the filing records (the BAI's period runs from the receipt
        of the disposition notice, 119(5)).
    :param filed_after: the date of those fields the filing cannot precede.
    """
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
                                 FieldKind.TEXT, store=True),
                           *filing_fields, filed_after=filed_after)),
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
                                     "결정서 수령일", FieldKind.DATE, store=True,
                                     follows=(After.data("filed_on", f"the request was filed "
                                                                     f"with the {body_en}"),)),
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
                         label_ko=f"{body_ko} 결정",
                         # The tribunal's time limit, not the office's: neither ours to extend
                         # nor to waive.
                         extension="", waiver=""),
            ),
            "decided": (
                Deadline("next_step", "administrative lawsuit", lawsuit_article, "90d",
                         Start.data("decision_served_on", "receipt of the decision"),
                         Expiry.transition("close"), reminders=("14d", "3d"),
                         owed_by=Duty.PARTY, label_ko="행정소송 제기",
                         # A peremptory period (119(7), 120(6)): no Art. 10 extension, and a
                         # party's period is not the office's to waive.
                         extension="", waiver=""),
            ),
        },
    )


ADJUDICATION = external_procedure(
    "adjudication", "Tax Tribunal", "조세심판원",
    "Arts. 119(1), 131 → Framework Act on National Taxes [GK: Art. 68(1), 90 days]",
    "Art. 131 → Framework Act on National Taxes [GK: Art. 65(2) as applied to adjudication, "
    "90 days]",
    "Art. 120(3) (peremptory, 120(6))")
BAI_EXAMINATION = external_procedure(
    "bai_examination", "Board of Audit and Inspection", "감사원",
    "Art. 119(5) (peremptory, 119(7))", "Board of Audit and Inspection Act [GK]",
    "Art. 119(6) (peremptory, 119(7))", filing_fields=(NOTICE_RECEIVED_ON,),
    filed_after=NOTICE_RECEIVED)
