"""Licensed bonded areas (특허보세구역, Arts. 174 to 182): the licence from application to
wind-down.

- **Application and review** (174, 175): the type of area (154: warehouse, factory,
  exhibition site, construction site, store), its location, area and licensed matters, the fee
  paid (174(2)). The licence is refused while a **two-year bar** of Art. 175 runs against the
  applicant: after the revocation of a licence (175 6(a)), after a fine or a notification
  disposition for unlicensed operation or licence fraud (175 6(b)), after compliance with a
  notification disposition for smuggling-type offences (175 7). The bars come from the party's
  other cases (``Context.party``); the refusal names the ground, its article and its last day.
- **Term** (176): at most ten years, from 00:00 of its first day; an exhibition site or a
  construction site for the period the office fixes from the exhibition or the works (176(2)).
  A licence not renewed becomes void when its term ends (179(1)3), by the sweep; never rolled
  over (it is a term, not a deadline to act in). Renewal (174(1)): a new term; a bonded store
  at most twice, each at most five years (176-2(6)).
- **Suspension of entry** (178(1)) for at most six months, on a ground of 178(1)1-4 and in a
  scope (entry of goods, bonded work, sale, exhibition); it ends by itself.
- **Revocation** (178(2)): mandatory for fraud (1), a ground of Art. 175 (2) and name lending
  (5); discretionary for three suspensions within one year (3, counted from the history) and
  two years without goods shipped in (4). It opens the two-year bar of 175 6(a), except a
  revocation for a ground of 175 1 to 3.
- **Cessation** (179(1)1) and the **wind-down** (182): the office fixes a period of at most six
  months during which the area is deemed licensed for the foreign goods still stored; it ends
  when the goods are out, or when the period passes (the goods left go to the sale procedure).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from workflows.calendar.civil_act import add_months, days_through, period_end
from workflows.calendar.periods import CalendarError, Period, Unit
from workflows.citations import korean_citation
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
from workflows.engine.declarations import (
    STAYS,
    After,
    CaseFact,
    Grant,
    Link,
    Said,
    Setting,
    Watch,
)
from workflows.legal_dates import korean_date
from workflows.procedures import bonded_goods
from workflows.roles import Role

CODE = "bonded_area_licence"
OFFICE = frozenset({Role.OFFICER, Role.SUPERVISOR})

MAX_TERM_YEARS = 10
"""Art. 176(1)."""
STORE_RENEWALS = 2
STORE_RENEWAL_YEARS = 5
"""Art. 176-2(6): a bonded store's licence may be renewed up to twice, each time for at most
five years."""
MAX_SUSPENSION_MONTHS = 6
"""Art. 178(1)."""
MAX_SUSPENSION_DAYS = MAX_SUSPENSION_MONTHS * 30
"""A surcharge replaces a suspension of at most 6 months, a month counted as 30 days."""
MAX_WIND_DOWN_MONTHS = 6
"""Art. 182(2)."""
REPEATED_SUSPENSIONS = 3
"""Art. 178(2)3: at least three suspensions within one year."""
DORMANT_YEARS = 2
"""Art. 178(2)4: no goods shipped in for two years or more."""
BAR_YEARS = 2
"""Art. 175 6(a): two years from the revocation."""
IN_FORCE = ("active", "suspended")
SUCCESSION_PERIOD = "30d"
"""Art. 179(3): the successor's report within 30 days of the death or the dissolution."""
EXECUTIVE_CURE_PERIOD = "3m"
"""Art. 178(2)2 proviso: the executive replaced within three months."""
MAX_SURCHARGE_PERCENT = 3
"""Art. 178(3): a penalty surcharge of at most 3/100 of the sales from operating the area."""
SURCHARGE_DAILY_DIVISOR = 6000
"""The daily surcharge is the area's annual sales divided by this [Assumption: the Enforcement
Decree's 1/6,000 a day, a month counted as 30 days, to be verified against the Decree in force];
Art. 178(3) leaves the computation to Presidential Decree."""
SURCHARGE_PAYMENT_PERIOD = "30d"
"""The due date of a penalty surcharge, which Art. 178(3) leaves to Presidential Decree
[Assumption: 30 days from the notice]."""
OPERATOR_OR_OFFICE = frozenset({*OFFICE, Role.DUTY_PAYER})
"""The reports and applications the operator files itself, on its portal (179(2), 174(1)), or
the office records when they come on paper."""


_COMMON = ("시설: 면적·구조·소방·보안 설비가 고시 기준에 맞음 / facilities: area, structure, fire "
           "safety and security meet the KCS standards",
           "보세사 채용 또는 관리 인력 / a bonded-goods manager (bonded clerk) employed",
           "재고관리 전산설비 / computerised stock management",
           "관세 등 채권 확보 담보 또는 보험 / security or insurance for the duty on goods stored")
DEFAULT_REQUIREMENTS = {
    "warehouse": (*_COMMON, "자본금 또는 자산 요건 / capital or assets"),
    "factory": (*_COMMON, "제조·가공 공정 및 원료 관리 체계 / manufacturing process and raw "
                          "materials control"),
    "exhibition": (*_COMMON[:2], "박람회 등 전시 계획 / the exhibition's plan and period"),
    "construction_site": (*_COMMON[:2], "공사 계획 및 기간 / the works' plan and period"),
    "store": (*_COMMON, "특허심사위원회 평가 / the Licensing Committee's evaluation (Art. 176-3)"),
}
"""The requirements of Art. 174(3) per type, which the KCS Commissioner sets following the
Decree's standards [Assumption: a summary of the KCS notice; configure the deployment's own]."""


def _check_lead(name: str, value: Any) -> None:
    if not isinstance(value, int) or not 0 <= value <= 12:
        raise ValueError(f"{name}: months before the term ends, 0 to 12")


def _check_requirements(name: str, value: Any) -> None:
    types = {code for code, _ in AREA_TYPES}
    if not isinstance(value, Mapping) or set(value) - types or any(
            not isinstance(items, list | tuple) or not all(isinstance(i, str) and i.strip()
                                                           for i in items)
            for items in value.values()):
        raise ValueError(f"{name}: a list of requirements (text) for each of {sorted(types)}")


RENEWAL_LEAD_SETTING = Setting(
    name="BONDED_AREA_RENEWAL_LEAD_MONTHS", default=1, check=_check_lead,
    about="how many months before the licence's term ends the operator applies for its "
          "renewal (Art. 174(1); the lead time is the Enforcement Decree's [Assumption: 1])")
REQUIREMENTS_SETTING = Setting(
    name="BONDED_AREA_REQUIREMENTS", default=DEFAULT_REQUIREMENTS, check=_check_requirements,
    about="the checklist of requirements the office checks for each type of licensed bonded "
          "area (Art. 174(3): set by the KCS Commissioner following the Decree's standards)")


def _check_reminders(name: str, value: Any) -> None:
    try:
        if not isinstance(value, list | tuple) or len(value) > 6:
            raise CalendarError("a list of at most six periods")
        for text in value:
            Period.parse(text)
    except CalendarError as problem:
        raise ValueError(f"{name}: periods before the term ends, e.g. [\"3m\", \"1m\"] "
                         f"({problem})") from None


RENEWAL_REMINDERS_SETTING = Setting(
    name="BONDED_AREA_RENEWAL_REMINDERS", default=("3m", "1m"), check=_check_reminders,
    about="how long before a licensed bonded area's term ends the operator and the officer are "
          "reminded of its renewal (Art. 174(1), 176)")


def _check_fees(name: str, value: Any) -> None:
    if not isinstance(value, Mapping) or set(value) - {"application", "renewal"} or any(
            not isinstance(fee, int) or not 0 <= fee <= 10**9 for fee in value.values()):
        raise ValueError(f"{name}: KRW amounts for 'application' and 'renewal'")


FEES_SETTING = Setting(
    name="BONDED_AREA_FEES", default={"application": 45_000, "renewal": 45_000},
    check=_check_fees,
    about="the fees of an application for a licence and for its renewal, in KRW (Art. 174(2) "
          "leaves them to Ordinance of the Ministry of Economy and Finance [Assumption: 45,000 "
          "each])")
SURCHARGE_PERIOD_SETTING = Setting(
    name="BONDED_AREA_SURCHARGE_PAYMENT_PERIOD", default=SURCHARGE_PAYMENT_PERIOD,
    check=lambda name, value: _check_reminders(name, [value]),
    about="the period from its imposition within which a penalty surcharge is paid (Art. "
          "178(3) leaves the due date to Presidential Decree [Assumption: 30 days])")


