"""Pre-assessment review (Art. 118): notice of a shortage before it is collected, and its review.

Before collecting a shortage under Art. 38-3(6) or 39(2) the head of the customs office gives
written notice (118(1)), unless one of the six exemptions of 118(1)1-6 applies; the officer must
name it. Within 30 days of receiving the notice the duty payer may request a review of its
legality (118(2)); the office (or the Commissioner, in the proviso's cases) decides within 30
days of receiving the request, after the Customs Appeal Committee (118(3)), the revision period
not counted (118(6) → 123, 128(4)). The decision is one of 118(4): not accepted, accepted in
whole or in part (with a possible reinvestigation), or not reviewed. Instead of a review the
duty payer may ask for early rectification, which the office applies at once (118(5)). When the
30 days pass unused, or after the decision, collection may proceed by a payment notice (Art.
39(3)), itself an appealable disposition. A decision later than its 30 days halves the
additional duty for the delay (Art. 42-2(1)7): the case records it.
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
from workflows.procedures.appeals import (
    CLAIMANT_OR_OFFICE,
    FILING_RULES,
    OFFICE,
    revision_days,
    revision_in_time,
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
OPEN_STATES = ("review_requested", "in_revision", "under_committee_review")

PROCEDURE = Procedure(
    code=CODE,
    article="Art. 118 (with Arts. 121(3), 122(2), 123, 127(3), 128(4)-(6), 129-2, 130)",
    states=(
        State("notice_issued", "Pre-assessment notice issued", "과세전통지", "Art. 118(1)"),
        State("notice_served", "Notice received: review window open", "통지 수령",
              "Art. 118(2)"),
        State("review_requested", "Review requested", "과세전적부심사 청구", "Art. 118(2)"),
        State("in_revision", "Revision ordered", "보정 요구", "Art. 118(6) → 123, 128(4)",
              suspends=("decision",)),
        State("under_committee_review", "Before the Customs Appeal Committee",
              "관세심사위원회 심사", "Art. 118(3)"),
        State("decision_overdue", "Decision period passed", "결정기간 경과",
              "Art. 118(3); 42-2(1)7"),
        State("decided", "Decided", "결정", "Art. 118(4)"),
        State("ready_to_assess", "Collection may proceed (payment notice, Art. 39(3))",
              "고지 가능", "Art. 118(2), (4), (5); 39(3)", terminal=True),
        State("closed", "Closed without assessment", "종결(과세 없음)", "Art. 118(4)2",
              terminal=True),
        State("withdrawn", "Request withdrawn", "취하", "withdrawal by the applicant",
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
                                 FieldKind.DATE, store=True),)),
        Transition("request_review", ("notice_served",), "review_requested", CLAIMANT_OR_OFFICE,
                   "Art. 118(2)", "Request a pre-assessment review", "과세전적부심사 청구",
                   fields=(Field("filed_on", "Legal filing date", "청구일", FieldKind.DATE,
                                 store=True),
                           Field("filing_rule", "How it was filed", "접수 경로",
                                 FieldKind.CHOICE, choices=FILING_RULES, store=True),
                           Field("to_commissioner", "Filed with the Commissioner (118(2) "
                                 "proviso)", "관세청장 청구", FieldKind.BOOLEAN, store=True),
                           Field("reasons", "Reasons", "청구 이유", FieldKind.LONGTEXT)),
                   reason_field="reasons"),
        Transition("rectify_early", ("notice_served",), "ready_to_assess", CLAIMANT_OR_OFFICE,
                   "Art. 118(5)", "Early rectification, applied at once", "조기경정",
                   outcome_en="The notice was rectified at once, as you asked (Art. 118(5))",
                   outcome_ko="신청하신 대로 세액이 즉시 경정되었습니다 (제118조 제5항)",
                   fields=(Field("rectified_shortage", "Shortage after rectification (KRW)",
                                 "경정 후 세액", FieldKind.INTEGER, minimum=0, store=True),)),
        Transition("window_expired", ("notice_served",), "ready_to_assess", frozenset({SYSTEM}),
                   "Art. 118(2)", "30 days passed without a request", "청구기간 경과",
                   outcome_en="No review was requested within the 30 days: the office may collect "
                              "the shortage by a payment notice, which you can appeal "
                              "(Art. 39(3), 119)",
                   outcome_ko="30일 이내에 과세전적부심사 청구가 없었습니다. 세관은 납부고지로 "
                              "부족세액을 징수할 수 있고, 납부고지에 대해 불복할 수 있습니다 "
                              "(제39조 제3항, 제119조)"),
        Transition("order_revision", ("review_requested",), "in_revision", OFFICE,
                   "Art. 118(6) → 123(1)", "Order a revision", "보정 요구",
                   fields=(Field("revision_days", "Revision period (days)", "보정 기간",
                                 FieldKind.INTEGER, minimum=1, maximum=20),
                           Field("matters", "Matters to revise", "보정할 사항",
                                 FieldKind.LONGTEXT)),
                   reason_field="matters", notices=("revision_order",)),
        Transition("revise", ("in_revision",), "under_committee_review", CLAIMANT_OR_OFFICE,
                   "Art. 118(6) → 123(2)", "Revision submitted", "보정서 제출",
                   guards=(revision_in_time,),
                   fields=(Field("revision", "The revision", "보정 내용", FieldKind.LONGTEXT),),
                   reason_field="revision"),
        Transition("refer_to_committee", ("review_requested",), "under_committee_review",
                   OFFICE, "Art. 118(3)", "Refer to the Customs Appeal Committee",
                   "관세심사위원회 회부"),
        Transition("note_overdue", ("review_requested", "under_committee_review"),
                   "decision_overdue", frozenset({SYSTEM}), "Art. 118(3); 42-2(1)7",
                   "Decision period passed (delay additional duty halved)", "결정기간 경과",
                   outcome_en="No decision was made within 30 days: if the shortage is collected, "
                              "the additional duty for the days of the delay is halved "
                              "(Art. 42-2(1)7)",
                   outcome_ko="30일 이내에 결정이 없었습니다. 부족세액을 징수하는 경우 결정이 "
                              "지연된 기간의 가산세는 50% 감면됩니다 (제42조의2 제1항 제7호)"),
        Transition("decide", (*OPEN_STATES, "decision_overdue"), "decided", OFFICE,
                   "Art. 118(4)", "Decide and notify", "결정",
                   outcome_en="Your pre-assessment review was decided: {outcome}",
                   outcome_ko="과세전적부심사 결정이 통지되었습니다",
                   fields=(Field("outcome", "Decision", "결정", FieldKind.CHOICE,
                                 choices=OUTCOMES, store=True),
                           Field("reasons", "Reasons", "이유", FieldKind.LONGTEXT)),
                   reason_field="reasons", notices=("pre_assessment_decision",)),
        Transition("decide_reinvestigate", (*OPEN_STATES, "decision_overdue"), "decided",
                   OFFICE, "Art. 118(4)2 second sentence", "Accept with a reinvestigation",
                   "재조사 결정",
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
        Transition("proceed_to_assessment", ("decided",), "ready_to_assess", OFFICE,
                   "Art. 118(4); 39(3)", "Proceed to the payment notice", "납부고지",
                   outcome_en="The office may now collect the shortage by a payment notice, which "
                              "you can appeal (Art. 39(3), 119)",
                   outcome_ko="세관이 납부고지로 부족세액을 징수할 수 있습니다. 납부고지에 대해 "
                              "불복할 수 있습니다 (제39조 제3항, 제119조)"),
        Transition("close_without_assessment", ("decided",), "closed", OFFICE, "Art. 118(4)2",
                   "Close: accepted in whole", "종결",
                   outcome_en="Your review was accepted in whole: no shortage is collected",
                   outcome_ko="청구가 전부 인용되어 부족세액을 징수하지 않습니다"),
        Transition("withdraw", (*OPEN_STATES, "decision_overdue"), "withdrawn",
                   CLAIMANT_OR_OFFICE, "Art. 118(7) (Administrative Appeals Act)",
                   "Withdraw the request", "취하",
                   outcome_en="Your request was withdrawn", outcome_ko="청구가 취하되었습니다",
                   fields=(Field("reason", "Reason", "사유", FieldKind.LONGTEXT,
                                 required=False),),
                   reason_field="reason"),
    ),
    deadlines={
        "notice_served": (
            Deadline("review_window", "request for pre-assessment review", "Art. 118(2)", "30d",
                     Start.data("notice_received_on", "receipt of the notice"),
                     Expiry.transition("window_expired"), reminders=("7d", "2d"),
                     owed_by=Duty.PARTY, label_ko="과세전적부심사 청구"),
        ),
        "review_requested": (
            Deadline("decision", "decision on the review", "Art. 118(3)", "30d",
                     Start.data("filed_on", "receipt of the request"),
                     Expiry.transition("note_overdue"), reminders=("7d", "3d", "1d"),
                     met_by=("decide", "decide_reinvestigate"), label_ko="과세전적부심사 결정"),
        ),
        "in_revision": (
            Deadline("revision", "revision period", "Art. 118(6) → 123(1)", revision_days,
                     Start.entered("the revision order"), Expiry.flag(), reminders=("1d",),
                     period_text="the days ordered (at most 20)", owed_by=Duty.PARTY,
                     label_ko="보정 기간"),
        ),
    },
)
