"""Objection to the head of the customs office that took the disposition (Art. 132).

Art. 132(4) applies Arts. 121, 122(2), 123, 127 and 128 to objections, reading the 90 days of
Art. 128(2) as 30 days, or 60 days once the objector submits evidence against the office's
written opinion (132(6)). No objection lies where the Commissioner investigated, decided or
processed the disposition, nor against an objection decision or a disposition based on a
reinvestigation decision (119(2), (4)). The written opinion is due within 7 days of receipt
(132(5)) and may still be sent after a referral; evidence against it is received until the
decision. A revision order of up to 20 days (123) stops the decision clock for the revision
period only (128(4)): the revision returns the case to the office, and a period passing
unanswered restarts the clock and opens the dismissal of 128(1)1(c). The decision follows the
Customs Appeal Committee's deliberation (132(2); 127(1) and its proviso via 132(4)) and is one
of Art. 128(1): dismissal on a ground of 128(1)1(a)-(e), rejection, acceptance in full or in
part, or reinvestigation; the decision period is met by serving the written decision (128(3)).
When the decision period passes without a decision, the office must tell the objector that the
next step is open (Art. 129(2)); the case stays open for a late decision, and may still be
referred. Every decision states the next remedy, a request for examination or adjudication
within 90 days of receiving it (129(1)1); when that period passes unused, the case closes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from workflows.clock import seoul_date
from workflows.engine import (
    SYSTEM,
    Context,
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
from workflows.engine.declarations import After, FollowOn
from workflows.procedures.appeals import (
    CLAIMANT_OR_OFFICE,
    DECISION_SERVED,
    DECISIONS,
    EXCLUDED_DISPOSITIONS,
    FAMILY_ATTORNEY_SETTING,
    FILED,
    FIRST_DATE,
    NOTICE_RECEIVED,
    OFFICE,
    appealable,
    attorney_limit,
    decision_period_passed,
    decision_transitions,
    disposition_fields,
    disposition_from_notice,
    filing_period_of,
    hindrance_fields,
    hindrance_stated,
    objection_available,
    one_redeliberation,
    opinion_not_sent,
    opinion_sent,
    posting_date_given,
    record_decision_served,
    refer_transition,
    reinvestigating_state,
    reinvestigation_transitions,
    revision_deadline,
    revision_transitions,
    side_transitions,
    withdraw_transition,
)
from workflows.roles import Role

__all__ = ["EXCLUDED_DISPOSITIONS", "PROCEDURE"]

CODE = "objection"
OPEN_STATES = ("filed", "opinion_issued", "in_revision", "revision_lapsed", "revised",
               "under_deliberation")
OFFICE_STAGE = ("filed", "opinion_issued", "revised", "revision_lapsed")
"""Open states in which the case is with the office, not before the committee or revision."""
ROUTES = (
    ("direct", Label("within 90 days of receiving the disposition notice (Art. 121(1) via "
                     "132(4))",
                     "처분 통지를 받은 날부터 90일 이내(제132조제4항에 따른 제121조제1항)")),
    ("after_hindrance", Label("within 14 days after an Art. 10 hindrance ended (Art. 121(4) "
                              "via 132(4))",
                              "제10조의 사유가 소멸한 날부터 14일 이내(제132조제4항에 따른 "
                              "제121조제4항)")),
)
OPINION = Field(name="opinion",
                label=Label("Grounds, reasons and facts of the disposition",
                            "처분의 근거·이유·사실"),
                kind=FieldKind.LONGTEXT)
WITHDRAWAL = "Art. 126(4)"
"""The Act has no withdrawal article for objections (132(4) does not apply 120(1), through which
the Administrative Appeals Act's Art. 42 governs an examination); 126(4) presupposes one."""


def _decision_period(context: Context) -> str:
    """30 days; 60 once evidence against the written opinion is submitted (Art. 132(4), (6))."""
    return "60d" if context.data.get("counter_evidence_on") else "30d"


def _opinion(trigger: str, sources: tuple[str, ...], dest: str, label_en: str) -> Transition:
    return Transition(trigger=trigger, source=sources, dest=dest, roles=OFFICE,
                      article="Art. 132(5)", label=Label(label_en, "의견서 송부"),
                      guards=(opinion_not_sent,), fields=(OPINION,), reason_field="opinion",
                      notices=("written_opinion",), counts="opinions_sent")


def _examination_route(context: Context) -> tuple[str, str] | str:
    """The filing route of a request for examination after this objection and the day its
    period runs from, or why none is open now.

    After a decision is received the 90 days run from its receipt (121(2)). When no decision
    was received within the decision period (none was made, or one was made but not served in
    time, 128(3)), the request may be filed from the day after that period, with no end
    (121(2) proviso, 129(2)1).
    """
    served = context.data.get("decision_served_on")
    if served:
        return "after_objection", served
    period = context.deadlines.get("decision")
    period_end = period.due_date if period is not None else None
    if period_end is not None and seoul_date(context.now) > period_end:
        return "objection_overdue", (period_end + timedelta(days=1)).isoformat()
    return ("the objection was decided: record when its decision was received first, or wait "
            f"until its decision period ends ({period_end}) (Art. 121(2))")


def _examination_values(context: Context, route: tuple[str, str], reasons: str) -> dict:
    """The request for examination against the objection's disposition, filed online today
    (Art. 129-2(2)) on the route and from the day :func:`_examination_route` gives."""
    name, starts = route
    return {"disposition": context.data.get("disposition"),
            "disposition_ref": context.data.get("disposition_ref"),
            "disposition_kind": context.data.get("disposition_kind"), "route": name,
            "period_starts_on": starts, "filed_on": seoul_date(context.now).isoformat(),
            "filing_rule": "online", "reasons": reasons}


REQUEST_FOR_EXAMINATION = FollowOn(
    opens="examination", trigger="next_step_filed", trigger_values={"next_step": "examination"},
    route=_examination_route, values=_examination_values, reference_key="after_objection",
    unavailable="a request for examination follows a decided or overdue objection")
"""From a decided or overdue objection the objector files a request for examination on the
objection's own page (Arts. 121(2), 129); the objection closes with it."""


def _against_notice(notice: Mapping[str, Any]) -> dict[str, Any]:
    """An objection against a notice's disposition: 90 days from its receipt (Art. 121(1)
    via 132(3)), the day the notice was served, where its service is recorded."""
    return {**disposition_from_notice(notice), "notice_received_on": notice["served_on"]}


PROCEDURE = Procedure(
    code=CODE,
    article="Art. 132 (with Arts. 121, 122(2), 123, 127, 128, 129)",
    states=(
        State(name="filed", label=Label("Objection filed", "이의신청 접수"), article="Art. 132(1)"),
        State(name="opinion_issued", label=Label("Written opinion sent", "의견서 송부"),
              article="Art. 132(5)"),
        State(name="in_revision", label=Label("Revision ordered", "보정 요구"),
              article="Art. 123 via 132(4); Art. 128(4)", suspends=("decision",)),
        State(name="revision_lapsed",
              label=Label("Revision period passed without a revision", "보정기간 경과"),
              article="Art. 123(1) via 132(4); 128(1)1(c)"),
        State(name="revised", label=Label("Revision received", "보정서 접수"),
              article="Art. 123(2) via 132(4)"),
        State(name="under_deliberation",
              label=Label("Before the Customs Appeal Committee", "관세심사위원회 심의"),
              article="Art. 132(2)"),
        State(name="decision_overdue", label=Label("Decision period passed", "결정기간 경과"),
              article="Art. 129(2)"),
        reinvestigating_state(" via 132(4)"),
        State(name="decided", label=Label("Decided", "결정"), article="Art. 128(1) via 132(4)"),
        State(name="withdrawn", label=Label("Withdrawn", "취하"),
              article="withdrawal by the objector", terminal=True),
        State(name="closed", label=Label("Closed", "종결"),
              article="Art. 129(1)1: next step filed or its period passed", terminal=True),
    ),
    transitions=(
        Transition(trigger="file", source=(), dest="filed", roles=CLAIMANT_OR_OFFICE,
                   article="Art. 132(1)", label=Label("File an objection", "이의신청"),
                   guards=(appealable, objection_available, posting_date_given, hindrance_stated),
                   reason_field="reasons",
                   fields=disposition_fields(
                       Field(name="commissioner_processed",
                             label=Label("The Commissioner of the Korea Customs Service "
                                         "investigated, decided or processed the disposition "
                                         "(Art. 119(2))",
                                         "관세청장의 조사·결정 또는 처리 대상 처분"),
                             kind=FieldKind.BOOLEAN, store=True),
                       Field(name="notice_received_on",
                             label=Label("Disposition notice received on", "처분 통지 수령일"),
                             kind=FieldKind.DATE, store=True, follows_nothing=FIRST_DATE),
                       Field(name="route", label=Label("Filing period that applies", "청구기간"),
                             kind=FieldKind.CHOICE, required=False, choices=ROUTES, store=True,
                             help=Label("Leave empty for the 90 days from the disposition "
                                        "notice.",
                                        "처분 통지일부터 90일 이내이면 비워 둡니다.")),
                       *hindrance_fields(ended_on=True), filed_after=NOTICE_RECEIVED,
                   )),
        _opinion("issue_opinion", OFFICE_STAGE, "opinion_issued", "Send the written opinion"),
        _opinion("issue_opinion_in_deliberation", ("under_deliberation",), "under_deliberation",
                 "Send the written opinion (case before the committee)"),
        _opinion("issue_opinion_when_overdue", ("decision_overdue",), "decision_overdue",
                 "Send the written opinion (decision period passed)"),
        Transition(trigger="submit_counter_evidence",
                   source=tuple(s for s in (*OPEN_STATES, "decision_overdue") if s != "filed"),
                   dest=None, roles=CLAIMANT_OR_OFFICE, article="Art. 132(6); 132(4) proviso",
                   label=Label("Submit evidence against the opinion", "반대 증거 제출"),
                   guards=(opinion_sent,),
                   fields=(Field(name="counter_evidence_on", label=Label("Submitted on", "제출일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(
                                     FILED,
                                     After.happened("issue_opinion",
                                                    "issue_opinion_in_deliberation",
                                                    "issue_opinion_when_overdue",
                                                    event="the written opinion was sent"),
                                 )),
                           Field(name="evidence", label=Label("Evidence submitted", "증거"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="evidence", recomputes=("decision",)),
        *revision_transitions(("filed", "opinion_issued", "revised"), OFFICE, " via 132(4)",
                              returns_to="revised"),
        refer_transition((*OFFICE_STAGE, "decision_overdue"), OFFICE, "Art. 132(2)"),
        Transition(trigger="request_redeliberation", source=("under_deliberation",),
                   dest="under_deliberation", roles=frozenset({Role.SUPERVISOR}),
                   article="Art. 127(2) via 132(4)",
                   label=Label("Request re-deliberation", "재심의 요청"),
                   guards=(one_redeliberation,),
                   fields=(Field(name="grounds",
                                 label=Label("Why the resolution clearly violates the law",
                                             "재심의 사유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="grounds", counts="redeliberations"),
        Transition(trigger="note_overdue", source=(*OFFICE_STAGE, "under_deliberation"),
                   dest="decision_overdue", roles=frozenset({SYSTEM}), article="Art. 129(2)1",
                   label=Label("Decision period passed: notify the objector", "결정기간 경과 통지"),
                   outcome=Label("No decision was made within the decision period: you may request "
                                 "an examination or adjudication now, without waiting for it "
                                 "(Art. 121(2) proviso; 129(2)1)",
                                 "결정기간 내에 결정이 없었습니다. 결정을 기다리지 않고 지금 "
                                 "심사청구 또는 심판청구를 할 수 있습니다 (제121조 제2항 단서, "
                                 "제129조 제2항 제1호)"),
                   notices=("overdue_decision_notice",)),
        *decision_transitions(" via 132(4)", "objection_decision", OFFICE, OPEN_STATES,
                              merits_from=OFFICE_STAGE),
        record_decision_served(" via 132(4)"),
        *reinvestigation_transitions(" via 132(4)"),
        Transition(trigger="next_step_filed",
                   source=("decided", "decision_overdue", "under_deliberation"), dest="closed",
                   roles=CLAIMANT_OR_OFFICE, article="Art. 121(2); 129(1)1",
                   label=Label("Request for examination or adjudication filed", "심사·심판청구"),
                   guards=(decision_period_passed,),
                   outcome=Label("Closed: a {next_step} was filed",
                                 "종결: 심사청구 또는 심판청구가 제기되었습니다"),
                   fields=(Field(name="next_step", label=Label("Next step", "다음 절차"),
                                 kind=FieldKind.CHOICE,
                                 choices=(("examination", Label("request for examination",
                                                                "심사청구")),
                                          ("adjudication", Label("request for adjudication",
                                                                 "심판청구"))),
                                 store=True),)),
        Transition(trigger="close", source=("decided",), dest="closed", roles=frozenset({SYSTEM}),
                   article="Art. 129(1)1",
                   label=Label("Close: the period for the next step passed", "종결"),
                   outcome=Label("The 90 days for a request for examination or adjudication passed "
                                 "unused: the decision can no longer be appealed",
                                 "심사청구·심판청구 기간(90일)이 지나 더 이상 불복할 수 없습니다")),
        *side_transitions((*OPEN_STATES, "decision_overdue")),
        withdraw_transition((*OPEN_STATES, "decision_overdue"), "Withdraw the objection",
                            article=WITHDRAWAL),
    ),
    configured=attorney_limit,
    settings=(FAMILY_ATTORNEY_SETTING,),
    online_filing=True,
    decided_states=frozenset({"decided"}),
    decision_periods=frozenset({"decision"}),
    filing_period=filing_period_of(CODE),
    follow_on=REQUEST_FOR_EXAMINATION,
    against_notice=_against_notice,
    deadlines={
        "filed": (
            Deadline(kind="opinion",
                     label=Label("written opinion to the objector", "이의신청인에게 의견서 송부"),
                     article="Art. 132(5)", period="7d",
                     start=Start.data("filed_on", "receipt of the objection"),
                     on_expiry=Expiry.escalate(), reminders=("2d", "1d"),
                     met_by=("issue_opinion", "issue_opinion_in_deliberation",
                             "issue_opinion_when_overdue", *DECISIONS),
                     waiver="an internal time limit of the office: a late opinion has no legal "
                            "effect on the objection, which may still be decided (Art. 132(5))"),
            Deadline(kind="decision",
                     label=Label("written decision served on the objector", "이의신청 결정서 송달"),
                     article="Art. 132(4) → 128(2)", period=_decision_period,
                     start=Start.data("filed_on", "filing of the objection"),
                     on_expiry=Expiry.transition("note_overdue"), reminders=("7d", "3d", "1d"),
                     met_by=DECISION_SERVED, met_on="decision_served_on",
                     period_text="30 days; 60 once evidence is submitted under Art. 132(6); "
                                 "the revision period is not counted (Art. 128(4)); met by "
                                 "serving the written decision (Art. 128(3))"),
        ),
        "in_revision": (
            revision_deadline(" via 132(4)"),
        ),
        "decided": (
            Deadline(kind="next_step",
                     label=Label("request for examination or adjudication",
                                 "심사청구 또는 심판청구"),
                     article="Art. 121(2); 129(1)1", period="90d",
                     start=Start.data("decision_served_on", "receipt of the written decision",
                                      optional=True),
                     on_expiry=Expiry.transition("close"), reminders=("14d", "3d"),
                     owed_by=Duty.PARTY),
        ),
    },
)
