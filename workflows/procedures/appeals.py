"""What the appeals against customs dispositions share (Arts. 119 to 132).

An objection (Art. 132) and a request for examination (Arts. 121 to 128) are decided the same
way (Art. 128, applied to objections by 132(4)); both exclude the same dispositions (119(1)),
accept the same filing-date rules (121(3), 122(2), 129-2(2)) and end with a next remedy within
90 days of receiving the decision (Art. 129(1)).
"""

from __future__ import annotations

from workflows.engine import (
    STAYS,
    Context,
    Deadline,
    Duty,
    Expiry,
    Field,
    FieldKind,
    Start,
    Transition,
)
from workflows.roles import Role

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
    ("d", "(d) unlawful request"),
    ("e", "(e) a case the Presidential Decree treats like (a) to (d)"),
)
DECISIONS = ("decide_dismiss", "decide_reject", "decide_accept", "decide_reinvestigate")
FILING_PERIODS = {
    # procedure: (field the period runs from, period by route); Arts. 121(1), (2), (4), 132(4)
    "objection": ("notice_received_on", {None: "90d"}),
    "examination": ("period_starts_on", {"direct": "90d", "after_objection": "90d",
                                         "objection_overdue": "90d", "after_hindrance": "14d"}),
}
EXCLUSIVE_ROUTES = frozenset({"examination", "adjudication", "bai_examination"})
"""Only one of these may be pursued against the same disposition (Art. 119(10))."""
ROUTE_NAMES = {"examination": "a request for examination",
               "adjudication": "a request for adjudication (Tax Tribunal)",
               "bai_examination": "a BAI examination"}


def filing_period(procedure_code: str, values) -> tuple[str, str] | None:
    """Return the field an appeal's filing period runs from and the period (Art. 121)."""
    rule = FILING_PERIODS.get(procedure_code)
    if rule is None or not values.get(rule[0]):
        return None
    start_field, periods = rule
    period = periods.get(values.get("route"), periods.get(None))
    return (start_field, period) if period else None


def appealable(context: Context) -> str | None:
    """Art. 119(1): some dispositions cannot be appealed under this Section."""
    kind = context.values.get("disposition_kind") or context.data.get("disposition_kind")
    if kind in EXCLUDED_DISPOSITIONS:
        return f"this cannot be appealed here: {EXCLUDED_DISPOSITIONS[kind]}"
    return None


def dismissal_ground_fits(context: Context) -> str | None:
    """Ground (b) needs a late filing; an appeal filed in time is not dismissed as late."""
    if context.values.get("ground") == "b" and context.data.get("filed_in_time") is True:
        return (f"it was filed in time (the period ended on "
                f"{context.data.get('filing_period_ends')}): ground (b) does not apply")
    return None


def single_route(context: Context) -> str | None:
    """Art. 119(10): examination, adjudication and BAI examination exclude one another.

    ``other_routes`` is a fact the back office supplies: the routes already pursued against the
    same disposition (same party and disposition reference).
    """
    others = context.data.get("other_routes") or ()
    if others:
        names = ", ".join(ROUTE_NAMES.get(o, o) for o in others)
        return (f"{names} is already pursued against this disposition; only one of examination, "
                "adjudication and BAI examination is allowed (Art. 119(10))")
    return None


def one_redeliberation(context: Context) -> str | None:
    if context.data.get("redeliberations", 0) >= 1:
        return "re-deliberation may be requested only once (Art. 127(2))"
    return None


def revision_in_time(context: Context) -> str | None:
    """A claimant revises within the period ordered (Art. 123(1)); afterwards only the office
    records a revision (a late one may lead to dismissal, 128(1)1(c))."""
    if context.role != Role.DUTY_PAYER:
        return None
    period = context.open_deadlines.get("revision")
    if period is None:  # no longer running: the scheduler has recorded that it passed
        return "the revision period has ended; contact the office (Art. 123(1))"
    if context.now > period.due_at:
        return (f"the revision period ended on {period.due_date}; contact the office "
                "(Art. 123(1))")
    return None


def revision_days(context: Context) -> str:
    return f"{context.values['revision_days']}d"


