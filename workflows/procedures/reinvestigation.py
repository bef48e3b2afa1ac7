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

from workflows.citations import korean_citation
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
    Procedure,
    Start,
    State,
    Transition,
)
from workflows.engine.declarations import After, Said, Setting
from workflows.procedures.appeals import OFFICE

CODE = "reinvestigation"
BASE_DAYS = 60

PRE_ASSESSMENT = "pre_assessment_review"
ORDERED_BY = (("objection", Label("an objection", "이의신청")),
              ("examination", Label("a request for examination", "심사청구")),
              ("adjudication", Label("an adjudication", "심판청구")),
              (PRE_ASSESSMENT, Label("a pre-assessment review", "과세전적부심사")))

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


EXTENSION_SETTING = Setting(
    name="REINVESTIGATION_EXTENSION_DAYS", default=EXTENSION_DAYS,
    about="Art. 128(5) latter part, left to Presidential Decree: the most days a "
          "reinvestigation may be extended, in total; kept on each case when it opens")


def extension_limit(settings, values) -> dict[str, int]:
    return {"extension_limit_days": int(settings.get("REINVESTIGATION_EXTENSION_DAYS",
                                                     EXTENSION_DAYS))}


def within_the_extension_limit(context: Context) -> Said | None:
    limit = int(context.data.get("extension_limit_days", EXTENSION_DAYS))
    asked = context.values.get("extended_days") or 0
    if asked > limit:
        return Said(f"the reinvestigation may be extended by at most {limit} days in total "
                    "(Art. 128(5) latter part; the Presidential Decree's limit as configured)",
                    f"재조사 기간은 모두 합하여 {limit}일까지만 연장할 수 있습니다"
                    "(제128조제5항 후단, 대통령령으로 정하여 설정된 한도)")
    return None


def within_the_period(context: Context) -> Said | None:
    """The office postpones, suspends or extends the reinvestigation while its period runs
    (128(5) latter part): once it has passed, the next remedy is open (120(4)1 proviso) and a
    later extension cannot take that back."""
    period = context.open_deadlines.get("reinvestigation")
    if period is None or context.now >= period.due_at:
        return Said("the period of the reinvestigation has ended: it can no longer be "
                    "postponed, suspended or extended (Art. 128(5), 120(4)1 proviso); notify "
                    "the result",
                    "재조사 기간이 끝났으므로 더 이상 연기·중지하거나 연장할 수 없습니다"
                    "(제128조제5항, 제120조제4항제1호 단서). 결과를 통지하십시오")
    return None


def lawsuit_open_before_the_result(context: Context) -> Said | None:
    """120(4)1 proviso: when no result is received within the period (postponed, suspended and
    extended days included), a lawsuit may be brought from the day after it, before the result;
    only for a reinvestigation decided on an examination or adjudication (120(2) proviso)."""
    if _ordered_by(context) not in ("examination", "adjudication"):
        return Said("a lawsuit before the result is open only after a reinvestigation decided "
                    "on a request for examination or adjudication (Art. 120(2) proviso, "
                    "120(4)1)",
                    "결과 통지 전의 소송은 심사청구 또는 심판청구에 대한 재조사 결정의 "
                    "경우에만 제기할 수 있습니다(제120조제2항 단서, 제120조제4항제1호)")
    if not context.data.get("result_lapses"):
        return Said("the reinvestigation's period has not passed: a lawsuit may be brought "
                    "before the result only from the day after it (Art. 120(4)1 proviso)",
                    "재조사 기간이 아직 지나지 않았습니다. 결과 통지 전의 소송은 그 기간이 "
                    "끝난 다음 날부터 제기할 수 있습니다(제120조제4항제1호 단서)")
    return None


def result_of_an_appeal(context: Context) -> Said | None:
    if _ordered_by(context) == PRE_ASSESSMENT:
        return Said("a reinvestigation decided on a pre-assessment review ends in an amended "
                    "pre-assessment notice (Art. 118(4)2): notify the amended notice",
                    "과세전적부심사에 따른 재조사는 변경된 과세전통지로 끝납니다"
                    "(제118조제4항제2호). 변경된 통지를 하십시오")
    return None


def ordered_by_a_review(context: Context) -> Said | None:
    if _ordered_by(context) != PRE_ASSESSMENT:
        return Said("only a reinvestigation decided on a pre-assessment review ends in an "
                    "amended notice (Art. 118(4)2); this one ends in a disposition: notify the "
                    "result",
                    "변경된 통지로 끝나는 것은 과세전적부심사에 따른 재조사뿐입니다"
                    "(제118조제4항제2호). 이 재조사는 처분으로 끝나므로 결과를 통지하십시오")
    return None


