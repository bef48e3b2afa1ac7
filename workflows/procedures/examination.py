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

from collections.abc import Mapping
from typing import Any

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
from workflows.engine.declarations import After
from workflows.procedures.appeals import (
    CLAIMANT_OR_OFFICE,
    DECISION_SERVED,
    FAMILY_ATTORNEY_SETTING,
    FILED,
    OFFICE,
    ONE_ROUTE,
    appealable,
    attorney_limit,
    decision_period_passed,
    decision_transitions,
    disposition_fields,
    disposition_from_notice,
    filing_period_of,
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
    ("direct", Label("within 90 days of receiving the disposition notice (Art. 121(1))",
                     "처분 통지를 받은 날부터 90일 이내(제121조제1항)")),
    ("after_objection", Label("within 90 days of the notice of an objection decision "
                              "(Art. 121(2))",
                              "이의신청 결정 통지를 받은 날부터 90일 이내(제121조제2항)")),
    ("objection_overdue", Label("from the day after the objection's decision period ended "
                                "undecided, with no end (Art. 121(2) proviso)",
                                "이의신청 결정기간이 결정 없이 지난 날의 다음 날부터, 기한 "
                                "없음(제121조제2항 단서)")),
    ("after_hindrance", Label("within 14 days after an Art. 10 hindrance ended (Art. 121(4))",
                              "제10조의 사유가 소멸한 날부터 14일 이내(제121조제4항)")),
)

def _against_notice(notice: Mapping[str, Any]) -> dict[str, Any]:
    """A request for examination against a notice's disposition: 90 days from its receipt
    (Art. 121(1)), the day the notice was served, where its service is recorded."""
    return {**disposition_from_notice(notice), "route": "direct",
            "period_starts_on": notice["served_on"]}


