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
    Label,
    Procedure,
    Start,
    State,
    Transition,
)
from workflows.engine.declarations import After, Said
from workflows.legal_dates import korean_date
from workflows.procedures.appeals import (
    CLAIMANT_OR_OFFICE,
    FAMILY_ATTORNEY_SETTING,
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
    ("1", Label("118(1)1: the assessment limitation of Art. 21 ends within three months",
                "제118조제1항제1호: 제21조의 부과제척기간이 3개월 이내에 만료되는 경우")),
    ("2", Label("118(1)2: a final value declaration under Art. 28(2)",
                "제118조제1항제2호: 제28조제2항에 따른 확정가격 신고")),
    ("3", Label("118(1)3: shortage found before acceptance of the import declaration (38(2))",
                "제118조제1항제3호: 수입신고 수리 전에 세액을 심사하여 부족세액을 발견한 "
                "경우(제38조제2항)")),
    ("4", Label("118(1)4: exempted or reduced duty collected under Art. 97(3), 98(2) or 102(2)",
                "제118조제1항제4호: 제97조제3항, 제98조제2항 또는 제102조제2항에 따라 감면된 "
                "관세를 징수하는 경우")),
    ("5", Label("118(1)5: evaded duty collected after an accusation under Art. 270",
                "제118조제1항제5호: 제270조에 따른 관세포탈죄로 고발되어 포탈세액을 징수하는 "
                "경우")),
    ("6", Label("118(1)6: prior notice would make collection impracticable (Decree)",
                "제118조제1항제6호: 사전통지로 관세 징수가 곤란하게 되는 경우(대통령령)")),
)
OUTCOMES = (
    ("not_accepted", Label("not accepted (118(4)1)", "채택하지 아니함(제118조제4항제1호)")),
    ("accepted_full", Label("accepted in whole (118(4)2)", "전부 채택(제118조제4항제2호)")),
    ("accepted_part", Label("accepted in part (118(4)2)", "일부 채택(제118조제4항제2호)")),
    ("not_reviewed", Label("not reviewed: late, not revised in time, or unlawful (118(4)3)",
                           "심사하지 아니함: 기간 경과, 기간 내 미보정 또는 부적법"
                           "(제118조제4항제3호)")),
)
REQUEST_FILING_RULES = tuple((code, label) for code, label in FILING_RULES
                             if code != "postmaster")
