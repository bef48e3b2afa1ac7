"""Reinvestigation after an appeal decision (Art. 128(1)3 latter part, 128(5); 118(4)2).

A decision to reinvestigate opens this case at the office that took the disposition. It
investigates only within the scope written in the decision, within 60 days from the decision;
it may postpone or suspend the investigation or extend its period (128(5), details by Decree:
configurable). Its result, the revoked, rectified or maintained disposition, is notified; it can
be contested only as Art. 119(3)-(4) and 120(4) allow: no objection against it (119(4)); an
examination or adjudication with the ruling agency that ordered the reinvestigation (119(3)
proviso); or a lawsuit within 90 days of receiving the result, or from the end of the 60 days
when no result came (120(4)1).
"""

from __future__ import annotations

from workflows.engine import (
    SYSTEM,
    Context,
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
from workflows.procedures.appeals import OFFICE

CODE = "reinvestigation"
BASE_DAYS = 60


def _period(context: Context) -> str:
    """60 days from the decision, plus the extensions granted (Art. 128(5))."""
    return f"{BASE_DAYS + int(context.data.get('extended_days', 0))}d"


PROCEDURE = Procedure(
    code=CODE,
    article="Art. 128(1)3 latter part and (5); 118(4)2",
    states=(
        State("investigating", "Reinvestigating within the decided scope", "재조사 중",
              "Art. 128(5)"),
        State("suspended", "Reinvestigation postponed or suspended", "재조사 연기·중지",
              "Art. 128(5) second sentence", suspends=("reinvestigation",)),
        State("result_notified", "Result notified", "재조사 결과 통지", "Art. 128(5)"),
        State("closed", "Closed", "종결", "Art. 119(3)-(4), 120(4)", terminal=True),
    ),
    transitions=(
        Transition("order", (), "investigating", frozenset({*OFFICE, SYSTEM}),
                   "Art. 128(1)3 latter part", "Open the reinvestigation", "재조사 개시",
                   fields=(Field("scope", "Scope written in the decision", "재조사 범위",
                                 FieldKind.LONGTEXT, store=True),
                           Field("decided_on", "Reinvestigation decided on", "재조사 결정일",
                                 FieldKind.DATE, store=True),
                           Field("ordered_by", "Ordered in", "결정 절차", FieldKind.CHOICE,
                                 choices=(("objection", "an objection"),
                                          ("examination", "a request for examination"),
                                          ("adjudication", "an adjudication"),
                                          ("pre_assessment_review", "a pre-assessment review")),
                                 store=True),
                           Field("parent_reference", "Case that ordered it", "원 사건",
                                 FieldKind.TEXT, store=True))),
        Transition("suspend", ("investigating",), "suspended", OFFICE, "Art. 128(5)",
                   "Postpone or suspend the reinvestigation", "연기·중지",
                   fields=(Field("reason", "Reason", "사유", FieldKind.LONGTEXT),),
                   reason_field="reason"),
        Transition("resume", ("suspended",), "investigating", OFFICE, "Art. 128(5)",
                   "Resume the reinvestigation", "재개"),
        Transition("extend", ("investigating",), "investigating", OFFICE, "Art. 128(5)",
                   "Extend the period of the reinvestigation", "기간 연장",
                   fields=(Field("extended_days", "Total extension (days)", "연장 일수",
                                 FieldKind.INTEGER, minimum=1, maximum=60, store=True),
                           Field("reason", "Reason", "사유", FieldKind.LONGTEXT)),
                   reason_field="reason", recomputes=("reinvestigation",)),
        Transition("notify_result", ("investigating",), "result_notified", OFFICE,
                   "Art. 128(5)", "Notify the result", "결과 통지",
                   outcome_en="The result of the reinvestigation: {result}",
                   outcome_ko="재조사 결과가 통지되었습니다",
                   fields=(Field("result", "Result", "결과", FieldKind.CHOICE,
                                 choices=(("revoked", "disposition revoked"),
                                          ("rectified", "disposition rectified"),
                                          ("maintained", "disposition maintained")),
                                 store=True),
                           Field("result_served_on", "Result received on", "결과 수령일",
                                 FieldKind.DATE, store=True, required=False),
                           Field("findings", "Findings", "조사 결과", FieldKind.LONGTEXT)),
                   reason_field="findings", notices=("reinvestigation_result",)),
        Transition("record_result_served", ("result_notified",), "result_notified", OFFICE,
                   "Art. 120(4)1", "Record receipt of the result", "결과 수령 기록",
                   fields=(Field("result_served_on", "Result received on", "결과 수령일",
                                 FieldKind.DATE, store=True),)),
        Transition("contested", ("result_notified",), "closed", OFFICE,
                   "Art. 119(3) proviso, 119(4), 120(4)", "Record that the result was contested",
                   "불복 기록", outcome_en="Closed: the result was contested ({route})",
                   outcome_ko="종결: 재조사 결과에 불복하였습니다",
                   fields=(Field("route", "How", "불복 절차", FieldKind.CHOICE,
                                 choices=(("examination", "request for examination"),
                                          ("adjudication", "request for adjudication"),
                                          ("lawsuit", "administrative lawsuit")),
                                 store=True),)),
        Transition("close", ("result_notified",), "closed", frozenset({SYSTEM}),
                   "Art. 120(4)1", "Close: the period to contest passed", "종결",
                   outcome_en="The 90 days to contest the result passed unused: it can no longer "
                              "be challenged",
                   outcome_ko="불복 기간(90일)이 지나 더 이상 불복할 수 없습니다"),
    ),
    deadlines={
        "investigating": (
            Deadline("reinvestigation", "reinvestigation and its result", "Art. 128(5)",
                     _period, Start.data("decided_on", "the reinvestigation decision"),
                     Expiry.escalate(), reminders=("14d", "3d"), met_by=("notify_result",),
                     period_text="60 days, plus the extensions granted; postponed or "
                                 "suspended days are not counted", label_ko="재조사 및 결과 통지"),
        ),
        "result_notified": (
            Deadline("next_step", "contesting the result", "Art. 120(4)1", "90d",
                     Start.data("result_served_on", "receipt of the result", optional=True),
                     Expiry.transition("close"), reminders=("14d",), owed_by=Duty.PARTY,
                     label_ko="재조사 결과에 대한 불복"),
        ),
    },
)
