"""Request for examination to the Commissioner of the Korea Customs Service (Arts. 121 to 128).

The request is filed through the head of the disposing customs office (122(1)), who forwards it
with the office's opinion within 7 days (122(3)); the Commissioner sends the claimant a copy of
that opinion (122(4)). It must be filed within 90 days of receiving the disposition notice
(121(1)), or of the notice of an objection decision, or, when the objection was not decided in
time, from the end of that decision period (121(2)); within 14 days after an Art. 10 hindrance
ends (121(4)). A revision of up to 20 days may be ordered (123) and is not counted in the 90 days
for a decision (128(2), (4)); the decision follows the Customs Appeal Committee (127(1)), with one
re-deliberation at most (127(2)). When the 90 days pass without a decision the claimant may go
to court at once and is told so (129(2)2); the next remedy is an administrative lawsuit within 90
days of receiving the decision (120(3), 129(1)2).
"""

from __future__ import annotations

from workflows.engine import (
    SYSTEM,
    Deadline,
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
    OFFICE,
    appealable,
    decision_transitions,
    disposition_fields,
    one_redeliberation,
    revision_days,
    side_transitions,
    single_route,
    withdrawal_authorised,
)
from workflows.roles import Role

CODE = "examination"
OPEN_STATES = ("at_customs_office", "forwarded", "in_revision", "under_deliberation")
COMMISSIONER = frozenset({Role.SUPERVISOR})
"""The Commissioner's decisions are recorded by supervisors (the back office has no KCS HQ role)."""

ROUTES = (
    ("direct", "within 90 days of receiving the disposition notice (Art. 121(1))"),
    ("after_objection", "within 90 days of the notice of an objection decision (Art. 121(2))"),
    ("objection_overdue", "after the objection's decision period ended undecided (121(2))"),
    ("after_hindrance", "within 14 days after an Art. 10 hindrance ended (Art. 121(4))"),
)

