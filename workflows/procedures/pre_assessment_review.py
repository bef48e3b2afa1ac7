"""Pre-assessment review (Art. 118): notice of a shortage before it is collected, and its review.

Before collecting a shortage under Art. 38-3(6) or 39(2) the head of the customs office gives
written notice (118(1)), unless one of the six exemptions of 118(1)1-6 applies; the officer must
name it. Within 30 days of receiving the notice the duty payer may request a review of its
legality (118(2)); a request posted within the 30 days that arrives later counts as filed on
their last day (118(6) → 121(3)). When the 30 days pass unused collection may proceed by a
payment notice (Art. 39(3)), itself an appealable disposition; a request arriving later is
still received, and decided not to be reviewed (118(4)3). The office (or the Commissioner, in
the proviso's cases) decides within 30 days of receiving the request after the review of the
Customs Appeal Committee, unless a ground of the Decree lets it decide without (118(3)), and
notifies the applicant; the revision period is not counted (118(6) → 123, 128(4)). The
decision is one of 118(4): not accepted, accepted in whole or in part (possibly with a
reinvestigation, after which the notice is amended), or not reviewed. Instead of a review the
duty payer may ask for early rectification, which the office applies at once (118(5)). A
decision notified later than its 30 days halves the additional duty for the days of the delay
(Art. 42-2(1)7): the case records them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from workflows.clock import as_date
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
from workflows.engine.declarations import After
from workflows.procedures.appeals import (
    CLAIMANT_OR_OFFICE,
    FILING_RULES,
    OFFICE,
    attorney_limit,
    revision_days,
    revision_in_time,
    side_transitions,
    withdrawal_authorised,
)

CODE = "pre_assessment_review"

EXEMPTIONS = (
    ("1", "118(1)1: the assessment limitation of Art. 21 ends within three months"),
    ("2", "118(1)2: a final value declaration under Art. 28(2)"),
    ("3", "118(1)3: shortage found before acceptance of the import declaration (38(2))"),
    ("4", "118(1)4: exempted or reduced duty collected under Art. 97(3), 98(2) or 102(2)"),
    ("5", "118(1)5: evaded duty collected after an accusation under Art. 270"),
    ("6", "118(1)6: prior notice would make collection impracticable (Decree)"),
)
OUTCOMES = (
    ("not_accepted", "not accepted (118(4)1)"),
    ("accepted_full", "accepted in whole (118(4)2)"),
    ("accepted_part", "accepted in part (118(4)2)"),
    ("not_reviewed", "not reviewed: late, not revised in time, or unlawful (118(4)3)"),
)
REQUEST_FILING_RULES = tuple((code, label) for code, label in FILING_RULES
                             if code != "postmaster")
"""118(6) applies 121(3) (posted in time), 122(2) (another office) and 129-2 (online), not the
postmaster filing of 132(1), which is the objection's own."""
COMMITTEE_SKIPPED = (
    ("late_request", "filed after the 30 days of Art. 118(2) (118(3) proviso)"),
    ("decree_case", "another ground the Presidential Decree prescribes (118(3) proviso): name "
                    "it in the reasons"),
)
"""The Act names only the late request; the Decree's list is not in the seed (the codes are the
appeals' of Art. 127(1) proviso)."""
WINDOW = "30d"
"""Art. 118(2): 30 days from the receipt of the notice."""

OPEN_STATES = ("review_requested", "in_revision", "under_committee_review")
UNDECIDED = (*OPEN_STATES, "revision_lapsed", "decision_overdue")


# -- the request: in time or late (118(2); 121(3), 122(2), 129-2 via 118(6)) -----------------

def window_ends(context: Context) -> date | None:
    """The last day of the 30 days of Art. 118(2) (Art. 8: the day of receipt not counted, a
    last day off work rolled to the next working day; with the office's closure days, outages
    and any Art. 10 extension): as kept on the case once the request was recorded, else the
    window's own deadline, running or passed."""
    stored = context.data.get("filing_period_ends")
    if stored:
        return as_date(stored)
    window = context.deadlines.get("review_window") or context.open_deadlines.get("review_window")
    return window.due_date if window is not None else None


def _request(context: Context) -> Mapping[str, Any]:
    """The request's filing facts: the action's values, else those kept on the case."""
    return {**context.data, **{k: v for k, v in context.values.items() if v is not None}}


