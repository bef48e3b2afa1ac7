"""Objection to the head of the customs office that took the disposition (Art. 132).

Art. 132(4) applies Arts. 121, 122(2), 123, 127 and 128 to objections, reading the 90 days of
Art. 128(2) as 30 days, or 60 days once the objector submits evidence against the office's
written opinion (132(6)). The written opinion is due within 7 days of receipt (132(5)); a
revision order of up to 20 days (123) stops the decision clock (128(4)); the decision follows
the Customs Appeal Committee's deliberation (132(2)) and is one of Art. 128(1): dismissal on a
ground of 128(1)1(a)-(e), rejection, acceptance in full or in part, or reinvestigation. When the
decision period passes without a decision, the office must tell the objector that the next step
is open (Art. 129(2)); the case stays open for a late decision. Every decision states the next
remedy, a request for examination or adjudication within 90 days of receiving it (129(1)1);
when that period passes unused, the case closes.
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
from workflows.procedures.appeals import (
    CLAIMANT_OR_OFFICE,
    DECISIONS,
    EXCLUDED_DISPOSITIONS,
    OFFICE,
    appealable,
    decision_transitions,
    disposition_fields,
    one_redeliberation,
    record_decision_served,
    revision_deadline,
    revision_transitions,
    side_transitions,
    withdraw_transition,
)
from workflows.roles import Role

__all__ = ["EXCLUDED_DISPOSITIONS", "PROCEDURE"]

CODE = "objection"
OPEN_STATES = ("filed", "opinion_issued", "in_revision", "under_deliberation")


def _decision_period(context: Context) -> str:
    """30 days; 60 once evidence against the written opinion is submitted (Art. 132(4), (6))."""
    return "60d" if context.data.get("counter_evidence_on") else "30d"

PROCEDURE = Procedure(
    code=CODE,
    article="Art. 132 (with Arts. 121, 122(2), 123, 127, 128, 129)",
    states=(
        State("filed", "Objection filed", "이의신청 접수", "Art. 132(1)"),
        State("opinion_issued", "Written opinion sent", "의견서 송부", "Art. 132(5)"),
        State("in_revision", "Revision ordered", "보정 요구", "Art. 123 via 132(4); Art. 128(4)",
              suspends=("decision",)),
        State("under_deliberation", "Before the Customs Appeal Committee", "관세심사위원회 심의",
              "Art. 132(2)"),
        State("decision_overdue", "Decision period passed", "결정기간 경과", "Art. 129(2)"),
        State("decided", "Decided", "결정", "Art. 128(1) via 132(4)"),
        State("withdrawn", "Withdrawn", "취하", "withdrawal by the objector", terminal=True),
        State("closed", "Closed", "종결", "Art. 129(1)1: next step filed or its period passed",
              terminal=True),
    ),
    transitions=(
        Transition(
            "file", (), "filed", CLAIMANT_OR_OFFICE, "Art. 132(1)", "File an objection",
            "이의신청", guards=(appealable,), reason_field="reasons",
            fields=disposition_fields(
                Field("notice_received_on", "Disposition notice received on", "처분 통지 수령일",
                      FieldKind.DATE, store=True)),
        ),
        Transition("issue_opinion", ("filed",), "opinion_issued", OFFICE, "Art. 132(5)",
                   "Send the written opinion", "의견서 송부",
                   fields=(Field("opinion", "Grounds, reasons and facts of the disposition",
                                 "처분의 근거·이유·사실", FieldKind.LONGTEXT),),
                   reason_field="opinion", notices=("written_opinion",)),
        Transition("submit_counter_evidence", ("opinion_issued",), "opinion_issued",
                   CLAIMANT_OR_OFFICE, "Art. 132(6); 132(4) proviso",
                   "Submit evidence against the opinion", "반대 증거 제출",
                   fields=(Field("counter_evidence_on", "Submitted on", "제출일", FieldKind.DATE,
                                 store=True),
                           Field("evidence", "Evidence submitted", "증거", FieldKind.LONGTEXT)),
                   reason_field="evidence", recomputes=("decision",)),
        *revision_transitions(("filed", "opinion_issued"), OFFICE, " via 132(4)"),
        Transition("refer_to_committee", ("filed", "opinion_issued"), "under_deliberation",
                   OFFICE, "Art. 132(2)", "Refer to the Customs Appeal Committee",
                   "관세심사위원회 회부"),
        Transition("request_redeliberation", ("under_deliberation",), "under_deliberation",
                   frozenset({Role.SUPERVISOR}), "Art. 127(2) via 132(4)",
                   "Request re-deliberation", "재심의 요청", guards=(one_redeliberation,),
                   fields=(Field("grounds", "Why the resolution clearly violates the law",
                                 "재심의 사유", FieldKind.LONGTEXT),),
                   reason_field="grounds", counts="redeliberations"),
        Transition("note_overdue", ("filed", "opinion_issued", "under_deliberation"),
                   "decision_overdue", frozenset({SYSTEM}), "Art. 129(2)1",
                   "Decision period passed: notify the objector", "결정기간 경과 통지",
                   outcome_en="No decision was made within the decision period: you may request "
                              "an examination or adjudication now, without waiting for it "
                              "(Art. 121(2) proviso; 129(2)1)",
                   outcome_ko="결정기간 내에 결정이 없었습니다. 결정을 기다리지 않고 지금 심사청구 "
                              "또는 심판청구를 할 수 있습니다 (제121조 제2항 단서, 제129조 제2항 "
                              "제1호)",
                   notices=("overdue_decision_notice",)),
        *decision_transitions(" via 132(4)", "objection_decision", OFFICE, OPEN_STATES),
        record_decision_served(" via 132(4)"),
        Transition("next_step_filed", ("decided", "decision_overdue"), "closed",
                   CLAIMANT_OR_OFFICE, "Art. 121(2); 129(1)1",
                   "Request for examination or adjudication filed", "심사·심판청구",
                   outcome_en="Closed: a {next_step} was filed",
                   outcome_ko="종결: 심사청구 또는 심판청구가 제기되었습니다",
                   fields=(Field("next_step", "Next step", "다음 절차", FieldKind.CHOICE,
                                 choices=(("examination", "request for examination"),
                                          ("adjudication", "request for adjudication")),
                                 store=True),)),
        Transition("close", ("decided",), "closed", frozenset({SYSTEM}), "Art. 129(1)1",
                   "Close: the period for the next step passed", "종결",
                   outcome_en="The 90 days for a request for examination or adjudication passed "
                              "unused: the decision can no longer be appealed",
                   outcome_ko="심사청구·심판청구 기간(90일)이 지나 더 이상 불복할 수 없습니다"),
        *side_transitions((*OPEN_STATES, "decision_overdue")),
        withdraw_transition((*OPEN_STATES, "decision_overdue"), "Withdraw the objection"),
    ),
    deadlines={
        "filed": (
            Deadline("opinion", "written opinion to the objector", "Art. 132(5)", "7d",
                     Start.data("filed_on", "receipt of the objection"), Expiry.escalate(),
                     reminders=("2d", "1d"), met_by=("issue_opinion", *DECISIONS),
                     label_ko="이의신청인에게 의견서 송부"),
            Deadline("decision", "decision on the objection", "Art. 132(4) → 128(2)",
                     _decision_period, Start.data("filed_on", "filing of the objection"),
                     Expiry.transition("note_overdue"), reminders=("7d", "3d", "1d"),
                     met_by=DECISIONS,
                     period_text="30 days; 60 once evidence is submitted under Art. 132(6); "
                                 "the revision period is not counted (Art. 128(4))",
                                 label_ko="이의신청 결정"),
        ),
        "in_revision": (
            revision_deadline(" via 132(4)"),
        ),
        "decided": (
            Deadline("next_step", "request for examination or adjudication",
                     "Art. 121(2); 129(1)1", "90d",
                     Start.data("decision_served_on", "receipt of the written decision",
                                optional=True),
                     Expiry.transition("close"), reminders=("14d", "3d"), owed_by=Duty.PARTY,
                     label_ko="심사청구 또는 심판청구"),
        ),
    },
)
