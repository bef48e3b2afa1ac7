"""A ground of Art. 175 known from outside the back office (특허보세구역 결격사유), recorded by an
officer on the party it concerns: a court's sentence or a guardianship, a bankruptcy, with its
date and article. The record is a case of the party, so that the licence's guards read it as
they read the bars other cases open (``bonded_area_bar``, ``Context.party``), and its history
says who recorded it, when and on what.

- **Grounds** (175 2-7): adult or limited guardianship (2) and a bankruptcy not yet discharged
  (3) last until lifted, or to the last day given; imprisonment with labour for violating the
  Act bars for two years from the day its execution ended or was exempted (4); a suspended
  sentence bars while the suspension runs (5: its last day given); a fine for unlicensed
  operation or licence fraud (6(b): 276(3)3-2 or 6) and a fine for smuggling-type offences (7:
  269 to 271, 274, 275-2, 275-3; not a person punished only under the joint-penalty rule of 279)
  bar for two years from the sentence. The two years run from the next day (Civil Act Art.
  157) and end at 24:00 of the day of the second anniversary (160(2)); a bar, never rolled
  over. A minor (175 1) is seen on the application itself and is not recorded here.
- **An executive** (175 8): a corporation employing an executive in charge of the area who falls
  under 175 2 to 7 is disqualified itself; the record names the executive and bars the
  corporation under 175 8.
- **Licences in force** (178(2)2): a ground of 175 makes the revocation of the party's licences
  mandatory (but for a 175 6 ground, which the 175 proviso lets it keep, and a corporation's
  executive under 175 2 or 3, who may be replaced within three months). When the party holds a
  licence and the bar still runs, the record opens the office's review of it: 14 days
  [Assumption: the Act sets no time; the office's own], after which the supervisors are
  alerted. The review is what the office does on the licence: it opens the revocation, or, for
  an executive under 175 2 or 3, records the executive there, which starts the corporation's
  three months (178(2)2 proviso).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from workflows.calendar.civil_act import days_through, period_end
from workflows.calendar.periods import Period, Unit
from workflows.clock import as_date, seoul_date
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
from workflows.engine.declarations import STAYS, After, CaseFact, Said, Watch
from workflows.roles import OFFICE_ROLES as OFFICE

CODE = "licence_disqualification"
LICENCE_KIND = "bonded_area_licence"
"""The authorisation a licensed bonded area's licence grants (``bonded_area_licence.LICENCE``)."""
BAR_YEARS = 2
"""Art. 175 4, 6, 7: two years."""
REVIEW_PERIOD = "14d"
"""The office's review of the party's licences in force after a new ground [Assumption: the
Act sets no time for the revocation 178(2)2 makes mandatory]."""

GROUNDS = (
    ("guardianship", Label("Under adult or limited guardianship (Art. 175 2)",
                           "피성년후견인·피한정후견인(제175조제2호)")),
    ("bankrupt", Label("Declared bankrupt and not yet reinstated (Art. 175 3)",
                       "파산선고를 받고 복권되지 아니한 자(제175조제3호)")),
    ("imprisonment", Label("Imprisonment with labour for violating the Act: execution ended or "
                           "exempted (Art. 175 4)",
                           "이 법 위반 징역형의 집행 종료·면제(제175조제4호)")),
    ("suspended_sentence", Label("Suspended sentence of imprisonment for violating the Act "
                                 "(Art. 175 5)",
                                 "이 법 위반 징역형의 집행유예 기간 중(제175조제5호)")),
    ("fine_unlicensed", Label("Fined for unlicensed operation or licence fraud (Art. 175 6(b))",
                              "무특허 운영·부정 특허 등으로 벌금형 선고(제175조제6호나목)")),
    ("fine_smuggling", Label("Fined for smuggling or evasion (Arts. 269 to 271, 274, 275-2, "
                             "275-3; Art. 175 7)",
                             "밀수출입죄 등으로 벌금형 선고(제175조제7호)")),
)
ARTICLES = {"guardianship": "Art. 175 2", "bankrupt": "Art. 175 3", "imprisonment": "Art. 175 4",
            "suspended_sentence": "Art. 175 5", "fine_unlicensed": "Art. 175 6(b)",
            "fine_smuggling": "Art. 175 7"}