SURCHARGE_DIVISOR_SETTING = Setting(
    name="BONDED_AREA_SURCHARGE_DAILY_DIVISOR", default=SURCHARGE_DAILY_DIVISOR,
    check=lambda name, value: None if isinstance(value, int) and value > 0 else _refuse(
        name, "a whole number above 0"),
    about="the daily penalty surcharge is the area's annual sales divided by this, times the "
          "days of the suspension it replaces, a month counted as 30 days (Art. 178(3) leaves "
          "the computation to Presidential Decree [Assumption: 6,000]); never above 3/100 of "
          "the sales")


def _refuse(name: str, what: str) -> None:
    raise ValueError(f"{name}: {what}")


def fee_paid_in_full(context: Context) -> Said | None:
    """Art. 174(2): the fee is paid with the application (for a renewal, with its request):
    the licence is not granted or renewed while less than the fee due was paid."""
    if not context.values:
        return None
    if context.state == "under_review":
        paid, due = context.data.get("fee_paid"), context.data.get("fee_due")
    elif context.data.get("renewal_requested_on"):
        paid, due = context.data.get("renewal_fee_paid"), context.data.get("renewal_fee_due")
    else:
        return None
    if due is not None and (paid or 0) < due:
        return Said(f"the fee of KRW {due:,} is not paid in full (KRW {paid or 0:,} paid; "
                    "Art. 174(2))",
                    f"수수료 {due:,}원이 모두 납부되지 않았습니다({paid or 0:,}원 납부, "
                    "제174조제2항)")
    return None


def configured_licence(settings, values) -> dict[str, Any]:
    """The renewal lead time and reminders, the type's checklist (174(3)), the fees (174(2))
    and the surcharge's payment period (178(3)) in force when the licence was applied for,
    kept on the case."""
    checklists = {**DEFAULT_REQUIREMENTS, **(settings.get(REQUIREMENTS_SETTING.name) or {})}
    fees = {**FEES_SETTING.default, **(settings.get(FEES_SETTING.name) or {})}
    return {"renewal_lead_months": settings.get(RENEWAL_LEAD_SETTING.name,
                                                RENEWAL_LEAD_SETTING.default),
            "renewal_reminders": list(settings.get(RENEWAL_REMINDERS_SETTING.name,
                                                   RENEWAL_REMINDERS_SETTING.default)),
            "fee_due": fees["application"], "renewal_fee_due": fees["renewal"],
            "surcharge_payment_period": settings.get(SURCHARGE_PERIOD_SETTING.name,
                                                     SURCHARGE_PERIOD_SETTING.default),
            "surcharge_daily_divisor": settings.get(SURCHARGE_DIVISOR_SETTING.name,
                                                    SURCHARGE_DIVISOR_SETTING.default),
            "requirements_checklist": list(checklists.get(values.get("area_type"), ()))}


def _renewal_reminders(context: Context) -> tuple[str, ...]:
    """The reminders configured when the licence was applied for (older cases: the default)."""
    return tuple(context.data.get("renewal_reminders") or RENEWAL_REMINDERS_SETTING.default)


CURABLE = frozenset({"guardianship", "bankrupt"})
"""Art. 178(2)2 proviso: only an executive under 175 2 or 3 may be replaced in time."""

AREA_TYPES = (
    ("warehouse", Label("Bonded warehouse (Art. 183)", "보세창고(제183조)")),
    ("factory", Label("Bonded factory (Art. 185)", "보세공장(제185조)")),
    ("exhibition", Label("Bonded exhibition site (Art. 190)", "보세전시장(제190조)")),
    ("construction_site", Label("Bonded construction site (Art. 191)",
                                "보세건설장(제191조)")),
    ("store", Label("Bonded store (Art. 196)", "보세판매장(제196조)")),
)
EVENT_TYPES = frozenset({"exhibition", "construction_site"})
"""Areas whose term the office fixes from the exhibition or the works (176(2))."""
SUSPENSION_GROUNDS = (
    ("cannot_pay", Label("Unable to pay the duty on the goods stored (Art. 178(1)1)",
                         "보관 물품에 대한 관세 납부 자금능력 없음(제178조제1항제1호)")),
    ("violation", Label("The operator or an employee violated the Act or an order under it "
                        "(Art. 178(1)2)",
                        "운영인 또는 그 사용인의 법 또는 명령 위반(제178조제1항제2호)")),
    ("facilities", Label("Facilities insufficient for the area's purpose (Art. 178(1)3)",
                         "시설 미비 등으로 설치 목적 달성 곤란(제178조제1항제3호)")),
    ("decree", Label("A ground of the Decree equivalent to these (Art. 178(1)4)",
                     "그 밖에 이에 준하는 대통령령으로 정하는 사유(제178조제1항제4호)")),
)
SUSPENSION_SCOPES = (
    ("entry", Label("Entry of goods", "물품 반입")),
    ("bonded_work", Label("Bonded work or construction", "보세작업·보세건설")),
    ("sale", Label("Bonded sale", "보세판매")),
    ("exhibition", Label("Bonded exhibition", "보세전시")),
)
REVOCATION_GROUNDS = (
    ("fraud", Label("Licence obtained by fraud or other improper means (Art. 178(2)1; "
                    "mandatory)", "거짓이나 부정한 방법으로 특허(제178조제2항제1호, 필수)")),
    ("disqualified_person", Label("A ground of Art. 175 1 to 3: minor, guardianship, bankrupt "
                                  "(Art. 178(2)2; mandatory)",
                                  "제175조제1호부터 제3호까지의 결격사유"
                                  "(제178조제2항제2호, 필수)")),
    ("disqualified", Label("Another ground of Art. 175 (Art. 178(2)2; mandatory)",
                           "그 밖의 제175조 결격사유(제178조제2항제2호, 필수)")),
    ("repeated_suspensions", Label("Suspended three times or more within one year "
                                   "(Art. 178(2)3)",
                                   "1년 이내에 3회 이상 물품반입 등 정지(제178조제2항제3호)")),
    ("dormant", Label("No goods shipped in for two years or more (Art. 178(2)4)",
                      "2년 이상 물품 반입 실적 없음(제178조제2항제4호)")),
    ("name_lending", Label("Name lent in breach of Art. 177-2 (Art. 178(2)5; mandatory)",
                           "명의대여(제178조제2항제5호, 필수)")),
)
NO_BAR_GROUNDS = frozenset({"disqualified_person"})
"""Art. 175 6(a): no bar after a revocation for a ground of 175 1 to 3."""
REFUSAL_GROUNDS = (
    ("requirements", Label("The requirements of Art. 174(3) are not met",
                           "특허 요건(제174조제3항) 미충족")),
    ("disqualified", Label("The applicant is disqualified (Art. 175)", "결격사유(제175조)")),
)


# -- the bars of Art. 175 --------------------------------------------------------------------


def bars_in_force(context: Context, day: date) -> list[Mapping[str, Any]]:
    """The bars of Art. 175 the party's other cases recorded that still run on ``day`` (a bar
    whose last day was yesterday no longer refuses; one without a last day runs until it is
    lifted: a guardianship, a bankruptcy not yet discharged)."""
    return [bar for bar in earlier_of_one_reason(context.party.get("bonded_area_bars") or ())
            if as_date(bar.get("from")) and as_date(bar["from"]) <= day
            and (bar.get("until") is None or day <= as_date(bar["until"]))]


SAME_REASON_GROUNDS = frozenset({"fraud", "name_lending"})
"""Art. 175 6(b) reaches only a person falling under Art. 178(2)1 and 5 (fraud, lending the
name): a revocation on one of these grounds and a fine or notification for it are one reason."""


