"""What the appeals against customs dispositions share (Arts. 119 to 132).

An objection (Art. 132) and a request for examination (Arts. 121 to 128) are decided the same
way (Art. 128, applied to objections by 132(4)): after the Customs Appeal Committee's
deliberation unless the Decree lets it be skipped (127(1)), by a written decision served within
the decision period (128(3)), the revision period not counted (128(4)); both exclude the same
dispositions (119(1), (3)), accept the same filing-date rules (121(3), 122(2), 129-2(2)) and end
with a next remedy within 90 days of receiving the decision (Art. 129(1)).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from workflows.engine import (
    STAYS,
    SYSTEM,
    Context,
    Deadline,
    Duty,
    Expiry,
    Field,
    FieldKind,
    Label,
    Start,
    State,
    Transition,
)
from workflows.engine.declarations import After, ExclusiveRoutes, FilingPeriod, Said, Setting
from workflows.legal_dates import korean_date
from workflows.roles import Role

OFFICE = frozenset({Role.OFFICER, Role.SUPERVISOR})
CLAIMANT_OR_OFFICE = frozenset({*OFFICE, Role.DUTY_PAYER})

EXCLUDED_DISPOSITIONS = {
    "notification": Label("a notification disposition under this Act (Art. 119(1)1)",
                          "이 법에 따른 통고처분(제119조제1항제1호)"),
    "bai": Label("a disposition made after a BAI examination, or on the BAI's request "
                 "(Art. 119(1)2)",
                 "감사원의 심사를 거친 처분 또는 감사원의 요구에 따른 처분(제119조제1항제2호)"),
    "administrative_fine": Label("an administrative fine (Art. 119(1)3 [digest: 119(1)])",
                                 "과태료 부과처분(제119조제1항제3호)"),
}
APPEAL_DECISIONS = {
    "appeal_decision": Label("a disposition on a request for examination or adjudication "
                             "(Art. 119(3))",
                             "심사청구 또는 심판청구에 대한 처분(제119조제3항)"),
}
"""Nothing under this Section lies against them; a disposition based on a reinvestigation
decision is not one of them (119(3) proviso)."""
NOT_OBJECTABLE = {
    "objection_decision": Label("a disposition on an objection (Art. 119(4))",
                                "이의신청에 대한 처분(제119조제4항)"),
    "reinvestigation_result": Label(
        "a disposition based on a reinvestigation decision (Art. 119(4)); request an "
        "examination or adjudication from the body that ordered the reinvestigation "
        "(Art. 119(3) proviso)",
        "재조사 결정에 따른 처분(제119조제4항). 재조사 결정을 한 재결청에 심사청구 또는 "
        "심판청구를 하십시오(제119조제3항 단서)"),
}
DISPOSITION_KINDS = (
    ("assessment", Label("duty assessment or payment notice", "관세 부과 또는 납부고지")),
    ("refund_refusal", Label("refusal of a refund or rectification", "환급 또는 경정 거부")),
    ("classification", Label("tariff classification or valuation", "품목분류 또는 과세가격 결정")),
    ("other", Label("another disposition under the Act", "그 밖의 관세법에 따른 처분")),
    ("reinvestigation_result",
     Label("disposition based on a reinvestigation decision (Art. 128(5)) — no objection "
           "(119(4))",
           "재조사 결정에 따른 처분(제128조제5항) — 이의신청 불가(제119조제4항)")),
    ("objection_decision", Label("disposition on an objection — no objection (Art. 119(4))",
                                 "이의신청에 대한 처분 — 이의신청 불가(제119조제4항)")),
    ("appeal_decision",
     Label("disposition on a request for examination or adjudication — excluded (Art. 119(3))",
           "심사청구 또는 심판청구에 대한 처분 — 대상 제외(제119조제3항)")),
    ("notification", Label("notification disposition (Art. 311) — excluded",
                           "통고처분(제311조) — 대상 제외")),
    ("bai", Label("BAI-related disposition — excluded", "감사원 관련 처분 — 대상 제외")),
    ("administrative_fine", Label("administrative fine — excluded", "과태료 — 대상 제외")),
)
FILING_RULES = (
    ("at_office", Label("lodged at the disposing customs office", "처분 세관에 제출")),
    ("other_office",
     Label("lodged at another customs office or the Commissioner (Art. 122(2))",
           "다른 세관장 또는 관세청장에게 제출(제122조제2항)")),
    ("online", Label("filed online: counts when transmitted (Art. 129-2(2))",
                     "전자적 청구: 전송된 때 청구된 것으로 봄(제129조의2제2항)")),
    ("posted_late",
     Label("posted in time, arrived late: the last day of the period (Art. 121(3))",
           "기간 내 우편 발송, 기간 후 도달: 기간 만료일에 청구된 것으로 봄(제121조제3항)")),
    ("postmaster", Label("handed to the postmaster (Art. 132(1))",
                         "우체국장에게 제출(제132조제1항)")),
)
DISMISSAL_GROUNDS = (
    ("a", Label("(a) filed after, or on the same day as, a request for adjudication",
                "(가) 심판청구를 한 뒤 또는 심판청구와 같은 날 청구된 경우")),
    ("b", Label("(b) filed after the period of Art. 121",
                "(나) 제121조의 청구기간이 지난 뒤 청구된 경우")),
    ("c", Label("(c) the revision was not made within the period of Art. 123",
                "(다) 제123조의 보정기간 내에 보정하지 아니한 경우")),
    ("d", Label("(d) unlawful request", "(라) 적법하지 아니한 청구")),
    ("e", Label("(e) a case the Presidential Decree treats like (a) to (d)",
                "(마) (가)부터 (라)까지에 준하는 경우로서 대통령령으로 정하는 경우")),
)
COMMITTEE_SKIPPED = (
    ("late_request", Label("filed after the filing period (Art. 127(1) proviso)",
                           "청구기간이 지난 뒤 청구된 경우(제127조제1항 단서)")),
    ("decree_case",
     Label("another case the Presidential Decree exempts from deliberation (Art. 127(1) "
           "proviso): name it in the reasons",
           "그 밖에 대통령령으로 심의를 생략하는 경우(제127조제1항 단서): 이유에 기재")),
)
"""Grounds on which a decision is made without the Customs Appeal Committee (127(1) proviso,
applied to objections by 132(4)). The Act names only the late request; the Decree's list is not
in the seed [Assumption: record the Decree case in the reasons]."""
DECISIONS = ("decide_dismiss", "decide_reject", "decide_accept", "decide_reinvestigate")
FILING_PERIODS = {
    # procedure: (field the period runs from, period by route); a route's period may name its own
    # start field, and None means the route has no end. Arts. 121(1), (2), (4), 132(4), 119(5)
    "objection": ("notice_received_on", {None: "90d", "direct": "90d",
                                         "after_hindrance": ("hindrance_ended_on", "14d")}),
    "examination": ("period_starts_on", {"direct": "90d", "after_objection": "90d",
                                         "objection_overdue": None, "after_hindrance": "14d"}),
    "bai_examination": ("notice_received_on", {None: "90d"}),
}
POSTED_IN_TIME_ROUTES = {"objection": frozenset({None, "direct"}),
                         "examination": frozenset({"direct", "after_objection"})}
"""Art. 121(3) (132(4) for objections): a request posted within the period of 121(1) or of the
main clause of 121(2) that arrives late counts as filed on its last day. Not the 14 days after
a hindrance (121(4)), nor the period of another body (the BAI's, 119(5))."""


def posted_in_time_counts(procedure_code: str, values) -> bool:
    """Whether the posting fiction of Art. 121(3) covers this appeal's filing period."""
    return values.get("route") in POSTED_IN_TIME_ROUTES.get(procedure_code, frozenset())


EXCLUSIVE_ROUTES = frozenset({"examination", "adjudication", "bai_examination"})
"""Only one of these may be pursued against the same disposition (Art. 119(10))."""
ROUTE_NAMES = {"examination": Label("a request for examination", "심사청구"),
               "adjudication": Label("a request for adjudication (Tax Tribunal)",
                                     "심판청구(조세심판원)"),
               "bai_examination": Label("a BAI examination", "감사원 심사청구")}
OPINION_STATES = frozenset({"opinion_issued", "forwarded"})
"""States a case is only ever in once the office's opinion has been sent (132(5), 122(3)-(4))."""


ONE_ROUTE = ExclusiveRoutes(procedures=EXCLUSIVE_ROUTES, key="disposition_ref",
                            fact="other_routes", withdrawn=frozenset({"withdrawn"}))
"""Art. 119(10): the routes already pursued against the same disposition (same party and
disposition reference, a withdrawn one not counting) are the fact ``single_route`` reads."""


def filing_period_of(procedure_code: str) -> FilingPeriod:
    """The filing period of an appeal as ``FILING_PERIODS`` and ``POSTED_IN_TIME_ROUTES`` give
    it (Arts. 121, 132(4), 119(5))."""
    return FilingPeriod(runs=partial(filing_period, procedure_code),
                        posting_counts=partial(posted_in_time_counts, procedure_code))


def filing_period(procedure_code: str, values) -> tuple[str, str | None] | None:
    """Return the field an appeal's filing period runs from and the period (Art. 121).

    The period is None on a route that has no end (121(2) proviso); None is returned when no
    period applies or the day it runs from is not given.
    """
    rule = FILING_PERIODS.get(procedure_code)
    if rule is None:
        return None
    start_field, periods = rule
    route = values.get("route")
    period = periods[route] if route in periods else periods.get(None, False)
    if period is False:
        return None
    if isinstance(period, tuple):
        start_field, period = period
    return (start_field, period) if values.get(start_field) else None


def appealable(context: Context) -> Said | None:
    """Art. 119(1), (3): some dispositions cannot be appealed under this Section."""
    kind = context.values.get("disposition_kind") or context.data.get("disposition_kind")
    if kind in EXCLUDED_DISPOSITIONS:
        which = EXCLUDED_DISPOSITIONS[kind]
        return Said(f"this cannot be appealed here: {which.en}",
                    f"이 처분에 대해서는 이 절차로 불복할 수 없습니다: {which.ko}")
    if kind in APPEAL_DECISIONS:
        which = APPEAL_DECISIONS[kind]
        return Said(f"this cannot be appealed here: {which.en}; an administrative "
                    "lawsuit lies against the decision itself (Art. 120(2)-(3))",
                    f"이 처분에 대해서는 이 절차로 불복할 수 없습니다: {which.ko}. 그 결정 "
                    "자체에 대해서는 행정소송을 제기할 수 있습니다(제120조제2항·제3항)")
    return None


def objection_available(context: Context) -> Said | None:
    """Art. 119(2), (4): no objection where the Commissioner investigated, decided or processed
    the disposition, nor against an objection decision or a reinvestigation-based disposition."""
    kind = context.values.get("disposition_kind")
    if kind in NOT_OBJECTABLE:
        which = NOT_OBJECTABLE[kind]
        return Said(f"no objection lies against {which.en}",
                    f"다음 처분에 대해서는 이의신청을 할 수 없습니다: {which.ko}")
    if context.values.get("commissioner_processed"):
        return Said("no objection lies where the Commissioner of the Korea Customs Service "
                    "investigated, decided or processed the disposition (Art. 119(2)): request "
                    "an examination or adjudication directly",
                    "관세청장이 조사·결정 또는 처리한 처분에 대해서는 이의신청을 할 수 "
                    "없습니다(제119조제2항). 바로 심사청구 또는 심판청구를 하십시오")
    return None


def posting_date_given(context: Context) -> Said | None:
    """Art. 121(3): "posted in time, arrived late" is decided by the date of posting."""
    posted, arrived = context.values.get("posted_on"), context.values.get("filed_on")
    if context.values.get("filing_rule") == "posted_late" and posted is None:
        return Said("give the date of posting (the postmark): a request posted within the "
                    "period counts as filed on its last day only if it was posted by then "
                    "(Art. 121(3))",
                    "발송일(우편 소인 날짜)을 입력하십시오. 우편으로 제출한 청구서는 "
                    "청구기간 만료일까지 발송한 경우에만 그 만료일에 청구된 것으로 봅니다"
                    "(제121조제3항)")
    if posted is not None and arrived is not None and posted > arrived:
        return Said(f"the date of posting ({posted}) is after the date it arrived ({arrived}): "
                    "check both dates",
                    f"발송일({korean_date(posted)})이 도달일({korean_date(arrived)})보다 "
                    "늦습니다. 두 날짜를 확인하십시오")
    return None


def hindrance_stated(context: Context) -> Said | None:
    """Art. 121(4): filing after an Art. 10 hindrance needs a statement of it and its end."""
    if context.values.get("route") != "after_hindrance":
        return None
    if not context.values.get("hindrance"):
        return Said("state the Art. 10 reason that prevented filing in time, the day it arose "
                    "and the day it ceased (Art. 121(4))",
                    "기한 내에 청구하지 못한 제10조의 사유와 그 사유가 발생한 날 및 소멸한 "
                    "날을 적으십시오(제121조제4항)")
    if "hindrance_ended_on" in context.values and not context.values.get("hindrance_ended_on"):
        return Said("give the day the hindrance ceased: the 14 days run from it (Art. 121(4))",
                    "그 사유가 소멸한 날을 입력하십시오. 14일의 청구기간은 그날부터 "
                    "계산합니다(제121조제4항)")
    return None


def overdue_route_opened(context: Context) -> Said | None:
    """Art. 121(2) proviso: after an undecided objection the request may be filed from the day
    after the objection's decision period ended, with no end; not before."""
    if context.values.get("route") != "objection_overdue":
        return None
    opened, filed = context.values.get("period_starts_on"), context.values.get("filed_on")
    if opened is not None and filed is not None and filed < opened:
        return Said(f"the objection's decision period had not yet ended: a request for "
                    f"examination without its decision may be filed from {opened} (Art. 121(2) "
                    "proviso)",
                    f"이의신청의 결정기간이 아직 끝나지 않았습니다. 결정을 받지 못한 경우의 "
                    f"심사청구는 {korean_date(opened)}부터 할 수 있습니다(제121조제2항 단서)")
    return None


def dismissal_ground_fits(context: Context) -> Said | None:
    """Ground (b) needs a late filing; ground (c) a revision period that passed unanswered."""
    ground = context.values.get("ground")
    if ground == "b" and context.data.get("filed_in_time") is True:
        ends = context.data.get("filing_period_ends")
        why, why_ko = ((f"the period ended on {ends}", f"청구기간은 {korean_date(ends)}에 "
                        "끝났습니다") if ends
                       else ("no filing period runs on this route, Art. 121(2) proviso",
                             "이 경로에는 청구기간이 없습니다. 제121조제2항 단서"))
        return Said(f"it was filed in time ({why}): ground (b) does not apply",
                    f"기간 내에 청구되었으므로({why_ko}) 각하 사유 (나)에 해당하지 않습니다")
    if ground == "c" and not revision_period_passed(context):
        return Said("no revision period has passed unanswered: ground (c) applies only when the "
                    "revision was not made within the period ordered (Arts. 123(1), "
                    "128(1)1(c))",
                    "보정 없이 지난 보정기간이 없습니다. 각하 사유 (다)는 요구한 보정기간 내에 "
                    "보정하지 아니한 경우에만 해당합니다(제123조제1항, 제128조제1항제1호다목)")
    return None


def revision_period_passed(context: Context) -> bool:
    """The case went through ``revision_lapsed`` (a later revision was then late), or its
    revision period has passed and the scheduler has not yet recorded it."""
    if context.data.get("revision_lapses", 0) >= 1:
        return True
    revision = context.deadlines.get("revision")
    if context.state != "in_revision":
        # recorded by the office after the period's end, before the scheduler saw it pass
        return revision is not None and revision.met_late
    period = context.open_deadlines.get("revision")
    return period is None or context.now > period.due_at


def deliberated(context: Context) -> Said | None:
    """Art. 127(1) (132(2) and 132(4) for objections): a decision on the merits follows the
    Customs Appeal Committee's deliberation, except in the cases of the proviso."""
    if context.data.get("referrals", 0) >= 1 or context.state == "under_deliberation":
        return None
    skipped = context.values.get("committee_skipped")
    if not skipped:
        return Said("refer the case to the Customs Appeal Committee first, or record the ground "
                    "on which its deliberation is skipped (Art. 127(1) proviso)",
                    "먼저 사건을 관세심사위원회에 회부하거나, 심의를 생략하는 사유를 "
                    "기록하십시오(제127조제1항 단서)")
    if skipped == "late_request" and context.data.get("filed_in_time") is True:
        return Said("it was filed in time: the committee is not skipped as for a late request",
                    "기간 내에 청구되었으므로 청구기간이 지난 청구로 보아 위원회 심의를 "
                    "생략할 수 없습니다")
    return None


def single_route(context: Context) -> Said | None:
    """Art. 119(10): examination, adjudication and BAI examination exclude one another.

    ``other_routes`` is a fact the back office supplies: the routes already pursued against the
    same disposition (same party and disposition reference).
    """
    others = [ROUTE_NAMES.get(o, Label(o, o)) for o in context.data.get("other_routes") or ()]
    if others:
        names, names_ko = ", ".join(o.en for o in others), ", ".join(o.ko for o in others)
        return Said(f"{names} is already pursued against this disposition; only one of "
                    "examination, adjudication and BAI examination is allowed (Art. 119(10))",
                    f"이 처분에 대하여 이미 진행 중인 청구가 있습니다({names_ko}). "
                    "심사청구·심판청구·감사원 심사청구 중 하나만 할 수 있습니다(제119조제10항)")
    return None


def one_redeliberation(context: Context) -> Said | None:
    if context.data.get("redeliberations", 0) >= 1:
        return Said("re-deliberation may be requested only once (Art. 127(2))",
                    "재심의는 한 차례만 요청할 수 있습니다(제127조제2항)")
    return None


def opinion_not_sent(context: Context) -> Said | None:
    if context.data.get("opinions_sent", 0) >= 1 or context.state in OPINION_STATES:
        return Said("the written opinion has already been sent (Art. 132(5))",
                    "의견서를 이미 송부했습니다(제132조제5항)")
    return None


def opinion_sent(context: Context) -> Said | None:
    """Evidence contrary to the opinion presupposes it (Arts. 122(5), 132(6))."""
    if context.data.get("opinions_sent", 0) >= 1 or context.state in OPINION_STATES:
        return None
    return Said("the office's opinion has not been sent yet: evidence contrary to it can be "
                "submitted once it is (Arts. 122(5), 132(6))",
                "세관의 의견서가 아직 송부되지 않았습니다. 의견서에 대한 반대 증거서류는 "
                "의견서가 송부된 뒤에 제출할 수 있습니다(제122조제5항, 제132조제6항)")


def decision_period_passed(context: Context) -> Said | None:
    """The next step may be taken before a decision only once its period has passed (Arts.
    121(2) proviso, 120(3) proviso): a case referred after the period passed is such a case."""
    if context.state in ("decided", "decision_overdue"):
        return None
    period = context.open_deadlines.get("decision")
    if period is not None and context.now <= period.due_at:
        return Said(f"the decision period runs until {period.due_date}: the next step opens on "
                    "its decision, or from the day after that (Arts. 121(2) proviso, 120(3) "
                    "proviso)",
                    f"결정기간은 {korean_date(period.due_date)}까지입니다. 다음 단계의 불복은 "
                    "결정을 받은 때, 또는 그 기간이 끝난 다음 날부터 할 수 있습니다"
                    "(제121조제2항 단서, 제120조제3항 단서)")
    return None


def revision_in_time(context: Context) -> Said | None:
    """A claimant revises within the period ordered (Art. 123(1)); afterwards only the office
    records a revision (a late one may lead to dismissal, 128(1)1(c))."""
    if context.role != Role.DUTY_PAYER:
        return None
    period = context.open_deadlines.get("revision")
    if period is None:  # no longer running: the scheduler has recorded that it passed
        return Said("the revision period has ended; contact the office (Art. 123(1))",
                    "보정기간이 끝났습니다. 세관에 문의하십시오(제123조제1항)")
    if context.now > period.due_at:
        return Said(f"the revision period ended on {period.due_date}; contact the office "
                    "(Art. 123(1))",
                    f"보정기간이 {korean_date(period.due_date)}에 끝났습니다. 세관에 "
                    "문의하십시오(제123조제1항)")
    return None


def revision_days(context: Context) -> str:
    return f"{context.values['revision_days']}d"


NOTICE_RECEIVED = After.value("notice_received_on", "the disposition notice was received")
"""A disposition takes effect when its notice reaches the party: nothing to appeal before."""
FILED = After.data("filed_on", "the request was filed")
FIRST_DATE = "the first date of the case: the disposition's own date is not asked"
FILING_DATES = ("the first dates of the case; a posting after the arrival, or a filing before "
                "the period it uses, is refused by the guards in the words of the Act")


def disposition_from_notice(notice: Mapping[str, Any]) -> dict[str, Any]:
    """The disposition appealed against, as a notice of the back office names it: its title,
    the case it was issued on and its number (the number that links the appeal to it)."""
    return {"disposition": f"{notice['title_ko']} ({notice['title_en']}), {notice['reference']}",
            "disposition_ref": notice["number"], "disposition_kind": "other"}


def disposition_fields(*extra: Field, filed_after: After | None = None) -> tuple[Field, ...]:
    """The disposition appealed against and the filing; ``filed_after`` is the date of the
    form the filing and its posting cannot precede (the receipt of the disposition notice).
    Posting and arrival are compared by the guards (``posting_date_given``, Art. 121(3))."""
    received = (filed_after,) if filed_after else ()
    return (
        Field(name="disposition", label=Label("The disposition appealed against", "대상 처분"),
              kind=FieldKind.LONGTEXT, store=True),
        Field(name="disposition_ref",
              label=Label("Number of the disposition notice", "처분 통지 번호"),
              kind=FieldKind.TEXT, store=True),
        Field(name="disposition_kind", label=Label("Kind of disposition", "처분 종류"),
              kind=FieldKind.CHOICE, choices=DISPOSITION_KINDS, store=True),
        *extra,
        Field(name="filed_on", label=Label("Legal filing date", "청구일"), kind=FieldKind.DATE,
              store=True,
              help=Label("The day it arrived; posted and arrived late: the day it arrived, "
                         "with the date of posting below.",
                         "도달한 날. 우편으로 발송하여 늦게 도달한 경우에도 도달한 날을 적고, "
                         "발송일은 아래에 적습니다."),
              follows=received, follows_nothing="" if received else FILING_DATES),
        Field(name="filing_rule", label=Label("How it was filed", "접수 경로"),
              kind=FieldKind.CHOICE, choices=FILING_RULES, store=True),
        Field(name="posted_on",
              label=Label("Date of posting (postmark), Art. 121(3)", "발송일(우편 소인)"),
              kind=FieldKind.DATE, required=False, store=True, follows=received,
              follows_nothing="" if received else FILING_DATES),
        Field(name="reasons", label=Label("Reasons of the dissatisfaction", "불복 사유"),
              kind=FieldKind.LONGTEXT),
    )


def hindrance_fields(*, ended_on: bool) -> tuple[Field, ...]:
    """The statement of an Art. 10 hindrance (121(4)), and the day it ceased where the filing
    period does not already run from a day given elsewhere."""
    statement = Field(name="hindrance",
                      label=Label("The Art. 10 reason, the day it arose and the day it ceased "
                                  "(Art. 121(4))",
                                  "기한 내 청구하지 못한 사유·발생일·소멸일"),
                      kind=FieldKind.LONGTEXT, required=False, store=True)
    if not ended_on:
        return (statement,)
    return (statement,
            Field(name="hindrance_ended_on",
                  label=Label("The day the hindrance ceased (Art. 121(4))", "사유 소멸일"),
                  kind=FieldKind.DATE, required=False, store=True,
                  follows_nothing="an Art. 10 hindrance may have arisen and ceased at any "
                                  "time; the statement of it is judged by the office"))


def decision_transitions(via: str, notice: str, deciders: frozenset[str],
                         open_states: tuple[str, ...],
                         merits_from: tuple[str, ...] = ()) -> tuple[Transition, ...]:
    """The four decisions of Art. 128(1); ``via`` names how the article applies.

    A dismissal may be made from any open state; a decision on the merits from ``merits_from``
    (or under deliberation and after the decision period), after the committee's deliberation
    or on a ground of the 127(1) proviso recorded with it.
    """
    reasons = Field(name="reasons",
                    label=Label("Reasons of the decision (Art. 128(3))", "결정 이유"),
                    kind=FieldKind.LONGTEXT)
    skipped = Field(name="committee_skipped",
                    label=Label("Customs Appeal Committee not consulted: the ground "
                                "(Art. 127(1) proviso)",
                                "심의 생략 사유"),
                    kind=FieldKind.CHOICE, required=False, choices=COMMITTEE_SKIPPED, store=True,
                    help=Label("Only when the case was not referred to the committee.",
                               "위원회에 회부하지 않은 경우에만 적습니다."))
    merits = tuple(dict.fromkeys((*merits_from, "under_deliberation", "decision_overdue")))
    guards = (deliberated,)
    return (
        Transition(trigger="decide_dismiss", source=(*open_states, "decision_overdue"),
                   dest="decided", roles=deciders, article=f"Art. 128(1)1{via}",
                   label=Label("Dismiss", "각하"), guards=(dismissal_ground_fits,),
                   outcome=Label("Your {what} was dismissed without a review of its merits, on "
                                 "ground {ground}",
                                 "{what_ko} 각하되었습니다 (본안 심리 없이 종결)"),
                   fields=(Field(name="ground", label=Label("Ground of dismissal", "각하 사유"),
                                 kind=FieldKind.CHOICE, choices=DISMISSAL_GROUNDS, store=True),
                           reasons),
                   reason_field="reasons", notices=(notice,)),
        Transition(trigger="decide_reject", source=merits, dest="decided", roles=deciders,
                   article=f"Art. 128(1)2{via}", label=Label("Reject", "기각"),
                   fields=(reasons, skipped), reason_field="reasons", guards=guards,
                   outcome=Label("Your {what} was rejected", "{what_ko} 기각되었습니다"),
                   notices=(notice,)),
        Transition(trigger="decide_accept", source=merits, dest="decided", roles=deciders,
                   article=f"Art. 128(1)3{via}", label=Label("Accept", "인용"),
                   outcome=Label("Your {what} was accepted {extent}", "{what_ko} 인용되었습니다"),
                   guards=guards,
                   fields=(Field(name="extent", label=Label("Accepted", "인용 범위"),
                                 kind=FieldKind.CHOICE,
                                 choices=(("full", Label("in full", "전부 인용")),
                                          ("part", Label("in part", "일부 인용"))),
                                 store=True),
                           reasons, skipped),
                   reason_field="reasons", notices=(notice,)),
        Transition(trigger="decide_reinvestigate", source=merits, dest="reinvestigating",
                   roles=deciders, article=f"Art. 128(1)3 latter part{via}",
                   label=Label("Order a reinvestigation", "재조사 결정"),
                   outcome=Label("A reinvestigation was ordered on your {what}: the customs office "
                                 "reinvestigates within 60 days and tells you the result "
                                 "(Art. 128(5))",
                                 "재조사 결정이 내려졌습니다. 세관이 60일 이내에 재조사하여 그 "
                                 "결과를 알려 드립니다 (제128조 제5항)"),
                   guards=guards,
                   fields=(Field(name="scope",
                                 label=Label("Scope of the reinvestigation (Art. 128(5))",
                                             "재조사 범위"),
                                 kind=FieldKind.LONGTEXT, store=True),
                           reasons, skipped),
                   reason_field="reasons", notices=(notice,), spawns="reinvestigation"),
    )


def refer_transition(sources: tuple[str, ...], roles: frozenset[str],
                     article: str) -> Transition:
    """The referral to the Customs Appeal Committee, also after the decision period passed or
    a revision (127(1), 132(2)); counted, for the decisions that need the deliberation."""
    return Transition(trigger="refer_to_committee", source=sources, dest="under_deliberation",
                      roles=roles, article=article,
                      label=Label("Refer to the Customs Appeal Committee", "관세심사위원회 회부"),
                      counts="referrals")


ATTORNEY_KINDS = (
    ("lawyer", Label("lawyer (Art. 126(1))", "변호사(제126조제1항)")),
    ("customs_broker", Label("licensed customs broker (Art. 126(1))", "관세사(제126조제1항)")),
    ("family", Label("spouse or relative within the 4th degree (Art. 126(2))",
                     "배우자 또는 4촌 이내의 혈족(제126조제2항)")),
)
FAMILY_ATTORNEY_LIMIT = 30_000_000
"""KRW. Art. 126(2) leaves the amount to Presidential Decree [GK: KRW 30 million]."""
FAMILY_ATTORNEY_SETTING = Setting(
    name="FAMILY_ATTORNEY_LIMIT", default=FAMILY_ATTORNEY_LIMIT,
    about="Art. 126(2), left to Presidential Decree: a spouse or relative may act as attorney "
          "where less than this amount (KRW) is in dispute; kept on each case when it opens")


def attorney_limit(settings, values) -> dict[str, int]:
    """The amount of Art. 126(2) a deployment sets (``FAMILY_ATTORNEY_LIMIT``), kept on the case
    when it opens."""
    return {"family_attorney_limit": int(settings.get("FAMILY_ATTORNEY_LIMIT",
                                                      FAMILY_ATTORNEY_LIMIT))}


def family_only_for_small_amounts(context: Context) -> Said | None:
    """Art. 126(2): a family member only where the amount is *less than* the Decree's."""
    if context.values.get("attorney_kind") != "family":
        return None
    amount = context.values.get("amount_in_dispute") or 0
    limit = context.data.get("family_attorney_limit", FAMILY_ATTORNEY_LIMIT)
    if amount >= limit:
        return Said(f"a family member may act only where less than KRW {limit:,} is in "
                    "dispute (Art. 126(2)); appoint a lawyer or a licensed customs broker",
                    f"배우자나 4촌 이내의 혈족은 청구 금액이 {limit:,}원 미만인 경우에만 "
                    "대리인이 될 수 있습니다(제126조제2항). 변호사나 관세사를 선임하십시오")
    return None


def attorney_acting(context: Context) -> bool:
    appointed = context.data.get("attorney_appointments", 0)
    if not appointed and context.data.get("attorney_name"):
        appointed = 1  # appointed before appointments were counted
    return appointed > context.data.get("attorney_dismissals", 0)


def attorney_appointed(context: Context) -> Said | None:
    if not attorney_acting(context):
        return Said("no attorney acts in this case (Art. 126)",
                    "이 사건에는 선임된 대리인이 없습니다(제126조)")
    return None


def withdrawal_authorised(context: Context) -> Said | None:
    """Art. 126(4): an attorney withdraws only with special authority; a dismissed one not at
    all (126(5))."""
    if not context.values.get("by_attorney"):
        return None
    if not attorney_acting(context):
        return Said("no attorney acts in this case: the claimant withdraws (Art. 126(5))",
                    "이 사건에는 선임된 대리인이 없으므로 청구인이 직접 취하합니다"
                    "(제126조제5항)")
    if not context.data.get("special_authority"):
        return Said("the attorney has no special authority to withdraw (Art. 126(4))",
                    "대리인에게 취하에 관한 특별한 위임이 없습니다(제126조제4항)")
    return None


def side_transitions(open_states: tuple[str, ...]) -> tuple[Transition, ...]:
    """Attorneys (126), suspension of execution (125) and perusal and opinion (130): actions
    that keep the case's state, beside the procedure's course (``side``): possible at every step
    while the case is open."""
    return tuple(replace(t, side=True) for t in (
        Transition(trigger="appoint_attorney", source=open_states, dest=STAYS,
                   roles=CLAIMANT_OR_OFFICE, article="Art. 126",
                   label=Label("Appoint an attorney", "대리인 선임"),
                   guards=(family_only_for_small_amounts,), counts="attorney_appointments",
                   fields=(Field(name="attorney_name", label=Label("Attorney", "대리인"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="attorney_kind", label=Label("Kind", "구분"),
                                 kind=FieldKind.CHOICE, choices=ATTORNEY_KINDS, store=True),
                           Field(name="amount_in_dispute",
                                 label=Label("Amount in dispute (KRW)", "청구 금액"),
                                 kind=FieldKind.INTEGER, minimum=0, store=True),
                           Field(name="authority_document",
                                 label=Label("Written authority (Art. 126(3))", "위임장"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="special_authority",
                                 label=Label("Special authority to withdraw (Art. 126(4))",
                                             "특별 수권"),
                                 kind=FieldKind.BOOLEAN, store=True))),
        Transition(trigger="dismiss_attorney", source=open_states, dest=STAYS,
                   roles=CLAIMANT_OR_OFFICE, article="Art. 126(5)",
                   label=Label("Record the dismissal of the attorney", "대리인 해임 신고"),
                   guards=(attorney_appointed,), counts="attorney_dismissals",
                   fields=(Field(name="dismissal_report",
                                 label=Label("The written report of the dismissal (Art. 126(5))",
                                             "해임 신고서"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="attorney_dismissed_on",
                                 label=Label("Report received on", "신고 접수일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(
                                     FILED,
                                     After.happened("appoint_attorney",
                                                    event="the attorney's appointment was "
                                                          "recorded"),
                                 )))),
        Transition(trigger="suspend_execution", source=open_states, dest=STAYS, roles=OFFICE,
                   article="Art. 125(1)-(2)",
                   label=Label("Suspend execution of the disposition", "집행정지"),
                   fields=(Field(name="execution_suspended", label=Label("Suspended", "집행정지"),
                                 kind=FieldKind.BOOLEAN, store=True),
                           Field(name="reason", label=Label("Grave loss to prevent", "사유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reason", notices=("execution_suspension",)),
        Transition(trigger="peruse_or_state_opinion", source=open_states, dest=STAYS,
                   roles=CLAIMANT_OR_OFFICE, article="Art. 130",
                   label=Label("Peruse the documents or state an opinion", "서류 열람·의견 진술"),
                   fields=(Field(name="perusal_kind", label=Label("Request", "신청 내용"),
                                 kind=FieldKind.CHOICE,
                                 choices=(("perusal", Label("perusal of the documents of the "
                                                            "case", "관계 서류의 열람")),
                                          ("opinion", Label("statement of an opinion",
                                                            "의견 진술"))),
                                 store=True),
                           Field(name="requested_on", label=Label("Requested on", "신청일"),
                                 kind=FieldKind.DATE, store=True, follows=(FILED,)),
                           Field(name="details",
                                 label=Label("Documents asked for, or the opinion stated",
                                             "열람 서류 또는 진술 의견"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="details"),
    ))


def revision_transitions(sources: tuple[str, ...], orderers: frozenset[str], via: str,
                         returns_to: str) -> tuple[Transition, ...]:
    """A revision order of up to 20 days, the revision, and the passing of its period (Art. 123).

    The revision returns the case to the office's stage (``returns_to``); the period passing
    unanswered restarts the decision clock from the day after its last day (128(4)) and opens
    the dismissal of 128(1)1(c); the office may still record a late revision.
    """
    return (
        Transition(trigger="order_revision", source=sources, dest="in_revision", roles=orderers,
                   article=f"Art. 123(1){via}", label=Label("Order a revision", "보정 요구"),
                   fields=(Field(name="revision_days",
                                 label=Label("Revision period (days)", "보정 기간"),
                                 kind=FieldKind.INTEGER, minimum=1, maximum=20),
                           Field(name="matters", label=Label("Matters to revise", "보정할 사항"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="matters", notices=("revision_order",)),
        Transition(trigger="revise", source=("in_revision", "revision_lapsed"), dest=returns_to,
                   roles=CLAIMANT_OR_OFFICE, article=f"Art. 123(2){via}",
                   label=Label("Revision submitted", "보정서 제출"), guards=(revision_in_time,),
                   fields=(Field(name="revision", label=Label("The revision", "보정 내용"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="revision"),
        Transition(trigger="revision_lapsed", source=("in_revision",), dest="revision_lapsed",
                   roles=frozenset({SYSTEM}), article=f"Art. 123(1){via}; 128(1)1(c)",
                   label=Label("Revision period passed without a revision", "보정기간 경과"),
                   counts="revision_lapses",
                   outcome=Label("The revision period passed without your revision: the {what} may "
                                 "be dismissed without a review of its merits (Art. 128(1)1(c)); "
                                 "contact the office",
                                 "보정기간이 지나도록 보정이 없었습니다. {what_ko} 각하될 수 "
                                 "있습니다 (제128조 제1항 제1호 다목)")),
    )


def revision_deadline(via: str) -> Deadline:
    return Deadline(kind="revision", label=Label("revision period", "보정 기간"),
                    article=f"Art. 123(1){via}", period=revision_days,
                    start=Start.entered("the revision order"),
                    on_expiry=Expiry.transition("revision_lapsed"), reminders=("1d",),
                    period_text="the days ordered (at most 20)", owed_by=Duty.PARTY,
                    extension="Art. 10")


DECISION_SERVED = ("record_decision_served", "record_reinvestigation_served")
"""The actions that record the service of the written decision: the decision period is met by
it (Art. 128(3)), whichever decision it was."""


def reinvestigating_state(via: str) -> State:
    return State(name="reinvestigating",
                 label=Label("Reinvestigation ordered: the remedy runs against its result",
                             "재조사 결정"),
                 article=f"Art. 128(1)3 latter part, 128(5){via}; 119(3)-(4); 120(4)")


def reinvestigation_transitions(via: str) -> tuple[Transition, ...]:
    """A decision to reinvestigate is served like any decision (128(3)); what follows is
    contested against the reinvestigation's result (119(3)-(4), 120(4), 121(1)), not within
    90 days of this decision: the case waits for the result and closes with it."""
    return (
        Transition(trigger="record_reinvestigation_served", source=("reinvestigating",),
                   dest="reinvestigating", roles=OFFICE, article=f"Art. 128(3){via}",
                   label=Label("Record service of the decision", "결정서 송달 기록"),
                   fields=(Field(name="decision_served_on",
                                 label=Label("Decision received on", "결정서 수령일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(After.entered("the reinvestigation was decided"),)),)),
        Transition(trigger="reinvestigation_concluded", source=("reinvestigating",), dest="closed",
                   roles=frozenset({SYSTEM}), article=f"Art. 128(5){via}; 120(4)",
                   label=Label("Closed: the reinvestigation ended", "종결: 재조사 종료"),
                   outcome=Label("Closed: the reinvestigation ended; what follows is contested "
                                 "against its result, as its notice says",
                                 "종결: 재조사가 끝났습니다. 재조사 결과 통지서에 적힌 대로 그 "
                                 "결과에 대해 불복할 수 있습니다")),
    )


def record_decision_served(via: str) -> Transition:
    """The decision period is met by serving the written decision (Art. 128(3)); the remedies
    run from its receipt (Art. 129(1))."""
    return Transition(trigger="record_decision_served", source=("decided",), dest="decided",
                      roles=OFFICE, article=f"Art. 128(3){via}",
                      label=Label("Record service of the decision", "결정서 송달 기록"),
                      fields=(Field(name="decision_served_on",
                                    label=Label("Decision received on", "결정서 수령일"),
                                    kind=FieldKind.DATE, store=True,
                                    follows=(After.entered("the decision was made"),)),))


def withdraw_transition(sources: tuple[str, ...], label_en: str,
                        article: str = "Art. 120(1) (Administrative Appeals Act Art. 42); "
                                       "126(4)") -> Transition:
    """Withdrawal: Art. 120(1) applies AAA Art. 42 to examinations and adjudications only."""
    return Transition(trigger="withdraw", source=sources, dest="withdrawn",
                      roles=CLAIMANT_OR_OFFICE, article=article, label=Label(label_en, "취하"),
                      outcome=Label("Your {what} was withdrawn", "{what_ko} 취하되었습니다"),
                      guards=(withdrawal_authorised,),
                      fields=(Field(name="reason", label=Label("Reason", "사유"),
                                    kind=FieldKind.LONGTEXT, required=False),
                              Field(name="by_attorney",
                                    label=Label("Withdrawn by the attorney", "대리인 취하"),
                                    kind=FieldKind.BOOLEAN)),
                      reason_field="reason")