def disposition_fields(*extra: Field) -> tuple[Field, ...]:
    return (
        Field("disposition", "The disposition appealed against", "대상 처분",
              FieldKind.LONGTEXT, store=True),
        Field("disposition_ref", "Number of the disposition notice", "처분 통지 번호",
              FieldKind.TEXT, store=True),
        Field("disposition_kind", "Kind of disposition", "처분 종류", FieldKind.CHOICE,
              choices=DISPOSITION_KINDS, store=True),
        *extra,
        Field("filed_on", "Legal filing date", "청구일", FieldKind.DATE, store=True),
        Field("filing_rule", "How it was filed", "접수 경로", FieldKind.CHOICE,
              choices=FILING_RULES, store=True),
        Field("reasons", "Reasons of the dissatisfaction", "불복 사유", FieldKind.LONGTEXT),
    )


def decision_transitions(via: str, notice: str, deciders: frozenset[str],
                         open_states: tuple[str, ...]) -> tuple[Transition, ...]:
    """The four decisions of Art. 128(1); ``via`` names how the article applies."""
    reasons = Field("reasons", "Reasons of the decision (Art. 128(3))", "결정 이유",
                    FieldKind.LONGTEXT)
    deliberated = ("under_deliberation", "decision_overdue")
    return (
        Transition("decide_dismiss", (*open_states, "decision_overdue"), "decided", deciders,
                   f"Art. 128(1)1{via}", "Dismiss", "각하", guards=(dismissal_ground_fits,),
                   outcome_en="Your {what} was dismissed without a review of its merits, on "
                              "ground {ground}",
                   outcome_ko="{what_ko} 각하되었습니다 (본안 심리 없이 종결)",
                   fields=(Field("ground", "Ground of dismissal", "각하 사유", FieldKind.CHOICE,
                                 choices=DISMISSAL_GROUNDS, store=True), reasons),
                   reason_field="reasons", notices=(notice,)),
        Transition("decide_reject", deliberated, "decided", deciders, f"Art. 128(1)2{via}",
                   "Reject", "기각", fields=(reasons,), reason_field="reasons",
                   outcome_en="Your {what} was rejected", outcome_ko="{what_ko} 기각되었습니다",
                   notices=(notice,)),
        Transition("decide_accept", deliberated, "decided", deciders, f"Art. 128(1)3{via}",
                   "Accept", "인용", outcome_en="Your {what} was accepted {extent}",
                   outcome_ko="{what_ko} 인용되었습니다",
                   fields=(Field("extent", "Accepted", "인용 범위", FieldKind.CHOICE,
                                 choices=(("full", "in full"), ("part", "in part")), store=True),
                           reasons),
                   reason_field="reasons", notices=(notice,)),
        Transition("decide_reinvestigate", deliberated, "decided", deciders,
                   f"Art. 128(1)3 latter part{via}", "Order a reinvestigation", "재조사 결정",
                   outcome_en="A reinvestigation was ordered on your {what}: the customs office "
                              "reinvestigates within 60 days and tells you the result "
                              "(Art. 128(5))",
                   outcome_ko="재조사 결정이 내려졌습니다. 세관이 60일 이내에 재조사하여 그 결과를 "
                              "알려 드립니다 (제128조 제5항)",
                   fields=(Field("scope", "Scope of the reinvestigation (Art. 128(5))",
                                 "재조사 범위", FieldKind.LONGTEXT, store=True), reasons),
                   reason_field="reasons", notices=(notice,), spawns="reinvestigation"),
    )


ATTORNEY_KINDS = (
    ("lawyer", "lawyer (Art. 126(1))"),
    ("customs_broker", "licensed customs broker (Art. 126(1))"),
    ("family", "spouse or relative within the 4th degree (Art. 126(2))"),
)
FAMILY_ATTORNEY_LIMIT = 30_000_000
"""KRW. Art. 126(2) leaves the amount to Presidential Decree [GK: KRW 30 million]."""


def family_only_for_small_amounts(context: Context) -> str | None:
    if context.values.get("attorney_kind") != "family":
        return None
    amount = context.values.get("amount_in_dispute") or 0
    limit = context.data.get("family_attorney_limit", FAMILY_ATTORNEY_LIMIT)
    if amount > limit:
        return (f"a family member may act only below KRW {limit:,} in dispute "
                "(Art. 126(2)); appoint a lawyer or a licensed customs broker")
    return None