def filed_in_time(context: Context) -> bool | None:
    """Whether the request counts as filed within the 30 days: its legal filing date, or for a
    request posted in time and arriving late the postmark (filed on the last day, 121(3))."""
    if "filed_in_time" in context.data:
        return bool(context.data["filed_in_time"])
    request, ends = _request(context), window_ends(context)
    filed = as_date(request.get("posted_on") if request.get("filing_rule") == "posted_late"
                 else request.get("filed_on"))
    if ends is None or filed is None:
        return None
    return filed <= ends


def request_facts(context: Context) -> dict[str, Any]:
    """What the case keeps when the request is recorded (for the engine to store)."""
    ends = window_ends(context)
    if ends is None:
        return {}
    return {"filing_period_ends": ends.isoformat(), "filed_in_time": filed_in_time(context)}


def postmark_fits(context: Context) -> str | None:
    """121(3) via 118(6): a posted request needs its postmark date, which cannot be later than
    its arrival."""
    posted, arrived = context.values.get("posted_on"), context.values.get("filed_on")
    if context.values.get("filing_rule") != "posted_late":
        return None
    if posted is None:
        return ("give the postmark date: a request posted within the 30 days counts as filed "
                "on their last day (Art. 118(6) → 121(3))")
    if arrived is not None and posted > arrived:
        return f"the postmark ({posted}) cannot be later than the arrival ({arrived})"
    return None


def _late(context: Context) -> str | None:
    """The words for a late request, or None when it was filed in time (or it is not known)."""
    if filed_in_time(context) is not False:
        return None
    request = _request(context)
    return (f"the request was filed on {request.get('filed_on')}, after the 30 days of "
            f"Art. 118(2) ended on {window_ends(context)}")


# -- the decision (118(3)-(4)) --------------------------------------------------------------

def outcome_fits(context: Context) -> str | None:
    """118(4)3: a late request, or one not revised within the revision period, is not
    reviewed."""
    if context.values.get("outcome", "not_reviewed") == "not_reviewed":
        return None
    late = _late(context)
    if late:
        return f"{late}: the decision can only be not to review it (Art. 118(4)3)"
    if unrevised(context):
        return ("no revision was made within the revision period: the decision can only be not "
                "to review it (Art. 118(4)3), unless the office records the late revision first")
    return None


def unrevised(context: Context) -> bool:
    """A revision was ordered and its period passed without one: every order ends in a revision
    in time or in the lapse of its period, after which the office may still record one."""
    if context.state == "in_revision":
        return False
    return context.data.get("revisions", 0) < context.data.get("revision_orders", 0)


def reviewed_by_committee(context: Context) -> str | None:
    """118(3): the decision follows the Customs Appeal Committee's review, unless a ground of the
    Decree lets the office decide without it (a request filed after the 30 days)."""
    if context.data.get("referrals", 0):
        return None
    ground = context.values.get("committee_skipped")
    if ground is None:
        return ("refer the request to the Customs Appeal Committee first, or give the ground on "
                "which it is decided without the committee (Art. 118(3) proviso)")
    if ground == "late_request" and filed_in_time(context) is True:
        return (f"the request was filed in time (the 30 days ended on {window_ends(context)}): "
                "it cannot be decided without the committee as late")
    return None


def reviewable(context: Context) -> str | None:
    """A reinvestigation accepts the request: a late one can only be not reviewed (118(4)3)."""
    late = _late(context)
    return f"{late}: it can only be decided not to be reviewed (Art. 118(4)3)" if late else None


def referred(context: Context) -> str | None:
    if context.data.get("referrals", 0):
        return None
    return ("refer the request to the Customs Appeal Committee first: an acceptance with a "
            "reinvestigation follows its review (Art. 118(3))")


def decision_delay(due: date, notified: date) -> int:
    """Art. 42-2(1)7: the days the decision and notice are late, counted from the day after the
    last day of the decision period to the day of the notice."""
    return max((notified - due).days, 0)


def decision_facts(context: Context) -> dict[str, Any]:
    """What the case keeps when the notice of the decision is recorded: the days of delay of
    42-2(1)7, counted from the decision period's real last day (running or passed)."""
    period = context.deadlines.get("decision") or context.open_deadlines.get("decision")
    notified = as_date(context.values.get("decision_served_on"))
    if period is None or notified is None:
        return {}
    return {"delay_days": decision_delay(period.due_date, notified)}


# -- after the decision ---------------------------------------------------------------------