UNTIL_LIFTED = frozenset({"guardianship", "bankrupt"})
"""Grounds that last until a court lifts them (a last day may be given when known)."""
TWO_YEARS = frozenset({"imprisonment", "fine_unlicensed", "fine_smuggling"})
"""Grounds whose bar the Act counts: two years from the day."""


def last_day_fits(context: Context) -> Said | None:
    """The last day: needed for a suspended sentence (175 5: the end of the suspension), not
    given where the Act counts the two years (175 4, 6(b), 7), and never before the date."""
    values = context.values
    if not values:
        return None
    ground, last = values.get("ground"), as_date(values.get("last_day"))
    if ground == "suspended_sentence" and last is None:
        return Said("give the last day of the suspension (Art. 175 5)",
                    "집행유예 기간의 마지막 날을 적으십시오(제175조제5호)")
    if ground in TWO_YEARS and last is not None:
        return Said(f"the Act counts two years from the date ({ARTICLES[ground]}): leave the "
                    "last day empty",
                    "법이 그 날부터 2년을 셉니다. 마지막 날은 비워 두십시오")
    if last is not None and last < as_date(values["occurred_on"]):
        return Said("the last day is before the date", "마지막 날이 그 날보다 앞섭니다")
    if ground == "fine_smuggling" and values.get("joint_penalty"):
        return Said("a person punished only under the joint-penalty rule of Art. 279 is not "
                    "barred (Art. 175 7 proviso): there is nothing to record",
                    "제279조에 따라 처벌된 개인 또는 법인은 제외됩니다(제175조제7호 단서). "
                    "기록할 결격사유가 없습니다")
    return None


def bar_of(ground: str, occurred_on: date, last_day: date | None,
           executive: str | None, licence: str | None = None) -> dict[str, Any]:
    """The bar the ground opens (``bonded_area_bar``): its article (175 8 for a corporation's
    executive), its first day and its last (none: until lifted), and for a ground of 175 6(b)
    the licensed area where it arose (the 175 proviso does not keep that one)."""
    if ground in TWO_YEARS:
        until = period_end(occurred_on + timedelta(days=1), Period(BAR_YEARS, Unit.YEARS))[0]
    else:
        until = last_day
    bar = {"article": "Art. 175 8" if executive else ARTICLES[ground],
           "ground": ARTICLES[ground], "from": occurred_on.isoformat(),
           "until": until.isoformat() if until else None}
    if executive:
        bar["executive"] = executive
    if licence and ground == "fine_unlicensed":
        bar["licence"] = licence
    return bar


def licences_held(context: Context) -> list[str]:
    """The licences in force the party holds, by number."""
    return [held["number"] for held in context.party.get("authorisations") or ()
            if held.get("kind") == LICENCE_KIND]


def _recorded(context: Context) -> dict[str, Any]:
    values = context.values
    bar = bar_of(values["ground"], as_date(values["occurred_on"]), as_date(values.get("last_day")),
                 (values.get("executive") or "").strip() or None,
                 (values.get("licence_concerned") or "").strip() or None)
    facts: dict[str, Any] = {"bonded_area_bar": bar}
    if bar.get("until"):
        facts["bar_from"] = bar["from"]
    licences = licences_held(context)
    still_runs = bar["until"] is None or as_date(bar["until"]) >= seoul_date(context.now)
    if licences and still_runs:
        facts.update(licences_to_review=licences,
                     review_from=seoul_date(context.now).isoformat())
    return facts


def _bar_days(context: Context) -> str:
    bar = context.data["bonded_area_bar"]
    return days_through(as_date(bar["from"]), as_date(bar["until"]))


