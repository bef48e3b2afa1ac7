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
    Expiry,
    Field,
    FieldKind,
    Procedure,
    Start,
    State,
    Transition,
)
from workflows.roles import Role

CODE = "objection"
OFFICE = frozenset({Role.OFFICER, Role.SUPERVISOR})
CLAIMANT_OR_OFFICE = frozenset({*OFFICE, Role.DUTY_PAYER})

EXCLUDED_DISPOSITIONS = {
    "notification": "a notification disposition under this Act (Art. 119(1)1)",
    "bai": "a disposition made after a BAI examination, or on the BAI's request (Art. 119(1)2)",
    "administrative_fine": "an administrative fine (Art. 119(1)3 [digest: 119(1)])",
}
DISPOSITION_KINDS = (
    ("assessment", "duty assessment or payment notice"),
    ("refund_refusal", "refusal of a refund or rectification"),
    ("classification", "tariff classification or valuation"),
    ("other", "another disposition under the Act"),
    ("notification", "notification disposition (Art. 311) — excluded"),
    ("bai", "BAI-related disposition — excluded"),
    ("administrative_fine", "administrative fine — excluded"),
)
FILING_RULES = (
    ("at_office", "lodged at the disposing customs office"),
    ("other_office", "lodged at another customs office or the Commissioner (Art. 122(2))"),
    ("online", "filed online: counts when transmitted (Art. 129-2(2))"),
    ("posted_late", "posted in time, arrived late: the last day of the period (Art. 121(3))"),
    ("postmaster", "handed to the postmaster (Art. 132(1))"),
)
DISMISSAL_GROUNDS = (
    ("a", "(a) filed after, or on the same day as, a request for adjudication"),
    ("b", "(b) filed after the period of Art. 121"),
    ("c", "(c) the revision was not made within the period of Art. 123"),
    ("d", "(d) unlawful objection"),
    ("e", "(e) a case the Presidential Decree treats like (a) to (d)"),
)
OUTCOMES = {
    "decide_dismiss": "dismissed (Art. 128(1)1)",
    "decide_reject": "rejected (Art. 128(1)2)",
    "decide_accept": "accepted (Art. 128(1)3)",
    "decide_reinvestigate": "reinvestigation ordered (Art. 128(1)3)",
}
DECISIONS = tuple(OUTCOMES)
OPEN_STATES = ("filed", "opinion_issued", "in_revision", "under_deliberation")


def _appealable(context: Context) -> str | None:
    kind = context.values.get("disposition_kind") or context.data.get("disposition_kind")
    if kind in EXCLUDED_DISPOSITIONS:
        return f"this cannot be appealed by objection: {EXCLUDED_DISPOSITIONS[kind]}"
    return None


def _decision_period(context: Context) -> str:
    """30 days; 60 once evidence against the written opinion is submitted (Art. 132(4), (6))."""
    return "60d" if context.data.get("counter_evidence_on") else "30d"


def _one_redeliberation(context: Context) -> str | None:
    if context.data.get("redeliberations", 0) >= 1:
        return "re-deliberation may be requested only once (Art. 127(2))"
    return None


def _revision_days(context: Context) -> str:
    return f"{context.values['revision_days']}d"