"""118(6) applies 121(3) (posted in time), 122(2) (another office) and 129-2 (online), not the
postmaster filing of 132(1), which is the objection's own."""
COMMITTEE_SKIPPED = (
    ("late_request", Label("filed after the 30 days of Art. 118(2) (118(3) proviso)",
                           "제118조제2항의 30일이 지난 뒤 청구된 경우(제118조제3항 단서)")),
    ("decree_case", Label("another ground the Presidential Decree prescribes (118(3) proviso): "
                          "name it in the reasons",
                          "그 밖에 대통령령으로 정하는 사유(제118조제3항 단서): 이유에 기재")),
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


def postmark_fits(context: Context) -> Said | None:
    """121(3) via 118(6): a posted request needs its postmark date, which cannot be later than
    its arrival."""
    posted, arrived = context.values.get("posted_on"), context.values.get("filed_on")
    if context.values.get("filing_rule") != "posted_late":
        return None
    if posted is None:
        return Said("give the postmark date: a request posted within the 30 days counts as "
                    "filed on their last day (Art. 118(6) → 121(3))",
                    "우편 소인 날짜를 입력하십시오. 30일 이내에 우편으로 발송한 청구서는 그 "
                    "기간의 마지막 날에 청구된 것으로 봅니다(제118조제6항 → 제121조제3항)")
    if arrived is not None and posted > arrived:
        return Said(f"the postmark ({posted}) cannot be later than the arrival ({arrived})",
                    f"우편 소인 날짜({korean_date(posted)})는 도달일({korean_date(arrived)})"
                    "보다 늦을 수 없습니다")
    return None


def _late(context: Context) -> Said | None:
    """The words for a late request, or None when it was filed in time (or it is not known)."""
    if filed_in_time(context) is not False:
        return None
    filed, ends = _request(context).get("filed_on"), window_ends(context)
    return Said(f"the request was filed on {filed}, after the 30 days of Art. 118(2) ended on "
                f"{ends}",
                f"청구서는 제118조제2항의 30일이 {korean_date(ends)}에 끝난 뒤인 "
                f"{korean_date(filed)}에 제출되었습니다")


NOT_REVIEWED_ONLY = "따라서 심사하지 아니한다는 결정만 할 수 있습니다(제118조제4항제3호)"
"""The Korean of "it can only be decided not to be reviewed (Art. 118(4)3)"."""


# -- the decision (118(3)-(4)) --------------------------------------------------------------

def outcome_fits(context: Context) -> Said | None:
    """118(4)3: a late request, or one not revised within the revision period, is not
    reviewed."""
    if context.values.get("outcome", "not_reviewed") == "not_reviewed":
        return None
    late = _late(context)
    if late:
        return Said(f"{late.en}: the decision can only be not to review it (Art. 118(4)3)",
                    f"{late.ko}. {NOT_REVIEWED_ONLY}")
    if unrevised(context):
        return Said("no revision was made within the revision period: the decision can only be "
                    "not to review it (Art. 118(4)3), unless the office records the late "
                    "revision first",
                    "보정기간 내에 보정이 없었습니다. 세관이 늦게 받은 보정을 먼저 기록하지 "
                    "않는 한 심사하지 아니한다는 결정만 할 수 있습니다(제118조제4항제3호)")
    return None


def unrevised(context: Context) -> bool:
    """A revision was ordered and its period passed without one: every order ends in a revision
    in time or in the lapse of its period, after which the office may still record one."""
    if context.state == "in_revision":
        return False
    return context.data.get("revisions", 0) < context.data.get("revision_orders", 0)


def reviewed_by_committee(context: Context) -> Said | None:
    """118(3): the decision follows the Customs Appeal Committee's review, unless a ground of the
    Decree lets the office decide without it (a request filed after the 30 days)."""
    if context.data.get("referrals", 0):
        return None
    ground = context.values.get("committee_skipped")
    if ground is None:
        return Said("refer the request to the Customs Appeal Committee first, or give the "
                    "ground on which it is decided without the committee (Art. 118(3) proviso)",
                    "먼저 청구를 관세심사위원회에 회부하거나, 위원회의 심사 없이 결정하는 "
                    "사유를 입력하십시오(제118조제3항 단서)")
    if ground == "late_request" and filed_in_time(context) is True:
        ends = window_ends(context)
        return Said(f"the request was filed in time (the 30 days ended on {ends}): it cannot "
                    "be decided without the committee as late",
                    f"청구는 기간 내에 제출되었습니다(30일은 {korean_date(ends)}에 "
                    "끝났습니다). 기간이 지난 청구로 보아 위원회의 심사 없이 결정할 수 "
                    "없습니다")
    return None


def reviewable(context: Context) -> Said | None:
    """A reinvestigation accepts the request: a late one can only be not reviewed (118(4)3)."""
    late = _late(context)
    if late is None:
        return None
    return Said(f"{late.en}: it can only be decided not to be reviewed (Art. 118(4)3)",
                f"{late.ko}. {NOT_REVIEWED_ONLY}")


def referred(context: Context) -> Said | None:
    if context.data.get("referrals", 0):
        return None
    return Said("refer the request to the Customs Appeal Committee first: an acceptance with a "
                "reinvestigation follows its review (Art. 118(3))",
                "먼저 청구를 관세심사위원회에 회부하십시오. 재조사 결정은 위원회의 심사를 "
                "거쳐야 합니다(제118조제3항)")


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

def collectable(context: Context) -> Said | None:
    """No collection after a review accepted in whole (118(4)2), nor before the decision is
    notified (118(3)), nor of an amended notice that leaves nothing to collect."""
    if context.state == "decided":
        if context.data.get("outcome") == "accepted_full":
            return Said("the review was accepted in whole (Art. 118(4)2): the shortage may not "
                        "be collected; close the case without assessment",
                        "청구가 전부 채택되었으므로(제118조제4항제2호) 부족세액을 징수할 수 "
                        "없습니다. 부과하지 않고 사건을 종결하십시오")
        if not context.data.get("decision_served_on"):
            return Said("record the notice of the decision to the applicant first "
                        "(Art. 118(3))",
                        "먼저 청구인에게 결정을 통지한 사실을 기록하십시오(제118조제3항)")
    if context.state == "notice_amended" and context.data.get("amended_shortage") == 0:
        return Said("the amended notice leaves no shortage to collect (Art. 118(4)2): close the "
                    "case without assessment",
                    "변경된 통지에 따르면 징수할 부족세액이 없습니다(제118조제4항제2호). "
                    "부과하지 않고 사건을 종결하십시오")
    return None


def served_on_fields(label_en: str, event: str) -> tuple[Field, ...]:
    return (Field(name="decision_served_on", label=Label(label_en, "결정 통지 수령일"),
                  kind=FieldKind.DATE, follows=(After.entered(event),), store=True),)


NOTIFIED_EN = ("The decision on your pre-assessment review was notified to you. If it reached "
               "you after its 30 days (Art. 118(3)), the days of the delay are recorded on the "
               "case, and the additional duty for them is halved if the shortage is collected "
               "(Art. 42-2(1)7)")
NOTIFIED_KO = ("과세전적부심사 결정이 통지되었습니다. 결정기간(30일)이 지난 뒤 통지된 경우 지연된 "
               "일수를 사건에 기록하며, 부족세액을 징수할 때 그 기간의 가산세는 50% 감면됩니다 "
               "(제42조의2 제1항 제7호)")
NOTICE_SERVED = After.data("notice_received_on", "the pre-assessment notice was received")
REQUEST_FIELDS = (
    Field(name="filed_on",
          label=Label("Legal filing date (the day it arrived, if posted)", "청구일"),
          kind=FieldKind.DATE, store=True, follows=(NOTICE_SERVED,)),
    Field(name="filing_rule", label=Label("How it was filed", "접수 경로"), kind=FieldKind.CHOICE,
          choices=REQUEST_FILING_RULES, store=True),
    Field(name="posted_on",
          label=Label("Postmark date (posted in time, arrived late)", "발송일(우편 소인)"),
          kind=FieldKind.DATE, required=False, store=True, follows=(NOTICE_SERVED,),
          help=Label("Art. 121(3) via 118(6): posted within the 30 days, it counts as filed on "
                     "their last day",
                     "제118조제6항에 따른 제121조제3항: 30일 이내에 우편으로 발송한 경우 그 "
                     "기간의 마지막 날에 청구된 것으로 봅니다")),
    Field(name="to_commissioner",
          label=Label("Filed with the Commissioner (118(2) proviso)", "관세청장 청구"),
          kind=FieldKind.BOOLEAN, store=True),
    Field(name="reasons", label=Label("Reasons", "청구 이유"), kind=FieldKind.LONGTEXT),
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
        State(name="notice_issued", label=Label("Pre-assessment notice issued", "과세전통지"),
              article="Art. 118(1)"),
        State(name="notice_served", label=Label("Notice received: review window open", "통지 수령"),
              article="Art. 118(2)"),
        State(name="window_passed",
              label=Label("30 days passed: collection may proceed", "청구기간 경과"),
              article="Art. 118(2), (4)3; 39(3)"),
        State(name="review_requested", label=Label("Review requested", "과세전적부심사 청구"),
              article="Art. 118(2)"),
        State(name="in_revision", label=Label("Revision ordered", "보정 요구"),
              article="Art. 118(6) → 123, 128(4)", suspends=("decision",)),
        State(name="revision_lapsed", label=Label("Revision period passed", "보정기간 경과"),
              article="Art. 118(6) → 123(1), 128(4); 118(4)3"),
        State(name="under_committee_review",
              label=Label("Before the Customs Appeal Committee", "관세심사위원회 심사"),
              article="Art. 118(3)"),
        State(name="decision_overdue", label=Label("Decision period passed", "결정기간 경과"),
              article="Art. 118(3); 42-2(1)7"),
        State(name="decided", label=Label("Decided", "결정"), article="Art. 118(4)"),
        State(name="reinvestigating",
              label=Label("Reinvestigation ordered: awaiting the amended notice", "재조사 중"),
              article="Art. 118(4)2; 118(6) → 128(5)"),
        State(name="notice_amended",
              label=Label("Notice amended after the reinvestigation", "변경 통지"),
              article="Art. 118(4)2"),
        State(name="ready_to_assess",
              label=Label("Collection may proceed (payment notice, Art. 39(3))", "고지 가능"),
              article="Art. 118(2), (4), (5); 39(3)", terminal=True),
        State(name="closed", label=Label("Closed without assessment", "종결(과세 없음)"),
              article="Art. 118(4)2", terminal=True),
        State(name="withdrawn", label=Label("Request withdrawn", "취하"),
              article="Art. 118(6) → 126(4)", terminal=True),
    ),
    transitions=(
        Transition(trigger="notify", source=(), dest="notice_issued", roles=OFFICE,
                   article="Art. 118(1)",
                   label=Label("Issue a pre-assessment notice", "과세전통지"),
                   fields=(Field(name="shortage",
                                 label=Label("Shortage to be collected (KRW)", "부족세액"),
                                 kind=FieldKind.INTEGER, minimum=1, store=True),
                           Field(name="grounds", label=Label("Grounds of the shortage", "근거"),
                                 kind=FieldKind.LONGTEXT, store=True)),
                   reason_field="grounds", notices=("pre_assessment_notice",)),
        Transition(trigger="collect_without_notice", source=(), dest="ready_to_assess",
                   roles=OFFICE, article="Art. 118(1) proviso",
                   label=Label("Collect without prior notice (exemption)", "통지 생략"),
                   outcome=Label("The shortage is collected without a prior notice: {exemption}",
                                 "과세전통지 없이 부족세액을 징수합니다 (통지 생략 사유 해당)"),
                   fields=(Field(name="shortage",
                                 label=Label("Shortage to be collected (KRW)", "부족세액"),
                                 kind=FieldKind.INTEGER, minimum=1, store=True),
                           Field(name="exemption",
                                 label=Label("Exemption of Art. 118(1) that applies",
                                             "통지 생략 사유"),
                                 kind=FieldKind.CHOICE, choices=EXEMPTIONS, store=True),
                           Field(name="grounds", label=Label("Why it applies", "근거"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="grounds"),
        Transition(trigger="record_service", source=("notice_issued",), dest="notice_served",
                   roles=OFFICE, article="Art. 118(2)",
                   label=Label("Record receipt of the notice", "통지서 수령 기록"),
                   fields=(Field(name="notice_received_on",
                                 label=Label("Notice received on", "수령일"), kind=FieldKind.DATE,
                                 store=True, follows=(After.entered("the notice was issued"),)),)),
        Transition(trigger="request_review", source=("notice_served", "window_passed"),
                   dest="review_requested", roles=CLAIMANT_OR_OFFICE,
                   article="Art. 118(2); 118(6) → 121(3), 122(2), 129-2",
                   label=Label("Request a pre-assessment review", "과세전적부심사 청구"),
                   guards=(postmark_fits,), fields=REQUEST_FIELDS, reason_field="reasons",
                   records=request_facts),
        Transition(trigger="rectify_early", source=("notice_served",), dest="ready_to_assess",
                   roles=CLAIMANT_OR_OFFICE, article="Art. 118(5)",
                   label=Label("Early rectification, applied at once", "조기경정"),
                   outcome=Label("The notice was rectified at once, as you asked (Art. 118(5))",
                                 "신청하신 대로 세액이 즉시 경정되었습니다 (제118조 제5항)"),
                   fields=(Field(name="rectified_shortage",
                                 label=Label("Shortage after rectification (KRW)", "경정 후 세액"),
                                 kind=FieldKind.INTEGER, minimum=0, store=True),)),
        Transition(trigger="window_expired", source=("notice_served",), dest="window_passed",
                   roles=frozenset({SYSTEM}), article="Art. 118(2)",
                   label=Label("30 days passed without a request", "청구기간 경과"),
                   outcome=Label("No review was requested within the 30 days: the office may "
                                 "collect the shortage by a payment notice, which you can appeal "
                                 "(Art. 39(3), 119). A request arriving now is decided not to be "
                                 "reviewed (Art. 118(4)3), unless it was posted within the 30 days "
                                 "(Art. 121(3))",
                                 "30일 이내에 과세전적부심사 청구가 없었습니다. 세관은 납부고지로 "
                                 "부족세액을 징수할 수 있고, 납부고지에 대해 불복할 수 있습니다 "
                                 "(제39조 제3항, 제119조). 지금 청구하면 심사하지 아니한다는 "
                                 "결정을 받게 됩니다(제118조 제4항 제3호). 다만 기간 내에 우편으로 "
                                 "발송한 청구는 기간 내에 청구한 것으로 봅니다(제121조 제3항)")),
        Transition(trigger="order_revision", source=("review_requested",), dest="in_revision",
                   roles=OFFICE, article="Art. 118(6) → 123(1)",
                   label=Label("Order a revision", "보정 요구"),
                   fields=(Field(name="revision_days",
                                 label=Label("Revision period (days)", "보정 기간"),
                                 kind=FieldKind.INTEGER, minimum=1, maximum=20),
                           Field(name="matters", label=Label("Matters to revise", "보정할 사항"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="matters", notices=("revision_order",), counts="revision_orders"),
        Transition(trigger="revise", source=("in_revision", "revision_lapsed"),
                   dest="review_requested", roles=CLAIMANT_OR_OFFICE,
                   article="Art. 118(6) → 123(2)", label=Label("Revision submitted", "보정서 제출"),
                   guards=(revision_in_time,), counts="revisions",
                   fields=(Field(name="revision", label=Label("The revision", "보정 내용"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="revision"),
        Transition(trigger="revision_lapsed", source=("in_revision",), dest="revision_lapsed",
                   roles=frozenset({SYSTEM}), article="Art. 118(6) → 123(1), 128(4)",
                   label=Label("Revision period passed", "보정기간 경과"),
                   outcome=Label("The revision period passed without a revision: the period for "
                                 "the decision runs again, and the request may be decided not to "
                                 "be reviewed (Art. 118(4)3)",
                                 "보정기간 내에 보정이 없었습니다. 결정기간이 다시 진행되며, "
                                 "심사하지 아니한다는 결정을 받을 수 있습니다 "
                                 "(제118조 제4항 제3호)")),
        Transition(trigger="refer_to_committee",
                   source=("review_requested", "revision_lapsed", "decision_overdue"),
                   dest="under_committee_review", roles=OFFICE, article="Art. 118(3)",
                   label=Label("Refer to the Customs Appeal Committee", "관세심사위원회 회부"),
                   counts="referrals"),
        Transition(trigger="note_overdue",
                   source=("review_requested", "revision_lapsed", "under_committee_review"),
                   dest="decision_overdue", roles=frozenset({SYSTEM}),
                   article="Art. 118(3); 42-2(1)7",
                   label=Label("Decision period passed (delay additional duty halved)",
                               "결정기간 경과"),
                   outcome=Label("No decision was notified within 30 days: if the shortage is "
                                 "collected, the additional duty for the days of the delay is "
                                 "halved (Art. 42-2(1)7)",
                                 "30일 이내에 결정이 통지되지 않았습니다. 부족세액을 징수하는 경우 "
                                 "결정·통지가 지연된 기간의 가산세는 50% 감면됩니다 "
                                 "(제42조의2 제1항 제7호)")),
        Transition(trigger="decide", source=UNDECIDED, dest="decided", roles=OFFICE,
                   article="Art. 118(3)-(4)", label=Label("Decide", "결정"),
                   guards=(outcome_fits, reviewed_by_committee),
                   outcome=Label("Your pre-assessment review was decided: {outcome}",
                                 "과세전적부심사 결정이 내려졌습니다"),
                   fields=(Field(name="outcome", label=Label("Decision", "결정"),
                                 kind=FieldKind.CHOICE, choices=OUTCOMES, store=True),
                           Field(name="committee_skipped",
                                 label=Label("Customs Appeal Committee not consulted: "
                                             "the ground (Art. 118(3) proviso)",
                                             "심사 생략 사유"),
                                 kind=FieldKind.CHOICE, choices=COMMITTEE_SKIPPED, required=False,
                                 store=True,
                                 help=Label("Only when it was not referred.",
                                            "회부하지 않은 경우에만 적습니다.")),
                           Field(name="reasons", label=Label("Reasons", "이유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reasons", notices=("pre_assessment_decision",)),
        Transition(trigger="decide_reinvestigate", source=(*OPEN_STATES, "decision_overdue"),
                   dest="reinvestigating", roles=OFFICE, article="Art. 118(4)2 second sentence",
                   label=Label("Accept with a reinvestigation", "재조사 결정"),
                   guards=(reviewable, referred),
                   outcome=Label("Your review was accepted with a reinvestigation: the office "
                                 "reinvestigates and notifies you of the amended notice "
                                 "(Art. 118(4)2)",
                                 "재조사 결정: 세관이 재조사한 후 수정한 통지 내용을 알려 드립니다 "
                                 "(제118조 제4항 제2호)"),
                   fields=(Field(name="scope",
                                 label=Label("Scope of the reinvestigation", "재조사 범위"),
                                 kind=FieldKind.LONGTEXT, store=True),
                           Field(name="reasons", label=Label("Reasons", "이유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reasons", notices=("pre_assessment_decision",),
                   spawns="reinvestigation"),
        Transition(trigger="record_decision_served", source=("decided",), dest="decided",
                   roles=OFFICE, article="Art. 118(3)",
                   label=Label("Record the notice of the decision", "결정 통지 기록"),
                   fields=served_on_fields("Decision received on", "the decision was made"),
                   records=decision_facts, outcome=Label(NOTIFIED_EN, NOTIFIED_KO)),
        Transition(trigger="record_reinvestigation_served", source=("reinvestigating",),
                   dest="reinvestigating", roles=OFFICE, article="Art. 118(3)",
                   label=Label("Record the notice of the reinvestigation decision",
                               "재조사 결정 통지 기록"),
                   fields=served_on_fields("Reinvestigation decision received on",
                                           "the reinvestigation was decided"),
                   records=decision_facts, outcome=Label(NOTIFIED_EN, NOTIFIED_KO)),
        Transition(trigger="record_amended_notice", source=("reinvestigating",),
                   dest="notice_amended", roles=frozenset({SYSTEM}), article="Art. 118(4)2",
                   label=Label("Amended notice after the reinvestigation", "변경 통지"),
                   outcome=Label("After the reinvestigation the office amended the pre-assessment "
                                 "notice and notified you of it (Art. 118(4)2)",
                                 "재조사 결과에 따라 통지 내용이 변경되었습니다"),
                   fields=(Field(name="amended_shortage",
                                 label=Label("Shortage after the reinvestigation (KRW)",
                                             "변경 후 부족세액"),
                                 kind=FieldKind.INTEGER, minimum=0, store=True),
                           Field(name="amended_notice_on",
                                 label=Label("Amended notice received on", "변경 통지 수령일"),
                                 kind=FieldKind.DATE, store=True, required=False,
                                 follows=(After.entered("the reinvestigation was decided"),)),
                           Field(name="findings",
                                 label=Label("Findings of the reinvestigation", "재조사 결과"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="findings"),
        Transition(trigger="proceed_to_assessment",
                   source=("window_passed", "decided", "notice_amended"), dest="ready_to_assess",
                   roles=OFFICE, article="Art. 118(2), (4); 39(3)",
                   label=Label("Proceed to the payment notice", "납부고지"), guards=(collectable,),
                   outcome=Label(COLLECT_EN, COLLECT_KO)),
        Transition(trigger="close_without_assessment", source=("decided", "notice_amended"),
                   dest="closed", roles=OFFICE, article="Art. 118(4)2",
                   label=Label("Close: accepted in whole", "종결"),
                   outcome=Label("Your review was accepted in whole: no shortage is collected",
                                 "청구가 전부 인용되어 부족세액을 징수하지 않습니다")),
        *SIDE_TRANSITIONS,
        Transition(trigger="withdraw", source=UNDECIDED, dest="withdrawn", roles=CLAIMANT_OR_OFFICE,
                   article="Art. 118(6) → 126(4) (not AAA Art. 42: 118(7) does not apply it)",
                   label=Label("Withdraw the request", "취하"), guards=(withdrawal_authorised,),
                   outcome=Label("Your request was withdrawn: the office may collect the shortage "
                                 "by a payment notice, which you can appeal (Art. 39(3), 119)",
                                 "청구가 취하되었습니다. 세관은 납부고지로 부족세액을 징수할 수 "
                                 "있습니다"),
                   fields=(Field(name="reason", label=Label("Reason", "사유"),
                                 kind=FieldKind.LONGTEXT, required=False),
                           Field(name="by_attorney",
                                 label=Label("Withdrawn by the attorney", "대리인 취하"),
                                 kind=FieldKind.BOOLEAN)),
                   reason_field="reason"),
    ),
    configured=attorney_limit,
    settings=(FAMILY_ATTORNEY_SETTING,),
    decided_states=frozenset({"decided"}),
    decision_periods=frozenset({"decision"}),
    deadlines={
        "notice_served": (
            Deadline(kind="review_window",
                     label=Label("request for pre-assessment review", "과세전적부심사 청구"),
                     article="Art. 118(2)", period=WINDOW,
                     start=Start.data("notice_received_on", "receipt of the notice"),
                     on_expiry=Expiry.transition("window_expired"), reminders=("7d", "2d"),
                     owed_by=Duty.PARTY, extension="Art. 10"),
        ),
        "review_requested": (
            Deadline(kind="decision",
                     label=Label("decision on the review and its notice",
                                 "과세전적부심사 결정·통지"),
                     article="Art. 118(3)", period="30d",
                     start=Start.data("filed_on", "receipt of the request"),
                     on_expiry=Expiry.transition("note_overdue"), reminders=("7d", "3d", "1d"),
                     met_by=("record_decision_served", "record_reinvestigation_served",
                             "record_amended_notice"),
                     met_on="decision_served_on"),
        ),
        "in_revision": (
            Deadline(kind="revision", label=Label("revision period", "보정 기간"),
                     article="Art. 118(6) → 123(1)", period=revision_days,
                     start=Start.entered("the revision order"),
                     on_expiry=Expiry.transition("revision_lapsed"), reminders=("1d",),
                     period_text="the days ordered (at most 20)", owed_by=Duty.PARTY,
                     extension="Art. 10"),
        ),
    },
)