AGENCIES = {"examination": Label("the Commissioner of the Korea Customs Service (a request for "
                                 "examination)", "관세청장(심사청구)"),
            "adjudication": Label("the Tax Tribunal (a request for adjudication)",
                                  "조세심판원(심판청구)")}
"""The ruling agency that decided a reinvestigation, by the procedure that ordered it."""


def route_allowed(context: Context) -> Said | None:
    """The routes against the result follow the procedure that decided the reinvestigation."""
    ordered_by, route = _ordered_by(context), context.values.get("route")
    allowed, article = ROUTES.get(ordered_by, ROUTES["examination"])
    if route in allowed:
        return None
    if ordered_by == "objection":
        return Said("a disposition taken after a reinvestigation decided on an objection cannot "
                    "be taken to court directly: a request for examination or adjudication "
                    "comes first (Art. 120(2); its proviso covers only reinvestigations decided "
                    "on an examination or adjudication); no second objection (Art. 119(4))",
                    "이의신청에 대한 재조사 결정에 따른 처분에 대해서는 바로 소송을 제기할 수 "
                    "없고, 먼저 심사청구 또는 심판청구를 하여야 합니다(제120조제2항. 그 단서는 "
                    "심사청구 또는 심판청구에 대한 재조사 결정에만 적용됩니다). 다시 "
                    "이의신청을 할 수도 없습니다(제119조제4항)")
    agency = AGENCIES["examination" if ordered_by == "examination" else "adjudication"]
    return Said(f"the result can be contested only with the ruling agency that decided the "
                f"reinvestigation, {agency.en} (Art. 119(3) proviso), or by a lawsuit "
                f"({article})",
                f"결과에 대해서는 재조사 결정을 한 재결청인 {agency.ko}에게 불복하거나"
                f"(제119조제3항 단서) 소송을 제기하는 방법({korean_citation(article)})으로만 "
                "다툴 수 있습니다")


DECIDED = After.data("decided_on", "the reinvestigation was decided")