def _lifted(context: Context) -> dict[str, Any]:
    """The ground is lifted (a reinstatement, the guardianship ended, a record in error): the
    bar's last day is the day before."""
    lifted_on = as_date(context.values["lifted_on"])
    bar = context.data["bonded_area_bar"]
    until = lifted_on - timedelta(days=1)
    if bar.get("until"):
        until = min(until, as_date(bar["until"]))
    bar = {**bar, "until": until.isoformat()}
    return {"bonded_area_bar": bar, "lifted_on": lifted_on.isoformat()}


def facts(data: Mapping[str, Any], today: date) -> tuple[CaseFact, ...]:
    """The record's header: the ground, its article, the bar's days, the licences to review."""
    bar = data.get("bonded_area_bar") or {}
    ground = dict(GROUNDS).get(data.get("ground"))
    until = as_date(bar.get("until"))
    shown = [CaseFact(Label("Ground", "결격사유"), ground or "—"),
             CaseFact(Label("Barred under", "근거"), bar.get("article") or "—"),
             CaseFact(Label("Barred from", "결격 시작일"), as_date(bar.get("from"))),
             CaseFact(Label("Barred until", "결격 종료일"), until if until else
                      Label("until lifted", "해소될 때까지"))]
    if bar.get("executive"):
        shown.append(CaseFact(Label("Executive concerned (Art. 175 8)", "해당 임원(제175조제8호)"),
                              bar["executive"]))
    if data.get("licences_to_review"):
        shown.append(CaseFact(Label("Licences in force to review (Art. 178(2)2)",
                                    "검토할 유효한 특허(제178조제2항제2호)"),
                              ", ".join(data["licences_to_review"])))
    return tuple(shown)


REASONS = Field(name="reasons", label=Label("Reasons", "이유"), kind=FieldKind.LONGTEXT)

