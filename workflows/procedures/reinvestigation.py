"""Reinvestigation after an appeal decision (Art. 128(1)3 latter part, 128(5); 118(4)2).

A decision to reinvestigate opens this case at the office that took the disposition (or gave
the pre-assessment notice). It investigates only within the scope written in the decision,
within 60 days from the date the reinvestigation was decided (the first day not counted,
Art. 8); it may postpone or suspend the investigation or extend its period (128(5) latter part,
details by Decree: configurable). The days postponed, suspended or added belong to the period
(120(4)1 proviso, in brackets). The rule reaches every procedure that orders one: an
examination directly, an objection through 132(4), an adjudication through 131 (the Framework
Act on National Taxes), a pre-assessment review through 118(6).

What the result is, and how it is contested, depends on the procedure that ordered it
(``ordered_by``):

- a pre-assessment review (118(4)2): the office amends the original notice on the findings and
  notifies it. That is a pre-assessment notice, not a disposition after an appeal decision: no
  lawsuit period runs here (120(2) and (4) speak of examination and adjudication); the review
  takes it up again.
- an objection: no objection against the result (119(4)); no lawsuit directly (120(2): its
  proviso covers only reinvestigations decided on an examination or adjudication). The route
  is a request for examination (121(1): 90 days from receiving the notice of the disposition,
  i.e. the result) or adjudication (131 → Framework Act on National Taxes, the same 90 days).
- an examination or an adjudication: an examination or adjudication with the ruling agency that
  decided the reinvestigation (119(3) proviso: the KCS Commissioner after an examination, the
  Tax Tribunal after an adjudication), or a lawsuit directly (120(2) proviso) within 90 days of
  receiving the result (120(4)1). When no result is received within the period, the lawsuit may
  be brought from the day after it ended (120(4)1 proviso); the result is still owed.
"""

from __future__ import annotations