PROCEDURE = Procedure(
    code=CODE,
    article="Arts. 121 to 128",
    states=(
        State(name="at_customs_office", label=Label("Lodged with the customs office", "세관 접수"),
              article="Art. 122(1)"),
        State(name="forwarded",
              label=Label("Forwarded with the office's opinion", "의견서 첨부 송부"),
              article="Art. 122(3)-(4)"),
        State(name="in_revision", label=Label("Revision ordered", "보정 요구"),
              article="Art. 123; Art. 128(4)", suspends=("decision",)),
        State(name="revision_lapsed",
              label=Label("Revision period passed without a revision", "보정기간 경과"),
              article="Art. 123(1); 128(1)1(c)"),
        State(name="under_deliberation",
              label=Label("Before the Customs Appeal Committee", "관세심사위원회 심의"),
              article="Art. 127(1)"),
        State(name="decision_overdue", label=Label("Decision period passed", "결정기간 경과"),
              article="Art. 129(2)2"),
        reinvestigating_state(""),
        State(name="decided", label=Label("Decided", "결정"), article="Art. 128(1)"),
        State(name="withdrawn", label=Label("Withdrawn", "취하"),
              article="withdrawal by the claimant", terminal=True),
        State(name="closed", label=Label("Closed", "종결"),
              article="Art. 129(1)2: lawsuit filed or its period passed", terminal=True),
    ),
    transitions=(
        Transition(trigger="file", source=(), dest="at_customs_office", roles=CLAIMANT_OR_OFFICE,
                   article="Art. 121; 122(1)",
                   label=Label("File a request for examination", "심사청구"),
                   guards=(appealable, single_route, posting_date_given, overdue_route_opened,
                           hindrance_stated),
                   reason_field="reasons",
                   fields=disposition_fields(
                       Field(name="route", label=Label("Filing period that applies", "청구기간"),
                             kind=FieldKind.CHOICE, choices=ROUTES, store=True),
                       Field(name="period_starts_on",
                             label=Label("The day that period runs from", "기산일"),
                             kind=FieldKind.DATE, store=True,
                             follows_nothing="the first date of the request: a receipt, or the day "
                                             "after an objection's decision period, of another "
                                             "case",
                             help=Label("Receipt of the disposition notice or of the objection "
                                        "decision; after an undecided objection, the day after "
                                        "the last day of its decision period (the request may "
                                        "be filed from that day); the day the hindrance "
                                        "ceased.",
                                        "처분 통지 또는 이의신청 결정 통지를 받은 날. 이의신청이 "
                                        "결정되지 않은 경우에는 결정기간 마지막 날의 다음 날(그 "
                                        "날부터 청구할 수 있습니다). 제10조의 사유가 소멸한 "
                                        "날.")),
                       *hindrance_fields(ended_on=False),
                   )),
        Transition(trigger="forward", source=("at_customs_office",), dest="forwarded", roles=OFFICE,
                   article="Art. 122(3)-(4)",
                   label=Label("Forward with the office's opinion", "의견서 첨부 송부"),
                   fields=(Field(name="opinion", label=Label("The office's opinion", "의견"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="opinion", notices=("opinion_copy",), counts="opinions_sent"),
        Transition(trigger="submit_counter_evidence", source=(*OPEN_STATES[1:], "decision_overdue"),
                   dest=None, roles=CLAIMANT_OR_OFFICE, article="Art. 122(5)",
                   label=Label("Submit evidence against the opinion", "반대 증거 제출"),
                   guards=(opinion_sent,),
                   fields=(Field(name="counter_evidence_on", label=Label("Submitted on", "제출일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(
                                     FILED,
                                     After.happened("forward",
                                                    event="the office's opinion was forwarded"),
                                 )),
                           Field(name="evidence", label=Label("Evidence submitted", "증거"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="evidence"),
        *revision_transitions(("forwarded",), COMMISSIONER, "", returns_to="forwarded"),
        refer_transition((*COMMISSIONER_STAGE, "decision_overdue"), COMMISSIONER,
                         "Art. 127(1)"),
        Transition(trigger="request_redeliberation", source=("under_deliberation",),
                   dest="under_deliberation", roles=COMMISSIONER, article="Art. 127(2)",
                   label=Label("Request re-deliberation", "재심의 요청"),
                   guards=(one_redeliberation,),
                   fields=(Field(name="grounds",
                                 label=Label("Why the resolution clearly violates the law",
                                             "재심의 사유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="grounds", counts="redeliberations"),
        Transition(trigger="note_overdue",
                   source=("at_customs_office", *COMMISSIONER_STAGE, "under_deliberation"),
                   dest="decision_overdue", roles=frozenset({SYSTEM}), article="Art. 129(2)2",
                   label=Label("Decision period passed: notify the claimant", "결정기간 경과 통지"),
                   outcome=Label("No decision was made within the decision period: you may file an "
                                 "administrative lawsuit now, without waiting for it "
                                 "(Art. 120(3) proviso; 129(2)2)",
                                 "결정기간 내에 결정이 없었습니다. 결정을 기다리지 않고 지금 "
                                 "행정소송을 제기할 수 있습니다 (제120조 제3항 단서, "
                                 "제129조 제2항 제2호)"),
                   notices=("overdue_decision_notice",)),
        *decision_transitions("", "examination_decision", COMMISSIONER, OPEN_STATES,
                              merits_from=COMMISSIONER_STAGE),
        record_decision_served(""),
        *reinvestigation_transitions(""),
        Transition(trigger="lawsuit_filed",
                   source=("decided", "decision_overdue", "under_deliberation"), dest="closed",
                   roles=CLAIMANT_OR_OFFICE, article="Art. 120(2)-(3)",
                   label=Label("Administrative lawsuit filed", "행정소송 제기"),
                   guards=(decision_period_passed,),
                   outcome=Label("Closed: an administrative lawsuit was filed",
                                 "종결: 행정소송이 제기되었습니다")),
        Transition(trigger="close", source=("decided",), dest="closed", roles=frozenset({SYSTEM}),
                   article="Art. 120(3), (6)",
                   label=Label("Close: the period for a lawsuit passed", "종결"),
                   outcome=Label("The 90 days for an administrative lawsuit passed unused: the "
                                 "decision can no longer be challenged",
                                 "행정소송 제기기간(90일)이 지나 더 이상 불복할 수 없습니다")),
        *side_transitions((*OPEN_STATES, "decision_overdue")),
        withdraw_transition((*OPEN_STATES, "decision_overdue"), "Withdraw the request"),
    ),
    configured=attorney_limit,
    settings=(FAMILY_ATTORNEY_SETTING,),
    online_filing=True,
    decided_states=frozenset({"decided"}),
    decision_periods=frozenset({"decision"}),
    exclusive=ONE_ROUTE,
    filing_period=filing_period_of(CODE),
    against_notice=_against_notice,
    deadlines={
        "at_customs_office": (
            Deadline(kind="forwarding",
                     label=Label("forwarding to the Commissioner with an opinion",
                                 "의견서 첨부 관세청장 송부"),
                     article="Art. 122(3)", period="7d",
                     start=Start.data("filed_on", "receipt of the request"),
                     on_expiry=Expiry.escalate(), reminders=("2d", "1d"),
                     waiver="an internal time limit of the office: late forwarding has no "
                            "legal effect on the request (Art. 122(3))"),
            Deadline(kind="decision",
                     label=Label("written decision served on the claimant", "심사청구 결정서 송달"),
                     article="Art. 128(2)", period="90d",
                     start=Start.data("filed_on", "filing of the request"),
                     on_expiry=Expiry.transition("note_overdue"), reminders=("14d", "7d", "1d"),
                     met_by=DECISION_SERVED, met_on="decision_served_on",
                     period_text="90 days; the revision period is not counted (Art. 128(4)); "
                                 "met by serving the written decision (Art. 128(3))"),
        ),
        "in_revision": (
            revision_deadline(""),
        ),
        "decided": (
            Deadline(kind="next_step", label=Label("administrative lawsuit", "행정소송 제기"),
                     article="Art. 120(3); 129(1)2", period="90d",
                     start=Start.data("decision_served_on", "receipt of the written decision",
                                      optional=True),
                     on_expiry=Expiry.transition("close"), reminders=("14d", "3d"),
                     owed_by=Duty.PARTY),
        ),
    },
)