PROCEDURE = Procedure(
    code=CODE,
    article="Art. 128(1)3 latter part and (5); 118(4)2; 119(3)-(4); 120(2), (4)",
    states=(
        State(name="investigating",
              label=Label("Reinvestigating within the decided scope", "재조사 중"),
              article="Art. 128(5)"),
        State(name="suspended",
              label=Label("Reinvestigation postponed or suspended", "재조사 연기·중지"),
              article="Art. 128(5) latter part; 120(4)1 proviso", suspends=("reinvestigation",)),
        State(name="result_notified", label=Label("Result notified", "재조사 결과 통지"),
              article="Art. 128(5); 120(4)1"),
        State(name="notice_amended",
              label=Label("Pre-assessment notice amended and notified",
                          "과세전통지 내용 변경 통지"),
              article="Art. 118(4)2", terminal=True),
        State(name="closed", label=Label("Closed", "종결"),
              article="Art. 119(3)-(4), 120(2), 120(4)1", terminal=True),
    ),
    transitions=(
        Transition(trigger="order", source=(), dest="investigating",
                   roles=frozenset({*OFFICE, SYSTEM}), article="Art. 128(1)3 latter part; 118(4)2",
                   label=Label("Open the reinvestigation", "재조사 개시"),
                   fields=(Field(name="scope",
                                 label=Label("Scope written in the decision", "재조사 범위"),
                                 kind=FieldKind.LONGTEXT, store=True),
                           Field(name="decided_on",
                                 label=Label("Reinvestigation decided on", "재조사 결정일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows_nothing="the decision that orders it is the first "
                                                 "date of this case (made in the case of "
                                                 "origin, or by another body)"),
                           Field(name="ordered_by", label=Label("Ordered in", "결정 절차"),
                                 kind=FieldKind.CHOICE, choices=ORDERED_BY, store=True),
                           Field(name="parent_reference",
                                 label=Label("Case that ordered it", "원 사건"),
                                 kind=FieldKind.TEXT, store=True))),
        Transition(trigger="suspend", source=("investigating",), dest="suspended", roles=OFFICE,
                   article="Art. 128(5) latter part",
                   label=Label("Postpone or suspend the reinvestigation", "연기·중지"),
                   guards=(within_the_period,),
                   fields=(Field(name="reason", label=Label("Reason", "사유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="reason"),
        Transition(trigger="resume", source=("suspended",), dest="investigating", roles=OFFICE,
                   article="Art. 128(5) latter part",
                   label=Label("Resume the reinvestigation", "재개")),
        Transition(trigger="extend", source=("investigating",), dest="investigating", roles=OFFICE,
                   article="Art. 128(5) latter part",
                   label=Label("Extend the period of the reinvestigation", "기간 연장"),
                   guards=(within_the_period, within_the_extension_limit),
                   fields=(Field(name="extended_days",
                                 label=Label("Total extension (days)", "연장 일수"),
                                 kind=FieldKind.INTEGER, minimum=1, maximum=366, store=True),
                           Field(name="reason", label=Label("Reason", "사유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reason", recomputes=("reinvestigation",)),
        Transition(trigger="note_result_overdue", source=("investigating",), dest=STAYS,
                   roles=frozenset({SYSTEM}), article=_lapse_article,
                   label=Label("Record that the period passed without a result",
                               "재조사 기간 경과 기록"),
                   counts="result_lapses",
                   outcome=Label("No result of the reinvestigation was notified within its "
                                 "period; the customs office still owes it. If the reinvestigation "
                                 "was decided on a request for examination or adjudication, you "
                                 "may bring an administrative lawsuit from the day after the "
                                 "period ended, without waiting for the result (Art. 120(4)1 "
                                 "proviso); otherwise any time to contest runs from the day you "
                                 "receive the result",
                                 "재조사 기간 내에 재조사 결과가 통지되지 않았으며, 세관은 여전히 "
                                 "결과를 통지하여야 합니다. 심사청구 또는 심판청구에 대한 재조사 "
                                 "결정인 경우에는 결과를 통지받기 전이라도 그 기간이 지난 날부터 "
                                 "행정소송을 제기할 수 있습니다(관세법 제120조제4항제1호 단서). 그 "
                                 "밖의 경우 불복 기간은 결과를 통지받은 날부터 진행합니다")),
        Transition(trigger="notify_result", source=("investigating",), dest="result_notified",
                   roles=OFFICE, article="Art. 128(5)",
                   label=Label("Notify the result", "결과 통지"), guards=(result_of_an_appeal,),
                   outcome=Label("The result of the reinvestigation: {result}",
                                 "재조사 결과가 통지되었습니다"),
                   fields=(Field(name="result", label=Label("Result", "결과"),
                                 kind=FieldKind.CHOICE,
                                 choices=(("revoked", Label("disposition revoked", "처분 취소")),
                                          ("rectified", Label("disposition rectified",
                                                              "처분 경정")),
                                          ("maintained", Label("disposition maintained",
                                                               "처분 유지"))),
                                 store=True),
                           Field(name="result_served_on",
                                 label=Label("Result received on", "결과 수령일"),
                                 kind=FieldKind.DATE, store=True, required=False,
                                 follows=(DECIDED,)),
                           Field(name="findings", label=Label("Findings", "조사 결과"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="findings", notices=("reinvestigation_result",),
                   informs="reinvestigation_concluded"),
        Transition(trigger="notify_amended_notice", source=("investigating",),
                   dest="notice_amended", roles=OFFICE, article="Art. 118(4)2",
                   label=Label("Notify the amended pre-assessment notice", "변경된 과세전통지"),
                   guards=(ordered_by_a_review,),
                   outcome=Label("After the reinvestigation the pre-assessment notice was "
                                 "{amendment}",
                                 "재조사 결과에 따라 과세전통지 내용이 변경되어 통지되었습니다"),
                   fields=(Field(name="amendment", label=Label("Notice", "통지 내용"),
                                 kind=FieldKind.CHOICE,
                                 choices=(("amended", Label("amended to the findings",
                                                            "조사 결과에 따라 변경")),
                                          ("withdrawn", Label("withdrawn: nothing is collected",
                                                              "취소: 징수하지 않음")),
                                          ("unchanged", Label("left unchanged: the findings "
                                                              "support it",
                                                              "변경 없음: 조사 결과가 통지 "
                                                              "내용을 뒷받침함"))),
                                 store=True),
                           Field(name="amended_shortage",
                                 label=Label("Shortage after the reinvestigation (KRW)",
                                             "재조사 후 부족세액"),
                                 kind=FieldKind.INTEGER, minimum=0, store=True),
                           Field(name="amended_notice_on",
                                 label=Label("Amended notice received on", "변경 통지 수령일"),
                                 kind=FieldKind.DATE, store=True, required=False,
                                 follows=(DECIDED,)),
                           Field(name="findings", label=Label("Findings", "조사 결과"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="findings", notices=("reinvestigation_result",),
                   informs="record_amended_notice"),
        Transition(trigger="record_result_served", source=("result_notified",),
                   dest="result_notified", roles=OFFICE, article="Art. 120(4)1; 121(1)",
                   label=Label("Record receipt of the result", "결과 수령 기록"),
                   fields=(Field(name="result_served_on",
                                 label=Label("Result received on", "결과 수령일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(DECIDED, After.entered("the result was notified"))),)),
        Transition(trigger="contested", source=("result_notified",), dest="closed", roles=OFFICE,
                   article=_routes_article,
                   label=Label("Record that the result was contested", "불복 기록"),
                   guards=(route_allowed,),
                   outcome=Label("Closed: the result was contested ({route})",
                                 "종결: 재조사 결과에 불복하였습니다"),
                   fields=(Field(name="route", label=Label("How", "불복 절차"),
                                 kind=FieldKind.CHOICE,
                                 choices=(("examination", Label("request for examination",
                                                                "심사청구")),
                                          ("adjudication", Label("request for adjudication",
                                                                 "심판청구")),
                                          ("lawsuit", Label("administrative lawsuit",
                                                            "행정소송"))),
                                 store=True),)),
        Transition(trigger="lawsuit_before_result", source=("investigating", "suspended"),
                   dest="closed", roles=OFFICE, article="Art. 120(4)1 proviso",
                   label=Label("Record a lawsuit brought before the result",
                               "결과 통지 전 행정소송 기록"),
                   guards=(lawsuit_open_before_the_result,),
                   outcome=Label("Closed: an administrative lawsuit was brought after the "
                                 "reinvestigation's period passed without a result",
                                 "종결: 재조사 기간이 지나도록 결과가 통지되지 않아 행정소송이 "
                                 "제기되었습니다"),
                   fields=(Field(name="lawsuit_filed_on",
                                 label=Label("Lawsuit filed on", "소 제기일"), kind=FieldKind.DATE,
                                 store=True, follows=(DECIDED,)),),
                   informs="reinvestigation_concluded"),
        Transition(trigger="close", source=("result_notified",), dest="closed",
                   roles=frozenset({SYSTEM}), article=_close_article,
                   label=Label("Close: the period to contest passed", "종결"),
                   outcome=Label("The 90 days to contest the result passed unused: it can no "
                                 "longer be challenged",
                                 "불복 기간(90일)이 지나 더 이상 불복할 수 없습니다")),
    ),
    configured=extension_limit,
    settings=(EXTENSION_SETTING,),
    decided_states=frozenset({"result_notified"}),
    decision_periods=frozenset({"reinvestigation"}),
    deadlines={
        "investigating": (
            # The days postponed or suspended stop the clock (the state ``suspended``), the
            # extension lengthens the period: both belong to it (120(4)1 proviso, in brackets).
            # Its lapse opens the lawsuit (120(4)1 proviso) but leaves the result owed: the
            # expiry records the lapse and keeps the state; only the result meets it.
            Deadline(kind="reinvestigation",
                     label=Label("reinvestigation and its result", "재조사 및 결과 통지"),
                     article=_period_article, period=_period,
                     start=Start.data("decided_on", "the reinvestigation decision"),
                     on_expiry=Expiry.transition("note_result_overdue"), reminders=("14d", "3d"),
                     met_by=("notify_result", "notify_amended_notice"),
                     period_text="60 days from the decision, plus the extensions granted; "
                                 "postponed or suspended days are not counted",
                     extension="",  # the office's own extension is 128(5), not Art. 10
                     waiver=""),  # its lapse opens the next remedy (120(4)1 proviso)
        ),
        "result_notified": (
            Deadline(kind="next_step",
                     label=Label("contesting the result", "재조사 결과에 대한 불복"),
                     article=_next_step_article, period="90d",
                     start=Start.data("result_served_on", "receipt of the result", optional=True),
                     on_expiry=Expiry.transition("close"), reminders=("14d",), owed_by=Duty.PARTY,
                     # Peremptory for the lawsuit (120(6)); a request for examination hindered
                     # by an Art. 10 ground is filed within 14 days of its end (121(4)): a late
                     # filing decided in the examination, not an extension of this period.
                     extension="", waiver=""),
        ),
    },
)