from workflows.engine import (
    STAYS,
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
from workflows.procedures.appeals import OFFICE

CODE = "reinvestigation"
BASE_DAYS = 60

PRE_ASSESSMENT = "pre_assessment_review"
ORDERED_BY = (("objection", "an objection"),
              ("examination", "a request for examination"),
              ("adjudication", "an adjudication"),
              (PRE_ASSESSMENT, "a pre-assessment review"))

PERIOD_ARTICLE = {
    # ordered_by: how Art. 128(5) applies to the reinvestigation it decided
    "examination": "Art. 128(5)",
    "objection": "Art. 132(4) → 128(5)",
    "adjudication": "Art. 131 (Framework Act on National Taxes, as 128(5))",
    PRE_ASSESSMENT: "Art. 118(6) → 128(5)",
}
LAPSE_ARTICLE = {
    # ordered_by: what the lapse of the period without a result means
    "examination": "Art. 120(4)1 proviso",
    "adjudication": "Art. 120(4)1 proviso",
}
ROUTES = {
    # ordered_by: (the routes against the result, the article that allows them)
    "objection": (("examination", "adjudication"), "Art. 119(4); 120(2); 121(1); 131"),
    "examination": (("examination", "lawsuit"), "Art. 119(3) proviso; 120(2) proviso; 120(4)1"),
    "adjudication": (("adjudication", "lawsuit"), "Art. 119(3) proviso; 120(2) proviso; 120(4)1"),
}
NEXT_STEP_ARTICLE = {
    "objection": "Art. 121(1) (examination); 131 (adjudication)",
    "examination": "Art. 120(4)1 (lawsuit); 119(3) proviso, 121(1) (examination)",
    "adjudication": "Art. 120(4)1 (lawsuit); 119(3) proviso, 131 (adjudication)",
}


def _ordered_by(context: Context) -> str:
    return context.values.get("ordered_by") or context.data.get("ordered_by") or "examination"


def _period(context: Context) -> str:
    """60 days from the decision, plus the extensions granted (Art. 128(5))."""
    return f"{BASE_DAYS + int(context.data.get('extended_days') or 0)}d"


def _period_article(context: Context) -> str:
    return PERIOD_ARTICLE.get(_ordered_by(context), "Art. 128(5)")


def _lapse_article(context: Context) -> str:
    return LAPSE_ARTICLE.get(_ordered_by(context), _period_article(context))


def _routes_article(context: Context) -> str:
    return ROUTES.get(_ordered_by(context), ROUTES["examination"])[1]


def _next_step_article(context: Context) -> str:
    return NEXT_STEP_ARTICLE.get(_ordered_by(context), NEXT_STEP_ARTICLE["examination"])


def _close_article(context: Context) -> str:
    if _ordered_by(context) == "objection":
        return "Art. 121(1); 131"
    return "Art. 120(4)1, 120(6)"


EXTENSION_DAYS = 60
"""The most days a reinvestigation may be extended in total: 128(5) leaves it to Presidential
Decree; ``REINVESTIGATION_EXTENSION_DAYS`` configures it, kept on the case when it opens."""


def extension_limit(settings, values) -> dict[str, int]:
    return {"extension_limit_days": int(settings.get("REINVESTIGATION_EXTENSION_DAYS",
                                                     EXTENSION_DAYS))}


def within_the_extension_limit(context: Context) -> str | None:
    limit = int(context.data.get("extension_limit_days", EXTENSION_DAYS))
    asked = context.values.get("extended_days") or 0
    if asked > limit:
        return (f"the reinvestigation may be extended by at most {limit} days in total "
                "(Art. 128(5) latter part; the Presidential Decree's limit as configured)")
    return None


def within_the_period(context: Context) -> str | None:
    """The office postpones, suspends or extends the reinvestigation while its period runs
    (128(5) latter part): once it has passed, the next remedy is open (120(4)1 proviso) and a
    later extension cannot take that back."""
    period = context.open_deadlines.get("reinvestigation")
    if period is None or context.now >= period.due_at:
        return ("the period of the reinvestigation has ended: it can no longer be postponed, "
                "suspended or extended (Art. 128(5), 120(4)1 proviso); notify the result")
    return None


def lawsuit_open_before_the_result(context: Context) -> str | None:
    """120(4)1 proviso: when no result is received within the period (postponed, suspended and
    extended days included), a lawsuit may be brought from the day after it, before the result;
    only for a reinvestigation decided on an examination or adjudication (120(2) proviso)."""
    if _ordered_by(context) not in ("examination", "adjudication"):
        return ("a lawsuit before the result is open only after a reinvestigation decided on a "
                "request for examination or adjudication (Art. 120(2) proviso, 120(4)1)")
    if not context.data.get("result_lapses"):
        return ("the reinvestigation's period has not passed: a lawsuit may be brought before "
                "the result only from the day after it (Art. 120(4)1 proviso)")
    return None


def result_of_an_appeal(context: Context) -> str | None:
    if _ordered_by(context) == PRE_ASSESSMENT:
        return ("a reinvestigation decided on a pre-assessment review ends in an amended "
                "pre-assessment notice (Art. 118(4)2): notify the amended notice")
    return None


def ordered_by_a_review(context: Context) -> str | None:
    if _ordered_by(context) != PRE_ASSESSMENT:
        return ("only a reinvestigation decided on a pre-assessment review ends in an amended "
                "notice (Art. 118(4)2); this one ends in a disposition: notify the result")
    return None


def route_allowed(context: Context) -> str | None:
    """The routes against the result follow the procedure that decided the reinvestigation."""
    ordered_by, route = _ordered_by(context), context.values.get("route")
    allowed, article = ROUTES.get(ordered_by, ROUTES["examination"])
    if route in allowed:
        return None
    if ordered_by == "objection":
        return ("a disposition taken after a reinvestigation decided on an objection cannot be "
                "taken to court directly: a request for examination or adjudication comes "
                "first (Art. 120(2); its proviso covers only reinvestigations decided on an "
                "examination or adjudication); no second objection (Art. 119(4))")
    agency = ("the Commissioner of the Korea Customs Service (a request for examination)"
              if ordered_by == "examination" else "the Tax Tribunal (a request for adjudication)")
    return (f"the result can be contested only with the ruling agency that decided the "
            f"reinvestigation, {agency} (Art. 119(3) proviso), or by a lawsuit "
            f"({article})")


DECIDED = After.data("decided_on", "the reinvestigation was decided")

PROCEDURE = Procedure(
    code=CODE,
    article="Art. 128(1)3 latter part and (5); 118(4)2; 119(3)-(4); 120(2), (4)",
    states=(
        State("investigating", "Reinvestigating within the decided scope", "재조사 중",
              "Art. 128(5)"),
        State("suspended", "Reinvestigation postponed or suspended", "재조사 연기·중지",
              "Art. 128(5) latter part; 120(4)1 proviso", suspends=("reinvestigation",)),
        State("result_notified", "Result notified", "재조사 결과 통지",
              "Art. 128(5); 120(4)1"),
        State("notice_amended", "Pre-assessment notice amended and notified",
              "과세전통지 내용 변경 통지", "Art. 118(4)2", terminal=True),
        State("closed", "Closed", "종결", "Art. 119(3)-(4), 120(2), 120(4)1", terminal=True),
    ),
    transitions=(
        Transition("order", (), "investigating", frozenset({*OFFICE, SYSTEM}),
                   "Art. 128(1)3 latter part; 118(4)2", "Open the reinvestigation", "재조사 개시",
                   fields=(Field("scope", "Scope written in the decision", "재조사 범위",
                                 FieldKind.LONGTEXT, store=True),
                           Field("decided_on", "Reinvestigation decided on", "재조사 결정일",
                                 FieldKind.DATE, store=True,
                                 follows_nothing="the decision that orders it is the first "
                                                 "date of this case (made in the case of "
                                                 "origin, or by another body)"),
                           Field("ordered_by", "Ordered in", "결정 절차", FieldKind.CHOICE,
                                 choices=ORDERED_BY, store=True),
                           Field("parent_reference", "Case that ordered it", "원 사건",
                                 FieldKind.TEXT, store=True))),
        Transition("suspend", ("investigating",), "suspended", OFFICE,
                   "Art. 128(5) latter part", "Postpone or suspend the reinvestigation",
                   "연기·중지", guards=(within_the_period,),
                   fields=(Field("reason", "Reason", "사유", FieldKind.LONGTEXT),),
                   reason_field="reason"),
        Transition("resume", ("suspended",), "investigating", OFFICE, "Art. 128(5) latter part",
                   "Resume the reinvestigation", "재개"),
        Transition("extend", ("investigating",), "investigating", OFFICE,
                   "Art. 128(5) latter part", "Extend the period of the reinvestigation",
                   "기간 연장", guards=(within_the_period, within_the_extension_limit),
                   fields=(Field("extended_days", "Total extension (days)", "연장 일수",
                                 FieldKind.INTEGER, minimum=1, maximum=366, store=True),
                           Field("reason", "Reason", "사유", FieldKind.LONGTEXT)),
                   reason_field="reason", recomputes=("reinvestigation",)),
        Transition("note_result_overdue", ("investigating",), STAYS, frozenset({SYSTEM}),
                   _lapse_article, "Record that the period passed without a result",
                   "재조사 기간 경과 기록", counts="result_lapses",
                   outcome_en="No result of the reinvestigation was notified within its "
                              "period; the customs office still owes it. If the reinvestigation "
                              "was decided on a request for examination or adjudication, you "
                              "may bring an administrative lawsuit from the day after the "
                              "period ended, without waiting for the result (Art. 120(4)1 "
                              "proviso); otherwise any time to contest runs from the day you "
                              "receive the result",
                   outcome_ko="재조사 기간 내에 재조사 결과가 통지되지 않았으며, 세관은 "
                              "여전히 결과를 통지하여야 합니다. 심사청구 또는 심판청구에 대한 "
                              "재조사 결정인 경우에는 결과를 통지받기 전이라도 그 기간이 지난 "
                              "날부터 행정소송을 제기할 수 있습니다(관세법 제120조제4항제1호 "
                              "단서). 그 밖의 경우 불복 기간은 결과를 통지받은 날부터 진행합니다"),
        Transition("notify_result", ("investigating",), "result_notified", OFFICE,
                   "Art. 128(5)", "Notify the result", "결과 통지", guards=(result_of_an_appeal,),
                   outcome_en="The result of the reinvestigation: {result}",
                   outcome_ko="재조사 결과가 통지되었습니다",
                   fields=(Field("result", "Result", "결과", FieldKind.CHOICE,
                                 choices=(("revoked", "disposition revoked"),
                                          ("rectified", "disposition rectified"),
                                          ("maintained", "disposition maintained")),
                                 store=True),
                           Field("result_served_on", "Result received on", "결과 수령일",
                                 FieldKind.DATE, store=True, required=False,
                                 follows=(DECIDED,)),
                           Field("findings", "Findings", "조사 결과", FieldKind.LONGTEXT)),
                   reason_field="findings", notices=("reinvestigation_result",),
                   informs="reinvestigation_concluded"),
        Transition("notify_amended_notice", ("investigating",), "notice_amended", OFFICE,
                   "Art. 118(4)2", "Notify the amended pre-assessment notice",
                   "변경된 과세전통지", guards=(ordered_by_a_review,),
                   outcome_en="After the reinvestigation the pre-assessment notice was "
                              "{amendment}",
                   outcome_ko="재조사 결과에 따라 과세전통지 내용이 변경되어 통지되었습니다",
                   fields=(Field("amendment", "Notice", "통지 내용", FieldKind.CHOICE,
                                 choices=(("amended", "amended to the findings"),
                                          ("withdrawn", "withdrawn: nothing is collected"),
                                          ("unchanged", "left unchanged: the findings support "
                                                        "it")),
                                 store=True),
                           Field("amended_shortage", "Shortage after the reinvestigation (KRW)",
                                 "재조사 후 부족세액", FieldKind.INTEGER, minimum=0, store=True),
                           Field("amended_notice_on", "Amended notice received on",
                                 "변경 통지 수령일", FieldKind.DATE, store=True, required=False,
                                 follows=(DECIDED,)),
                           Field("findings", "Findings", "조사 결과", FieldKind.LONGTEXT)),
                   reason_field="findings", notices=("reinvestigation_result",),
                   informs="record_amended_notice"),
        Transition("record_result_served", ("result_notified",), "result_notified", OFFICE,
                   "Art. 120(4)1; 121(1)", "Record receipt of the result", "결과 수령 기록",
                   fields=(Field("result_served_on", "Result received on", "결과 수령일",
                                 FieldKind.DATE, store=True,
                                 follows=(DECIDED,
                                          After.entered("the result was notified"))),)),
        Transition("contested", ("result_notified",), "closed", OFFICE, _routes_article,
                   "Record that the result was contested", "불복 기록",
                   guards=(route_allowed,),
                   outcome_en="Closed: the result was contested ({route})",
                   outcome_ko="종결: 재조사 결과에 불복하였습니다",
                   fields=(Field("route", "How", "불복 절차", FieldKind.CHOICE,
                                 choices=(("examination", "request for examination"),
                                          ("adjudication", "request for adjudication"),
                                          ("lawsuit", "administrative lawsuit")),
                                 store=True),)),
        Transition("lawsuit_before_result", ("investigating", "suspended"), "closed", OFFICE,
                   "Art. 120(4)1 proviso", "Record a lawsuit brought before the result",
                   "결과 통지 전 행정소송 기록", guards=(lawsuit_open_before_the_result,),
                   outcome_en="Closed: an administrative lawsuit was brought after the "
                              "reinvestigation's period passed without a result",
                   outcome_ko="종결: 재조사 기간이 지나도록 결과가 통지되지 않아 행정소송이 "
                              "제기되었습니다",
                   fields=(Field("lawsuit_filed_on", "Lawsuit filed on", "소 제기일",
                                 FieldKind.DATE, store=True, follows=(DECIDED,)),),
                   informs="reinvestigation_concluded"),
        Transition("close", ("result_notified",), "closed", frozenset({SYSTEM}),
                   _close_article, "Close: the period to contest passed", "종결",
                   outcome_en="The 90 days to contest the result passed unused: it can no longer "
                              "be challenged",
                   outcome_ko="불복 기간(90일)이 지나 더 이상 불복할 수 없습니다"),
    ),
    configured=extension_limit,
    deadlines={
        "investigating": (
            # The days postponed or suspended stop the clock (the state ``suspended``), the
            # extension lengthens the period: both belong to it (120(4)1 proviso, in brackets).
            # Its lapse opens the lawsuit (120(4)1 proviso) but leaves the result owed: the
            # expiry records the lapse and keeps the state; only the result meets it.
            Deadline("reinvestigation", "reinvestigation and its result", _period_article,
                     _period, Start.data("decided_on", "the reinvestigation decision"),
                     Expiry.transition("note_result_overdue"), reminders=("14d", "3d"),
                     met_by=("notify_result", "notify_amended_notice"),
                     period_text="60 days from the decision, plus the extensions granted; "
                                 "postponed or suspended days are not counted",
                     label_ko="재조사 및 결과 통지",
                     extension="",  # the office's own extension is 128(5), not Art. 10
                     waiver=""),  # its lapse opens the next remedy (120(4)1 proviso)
        ),
        "result_notified": (
            Deadline("next_step", "contesting the result", _next_step_article, "90d",
                     Start.data("result_served_on", "receipt of the result", optional=True),
                     Expiry.transition("close"), reminders=("14d",), owed_by=Duty.PARTY,
                     label_ko="재조사 결과에 대한 불복",
                     # Peremptory for the lawsuit (120(6)); a request for examination hindered
                     # by an Art. 10 ground is filed within 14 days of its end (121(4)): a late
                     # filing decided in the examination, not an extension of this period.
                     extension="", waiver=""),
        ),
    },
)
