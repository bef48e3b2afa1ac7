"""Request for examination to the Commissioner of the Korea Customs Service (Arts. 121 to 128).

The request is filed through the head of the disposing customs office (122(1)), who forwards it
with the office's opinion within 7 days (122(3)); the Commissioner sends the claimant a copy of
that opinion (122(4)), against which the claimant may submit evidence until the decision (122(5);
the decision period stays 90 days). It must be filed within 90 days of receiving the disposition
notice (121(1)), or of the notice of an objection decision (121(2)); when the objection was not
decided in time, from the day after that decision period ended, with no end (121(2) proviso);
within 14 days after an Art. 10 hindrance ends (121(4)). A revision of up to 20 days may be
ordered (123); its period is not counted in the 90 days for a decision (128(2), (4)): the
revision returns the case to the Commissioner, and a period passing unanswered restarts the
clock and opens the dismissal of 128(1)1(c). The decision follows the Customs Appeal Committee
(127(1)) unless its proviso applies, with one re-deliberation at most (127(2)); the decision
period is met by serving the written decision (128(3)). When the 90 days pass without a decision
the claimant may go to court at once and is told so (129(2)2); the next remedy is an
administrative lawsuit within 90 days of receiving the decision (120(3), 129(1)2).
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
    DECISION_SERVED,
    FILED,
    OFFICE,
    appealable,
    attorney_limit,
    decision_period_passed,
    decision_transitions,
    disposition_fields,
    hindrance_fields,
    hindrance_stated,
    one_redeliberation,
    opinion_sent,
    overdue_route_opened,
    posting_date_given,
    record_decision_served,
    refer_transition,
    reinvestigating_state,
    reinvestigation_transitions,
    revision_deadline,
    revision_transitions,
    side_transitions,
    single_route,
    withdraw_transition,
)
from workflows.roles import Role

CODE = "examination"
OPEN_STATES = ("at_customs_office", "forwarded", "in_revision", "revision_lapsed",
               "under_deliberation")
COMMISSIONER_STAGE = ("forwarded", "revision_lapsed")
"""Open states in which the Commissioner holds the request, outside revision and committee."""
COMMISSIONER = frozenset({Role.SUPERVISOR})
"""The Commissioner's decisions are recorded by supervisors (the back office has no KCS HQ role)."""