PROCEDURE = Procedure(
    code=CODE,
    article="Arts. 121 to 128",
    states=(
        State("at_customs_office", "Lodged with the customs office", "세관 접수", "Art. 122(1)"),
        State("forwarded", "Forwarded with the office's opinion", "의견서 첨부 송부",
              "Art. 122(3)-(4)"),
        State("in_revision", "Revision ordered", "보정 요구", "Art. 123; Art. 128(4)",
              suspends=("decision",)),
        State("under_deliberation", "Before the Customs Appeal Committee", "관세심사위원회 심의",
              "Art. 127(1)"),
        State("decision_overdue", "Decision period passed", "결정기간 경과", "Art. 129(2)2"),
        State("decided", "Decided", "결정", "Art. 128(1)"),
        State("withdrawn", "Withdrawn", "취하", "withdrawal by the claimant", terminal=True),
        State("closed", "Closed", "종결", "Art. 129(1)2: lawsuit filed or its period passed",
              terminal=True),
    ),
    transitions=(
        Transition(
            "file", (), "at_customs_office", CLAIMANT_OR_OFFICE, "Art. 121; 122(1)",
            "File a request for examination", "심사청구", guards=(appealable, single_route),
            reason_field="reasons",
            fields=disposition_fields(
                Field("route", "Filing period that applies", "청구기간", FieldKind.CHOICE,
                      choices=ROUTES, store=True),
                Field("period_starts_on", "The day that period runs from", "기산일",
                      FieldKind.DATE, store=True,
                      help="Receipt of the disposition notice or of the objection decision, "
                           "the end of the objection's decision period, or the end of the "
                           "hindrance.")),
        ),
        Transition("forward", ("at_customs_office",), "forwarded", OFFICE, "Art. 122(3)-(4)",
                   "Forward with the office's opinion", "의견서 첨부 송부",
                   fields=(Field("opinion", "The office's opinion", "의견", FieldKind.LONGTEXT),),
                   reason_field="opinion", notices=("opinion_copy",)),
        Transition("order_revision", ("forwarded",), "in_revision", COMMISSIONER, "Art. 123(1)",
                   "Order a revision", "보정 요구",
                   fields=(Field("revision_days", "Revision period (days)", "보정 기간",
                                 FieldKind.INTEGER, minimum=1, maximum=20),
                           Field("matters", "Matters to revise", "보정할 사항",
                                 FieldKind.LONGTEXT)),
                   reason_field="matters", notices=("revision_order",)),
        Transition("revise", ("in_revision",), "under_deliberation", CLAIMANT_OR_OFFICE,
                   "Art. 123(2)", "Revision submitted", "보정서 제출",
                   fields=(Field("revision", "The revision", "보정 내용", FieldKind.LONGTEXT),),
                   reason_field="revision"),
        Transition("refer_to_committee", ("forwarded",), "under_deliberation", COMMISSIONER,
                   "Art. 127(1)", "Refer to the Customs Appeal Committee", "관세심사위원회 회부"),
        Transition("request_redeliberation", ("under_deliberation",), "under_deliberation",
                   COMMISSIONER, "Art. 127(2)", "Request re-deliberation", "재심의 요청",
                   guards=(one_redeliberation,),
                   fields=(Field("grounds", "Why the resolution clearly violates the law",
                                 "재심의 사유", FieldKind.LONGTEXT),),
                   reason_field="grounds", counts="redeliberations"),
        Transition("note_overdue", ("at_customs_office", "forwarded", "under_deliberation"),
                   "decision_overdue", frozenset({SYSTEM}), "Art. 129(2)2",
                   "Decision period passed: notify the claimant", "결정기간 경과 통지",
                   notices=("overdue_decision_notice",)),
        *decision_transitions("", "examination_decision", COMMISSIONER, OPEN_STATES),
        Transition("record_decision_served", ("decided",), "decided", OFFICE, "Art. 128(3)",
                   "Record service of the decision", "결정서 송달 기록",
                   fields=(Field("decision_served_on", "Decision received on", "결정서 수령일",
                                 FieldKind.DATE, store=True),)),
        Transition("lawsuit_filed", ("decided", "decision_overdue"), "closed",
                   CLAIMANT_OR_OFFICE, "Art. 120(2)-(3)", "Administrative lawsuit filed",
                   "행정소송 제기"),
        Transition("close", ("decided",), "closed", frozenset({SYSTEM}), "Art. 120(3), (6)",
                   "Close: the period for a lawsuit passed", "종결"),
        *side_transitions((*OPEN_STATES, "decision_overdue")),
        Transition("withdraw", (*OPEN_STATES, "decision_overdue"), "withdrawn",
                   CLAIMANT_OR_OFFICE, "Art. 120(1) (Administrative Appeals Act Art. 42)",
                   "Withdraw the request", "취하",
                   guards=(withdrawal_authorised,),
                   fields=(Field("reason", "Reason", "사유", FieldKind.LONGTEXT,
                                 required=False),
                           Field("by_attorney", "Withdrawn by the attorney", "대리인 취하",
                                 FieldKind.BOOLEAN)),
                   reason_field="reason"),
    ),
    deadlines={
        "at_customs_office": (
            Deadline("forwarding", "forwarding to the Commissioner with an opinion",
                     "Art. 122(3)", "7d", Start.data("filed_on", "receipt of the request"),
                     Expiry.escalate(), reminders=("2d", "1d")),
            Deadline("decision", "decision on the request", "Art. 128(2)", "90d",
                     Start.data("filed_on", "filing of the request"),
                     Expiry.transition("note_overdue"), reminders=("14d", "7d", "1d"),
                     met_by=DECISIONS),
        ),
        "in_revision": (
            Deadline("revision", "revision period", "Art. 123(1)", revision_days,
                     Start.entered("the revision order"), Expiry.flag(), reminders=("1d",),
                     period_text="the days ordered (at most 20)"),
        ),
        "decided": (
            Deadline("next_step", "administrative lawsuit", "Art. 120(3); 129(1)2", "90d",
                     Start.data("decision_served_on", "receipt of the written decision",
                                optional=True),
                     Expiry.transition("close"), reminders=("14d", "3d")),
        ),
    },
)