def withdrawal_authorised(context: Context) -> str | None:
    """Art. 126(4): an attorney withdraws only with special authority."""
    if context.values.get("by_attorney") and not context.data.get("special_authority"):
        return "the attorney has no special authority to withdraw (Art. 126(4))"
    return None


def side_transitions(open_states: tuple[str, ...]) -> tuple[Transition, ...]:
    """Attorneys (126) and suspension of execution (125): actions that keep the case's state."""
    return (
        Transition("appoint_attorney", open_states, STAYS, CLAIMANT_OR_OFFICE, "Art. 126",
                   "Appoint an attorney", "대리인 선임",
                   guards=(family_only_for_small_amounts,),
                   fields=(Field("attorney_name", "Attorney", "대리인", FieldKind.TEXT,
                                 store=True),
                           Field("attorney_kind", "Kind", "구분", FieldKind.CHOICE,
                                 choices=ATTORNEY_KINDS, store=True),
                           Field("amount_in_dispute", "Amount in dispute (KRW)", "청구 금액",
                                 FieldKind.INTEGER, minimum=0, store=True),
                           Field("authority_document", "Written authority (Art. 126(3))",
                                 "위임장", FieldKind.TEXT, store=True),
                           Field("special_authority", "Special authority to withdraw "
                                 "(Art. 126(4))", "특별 수권", FieldKind.BOOLEAN, store=True))),
        Transition("suspend_execution", open_states, STAYS, OFFICE, "Art. 125(1)-(2)",
                   "Suspend execution of the disposition", "집행정지",
                   fields=(Field("execution_suspended", "Suspended", "집행정지",
                                 FieldKind.BOOLEAN, store=True),
                           Field("reason", "Grave loss to prevent", "사유",
                                 FieldKind.LONGTEXT)),
                   reason_field="reason", notices=("execution_suspension",)),
    )


def revision_transitions(sources: tuple[str, ...], orderers: frozenset[str],
                         via: str) -> tuple[Transition, ...]:
    """A revision order of up to 20 days and the revision that ends it (Art. 123)."""
    return (
        Transition("order_revision", sources, "in_revision", orderers, f"Art. 123(1){via}",
                   "Order a revision", "보정 요구",
                   fields=(Field("revision_days", "Revision period (days)", "보정 기간",
                                 FieldKind.INTEGER, minimum=1, maximum=20),
                           Field("matters", "Matters to revise", "보정할 사항",
                                 FieldKind.LONGTEXT)),
                   reason_field="matters", notices=("revision_order",)),
        Transition("revise", ("in_revision",), "under_deliberation", CLAIMANT_OR_OFFICE,
                   f"Art. 123(2){via}", "Revision submitted", "보정서 제출",
                   guards=(revision_in_time,),
                   fields=(Field("revision", "The revision", "보정 내용", FieldKind.LONGTEXT),),
                   reason_field="revision"),
    )


def revision_deadline(via: str) -> Deadline:
    return Deadline("revision", "revision period", f"Art. 123(1){via}", revision_days,
                    Start.entered("the revision order"), Expiry.flag(), reminders=("1d",),
                    period_text="the days ordered (at most 20)", owed_by=Duty.PARTY,
                    label_ko="보정 기간")


def record_decision_served(via: str) -> Transition:
    """The remedies run from the receipt of the written decision (Art. 129(1))."""
    return Transition("record_decision_served", ("decided",), "decided", OFFICE,
                      f"Art. 128(3){via}", "Record service of the decision", "결정서 송달 기록",
                      fields=(Field("decision_served_on", "Decision received on",
                                    "결정서 수령일", FieldKind.DATE, store=True),))


def withdraw_transition(sources: tuple[str, ...], label_en: str) -> Transition:
    return Transition("withdraw", sources, "withdrawn", CLAIMANT_OR_OFFICE,
                      "Art. 120(1) (Administrative Appeals Act Art. 42)", label_en, "취하",
                      outcome_en="Your {what} was withdrawn", outcome_ko="{what_ko} 취하되었습니다",
                      guards=(withdrawal_authorised,),
                      fields=(Field("reason", "Reason", "사유", FieldKind.LONGTEXT,
                                    required=False),
                              Field("by_attorney", "Withdrawn by the attorney", "대리인 취하",
                                    FieldKind.BOOLEAN)),
                      reason_field="reason")