ROUTES = (
    ("direct", "within 90 days of receiving the disposition notice (Art. 121(1))"),
    ("after_objection", "within 90 days of the notice of an objection decision (Art. 121(2))"),
    ("objection_overdue", "from the day after the objection's decision period ended undecided, "
                          "with no end (Art. 121(2) proviso)"),
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
        State("revision_lapsed", "Revision period passed without a revision", "보정기간 경과",
              "Art. 123(1); 128(1)1(c)"),
        State("under_deliberation", "Before the Customs Appeal Committee", "관세심사위원회 심의",
              "Art. 127(1)"),
        State("decision_overdue", "Decision period passed", "결정기간 경과", "Art. 129(2)2"),
        reinvestigating_state(""),
        State("decided", "Decided", "결정", "Art. 128(1)"),
        State("withdrawn", "Withdrawn", "취하", "withdrawal by the claimant", terminal=True),
        State("closed", "Closed", "종결", "Art. 129(1)2: lawsuit filed or its period passed",
              terminal=True),
    ),
    transitions=(
        Transition(
            "file", (), "at_customs_office", CLAIMANT_OR_OFFICE, "Art. 121; 122(1)",
            "File a request for examination", "심사청구",
            guards=(appealable, single_route, posting_date_given, overdue_route_opened,
                    hindrance_stated),
            reason_field="reasons",
            fields=disposition_fields(
                Field("route", "Filing period that applies", "청구기간", FieldKind.CHOICE,
                      choices=ROUTES, store=True),
                Field("period_starts_on", "The day that period runs from", "기산일",
                      FieldKind.DATE, store=True,
                      follows_nothing="the first date of the request: a receipt, or the day "
                                      "after an objection's decision period, of another case",
                      help="Receipt of the disposition notice or of the objection decision; "
                           "after an undecided objection, the day after the last day of its "
                           "decision period (the request may be filed from that day); the day "
                           "the hindrance ceased."),
                *hindrance_fields(ended_on=False)),
        ),
        Transition("forward", ("at_customs_office",), "forwarded", OFFICE, "Art. 122(3)-(4)",
                   "Forward with the office's opinion", "의견서 첨부 송부",
                   fields=(Field("opinion", "The office's opinion", "의견", FieldKind.LONGTEXT),),
                   reason_field="opinion", notices=("opinion_copy",), counts="opinions_sent"),
        Transition("submit_counter_evidence", (*OPEN_STATES[1:], "decision_overdue"), None,
                   CLAIMANT_OR_OFFICE, "Art. 122(5)", "Submit evidence against the opinion",
                   "반대 증거 제출", guards=(opinion_sent,),
                   fields=(Field("counter_evidence_on", "Submitted on", "제출일", FieldKind.DATE,
                                 store=True, follows=(FILED, After.happened(
                                     "forward", event="the office's opinion was forwarded"))),
                           Field("evidence", "Evidence submitted", "증거", FieldKind.LONGTEXT)),
                   reason_field="evidence"),
        *revision_transitions(("forwarded",), COMMISSIONER, "", returns_to="forwarded"),
        refer_transition((*COMMISSIONER_STAGE, "decision_overdue"), COMMISSIONER,
                         "Art. 127(1)"),
        Transition("request_redeliberation", ("under_deliberation",), "under_deliberation",
                   COMMISSIONER, "Art. 127(2)", "Request re-deliberation", "재심의 요청",
                   guards=(one_redeliberation,),
                   fields=(Field("grounds", "Why the resolution clearly violates the law",
                                 "재심의 사유", FieldKind.LONGTEXT),),
                   reason_field="grounds", counts="redeliberations"),
        Transition("note_overdue", ("at_customs_office", *COMMISSIONER_STAGE,
                                    "under_deliberation"),
                   "decision_overdue", frozenset({SYSTEM}), "Art. 129(2)2",
                   "Decision period passed: notify the claimant", "결정기간 경과 통지",
                   outcome_en="No decision was made within the decision period: you may file an "
                              "administrative lawsuit now, without waiting for it "
                              "(Art. 120(3) proviso; 129(2)2)",
                   outcome_ko="결정기간 내에 결정이 없었습니다. 결정을 기다리지 않고 지금 "
                              "행정소송을 제기할 수 있습니다 (제120조 제3항 단서, "
                              "제129조 제2항 제2호)",
                   notices=("overdue_decision_notice",)),
        *decision_transitions("", "examination_decision", COMMISSIONER, OPEN_STATES,
                              merits_from=COMMISSIONER_STAGE),
        record_decision_served(""),
        *reinvestigation_transitions(""),
        Transition("lawsuit_filed", ("decided", "decision_overdue", "under_deliberation"),
                   "closed", CLAIMANT_OR_OFFICE, "Art. 120(2)-(3)",
                   "Administrative lawsuit filed", "행정소송 제기",
                   guards=(decision_period_passed,),
                   outcome_en="Closed: an administrative lawsuit was filed",
                   outcome_ko="종결: 행정소송이 제기되었습니다"),
        Transition("close", ("decided",), "closed", frozenset({SYSTEM}), "Art. 120(3), (6)",
                   "Close: the period for a lawsuit passed", "종결",
                   outcome_en="The 90 days for an administrative lawsuit passed unused: the "
                              "decision can no longer be challenged",
                   outcome_ko="행정소송 제기기간(90일)이 지나 더 이상 불복할 수 없습니다"),
        *side_transitions((*OPEN_STATES, "decision_overdue")),
        withdraw_transition((*OPEN_STATES, "decision_overdue"), "Withdraw the request"),
    ),
    configured=attorney_limit,
    deadlines={
        "at_customs_office": (
            Deadline("forwarding", "forwarding to the Commissioner with an opinion",
                     "Art. 122(3)", "7d", Start.data("filed_on", "receipt of the request"),
                     Expiry.escalate(), reminders=("2d", "1d"),
                     label_ko="의견서 첨부 관세청장 송부",
                     waiver="an internal time limit of the office: late forwarding has no "
                            "legal effect on the request (Art. 122(3))"),
            Deadline("decision", "written decision served on the claimant", "Art. 128(2)",
                     "90d", Start.data("filed_on", "filing of the request"),
                     Expiry.transition("note_overdue"), reminders=("14d", "7d", "1d"),
                     met_by=DECISION_SERVED, met_on="decision_served_on",
                     period_text="90 days; the revision period is not counted (Art. 128(4)); "
                                 "met by serving the written decision (Art. 128(3))",
                     label_ko="심사청구 결정서 송달"),
        ),
        "in_revision": (
            revision_deadline(""),
        ),
        "decided": (
            Deadline("next_step", "administrative lawsuit", "Art. 120(3); 129(1)2", "90d",
                     Start.data("decision_served_on", "receipt of the written decision",
                                optional=True),
                     Expiry.transition("close"), reminders=("14d", "3d"), owed_by=Duty.PARTY,
                     label_ko="행정소송 제기"),
        ),
    },
)