PROCEDURE = Procedure(
    code=CODE,
    article="Art. 175 (with Art. 178(2)2)",
    states=(
        State(name="recorded", label=Label("Ground recorded: barred", "결격사유 기록(결격 중)"),
              article="Art. 175"),
        State(name="lifted", label=Label("Ground lifted", "결격사유 해소"), article="Art. 175",
              terminal=True),
        State(name="lapsed", label=Label("Bar ended", "결격기간 경과"), article="Art. 175",
              terminal=True),
    ),
    transitions=(
        Transition(trigger="record", source=(), dest="recorded", roles=OFFICE,
                   article="Art. 175",
                   label=Label("Record a disqualification", "결격사유 기록"),
                   fields=(Field(name="ground", label=Label("Ground", "결격사유"),
                                 kind=FieldKind.CHOICE, choices=GROUNDS, store=True),
                           Field(name="occurred_on",
                                 label=Label("Date (the order, the sentence, the end of its "
                                             "execution)", "일자(결정·선고·집행 종료)"),
                                 kind=FieldKind.DATE, store=True,
                                 follows_nothing="a fact from outside the back office, the "
                                                 "first date of its record"),
                           Field(name="last_day",
                                 label=Label("Last day (a suspension's end; a guardianship "
                                             "or bankruptcy when known)",
                                             "마지막 날(집행유예 종료일 등)"),
                                 kind=FieldKind.DATE, required=False, future=True, store=True),
                           Field(name="authority",
                                 label=Label("Court or authority, and its reference",
                                             "법원 또는 기관, 사건번호"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="executive",
                                 label=Label("Executive concerned, for a corporation "
                                             "(Art. 175 8)", "해당 임원(법인, 제175조제8호)"),
                                 kind=FieldKind.TEXT, required=False, store=True),
                           Field(name="licence_concerned",
                                 label=Label("Licensed area where it arose (Art. 175 6 proviso)",
                                             "사유가 발생한 특허보세구역(제175조제6호 단서)"),
                                 kind=FieldKind.TEXT, required=False, store=True,
                                 help=Label("For a fine for unlicensed operation, licence fraud "
                                            "or name lending (175 6(b)): the reference of the "
                                            "licence concerned, whose renewal the bar refuses; "
                                            "the operator keeps its other licences.",
                                            "제175조제6호나목의 경우 그 사유가 발생한 특허의 "
                                            "사건번호: 그 특허의 갱신은 거부되고 다른 특허는 "
                                            "유지됩니다.")),
                           Field(name="joint_penalty",
                                 label=Label("Punished only under Art. 279 (joint penalty)",
                                             "제279조(양벌규정)로만 처벌"),
                                 kind=FieldKind.BOOLEAN, required=False),
                           Field(name="parent_reference",
                                 label=Label("Offence case it arises from, if any",
                                             "관련 범칙 사건(있는 경우)"),
                                 kind=FieldKind.TEXT, required=False, store=True,
                                 help=Label("Filled in when the compliance with a notification "
                                            "disposition opens this record (Art. 175 6(b), 7).",
                                            "통고처분 이행으로 이 기록이 열리면 자동으로 "
                                            "채워집니다(제175조제6호나목, 제7호)."))),
                   guards=(last_day_fits,), records=_recorded),
        Transition(trigger="review_licences", source=("recorded",), dest=STAYS,
                   roles=OFFICE, article="Art. 178(2)2",
                   label=Label("Record the review of the party's licences",
                               "특허 검토 결과 기록"),
                   fields=(Field(name="review", label=Label(
                       "What was done (revocation opened in …, an executive replaced, no "
                       "licence affected)", "조치 내용(취소 절차 개시, 임원 교체 등)"),
                       kind=FieldKind.LONGTEXT),),
                   reason_field="review"),
        Transition(trigger="lift", source=("recorded",), dest="lifted", roles=OFFICE,
                   article="Art. 175",
                   label=Label("Record that the ground is lifted", "결격사유 해소 기록"),
                   outcome=Label("The ground is lifted: it no longer bars a licence",
                                 "결격사유가 해소되어 더 이상 특허를 막지 않습니다"),
                   fields=(Field(name="lifted_on", label=Label("Lifted on", "해소일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(After.data("occurred_on",
                                                     "the ground was recorded"),)),
                           REASONS),
                   reason_field="reasons", records=_lifted),
        Transition(trigger="bar_ends", source=("recorded",), dest="lapsed",
                   roles=frozenset({SYSTEM}), article="Art. 175",
                   label=Label("The bar's last day passed", "결격기간 경과"),
                   outcome=Label("The bar's last day passed: it no longer bars a licence",
                                 "결격기간이 지나 더 이상 특허를 막지 않습니다")),
    ),
    deadlines={"recorded": (
        Deadline(kind="bar", label=Label("bar from a licence", "특허 결격기간"),
                 article="Art. 175", period=_bar_days,
                 start=Start.data("bar_from", "the first day of the bar", optional=True),
                 on_expiry=Expiry.transition("bar_ends"), rollover=False,
                 starts_at_midnight=True, reminders=(),
                 period_text="from the day of the ground to its last day (two years from the "
                             "next day for 175 4, 6(b), 7); never rolled over"),
        Deadline(kind="licence_review", label=Label("review of the party's licences in force",
                                                    "유효한 특허의 검토"),
                 article="Art. 178(2)2", period=REVIEW_PERIOD,
                 start=Start.data("review_from", "the ground was recorded", optional=True),
                 on_expiry=Expiry.escalate(), reminders=("3d",), met_by=("review_licences",),
                 owed_by=Duty.OFFICE,
                 period_text="14 days, the office's own [Assumption]"),
    )},
    facts=facts,
    reads_party=True,
    watches=(Watch(label=Label("Licences to review after a new disqualification",
                               "결격사유 발생으로 검토할 특허"), kind="licence_review"),),
)