def collectable(context: Context) -> str | None:
    """No collection after a review accepted in whole (118(4)2), nor before the decision is
    notified (118(3)), nor of an amended notice that leaves nothing to collect."""
    if context.state == "decided":
        if context.data.get("outcome") == "accepted_full":
            return ("the review was accepted in whole (Art. 118(4)2): the shortage may not be "
                    "collected; close the case without assessment")
        if not context.data.get("decision_served_on"):
            return "record the notice of the decision to the applicant first (Art. 118(3))"
    if context.state == "notice_amended" and context.data.get("amended_shortage") == 0:
        return ("the amended notice leaves no shortage to collect (Art. 118(4)2): close the case "
                "without assessment")
    return None


def served_on_fields(label_en: str, event: str) -> tuple[Field, ...]:
    return (Field("decision_served_on", label_en, "결정 통지 수령일", FieldKind.DATE,
                  follows=(After.entered(event),), store=True),)


NOTIFIED_EN = ("The decision on your pre-assessment review was notified to you. If it reached "
               "you after its 30 days (Art. 118(3)), the days of the delay are recorded on the "
               "case, and the additional duty for them is halved if the shortage is collected "
               "(Art. 42-2(1)7)")
NOTIFIED_KO = ("과세전적부심사 결정이 통지되었습니다. 결정기간(30일)이 지난 뒤 통지된 경우 지연된 "
               "일수를 사건에 기록하며, 부족세액을 징수할 때 그 기간의 가산세는 50% 감면됩니다 "
               "(제42조의2 제1항 제7호)")
NOTICE_SERVED = After.data("notice_received_on", "the pre-assessment notice was received")
REQUEST_FIELDS = (
    Field("filed_on", "Legal filing date (the day it arrived, if posted)", "청구일",
          FieldKind.DATE, store=True, follows=(NOTICE_SERVED,)),
    Field("filing_rule", "How it was filed", "접수 경로", FieldKind.CHOICE,
          choices=REQUEST_FILING_RULES, store=True),
    Field("posted_on", "Postmark date (posted in time, arrived late)", "발송일(우편 소인)",
          FieldKind.DATE, required=False, store=True, follows=(NOTICE_SERVED,),
          help="Art. 121(3) via 118(6): posted within the 30 days, it counts as filed on their "
               "last day"),
    Field("to_commissioner", "Filed with the Commissioner (118(2) proviso)", "관세청장 청구",
          FieldKind.BOOLEAN, store=True),
    Field("reasons", "Reasons", "청구 이유", FieldKind.LONGTEXT),
)
COLLECT_EN = ("The office may now collect the shortage by a payment notice, which you can appeal "
              "(Art. 39(3), 119)")
COLLECT_KO = ("세관이 납부고지로 부족세액을 징수할 수 있습니다. 납부고지에 대해 불복할 수 있습니다 "
              "(제39조 제3항, 제119조)")

SIDE_TRANSITIONS = tuple(
    replace(t, article=f"Art. 118(6) → {t.article.removeprefix('Art. ')}")
    for t in side_transitions(UNDECIDED) if t.trigger != "suspend_execution")
"""Attorneys (126) and perusal and opinion (130), applied by 118(6); not the suspension of
execution (125), which 118(6) does not apply: nothing has been assessed yet."""