def earlier_of_one_reason(bars: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Art. 175 6, second sentence: where both (a) and (b) apply for the same reason, the
    earlier date applies. A revocation on a ground of 178(2)1 or 5 and a 175 6(b) bar naming
    the same licence are one reason: the one that began later is dropped, so the two years
    run from the earlier date only. A 6(b) bar that names no licence (a compliance recorded
    on an offence case) is not joined to a revocation: the officer records it on the
    disqualification case with the licence concerned when it is the same."""
    def key(bar: Mapping[str, Any]) -> str | None:
        article = bar.get("article")
        if article == "Art. 175 6(a)" and bar.get("revocation_ground") in SAME_REASON_GROUNDS:
            return bar.get("licence")
        if article == "Art. 175 6(b)":
            return bar.get("licence")
        return None

    earliest: dict[str, Mapping[str, Any]] = {}
    for bar in bars:
        reason = key(bar)
        if reason and (reason not in earliest
                       or str(bar.get("from")) < str(earliest[reason].get("from"))):
            earliest[reason] = bar
    return [bar for bar in bars if key(bar) is None or earliest[key(bar)] is bar]


BARS_KO = {"Art. 175 2": "제175조제2호", "Art. 175 3": "제175조제3호",
           "Art. 175 4": "제175조제4호", "Art. 175 5": "제175조제5호",
           "Art. 175 6(a)": "제175조제6호가목", "Art. 175 6(b)": "제175조제6호나목",
           "Art. 175 7": "제175조제7호", "Art. 175 8": "제175조제8호"}


def not_barred(context: Context) -> Said | None:
    """Art. 175: no licence while a ground recorded against the party runs. The proviso of 175
    lets a person barred under 175 6 go on operating the areas it already holds, but for the
    area where the ground arose: the renewal of this licence is refused for such a bar only
    when the bar names this licence (``licence``); any other ground refuses it."""
    day = seoul_date(context.now)
    for bar in bars_in_force(context, day):
        article = bar.get("article", "")
        if context.state in IN_FORCE and article.startswith("Art. 175 6") \
                and bar.get("licence") != context.reference:
            continue  # 175 proviso: an existing licence, the ground arose elsewhere
        until, since = as_date(bar.get("until")), as_date(bar["from"])
        cited = BARS_KO.get(article, article)
        if until is None:
            return Said(f"the applicant is barred from a licence by {article} while the ground "
                        f"lasts (case {bar.get('case')}, from {since})",
                        f"신청인은 그 사유가 해소될 때까지 {cited}에 따라 특허를 받을 수 "
                        f"없습니다(사건 {bar.get('case')}, {korean_date(since)}부터)")
        return Said(f"the applicant is barred from a licence until {until} by {article} "
                    f"(case {bar.get('case')}, from {since})",
                    f"신청인은 {cited}에 따라 {korean_date(until)}까지 "
                    f"특허를 받을 수 없습니다(사건 {bar.get('case')}, {korean_date(since)}부터)")
    return None


# -- the term (Art. 176) ----------------------------------------------------------------------


def term_end(valid_from: date, years: int) -> date:
    """The last day of a term of ``years`` from 00:00 of ``valid_from`` (Civil Act Arts. 157
    proviso, 160(2)-(3)); never rolled over."""
    return period_end(valid_from, Period(years, Unit.YEARS))[0]


def term_fits(context: Context) -> Said | None:
    """Art. 176: at most ten years (the years given); an exhibition or construction site for
    the period the office fixes from the event or the works (its last day given, 176(2)); the
    last day is for those two only."""
    values = context.values
    if not values:  # asked whether it is offered: the term decides
        return None
    if context.data.get("area_type") in EVENT_TYPES:
        if not values.get("valid_to"):
            return Said("give the last day fixed from the exhibition or the works "
                        "(Art. 176(2))",
                        "전시기간 또는 공사기간을 고려하여 정한 만료일을 적으십시오(제176조제2항)")
        if as_date(values["valid_to"]) < as_date(values["valid_from"]):
            return Said("the last day is before the first", "만료일이 시작일보다 앞섭니다")
        return None
    if values.get("valid_to"):
        return Said("a last day is fixed only for an exhibition or construction site "
                    "(Art. 176(2)); give the term in years",
                    "만료일은 보세전시장·보세건설장만 정합니다(제176조제2항). 특허기간(년)을 "
                    "적으십시오")
    if not values.get("years"):
        return Said("give the term in years (Art. 176(1): at most 10)",
                    "특허기간(년)을 적으십시오(제176조제1항: 10년 이내)")
    return None


def renewable(context: Context) -> Said | None:
    """A renewal is a new term of years (174(1), 176(1)): an exhibition or construction
    site's period is extended instead (176(2) proviso); a bonded store's licence at most twice,
    each time for at most five years (176-2(6))."""
    area = context.data.get("area_type")
    if area in EVENT_TYPES:
        return Said("an exhibition or construction site's period is extended, not renewed "
                    "(Art. 176(2) proviso)",
                    "보세전시장·보세건설장은 갱신이 아니라 기간을 연장합니다(제176조제2항 단서)")
    if area == "store":
        if context.data.get("renewals", 0) >= STORE_RENEWALS:
            return Said("a bonded store's licence may be renewed only twice (Art. 176-2(6)): "
                        "a new licence needs a new application, evaluated (176-2(3))",
                        "보세판매장 특허는 2회까지만 갱신할 수 있습니다(제176조의2제6항)")
        years = context.values.get("years") or context.values.get("requested_years") or 0
        if years > STORE_RENEWAL_YEARS:
            return Said("a bonded store's renewal is for at most five years (Art. 176-2(6))",
                        "보세판매장 특허의 갱신기간은 5년 이내입니다(제176조의2제6항)")
    return None


def extendable(context: Context) -> Said | None:
    """Art. 176(2) proviso: the office may extend the period of an exhibition or construction
    site where the exhibition's purpose or the works need it; the new last day is after the
    current one."""
    if context.data.get("area_type") not in EVENT_TYPES:
        return Said("only an exhibition or construction site's period is extended "
                    "(Art. 176(2) proviso); renew the licence",
                    "기간 연장은 보세전시장·보세건설장만 할 수 있습니다(제176조제2항 단서)")
    new, current = as_date(context.values.get("valid_to")), as_date(context.data.get("valid_to"))
    if new is not None and current is not None and new <= current:
        return Said(f"the new last day must be after {current}",
                    f"새 만료일은 {korean_date(current)} 이후여야 합니다")
    return None


def _extended(context: Context) -> dict[str, Any]:
    return {"valid_to": as_date(context.values["valid_to"]).isoformat(),
            "extensions": context.data.get("extensions", 0) + 1}


def _last_day(context: Context, valid_from: date) -> date:
    values = context.values
    if values.get("valid_to"):
        return as_date(values["valid_to"])
    return term_end(valid_from, values["years"])


def _granted(context: Context) -> dict[str, Any]:
    valid_from = as_date(context.values["valid_from"])
    return {"valid_from": valid_from.isoformat(), "licensed_since": valid_from.isoformat(),
            "valid_to": _last_day(context, valid_from).isoformat(), "term": 1, "renewals": 0}


def _renewed(context: Context) -> dict[str, Any]:
    """The new term from the day after the old one ends: no gap, no overlap."""
    valid_from = renewal_from(context)
    return {"valid_from": valid_from.isoformat(),
            "valid_to": term_end(valid_from, context.values["years"]).isoformat(),
            "term": context.data.get("term", 1) + 1,
            "renewals": context.data.get("renewals", 0) + 1,
            "renewal_requested_on": None, "renewal_requested_years": None,
            "renewal_requested_in_time": None, "renewal_fee_paid": None}


def _term_days(context: Context) -> str:
    """The term as days from 00:00 of its first day to 24:00 of its last."""
    return days_through(as_date(context.data["valid_from"]), as_date(context.data["valid_to"]))


def _renewal_requested(context: Context) -> dict[str, Any]:
    """The application for renewal (174(1)), and whether it came by the lead time before the
    term ends that the deployment configures (the Decree's; ``BONDED_AREA_RENEWAL_LEAD_MONTHS``):
    a late one is still decided, the page says it was late."""
    day = seoul_date(context.now)
    lead = int(context.data.get("renewal_lead_months", RENEWAL_LEAD_SETTING.default))
    latest = add_months(as_date(context.data["valid_to"]), -lead)[0] if lead else \
        as_date(context.data["valid_to"])
    return {"renewal_requested_on": day.isoformat(),
            "renewal_requested_years": context.values["requested_years"],
            "renewal_fee_paid": context.values["fee_paid"],
            "renewal_requested_in_time": day <= latest}


def renewal_from(context: Context) -> date:
    """Renewal: the term runs on from the day after the old one ends."""
    return as_date(context.data["valid_to"]) + timedelta(days=1)


# -- suspensions and revocation (Art. 178) ----------------------------------------------------


def suspensions_within_a_year(data: Mapping[str, Any], day: date) -> int:
    """The suspensions decided within the year ending on ``day`` (Art. 178(2)3: "on at least
    three occasions within one year"): decided after the same day of the year before."""
    start = day.replace(year=day.year - 1) if not (day.month == 2 and day.day == 29) \
        else date(day.year - 1, 2, 28)
    return sum(start < as_date(d) <= day for d in data.get("suspensions_decided") or ())


def revocation_ground_holds(context: Context) -> Said | None:
    """Art. 178(2)3 is open only after three suspensions within one year, from the history;
    178(2)4 only when no goods were shipped in for two years (from the last entry the licence's
    goods record, or from the first day of the licence when none entered)."""
    ground = context.values.get("ground")
    day = seoul_date(context.now)
    if ground == "repeated_suspensions":
        count = suspensions_within_a_year(context.data, day)
        if count < REPEATED_SUSPENSIONS:
            return Said(f"{count} suspension(s) within the year before {day}: Art. 178(2)3 "
                        "needs at least three",
                        f"{korean_date(day)} 이전 1년 내 정지처분은 {count}회입니다. "
                        "제178조제2항제3호는 3회 이상이어야 합니다")
    if ground == "dormant":
        entered = as_date(context.data.get("last_goods_entry_on"))
        since = as_date(context.data.get("licensed_since") or context.data.get("valid_from"))
        if entered is not None and (since is None or entered >= since):
            # an entry happens during its day: the two years run from the next (Civil Act 157)
            last, dormant_from = entered, period_end(entered + timedelta(days=1),
                                                     Period(DORMANT_YEARS, Unit.YEARS))[0]
        elif since is not None:  # none entered: from 00:00 of the licence's first day
            last, dormant_from = since, period_end(since, Period(DORMANT_YEARS, Unit.YEARS))[0]
        else:
            return None
        if day <= dormant_from:
            what = (f"goods were last shipped in on {last}" if last == entered
                    else f"no goods were shipped in since the licence began on {last}")
            what_ko = (f"마지막 반입일이 {korean_date(last)}입니다" if last == entered
                       else f"특허 개시일({korean_date(last)}) 이후 반입 실적이 없습니다")
            return Said(f"{what}: Art. 178(2)4 needs two years without any, after "
                        f"{dormant_from}",
                        f"{what_ko}. 제178조제2항제4호는 2년 이상 반입 실적이 없어야 합니다"
                        f"({korean_date(dormant_from)} 이후)")
    return None


def entered_while_licensed(context: Context) -> Said | None:
    """Goods are recorded in the area from the licence's first day: before it the place was no
    licensed bonded area (Art. 174(1))."""
    entered, since = as_date(context.values.get("entered_on")), as_date(
        context.data.get("licensed_since") or context.data.get("valid_from"))
    if entered is not None and since is not None and entered < since:
        return Said(f"the area is licensed from {since}: goods entered before it were not "
                    "entered into a licensed bonded area (Art. 174(1))",
                    f"특허기간은 {korean_date(since)}부터입니다. 그 전에 반입된 물품은 "
                    "특허보세구역에 반입된 것이 아닙니다(제174조제1항)")
    return None


def _goods_entered(context: Context) -> dict[str, Any]:
    """The licence keeps the day goods last entered the area (178(2)4 counts from it)."""
    entered = as_date(context.values["entered_on"])
    last = as_date(context.data.get("last_goods_entry_on"))
    return {"last_goods_entry_on": max(entered, last or entered).isoformat()}


def _suspended(context: Context) -> dict[str, Any]:
    start = context.values["suspended_from"]
    return {"suspensions_decided": [*(context.data.get("suspensions_decided") or ()),
                                    seoul_date(context.now).isoformat()],
            "suspended_from": start.isoformat(), "suspension_months": context.values["months"],
            "suspension_scope": context.values["scope"]}


def _resumed(context: Context) -> dict[str, Any]:
    return {"suspended_from": None, "suspension_months": None, "suspension_scope": None}


def _revoked(context: Context) -> dict[str, Any]:
    """The revocation, and the bar it opens (175 6(a)): two years from the day after it,
    ending at 24:00 of the second anniversary (Civil Act Arts. 157, 160(2)); none after a
    revocation for a ground of 175 1 to 3."""
    day = seoul_date(context.now)
    facts: dict[str, Any] = {"revoked_on": day.isoformat(), "ended_on": day.isoformat()}
    if context.values.get("ground") not in NO_BAR_GROUNDS:
        until = period_end(day + timedelta(days=1), Period(BAR_YEARS, Unit.YEARS))[0]
        facts["bonded_area_bar"] = {"article": "Art. 175 6(a)", "from": day.isoformat(),
                                    "until": until.isoformat(), "licence": context.reference,
                                    "revocation_ground": context.values.get("ground")}
    return facts


def _ended(context: Context) -> dict[str, Any]:
    return {"ended_on": seoul_date(context.now).isoformat()}


def _wind_down(context: Context) -> dict[str, Any]:
    return {"wind_down_from": as_date(context.values["wind_down_from"]).isoformat(),
            "wind_down_months": context.values["months"]}


# -- succession (Art. 179(2)-(5)) --------------------------------------------------------------


def reported_in_time(context: Context) -> Said | None:
    """Art. 179(3): the successor's report within 30 days of the death or dissolution (an Art. 8
    deadline: a last day on a weekend or holiday rolls over); later, the licence is void from
    the event (179(1)2)."""
    reported = as_date(context.values.get("reported_on"))
    period = context.open_deadlines.get("succession") or context.deadlines.get("succession")
    if reported is None or period is None or reported <= period.due_date:
        return None
    return Said(f"the 30 days for the successor's report ended on {period.due_date}: the licence "
                "became void on the death or dissolution (Art. 179(1)2, (3))",
                f"승계 신고기한({korean_date(period.due_date)})이 지났습니다. 특허는 사망 또는 "
                "해산한 때에 효력을 상실하였습니다(제179조제1항제2호, 제3항)")


def _event_reported(context: Context) -> dict[str, Any]:
    return {"succession_event": context.values["event"],
            "succession_event_on": as_date(context.values["occurred_on"]).isoformat()}


def _succeeded(context: Context) -> dict[str, Any]:
    """Art. 179(4): the licence is deemed the successor's from the death or dissolution to the
    report, and goes on as theirs."""
    return {"successor": context.values["successor"],
            "succeeded_from": context.data.get("succession_event_on"),
            "succession_reported_on": as_date(context.values["reported_on"]).isoformat()}


def _void_from_event(context: Context) -> dict[str, Any]:
    return {"ended_on": context.data.get("succession_event_on")}


# -- an executive disqualified (Arts. 175 8, 178(2)2 proviso) -------------------------------


def _executive_disqualified(context: Context) -> dict[str, Any]:
    """A corporation's executive under a ground of 175 2 to 7 makes the corporation
    disqualified (175 8); only for 175 2 or 3 may it replace the executive within three months
    (178(2)2 proviso), from the day the executive fell under it."""
    ground = context.values["ground"]
    facts: dict[str, Any] = {"disqualified_executive": context.values["executive"],
                             "executive_ground": ground}
    if ground in CURABLE:
        facts["executive_cure_from"] = as_date(context.values["since"]).isoformat()
    return facts


def _executive_replaced(context: Context) -> dict[str, Any]:
    return {"executive_cure_from": None, "disqualified_executive": None,
            "executive_ground": None}


def executive_recorded(context: Context) -> Said | None:
    if context.data.get("disqualified_executive"):
        return None
    return Said("no executive is recorded as disqualified", "결격 임원이 기록되어 있지 않습니다")


def cure_not_running(context: Context) -> Said | None:
    """A revocation for the disqualified executive waits for the three months of the cure."""
    running = context.open_deadlines.get("executive_cure")
    if context.values.get("ground") != "disqualified" or running is None:
        return None
    return Said(f"the corporation may replace its executive until {running.due_date} "
                "(Art. 178(2)2 proviso): no revocation on that ground before",
                f"법인은 {korean_date(running.due_date)}까지 임원을 변경할 수 있습니다"
                "(제178조제2항제2호 단서). 그 전에는 이를 사유로 취소할 수 없습니다")


# -- the penalty surcharge instead of a suspension (Art. 178(3)-(4)) -----------------------


def computed_surcharge(sales: int, days: int, divisor: int) -> int:
    """Art. 178(3) with the Decree's computation as configured: the daily amount (the annual
    sales over ``divisor``) times the days of the suspension replaced, never more than 3/100 of
    the sales (whole won, rounded down)."""
    return min(sales * days // divisor, sales * MAX_SURCHARGE_PERCENT // 100)


def _surcharge_divisor(context: Context) -> int:
    return context.data.get("surcharge_daily_divisor") or SURCHARGE_DAILY_DIVISOR


def surcharge_within_limit(context: Context) -> Said | None:
    """Art. 178(3): the amount imposed (when the officer gives one lower than the computation,
    e.g. a reduction) is at most the computed surcharge, itself at most 3/100 of the sales."""
    if context.values.get("amount") is None or "days" not in context.values:
        return None
    sales, days = context.values.get("sales") or 0, context.values["days"]
    limit, amount = computed_surcharge(sales, days, _surcharge_divisor(context)), \
        context.values["amount"]
    if amount > limit:
        return Said(f"KRW {amount:,} is more than the surcharge computed for {days} days on "
                    f"sales of KRW {sales:,} (KRW {limit:,}; at most 3/100 of the sales, Art. "
                    "178(3))",
                    f"과징금 {amount:,}원이 매출액 {sales:,}원과 정지일수 {days}일로 산정한 "
                    f"금액({limit:,}원)을 초과합니다(매출액의 100분의 3 이하, 제178조제3항)")
    return None


def _surcharged(context: Context) -> dict[str, Any]:
    day = seoul_date(context.now)
    sales, days, divisor = context.values["sales"], context.values["days"], \
        _surcharge_divisor(context)
    computed = computed_surcharge(sales, days, divisor)
    amount = context.values.get("amount")
    return {"surcharge": {"sales": sales, "days": days, "divisor": divisor, "computed": computed,
                          "amount": computed if amount is None else amount,
                          "imposed_on": day.isoformat(), "paid_on": None},
            "surcharge_imposed_on": day.isoformat(),
            "surcharges": [*(context.data.get("surcharges") or ()), day.isoformat()]}


def _surcharge_paid(context: Context) -> dict[str, Any]:
    surcharge = dict(context.data.get("surcharge") or {})
    surcharge["paid_on"] = as_date(context.values["paid_on"]).isoformat()
    return {"surcharge": surcharge, "surcharge_imposed_on": None}


def surcharge_owed(context: Context) -> Said | None:
    if context.data.get("surcharge_imposed_on"):
        return None
    return Said("no penalty surcharge is owed", "납부할 과징금이 없습니다")


def _goods_values(context: Context) -> dict[str, Any]:
    """The goods' own case (:mod:`workflows.procedures.bonded_goods`) starts with the entry."""
    return {field.name: context.values[field.name] for field in bonded_goods.ENTRY_FIELDS}


# -- what belongs to a licence ------------------------------------------------------------------

LICENCE_LINK = Link(field="licence", procedure=CODE, label=Label("Licence", "특허"),
                    members=Label("Cases under this licence", "이 특허에 딸린 사건"))
"""How another case names the licence it belongs to (a permission applied for under it, goods
stored in the area): by the licence's reference, in its ``licence`` value."""
AREA_TYPE_LABELS = dict(AREA_TYPES)


def licence_refuses(context: Context, *, types: frozenset[str] = frozenset(),
                    needed_for: str = "") -> Said | None:
    """Why the licence the values name (``LICENCE_LINK``) does not carry what is asked: none
    is named although ``types`` require one; it is not a licence of the party; it is of
    another type than ``types``; it is not active (a suspended, revoked or ended licence
    carries no new work, 178(1), 179(1)). ``needed_for``: the article asked for."""
    named = str(context.values.get(LICENCE_LINK.field) or "").strip()
    if not named:
        if not types:
            return None
        kinds = " or ".join(AREA_TYPE_LABELS[t].en for t in sorted(types))
        kinds_ko = " 또는 ".join(AREA_TYPE_LABELS[t].ko for t in sorted(types))
        return Said(f"{needed_for} is given to the operator of a licensed {kinds}: give the "
                    "reference of its licence",
                    f"{korean_citation(needed_for)}은 {kinds_ko} 운영인에게 하는 것입니다. 그 "
                    "특허의 사건번호를 적으십시오")
    licence = context.linked.get(LICENCE_LINK.field)
    if licence is None:
        return Said(f"{named} is not a licensed bonded area of this operator",
                    f"{named}은(는) 이 운영인의 특허보세구역이 아닙니다")
    area_type = licence["data"].get("area_type")
    if types and area_type not in types:
        kind = AREA_TYPE_LABELS.get(area_type, Label(str(area_type)))
        return Said(f"{named} is a licence for a {kind.en}; {needed_for} is not given there",
                    f"{named}은(는) {kind.ko} 특허입니다. {korean_citation(needed_for)}은 그곳에 "
                    "하는 것이 아닙니다")
    if licence["state"] != "active":
        state = PROCEDURE.state(licence["state"]).label
        return Said(f"the licence {named} is not active ({state.en}): nothing new is permitted "
                    "under it (Arts. 178(1), 179(1))",
                    f"특허 {named}이(가) 유효하지 않습니다({state.ko}). 그 특허에 따라 새로 허가할 "
                    "수 없습니다(제178조제1항, 제179조제1항)")
    return None


def facts(data: Mapping[str, Any], today: date) -> tuple[CaseFact, ...]:
    """The licence's header: type, location, licensed matters, term, suspensions in the last
    year and renewals used."""
    shown = [CaseFact(Label("Type of area", "특허보세구역 종류"),
                      dict(AREA_TYPES).get(data.get("area_type"), data.get("area_type"))),
             CaseFact(Label("Location", "소재지"), data.get("location") or "—"),
             CaseFact(Label("Licensed matters", "특허 사항"), data.get("licensed_matters") or "—")]
    if data.get("valid_to"):
        shown += [CaseFact(Label("Valid from", "특허기간 시작"), as_date(data["valid_from"])),
                  CaseFact(Label("Valid until (24:00; not moved off a holiday)",
                                 "특허기간 만료(24시, 공휴일이어도 연장되지 않음)"),
                           as_date(data["valid_to"])),
                  CaseFact(Label("Suspensions within the last year (Art. 178(2)3)",
                                 "최근 1년 내 정지 횟수(제178조제2항제3호)"),
                           str(suspensions_within_a_year(data, today))),
                  CaseFact(Label("Renewals", "갱신 횟수"), str(data.get("renewals", 0)))]
    if data.get("requirements_checklist") and not data.get("valid_to"):
        shown.append(CaseFact(Label("Requirements to check (Art. 174(3))",
                                    "확인할 특허 요건(제174조제3항)"),
                              " · ".join(data["requirements_checklist"])))
    if data.get("last_goods_entry_on"):
        shown.append(CaseFact(Label("Goods last entered (Art. 178(2)4)",
                                    "최근 물품 반입일(제178조제2항제4호)"),
                              as_date(data["last_goods_entry_on"])))
    if data.get("renewal_requested_on"):
        late = not data.get("renewal_requested_in_time")
        shown.append(CaseFact(
            Label("Renewal applied for" + (" (after the lead time)" if late else ""),
                  "갱신 신청" + ("(신청기한 경과 후)" if late else "")),
            as_date(data["renewal_requested_on"])))
    return tuple(shown)


def subject(data: Mapping[str, Any]) -> dict[str, str]:
    """The licensed area, as its notices name it."""
    area = dict(AREA_TYPES).get(data.get("area_type"))
    place = data.get("location") or ""
    return {"ko": f"{area.ko if area else ''} {place}".strip(),
            "en": f"{area.en if area else ''}, {place}".strip(", "), "article": "Art. 174"}


LICENCE = Grant(
    kind="bonded_area_licence",
    valid_from=lambda context: as_date(context.data["valid_from"]),
    valid_to=lambda context: as_date(context.data["valid_to"]),
    number=lambda context, reference: f"{reference}-{context.data['term']}")
"""A licence per term (Arts. 174(1), 176), numbered ``<case>-<term>``."""
EXTENDED_LICENCE = Grant(
    kind="bonded_area_licence",
    valid_from=lambda context: as_date(context.data["valid_from"]),
    valid_to=lambda context: as_date(context.data["valid_to"]),
    number=lambda context, reference: (f"{reference}-{context.data['term']}"
                                       f"-e{context.data['extensions']}"))
"""The licence of an exhibition or construction site as extended (176(2) proviso): it takes
the place of the one in force (``<case>-<term>-e<n>``), so that what is in force says the
new last day."""

VALIDITY = Deadline(
    kind="validity", label=Label("term of the licence", "특허기간"),
    article="Art. 176; 179(1)3", period=_term_days,
    start=Start.data("valid_from", "the first day of the licence"),
    on_expiry=Expiry.transition("expire"), rollover=False, starts_at_midnight=True,
    reminders=_renewal_reminders, met_by=("renew",), owed_by=Duty.PARTY, repeats=True,
    when_it_passes=Label("the licence becomes void when its term ends unless renewed "
                         "(Art. 179(1)3)",
                         "갱신하지 않으면 특허기간이 끝나는 때에 특허의 효력이 상실됩니다"
                         "(제179조제1항제3호)"),
    period_text="from 00:00 of the first day to 24:00 of the last (at most 10 years, Art. 176); "
                "never rolled over")
SUSPENSION = Deadline(
    kind="suspension", label=Label("suspension of entry", "물품반입 등 정지기간"),
    article="Art. 178(1)", period=lambda context: f"{context.data.get('suspension_months') or 1}m",
    start=Start.data("suspended_from", "the day the suspension takes effect"),
    on_expiry=Expiry.transition("end_suspension"), rollover=False, starts_at_midnight=True,
    reminders=("7d",),
    period_text="the months suspended (at most 6) from 00:00 of the first day; never rolled over")
WIND_DOWN = Deadline(
    kind="wind_down", label=Label("deemed licence for the goods still stored",
                                  "특허의제기간(잔존 외국물품)"),
    article="Art. 182(2)", period=lambda context: f"{context.data.get('wind_down_months') or 1}m",
    start=Start.data("wind_down_from", "the day the wind-down begins"),
    on_expiry=Expiry.transition("wind_down_ended"), rollover=False, starts_at_midnight=True,
    reminders=("1m", "7d"), owed_by=Duty.PARTY,
    when_it_passes=Label("the area is no longer a bonded area; foreign goods still in it go to "
                         "the sale procedure (Arts. 182, 208)",
                         "보세구역이 아니게 되며 남은 외국물품은 매각 절차로 넘어갑니다"
                         "(제182조, 제208조)"),
    period_text="the months fixed (at most 6) from 00:00 of the first day; never rolled over")

SUCCESSION = Deadline(
    kind="succession", label=Label("successor's report", "승계 신고"),
    article="Art. 179(3)", period=SUCCESSION_PERIOD,
    start=Start.data("succession_event_on", "the death or the dissolution"),
    on_expiry=Expiry.transition("succession_lapsed"), reminders=("7d", "1d"),
    owed_by=Duty.PARTY,
    when_it_passes=Label("the licence is void from the death or the dissolution "
                         "(Art. 179(1)2)",
                         "특허는 사망 또는 해산한 때부터 효력을 상실합니다(제179조제1항제2호)"))
EXECUTIVE_CURE = Deadline(
    kind="executive_cure", label=Label("replacement of the disqualified executive",
                                       "결격 임원의 변경"),
    article="Art. 178(2)2 proviso", period=EXECUTIVE_CURE_PERIOD,
    start=Start.data("executive_cure_from", "the executive fell under Art. 175 2 or 3",
                     optional=True),
    on_expiry=Expiry.escalate(), reminders=("1m", "7d"), owed_by=Duty.PARTY, repeats=True,
    met_by=("record_executive_replaced",),
    when_it_passes=Label("the licence must be revoked (Art. 178(2)2)",
                         "특허가 취소됩니다(제178조제2항제2호)"))
SURCHARGE_PAYMENT = Deadline(
    kind="surcharge_payment", label=Label("payment of the penalty surcharge", "과징금 납부"),
    article="Art. 178(3)-(4)",
    period=lambda context: context.data.get("surcharge_payment_period")
    or SURCHARGE_PAYMENT_PERIOD,
    start=Start.data("surcharge_imposed_on", "the surcharge was imposed", optional=True),
    on_expiry=Expiry.flag(), reminders=("7d", "1d"), owed_by=Duty.PARTY, repeats=True,
    met_by=("record_surcharge_paid",),
    when_it_passes=Label("the surcharge is collected as national taxes are (Art. 178(4), 26)",
                         "과징금은 국세 체납처분의 예에 따라 징수됩니다(제178조제4항, 제26조)"))

REASONS = Field(name="reasons", label=Label("Reasons", "이유"), kind=FieldKind.LONGTEXT)
TERM_FIELDS = (
    Field(name="years", label=Label("Term in years (Art. 176(1): at most 10)", "특허기간(년)"),
          kind=FieldKind.INTEGER, minimum=1, maximum=MAX_TERM_YEARS, required=False),
    Field(name="valid_to", label=Label("Or the last day, for an exhibition or construction site "
                                       "(Art. 176(2))", "또는 만료일(보세전시장·보세건설장)"),
          kind=FieldKind.DATE, required=False, future=True,
          follows=(After.entered("the review began"),)),
)
"""The term of a grant: in years, or the last day the office fixes for an exhibition or a
construction site (176(2))."""



PROCEDURE = Procedure(
    code=CODE,
    article="Arts. 174 to 182",
    states=(
        State(name="applied", label=Label("Applied for", "특허 신청"), article="Art. 174(1)-(2)"),
        State(name="under_review", label=Label("Under review", "심사 중"),
              article="Art. 174(3); 175"),
        State(name="refused", label=Label("Refused", "특허 거부"), article="Art. 174(3); 175",
              terminal=True),
        State(name="active", label=Label("Licensed", "특허(운영 중)"), article="Art. 174; 176"),
        State(name="suspended", label=Label("Entry of goods suspended", "물품반입 등 정지"),
              article="Art. 178(1)"),
        State(name="succession_pending",
              label=Label("Operator dead or dissolved: the successor's 30 days",
                          "운영인 사망·해산: 승계 신고기간"),
              article="Art. 179(2)-(3)"),
        State(name="revoked", label=Label("Revoked", "특허 취소"), article="Art. 178(2); 179(1)4"),
        State(name="invalidated", label=Label("Void: ceased or expired", "특허 효력 상실"),
              article="Art. 179(1)"),
        State(name="wind_down", label=Label("Wind-down: deemed licensed for the goods still "
                                            "stored", "특허의제(잔존 물품 반출 중)"),
              article="Art. 182"),
        State(name="closed", label=Label("Closed", "종결"), article="Art. 182", terminal=True),
    ),
    transitions=(
        Transition(trigger="apply", source=(), dest="applied", roles=OFFICE,
                   article="Art. 174(1)-(2)",
                   label=Label("Record an application for a licence", "특허 신청 접수"),
                   fields=(Field(name="area_type", label=Label("Type of area", "종류"),
                                 kind=FieldKind.CHOICE, choices=AREA_TYPES, store=True),
                           Field(name="location", label=Label("Location", "소재지"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="area_m2", label=Label("Area (m²)", "면적(㎡)"),
                                 kind=FieldKind.INTEGER, minimum=1, maximum=10**8, store=True),
                           Field(name="licensed_matters",
                                 label=Label("Licensed matters: goods and operations",
                                             "특허 사항(물품·작업)"),
                                 kind=FieldKind.LONGTEXT, store=True),
                           Field(name="fee_paid", label=Label("Fee paid (KRW, Art. 174(2))",
                                                              "수수료(원, 제174조제2항)"),
                                 kind=FieldKind.INTEGER, minimum=0, maximum=10**10, store=True),
                           Field(name="received_on", label=Label("Received on", "접수일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows_nothing="the application is the first date of the "
                                                 "case"))),
        Transition(trigger="start_review", source=("applied",), dest="under_review",
                   roles=OFFICE, article="Art. 174(3); 175",
                   label=Label("Start the review", "심사 개시")),
        Transition(trigger="grant", source=("under_review",), dest="active", roles=OFFICE,
                   article="Art. 174(1); 175; 176",
                   label=Label("Grant the licence", "특허"),
                   guards=(not_barred, term_fits, fee_paid_in_full),
                   fields=(Field(name="valid_from", label=Label("Valid from", "특허기간 시작일"),
                                 kind=FieldKind.DATE, future=True,
                                 follows=(After.entered("the review began"),)),
                           *TERM_FIELDS,
                           Field(name="requirements",
                                 label=Label("Requirements of Art. 174(3) checked",
                                             "특허 요건(제174조제3항) 확인 내용"),
                                 kind=FieldKind.LONGTEXT, store=True)),
                   records=_granted, grants=LICENCE, notices=("bonded_area_licence",)),
        Transition(trigger="refuse", source=("under_review",), dest="refused", roles=OFFICE,
                   article="Art. 174(3); 175",
                   label=Label("Refuse the licence", "특허 거부"),
                   outcome=Label("Your application for a licence was refused: you may appeal "
                                 "(Art. 119)",
                                 "특허 신청이 거부되었습니다. 이에 대해 불복할 수 있습니다"
                                 "(제119조)"),
                   fields=(Field(name="ground", label=Label("Ground", "거부 사유"),
                                 kind=FieldKind.CHOICE, choices=REFUSAL_GROUNDS, store=True),
                           REASONS),
                   reason_field="reasons", notices=("bonded_area_refusal",)),
        Transition(trigger="request_renewal", source=("active",), dest=STAYS,
                   roles=OPERATOR_OR_OFFICE, article="Art. 174(1)",
                   label=Label("Apply for the renewal of the licence", "특허 갱신 신청"),
                   guards=(renewable,),
                   fields=(Field(name="requested_years",
                                 label=Label("Term asked for, in years", "신청 갱신기간(년)"),
                                 kind=FieldKind.INTEGER, minimum=1, maximum=MAX_TERM_YEARS),
                           Field(name="fee_paid", label=Label("Fee paid (KRW, Art. 174(2))",
                                                             "수수료 납부액(원, 제174조제2항)"),
                                 kind=FieldKind.INTEGER, minimum=0, maximum=10**9)),
                   records=_renewal_requested),
        Transition(trigger="renew", source=("active",), dest=STAYS, roles=OFFICE,
                   article="Art. 174(1); 176; 176-2(6)",
                   label=Label("Renew the licence for a new term", "특허 갱신"),
                   outcome=Label("Your licence was renewed", "특허가 갱신되었습니다"),
                   guards=(not_barred, renewable, fee_paid_in_full),
                   fields=(Field(name="years",
                                 label=Label("New term in years (Art. 176(1): at most 10; a "
                                             "bonded store at most 5)", "갱신 특허기간(년)"),
                                 kind=FieldKind.INTEGER, minimum=1, maximum=MAX_TERM_YEARS),),
                   records=_renewed, grants=LICENCE, notices=("bonded_area_licence",)),
        Transition(trigger="extend_period", source=("active",), dest=STAYS, roles=OFFICE,
                   article="Art. 176(2) proviso",
                   label=Label("Extend the period of the exhibition or construction site",
                               "특허기간 연장(보세전시장·보세건설장)"),
                   outcome=Label("The period of your licence was extended (Art. 176(2))",
                                 "특허기간이 연장되었습니다(제176조제2항)"),
                   guards=(extendable,),
                   fields=(Field(name="valid_to", label=Label("New last day", "새 만료일"),
                                 kind=FieldKind.DATE, future=True,
                                 follows=(After.data("valid_to", "the current term ends"),)),
                           REASONS),
                   reason_field="reasons", records=_extended, recomputes=("validity",),
                   ends_grant="superseded", grants=EXTENDED_LICENCE),
        Transition(trigger="suspend", source=("active",), dest="suspended", roles=OFFICE,
                   article="Art. 178(1)",
                   label=Label("Suspend the entry of goods", "물품반입 등 정지"),
                   outcome=Label("The entry of goods into your bonded area was suspended: you "
                                 "may appeal (Art. 119)",
                                 "특허보세구역의 물품반입 등이 정지되었습니다. 이에 대해 불복할 "
                                 "수 있습니다(제119조)"),
                   fields=(Field(name="ground", label=Label("Ground", "정지 사유"),
                                 kind=FieldKind.CHOICE, choices=SUSPENSION_GROUNDS, store=True),
                           Field(name="scope", label=Label("Scope", "정지 범위"),
                                 kind=FieldKind.CHOICE, choices=SUSPENSION_SCOPES),
                           Field(name="months", label=Label("Months (at most 6)", "정지 개월 수"),
                                 kind=FieldKind.INTEGER, minimum=1,
                                 maximum=MAX_SUSPENSION_MONTHS),
                           Field(name="suspended_from",
                                 label=Label("Takes effect on", "정지 시작일"),
                                 kind=FieldKind.DATE, future=True,
                                 follows=(After.entered("the licence took effect"),)),
                           REASONS),
                   reason_field="reasons", records=_suspended,
                   notices=("bonded_area_suspension",)),
        Transition(trigger="end_suspension", source=("suspended",), dest="active",
                   roles=frozenset({SYSTEM}), article="Art. 178(1)",
                   label=Label("The suspension ended", "정지기간 종료"),
                   outcome=Label("The suspension ended: goods may enter your bonded area again",
                                 "정지기간이 끝나 물품반입 등을 다시 할 수 있습니다"),
                   records=_resumed),
        Transition(trigger="revoke", source=IN_FORCE, dest="revoked", roles=OFFICE,
                   article="Art. 178(2)",
                   label=Label("Revoke the licence", "특허 취소"),
                   outcome=Label("Your licence was revoked: you may appeal (Art. 119); a new "
                                 "licence is barred for two years (Art. 175 6(a))",
                                 "특허가 취소되었습니다. 이에 대해 불복할 수 있으며, 2년간 "
                                 "특허를 받을 수 없습니다(제175조제6호가목)"),
                   guards=(revocation_ground_holds, cure_not_running),
                   fields=(Field(name="ground", label=Label("Ground", "취소 사유"),
                                 kind=FieldKind.CHOICE, choices=REVOCATION_GROUNDS, store=True),
                           REASONS),
                   reason_field="reasons", records=_revoked, ends_grant="revoked",
                   notices=("bonded_area_revocation",)),
        Transition(trigger="report_death_or_dissolution", source=IN_FORCE,
                   dest="succession_pending", roles=OPERATOR_OR_OFFICE,
                   article="Art. 179(1)2; 179(2)",
                   label=Label("Report the operator's death or the corporation's dissolution",
                               "운영인의 사망·해산 신고"),
                   fields=(Field(name="event", label=Label("What happened", "사유"),
                                 kind=FieldKind.CHOICE,
                                 choices=(("death", Label("Death", "사망")),
                                          ("dissolution", Label("Dissolution", "해산")))),
                           Field(name="occurred_on", label=Label("On", "사망·해산일"),
                                 kind=FieldKind.DATE,
                                 follows=(After.data("valid_from", "the licence began"),)),
                           Field(name="reported_by", label=Label("Reported by", "신고인"),
                                 kind=FieldKind.TEXT, store=True)),
                   records=_event_reported),
        Transition(trigger="report_succession", source=("succession_pending",), dest="active",
                   roles=OFFICE, article="Art. 179(3)-(5)",
                   label=Label("Record the successor's report", "승계 신고 기록"),
                   outcome=Label("The successor reported within 30 days: the licence is the "
                                 "successor's from the death or dissolution (Art. 179(4))",
                                 "승계 신고로 특허는 사망·해산일부터 승계인의 것으로 봅니다"
                                 "(제179조제4항)"),
                   guards=(reported_in_time,),
                   fields=(Field(name="successor", label=Label("Successor or succeeding "
                                                               "corporation", "승계인"),
                                 kind=FieldKind.TEXT),
                           Field(name="reported_on", label=Label("Reported on", "신고일"),
                                 kind=FieldKind.DATE,
                                 follows=(After.data("succession_event_on",
                                                     "the death or the dissolution"),)),
                           Field(name="requirements",
                                 label=Label("Requirements of Art. 174(3) met, and no ground of "
                                             "Art. 175 (179(3), (5))",
                                             "특허 요건 충족 및 결격사유 없음 확인"),
                                 kind=FieldKind.LONGTEXT, store=True)),
                   records=_succeeded),
        Transition(trigger="succession_lapsed", source=("succession_pending",),
                   dest="invalidated", roles=frozenset({SYSTEM}), article="Art. 179(1)2; 179(3)",
                   label=Label("No successor's report within 30 days", "승계 신고기간 경과"),
                   outcome=Label("No successor reported within 30 days: the licence is void "
                                 "from the death or dissolution (Art. 179(1)2)",
                                 "30일 이내에 승계 신고가 없어 특허는 사망·해산한 때부터 효력을 "
                                 "상실하였습니다(제179조제1항제2호)"),
                   records=_void_from_event, ends_grant="void"),
        Transition(trigger="record_executive_disqualified", source=IN_FORCE, dest=STAYS,
                   roles=OFFICE, article="Art. 175 8; 178(2)2",
                   label=Label("Record an executive disqualified (Art. 175 8)",
                               "임원의 결격사유 기록(제175조제8호)"),
                   fields=(Field(name="executive", label=Label("Executive", "임원"),
                                 kind=FieldKind.TEXT),
                           Field(name="ground", label=Label("Ground", "결격사유"),
                                 kind=FieldKind.CHOICE, choices=(
                                     ("guardianship", Label("Adult or limited guardianship "
                                                            "(Art. 175 2)",
                                                            "피성년후견인·피한정후견인(제175조제2호)")),
                                     ("bankrupt", Label("Bankrupt, not reinstated (Art. 175 3)",
                                                        "파산선고 후 미복권(제175조제3호)")),
                                     ("other", Label("A ground of Art. 175 4 to 7",
                                                     "제175조제4호부터 제7호까지")))),
                           Field(name="since", label=Label("Since", "해당일"),
                                 kind=FieldKind.DATE,
                                 follows=(After.data("valid_from", "the licence began"),))),
                   records=_executive_disqualified),
        Transition(trigger="record_executive_replaced", source=IN_FORCE, dest=STAYS,
                   roles=OFFICE, article="Art. 178(2)2 proviso",
                   label=Label("Record that the executive was replaced", "결격 임원 변경 기록"),
                   guards=(executive_recorded,),
                   fields=(Field(name="replaced_on", label=Label("Replaced on", "변경일"),
                                 kind=FieldKind.DATE,
                                 follows=(After.data("valid_from", "the licence began"),)),),
                   records=_executive_replaced),
        Transition(trigger="record_goods_entry", source=("active",), dest=STAYS, roles=OFFICE,
                   article="Arts. 177(1), 183(2)",
                   label=Label("Record goods entered into the area", "반입 물품 기록"),
                   fields=bonded_goods.ENTRY_FIELDS, spawns=bonded_goods.CODE,
                   spawn_values=_goods_values, records=_goods_entered,
                   guards=(entered_while_licensed,)),
        Transition(trigger="impose_surcharge", source=("active",), dest=STAYS, roles=OFFICE,
                   article="Art. 178(3)",
                   label=Label("Impose a penalty surcharge instead of a suspension",
                               "물품반입 등 정지 갈음 과징금 부과"),
                   outcome=Label("A penalty surcharge was imposed instead of a suspension: you "
                                 "may appeal (Art. 119)",
                                 "물품반입 등 정지에 갈음하여 과징금이 부과되었습니다. 이에 대해 "
                                 "불복할 수 있습니다(제119조)"),
                   guards=(surcharge_within_limit,),
                   fields=(Field(name="ground", label=Label("Ground of the suspension it "
                                                            "replaces", "정지 사유"),
                                 kind=FieldKind.CHOICE, choices=SUSPENSION_GROUNDS),
                           Field(name="sales", label=Label("Annual sales from operating the "
                                                           "area (KRW)",
                                                           "특허보세구역 운영 연간매출액(원)"),
                                 kind=FieldKind.INTEGER, minimum=0, maximum=10**13),
                           Field(name="days", label=Label("Days of the suspension it replaces",
                                                          "갈음하는 정지 일수"),
                                 kind=FieldKind.INTEGER, minimum=1,
                                 maximum=MAX_SUSPENSION_DAYS,
                                 help=Label("a month counts as 30 days; at most 6 months "
                                            "(Art. 178(1))",
                                            "1개월은 30일로 봅니다. 6개월 이내(제178조제1항)")),
                           Field(name="amount", label=Label("Surcharge imposed (KRW)",
                                                            "부과 과징금(원)"),
                                 kind=FieldKind.INTEGER, minimum=0, maximum=10**12,
                                 required=False,
                                 help=Label("empty: the amount computed from the sales and the "
                                            "days; a lower amount may be given",
                                            "비워 두면 매출액과 정지 일수로 산정한 금액을 "
                                            "부과합니다. 그보다 적은 금액을 적을 수 있습니다")),
                           Field(name="reasons",
                                 label=Label("Why a suspension would seriously inconvenience "
                                             "users or harm the public interest",
                                             "정지처분이 이용자에게 심한 불편을 주거나 공익을 "
                                             "해치는 이유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reasons", records=_surcharged,
                   notices=("bonded_area_surcharge",)),
        Transition(trigger="record_surcharge_paid", source=IN_FORCE, dest=STAYS, roles=OFFICE,
                   article="Art. 178(3)",
                   label=Label("Record the surcharge paid", "과징금 납부 기록"),
                   guards=(surcharge_owed,),
                   fields=(Field(name="paid_on", label=Label("Paid on", "납부일"),
                                 kind=FieldKind.DATE,
                                 follows=(After.data("surcharge_imposed_on",
                                                     "the surcharge was imposed"),)),),
                   records=_surcharge_paid),
        Transition(trigger="expire", source=(*IN_FORCE, "succession_pending"),
                   dest="invalidated",
                   roles=frozenset({SYSTEM}), article="Art. 179(1)3",
                   label=Label("The term ended without renewal", "특허기간 만료"),
                   outcome=Label("Your licence became void at the end of its term "
                                 "(Art. 179(1)3)",
                                 "특허기간이 끝나 특허의 효력이 상실되었습니다(제179조제1항제3호)"),
                   records=_ended, ends_grant="expired"),
        Transition(trigger="cease", source=IN_FORCE, dest="invalidated",
                   roles=OPERATOR_OR_OFFICE, article="Art. 179(1)1; 179(2)",
                   label=Label("Report that the operator ceased operating",
                               "운영 폐지 신고"),
                   outcome=Label("Your licence became void: you ceased operating the area "
                                 "(Art. 179(1)1)",
                                 "운영을 폐지하여 특허의 효력이 상실되었습니다(제179조제1항제1호)"),
                   fields=(Field(name="ceased_on", label=Label("Ceased on", "폐지일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(After.data("valid_from", "the licence began"),)),
                           REASONS),
                   reason_field="reasons", records=_ended, ends_grant="ceased"),
        Transition(trigger="fix_wind_down", source=("revoked", "invalidated"), dest="wind_down",
                   roles=OFFICE, article="Art. 182(2)",
                   label=Label("Fix the period for the goods still stored",
                               "특허의제기간 지정"),
                   fields=(Field(name="months", label=Label("Months (at most 6)", "개월 수"),
                                 kind=FieldKind.INTEGER, minimum=1,
                                 maximum=MAX_WIND_DOWN_MONTHS),
                           Field(name="wind_down_from", label=Label("From", "시작일"),
                                 kind=FieldKind.DATE, future=True,
                                 follows=(After.entered("the licence ended"),)),
                           Field(name="goods", label=Label("Foreign goods still stored",
                                                           "잔존 외국물품"),
                                 kind=FieldKind.LONGTEXT, store=True)),
                   records=_wind_down, notices=("bonded_area_wind_down",)),
        Transition(trigger="goods_out", source=("wind_down",), dest="closed", roles=OFFICE,
                   article="Art. 182(1)",
                   label=Label("Record that the goods were shipped out", "잔존 물품 반출 완료"),
                   outcome=Label("The foreign goods were shipped out: the wind-down is closed "
                                 "(Art. 182(1))",
                                 "잔존 외국물품이 반출되어 종결되었습니다(제182조제1항)"),
                   fields=(Field(name="shipped_out_on", label=Label("Shipped out on", "반출일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(After.entered("the wind-down began"),)),)),
        Transition(trigger="wind_down_ended", source=("wind_down",), dest="closed",
                   roles=frozenset({SYSTEM}), article="Art. 182(2)",
                   label=Label("The period for the goods ended", "특허의제기간 종료"),
                   outcome=Label("The period fixed for the goods still stored ended: the area "
                                 "is no longer a bonded area and any foreign goods left go to "
                                 "the sale procedure (Arts. 182, 208)",
                                 "특허의제기간이 끝나 보세구역이 아니게 되었으며, 남은 외국물품은 "
                                 "매각 절차로 넘어갑니다(제182조, 제208조)")),
    ),
    deadlines={
        "active": (VALIDITY, EXECUTIVE_CURE, SURCHARGE_PAYMENT),
        "suspended": (VALIDITY, SUSPENSION, EXECUTIVE_CURE, SURCHARGE_PAYMENT),
        "succession_pending": (VALIDITY, SUCCESSION),
        "wind_down": (WIND_DOWN,),
    },
    reads_party=True,
    facts=facts,
    configured=configured_licence,
    settings=(RENEWAL_LEAD_SETTING, RENEWAL_REMINDERS_SETTING, REQUIREMENTS_SETTING,
              FEES_SETTING, SURCHARGE_PERIOD_SETTING, SURCHARGE_DIVISOR_SETTING),
    subject=subject,
    decided_states=frozenset({"refused", "active"}),
    watches=(
        Watch(label=Label("Bonded-area licences ending within 3 months",
                          "3개월 이내에 끝나는 특허보세구역"), kind="validity", within_months=3),
        Watch(label=Label("Bonded areas suspended, and the day entry resumes",
                          "물품반입 등 정지 중인 특허보세구역"), kind="suspension"),
        Watch(label=Label("Bonded areas winding down (Art. 182)",
                          "특허의제기간 중인 보세구역(제182조)"), kind="wind_down"),
        Watch(label=Label("Disqualified executives to replace (Art. 178(2)2 proviso)",
                          "교체할 결격 임원(제178조제2항제2호 단서)"), kind="executive_cure"),
        Watch(label=Label("Successors' reports awaited (Art. 179(3))",
                          "승계 신고 대기(제179조제3항)"), kind="succession"),
    ),
)
