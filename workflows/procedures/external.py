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
    Label,
    Procedure,
    Start,
    State,
    Transition,
)
from workflows.engine.declarations import After, FilingPeriod
from workflows.procedures.appeals import (
    CLAIMANT_OR_OFFICE,
    FIRST_DATE,
    NOTICE_RECEIVED,
    OFFICE,
    ONE_ROUTE,
    appealable,
    disposition_fields,
    filing_period_of,
    single_route,
)

NOTICE_RECEIVED_ON = Field(name="notice_received_on",
                           label=Label("Disposition notice received on", "처분 통지 수령일"),
                           kind=FieldKind.DATE, store=True,
                           help=Label("The 90 days for a BAI examination run from it "
                                      "(Art. 119(5)).",
                                      "감사원 심사청구 기간 90일은 이 날부터 진행합니다"
                                      "(제119조제5항)."),
                           follows_nothing=FIRST_DATE)


def external_procedure(code: str, body_en: str, body_ko: str, filing_article: str,
                       decision_article: str, lawsuit_article: str,
                       filing_fields: tuple[Field, ...] = (),
                       filed_after: After | None = None,
                       filing_period: FilingPeriod | None = None) -> Procedure:
    """Declare the tracking of an appeal decided by ``body``; both bodies share the shape.

    :param filing_fields: what else the filing records (the BAI's period runs from the receipt
        of the disposition notice, 119(5)).
    :param filed_after: the date of those fields the filing cannot precede.
    :param filing_period: the period the filing must arrive within, where the back office
        computes it (the BAI's 90 days, 119(5)).
    """
    return Procedure(
        code=code,
        article=filing_article,
        states=(
            State(name="filed", label=Label(f"Filed with the {body_en}", f"{body_ko} 청구"),
                  article=filing_article),
            State(name="decided", label=Label(f"Decided by the {body_en}", f"{body_ko} 결정"),
                  article=decision_article),
            State(name="withdrawn", label=Label("Withdrawn", "취하"),
                  article="withdrawal by the claimant", terminal=True),
            State(name="closed", label=Label("Closed", "종결"),
                  article=f"{lawsuit_article}: lawsuit filed or period passed", terminal=True),
        ),
        transitions=(
            Transition(trigger="file", source=(), dest="filed", roles=CLAIMANT_OR_OFFICE,
                       article=filing_article,
                       label=Label(f"Record a filing with the {body_en}", f"{body_ko} 청구 기록"),
                       guards=(appealable, single_route), reason_field="reasons",
                       fields=disposition_fields(
                           Field(name="external_reference",
                                 label=Label(f"{body_en} case number", "사건번호"),
                                 kind=FieldKind.TEXT, store=True),
                           *filing_fields, filed_after=filed_after,
                       )),
            Transition(trigger="record_decision", source=("filed",), dest="decided", roles=OFFICE,
                       article=decision_article,
                       label=Label(f"Record the {body_en}'s decision", "결정 기록"),
                       outcome=Label(f"The {body_en} decided: {{outcome}}",
                                     f"{body_ko}의 결정이 있었습니다"),
                       fields=(Field(name="outcome", label=Label("Decision", "결정"),
                                     kind=FieldKind.CHOICE,
                                     choices=(("dismissed", Label("dismissed", "각하")),
                                              ("rejected", Label("rejected", "기각")),
                                              ("accepted", Label("accepted in whole or part",
                                                                 "전부 또는 일부 인용")),
                                              ("reinvestigation", Label("reinvestigation",
                                                                        "재조사 결정"))),
                                     store=True),
                               Field(name="decision_served_on",
                                     label=Label("Decision received on", "결정서 수령일"),
                                     kind=FieldKind.DATE, store=True,
                                     follows=(
                                         After.data("filed_on",
                                                    f"the request was filed "
                                                    f"with the {body_en}"),
                                     )),
                               Field(name="summary", label=Label("Summary", "요지"),
                                     kind=FieldKind.LONGTEXT)),
                       reason_field="summary"),
            Transition(trigger="lawsuit_filed", source=("decided",), dest="closed",
                       roles=CLAIMANT_OR_OFFICE, article=lawsuit_article,
                       label=Label("Administrative lawsuit filed", "행정소송 제기"),
                       outcome=Label("Closed: an administrative lawsuit was filed",
                                     "종결: 행정소송이 제기되었습니다")),
            Transition(trigger="close", source=("decided",), dest="closed",
                       roles=frozenset({SYSTEM}), article=lawsuit_article,
                       label=Label("Close: the period for a lawsuit passed", "종결"),
                       outcome=Label("The 90 days for an administrative lawsuit passed unused: the "
                                     "decision can no longer be challenged",
                                     "행정소송 제기기간(90일)이 지나 더 이상 불복할 수 없습니다")),
            Transition(trigger="withdraw", source=("filed",), dest="withdrawn",
                       roles=CLAIMANT_OR_OFFICE, article="withdrawal",
                       label=Label("Record a withdrawal", "취하 기록"),
                       outcome=Label("Your request was withdrawn", "청구가 취하되었습니다"),
                       fields=(Field(name="reason", label=Label("Reason", "사유"),
                                     kind=FieldKind.LONGTEXT, required=False),),
                       reason_field="reason"),
        ),
        decided_states=frozenset({"decided"}),
        exclusive=ONE_ROUTE,
        filing_period=filing_period,
        deadlines={
            "filed": (
                Deadline(kind="external_decision",
                         label=Label(f"decision of the {body_en}", f"{body_ko} 결정"),
                         article=decision_article, period="90d",
                         start=Start.data("filed_on", "filing"), on_expiry=Expiry.flag(),
                         reminders=("7d",), met_by=("record_decision",), owed_by=Duty.TRIBUNAL,
                         # The tribunal's time limit, not the office's: neither ours to extend
                         # nor to waive.
                         extension="", waiver=""),
            ),
            "decided": (
                Deadline(kind="next_step", label=Label("administrative lawsuit", "행정소송 제기"),
                         article=lawsuit_article, period="90d",
                         start=Start.data("decision_served_on", "receipt of the decision"),
                         on_expiry=Expiry.transition("close"), reminders=("14d", "3d"),
                         owed_by=Duty.PARTY,
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
    filed_after=NOTICE_RECEIVED, filing_period=filing_period_of("bai_examination"))