PROCEDURE = Procedure(
    code=CODE,
    article="Art. 118 (with Arts. 121(3), 122(2), 123, 126, 127(3), 128(4)-(6), 129-2, 130)",
    states=(
        State("notice_issued", "Pre-assessment notice issued", "과세전통지", "Art. 118(1)"),
        State("notice_served", "Notice received: review window open", "통지 수령",
              "Art. 118(2)"),
        State("window_passed", "30 days passed: collection may proceed", "청구기간 경과",
              "Art. 118(2), (4)3; 39(3)"),
        State("review_requested", "Review requested", "과세전적부심사 청구", "Art. 118(2)"),
        State("in_revision", "Revision ordered", "보정 요구", "Art. 118(6) → 123, 128(4)",
              suspends=("decision",)),
        State("revision_lapsed", "Revision period passed", "보정기간 경과",
              "Art. 118(6) → 123(1), 128(4); 118(4)3"),
        State("under_committee_review", "Before the Customs Appeal Committee",
              "관세심사위원회 심사", "Art. 118(3)"),
        State("decision_overdue", "Decision period passed", "결정기간 경과",
              "Art. 118(3); 42-2(1)7"),
        State("decided", "Decided", "결정", "Art. 118(4)"),
        State("reinvestigating", "Reinvestigation ordered: awaiting the amended notice",
              "재조사 중", "Art. 118(4)2; 118(6) → 128(5)"),
        State("notice_amended", "Notice amended after the reinvestigation", "변경 통지",
              "Art. 118(4)2"),
        State("ready_to_assess", "Collection may proceed (payment notice, Art. 39(3))",
              "고지 가능", "Art. 118(2), (4), (5); 39(3)", terminal=True),
        State("closed", "Closed without assessment", "종결(과세 없음)", "Art. 118(4)2",
              terminal=True),
        State("withdrawn", "Request withdrawn", "취하", "Art. 118(6) → 126(4)",
              terminal=True),
    ),
    transitions=(
        Transition("notify", (), "notice_issued", OFFICE, "Art. 118(1)",
                   "Issue a pre-assessment notice", "과세전통지",
                   fields=(Field("shortage", "Shortage to be collected (KRW)", "부족세액",
                                 FieldKind.INTEGER, minimum=1, store=True),
                           Field("grounds", "Grounds of the shortage", "근거",
                                 FieldKind.LONGTEXT, store=True)),
                   reason_field="grounds", notices=("pre_assessment_notice",)),
        Transition("collect_without_notice", (), "ready_to_assess", OFFICE, "Art. 118(1) proviso",
                   "Collect without prior notice (exemption)", "통지 생략",
                   outcome_en="The shortage is collected without a prior notice: {exemption}",
                   outcome_ko="과세전통지 없이 부족세액을 징수합니다 (통지 생략 사유 해당)",
                   fields=(Field("shortage", "Shortage to be collected (KRW)", "부족세액",
                                 FieldKind.INTEGER, minimum=1, store=True),
                           Field("exemption", "Exemption of Art. 118(1) that applies",
                                 "통지 생략 사유", FieldKind.CHOICE, choices=EXEMPTIONS,
                                 store=True),
                           Field("grounds", "Why it applies", "근거", FieldKind.LONGTEXT)),
                   reason_field="grounds"),
        Transition("record_service", ("notice_issued",), "notice_served", OFFICE, "Art. 118(2)",
                   "Record receipt of the notice", "통지서 수령 기록",
                   fields=(Field("notice_received_on", "Notice received on", "수령일",
                                 FieldKind.DATE, store=True,
                                 follows=(After.entered("the notice was issued"),)),)),
        Transition("request_review", ("notice_served", "window_passed"), "review_requested",
                   CLAIMANT_OR_OFFICE, "Art. 118(2); 118(6) → 121(3), 122(2), 129-2",
                   "Request a pre-assessment review", "과세전적부심사 청구",
                   guards=(postmark_fits,), fields=REQUEST_FIELDS, reason_field="reasons",
                   records=request_facts),
        Transition("rectify_early", ("notice_served",), "ready_to_assess", CLAIMANT_OR_OFFICE,
                   "Art. 118(5)", "Early rectification, applied at once", "조기경정",
                   outcome_en="The notice was rectified at once, as you asked (Art. 118(5))",
                   outcome_ko="신청하신 대로 세액이 즉시 경정되었습니다 (제118조 제5항)",
                   fields=(Field("rectified_shortage", "Shortage after rectification (KRW)",
                                 "경정 후 세액", FieldKind.INTEGER, minimum=0, store=True),)),
        Transition("window_expired", ("notice_served",), "window_passed", frozenset({SYSTEM}),
                   "Art. 118(2)", "30 days passed without a request", "청구기간 경과",
                   outcome_en="No review was requested within the 30 days: the office may collect "
                              "the shortage by a payment notice, which you can appeal "
                              "(Art. 39(3), 119). A request arriving now is decided not to be "
                              "reviewed (Art. 118(4)3), unless it was posted within the 30 days "
                              "(Art. 121(3))",
                   outcome_ko="30일 이내에 과세전적부심사 청구가 없었습니다. 세관은 납부고지로 "
                              "부족세액을 징수할 수 있고, 납부고지에 대해 불복할 수 있습니다 "
                              "(제39조 제3항, 제119조). 지금 청구하면 심사하지 아니한다는 결정을 "
                              "받게 됩니다(제118조 제4항 제3호). 다만 기간 내에 우편으로 발송한 "
                              "청구는 기간 내에 청구한 것으로 봅니다(제121조 제3항)"),
        Transition("order_revision", ("review_requested",), "in_revision", OFFICE,
                   "Art. 118(6) → 123(1)", "Order a revision", "보정 요구",
                   fields=(Field("revision_days", "Revision period (days)", "보정 기간",
                                 FieldKind.INTEGER, minimum=1, maximum=20),
                           Field("matters", "Matters to revise", "보정할 사항",
                                 FieldKind.LONGTEXT)),
                   reason_field="matters", notices=("revision_order",),
                   counts="revision_orders"),
        Transition("revise", ("in_revision", "revision_lapsed"), "review_requested",
                   CLAIMANT_OR_OFFICE, "Art. 118(6) → 123(2)", "Revision submitted",
                   "보정서 제출", guards=(revision_in_time,), counts="revisions",
                   fields=(Field("revision", "The revision", "보정 내용", FieldKind.LONGTEXT),),
                   reason_field="revision"),
        Transition("revision_lapsed", ("in_revision",), "revision_lapsed", frozenset({SYSTEM}),
                   "Art. 118(6) → 123(1), 128(4)", "Revision period passed", "보정기간 경과",
                   outcome_en="The revision period passed without a revision: the period for "
                              "the decision runs again, and the request may be decided not to be "
                              "reviewed (Art. 118(4)3)",
                   outcome_ko="보정기간 내에 보정이 없었습니다. 결정기간이 다시 진행되며, 심사하지 "
                              "아니한다는 결정을 받을 수 있습니다 (제118조 제4항 제3호)"),
        Transition("refer_to_committee", ("review_requested", "revision_lapsed",
                                          "decision_overdue"),
                   "under_committee_review", OFFICE, "Art. 118(3)",
                   "Refer to the Customs Appeal Committee", "관세심사위원회 회부",
                   counts="referrals"),
        Transition("note_overdue", ("review_requested", "revision_lapsed",
                                    "under_committee_review"),
                   "decision_overdue", frozenset({SYSTEM}), "Art. 118(3); 42-2(1)7",
                   "Decision period passed (delay additional duty halved)", "결정기간 경과",
                   outcome_en="No decision was notified within 30 days: if the shortage is "
                              "collected, the additional duty for the days of the delay is halved "
                              "(Art. 42-2(1)7)",
                   outcome_ko="30일 이내에 결정이 통지되지 않았습니다. 부족세액을 징수하는 경우 "
                              "결정·통지가 지연된 기간의 가산세는 50% 감면됩니다 "
                              "(제42조의2 제1항 제7호)"),
        Transition("decide", UNDECIDED, "decided", OFFICE,
                   "Art. 118(3)-(4)", "Decide", "결정",
                   guards=(outcome_fits, reviewed_by_committee),
                   outcome_en="Your pre-assessment review was decided: {outcome}",
                   outcome_ko="과세전적부심사 결정이 내려졌습니다",
                   fields=(Field("outcome", "Decision", "결정", FieldKind.CHOICE,
                                 choices=OUTCOMES, store=True),
                           Field("committee_skipped", "Customs Appeal Committee not consulted: "
                                 "the ground (Art. 118(3) proviso)", "심사 생략 사유",
                                 FieldKind.CHOICE, choices=COMMITTEE_SKIPPED, required=False,
                                 store=True, help="Only when it was not referred."),
                           Field("reasons", "Reasons", "이유", FieldKind.LONGTEXT)),
                   reason_field="reasons", notices=("pre_assessment_decision",)),
        Transition("decide_reinvestigate", (*OPEN_STATES, "decision_overdue"), "reinvestigating",
                   OFFICE, "Art. 118(4)2 second sentence", "Accept with a reinvestigation",
                   "재조사 결정", guards=(reviewable, referred),
                   outcome_en="Your review was accepted with a reinvestigation: the office "
                              "reinvestigates and notifies you of the amended notice "
                              "(Art. 118(4)2)",
                   outcome_ko="재조사 결정: 세관이 재조사한 후 수정한 통지 내용을 알려 드립니다 "
                              "(제118조 제4항 제2호)",
                   fields=(Field("scope", "Scope of the reinvestigation", "재조사 범위",
                                 FieldKind.LONGTEXT, store=True),
                           Field("reasons", "Reasons", "이유", FieldKind.LONGTEXT)),
                   reason_field="reasons", notices=("pre_assessment_decision",),
                   spawns="reinvestigation"),
        Transition("record_decision_served", ("decided",), "decided", OFFICE, "Art. 118(3)",
                   "Record the notice of the decision", "결정 통지 기록",
                   fields=served_on_fields("Decision received on", "the decision was made"),
                   records=decision_facts,
                   outcome_en=NOTIFIED_EN, outcome_ko=NOTIFIED_KO),
        Transition("record_reinvestigation_served", ("reinvestigating",), "reinvestigating",
                   OFFICE, "Art. 118(3)", "Record the notice of the reinvestigation decision",
                   "재조사 결정 통지 기록",
                   fields=served_on_fields("Reinvestigation decision received on",
                                           "the reinvestigation was decided"),
                   records=decision_facts, outcome_en=NOTIFIED_EN, outcome_ko=NOTIFIED_KO),
        Transition("record_amended_notice", ("reinvestigating",), "notice_amended",
                   frozenset({SYSTEM}), "Art. 118(4)2", "Amended notice after the reinvestigation",
                   "변경 통지",
                   outcome_en="After the reinvestigation the office amended the pre-assessment "
                              "notice and notified you of it (Art. 118(4)2)",
                   outcome_ko="재조사 결과에 따라 통지 내용이 변경되었습니다",
                   fields=(Field("amended_shortage", "Shortage after the reinvestigation (KRW)",
                                 "변경 후 부족세액", FieldKind.INTEGER, minimum=0, store=True),
                           Field("amended_notice_on", "Amended notice received on",
                                 "변경 통지 수령일", FieldKind.DATE, store=True, required=False,
                                 follows=(After.entered("the reinvestigation was decided"),)),
                           Field("findings", "Findings of the reinvestigation", "재조사 결과",
                                 FieldKind.LONGTEXT)),
                   reason_field="findings"),
        Transition("proceed_to_assessment", ("window_passed", "decided", "notice_amended"),
                   "ready_to_assess", OFFICE, "Art. 118(2), (4); 39(3)",
                   "Proceed to the payment notice", "납부고지", guards=(collectable,),
                   outcome_en=COLLECT_EN, outcome_ko=COLLECT_KO),
        Transition("close_without_assessment", ("decided", "notice_amended"), "closed", OFFICE,
                   "Art. 118(4)2", "Close: accepted in whole", "종결",
                   outcome_en="Your review was accepted in whole: no shortage is collected",
                   outcome_ko="청구가 전부 인용되어 부족세액을 징수하지 않습니다"),
        *SIDE_TRANSITIONS,
        Transition("withdraw", UNDECIDED, "withdrawn", CLAIMANT_OR_OFFICE,
                   "Art. 118(6) → 126(4) (not AAA Art. 42: 118(7) does not apply it)",
                   "Withdraw the request", "취하", guards=(withdrawal_authorised,),
                   outcome_en="Your request was withdrawn: the office may collect the shortage "
                              "by a payment notice, which you can appeal (Art. 39(3), 119)",
                   outcome_ko="청구가 취하되었습니다. 세관은 납부고지로 부족세액을 징수할 수 "
                              "있습니다",
                   fields=(Field("reason", "Reason", "사유", FieldKind.LONGTEXT,
                                 required=False),
                           Field("by_attorney", "Withdrawn by the attorney", "대리인 취하",
                                 FieldKind.BOOLEAN)),
                   reason_field="reason"),
    ),
    configured=attorney_limit,
    deadlines={
        "notice_served": (
            Deadline("review_window", "request for pre-assessment review", "Art. 118(2)", WINDOW,
                     Start.data("notice_received_on", "receipt of the notice"),
                     Expiry.transition("window_expired"), reminders=("7d", "2d"),
                     owed_by=Duty.PARTY, label_ko="과세전적부심사 청구", extension="Art. 10"),
        ),
        "review_requested": (
            Deadline("decision", "decision on the review and its notice", "Art. 118(3)", "30d",
                     Start.data("filed_on", "receipt of the request"),
                     Expiry.transition("note_overdue"), reminders=("7d", "3d", "1d"),
                     met_by=("record_decision_served", "record_reinvestigation_served",
                             "record_amended_notice"),
                     met_on="decision_served_on", label_ko="과세전적부심사 결정·통지"),
        ),
        "in_revision": (
            Deadline("revision", "revision period", "Art. 118(6) → 123(1)", revision_days,
                     Start.entered("the revision order"), Expiry.transition("revision_lapsed"),
                     reminders=("1d",), period_text="the days ordered (at most 20)",
                     owed_by=Duty.PARTY, label_ko="보정 기간", extension="Art. 10"),
        ),
    },
)