DECISION_FIELDS = (Field("reasons", "Reasons of the decision (Art. 128(3))", "결정 이유",
                         FieldKind.LONGTEXT),)

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
            "이의신청", guards=(_appealable,), reason_field="reasons",
            fields=(
                Field("disposition", "The disposition objected to", "대상 처분",
                      FieldKind.LONGTEXT, store=True),
                Field("disposition_kind", "Kind of disposition", "처분 종류", FieldKind.CHOICE,
                      choices=DISPOSITION_KINDS, store=True),
                Field("notice_received_on", "Disposition notice received on", "처분 통지 수령일",
                      FieldKind.DATE, store=True),
                Field("filed_on", "Legal filing date", "신청일", FieldKind.DATE, store=True),
                Field("filing_rule", "How it was filed", "접수 경로", FieldKind.CHOICE,
                      choices=FILING_RULES, store=True),
                Field("reasons", "Reasons of the dissatisfaction", "이의 사유",
                      FieldKind.LONGTEXT),
            ),
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
        Transition("order_revision", ("filed", "opinion_issued"), "in_revision", OFFICE,
                   "Art. 123(1) via 132(4)", "Order a revision", "보정 요구",
                   fields=(Field("revision_days", "Revision period (days)", "보정 기간",
                                 FieldKind.INTEGER, minimum=1, maximum=20),
                           Field("matters", "Matters to revise", "보정할 사항",
                                 FieldKind.LONGTEXT)),
                   reason_field="matters", notices=("revision_order",)),
        Transition("revise", ("in_revision",), "under_deliberation", CLAIMANT_OR_OFFICE,
                   "Art. 123(2) via 132(4)", "Revision submitted", "보정서 제출",
                   fields=(Field("revision", "The revision", "보정 내용", FieldKind.LONGTEXT),),
                   reason_field="revision"),
        Transition("refer_to_committee", ("filed", "opinion_issued"), "under_deliberation",
                   OFFICE, "Art. 132(2)", "Refer to the Customs Appeal Committee",
                   "관세심사위원회 회부"),
        Transition("request_redeliberation", ("under_deliberation",), "under_deliberation",
                   frozenset({Role.SUPERVISOR}), "Art. 127(2) via 132(4)",
                   "Request re-deliberation", "재심의 요청", guards=(_one_redeliberation,),
                   fields=(Field("grounds", "Why the resolution clearly violates the law",
                                 "재심의 사유", FieldKind.LONGTEXT),),
                   reason_field="grounds", counts="redeliberations"),
        Transition("note_overdue", ("filed", "opinion_issued", "under_deliberation"),
                   "decision_overdue", frozenset({SYSTEM}), "Art. 129(2)1",
                   "Decision period passed: notify the objector", "결정기간 경과 통지",
                   notices=("overdue_decision_notice",)),
        Transition("decide_dismiss", (*OPEN_STATES, "decision_overdue"), "decided", OFFICE,
                   "Art. 128(1)1 via 132(4)", "Dismiss", "각하",
                   fields=(Field("ground", "Ground of dismissal", "각하 사유", FieldKind.CHOICE,
                                 choices=DISMISSAL_GROUNDS, store=True),
                           *DECISION_FIELDS),
                   reason_field="reasons", notices=("objection_decision",)),
        Transition("decide_reject", ("under_deliberation", "decision_overdue"), "decided",
                   OFFICE, "Art. 128(1)2 via 132(4)", "Reject", "기각",
                   fields=DECISION_FIELDS, reason_field="reasons",
                   notices=("objection_decision",)),
        Transition("decide_accept", ("under_deliberation", "decision_overdue"), "decided",
                   OFFICE, "Art. 128(1)3 via 132(4)", "Accept", "인용",
                   fields=(Field("extent", "Accepted", "인용 범위", FieldKind.CHOICE,
                                 choices=(("full", "in full"), ("part", "in part")), store=True),
                           *DECISION_FIELDS),
                   reason_field="reasons", notices=("objection_decision",)),
        Transition("decide_reinvestigate", ("under_deliberation", "decision_overdue"), "decided",
                   OFFICE, "Art. 128(1)3 latter part via 132(4)", "Order a reinvestigation",
                   "재조사 결정",
                   fields=(Field("scope", "Scope of the reinvestigation (Art. 128(5))",
                                 "재조사 범위", FieldKind.LONGTEXT, store=True),
                           *DECISION_FIELDS),
                   reason_field="reasons", notices=("objection_decision",)),
        Transition("record_decision_served", ("decided",), "decided", OFFICE,
                   "Art. 128(3) via 132(4)", "Record service of the decision",
                   "결정서 송달 기록",
                   fields=(Field("decision_served_on", "Decision received on", "결정서 수령일",
                                 FieldKind.DATE, store=True),)),
        Transition("next_step_filed", ("decided", "decision_overdue"), "closed",
                   CLAIMANT_OR_OFFICE, "Art. 121(2); 129(1)1",
                   "Request for examination or adjudication filed", "심사·심판청구",
                   fields=(Field("next_step", "Next step", "다음 절차", FieldKind.CHOICE,
                                 choices=(("examination", "request for examination"),
                                          ("adjudication", "request for adjudication")),
                                 store=True),)),
        Transition("close", ("decided",), "closed", frozenset({SYSTEM}), "Art. 129(1)1",
                   "Close: the period for the next step passed", "종결"),
        Transition("withdraw", (*OPEN_STATES, "decision_overdue"), "withdrawn",
                   CLAIMANT_OR_OFFICE, "Art. 120(1) (Administrative Appeals Act Art. 42)",
                   "Withdraw the objection", "취하",
                   fields=(Field("reason", "Reason", "사유", FieldKind.LONGTEXT,
                                 required=False),),
                   reason_field="reason"),
    ),
    deadlines={
        "filed": (
            Deadline("opinion", "written opinion to the objector", "Art. 132(5)", "7d",
                     Start.data("filed_on", "receipt of the objection"), Expiry.escalate(),
                     reminders=("2d", "1d"), met_by=("issue_opinion", *DECISIONS)),
            Deadline("decision", "decision on the objection", "Art. 132(4) → 128(2)",
                     _decision_period, Start.data("filed_on", "filing of the objection"),
                     Expiry.transition("note_overdue"), reminders=("7d", "3d", "1d"),
                     met_by=DECISIONS,
                     period_text="30 days; 60 once evidence is submitted under Art. 132(6); "
                                 "the revision period is not counted (Art. 128(4))"),
        ),
        "in_revision": (
            Deadline("revision", "revision period", "Art. 123(1) via 132(4)", _revision_days,
                     Start.entered("the revision order"), Expiry.flag(),
                     reminders=("1d",), period_text="the days ordered (at most 20)"),
        ),
        "decided": (
            Deadline("next_step", "request for examination or adjudication",
                     "Art. 121(2); 129(1)1", "90d",
                     Start.data("decision_served_on", "receipt of the written decision",
                                optional=True),
                     Expiry.transition("close"), reminders=("14d", "3d")),
        ),
    },
)
