"""Offence notification disposition (통고처분, Arts. 283 to 319): from the report to compliance
or accusation.

- **Report** (283, 284(2)): the office records a suspected customs offence, found by itself or
  handed over by another authority, which must hand it over at once (284(2)).
- **Investigation** (290) closed by the written **results report** (310); the Customs Offence
  Investigation and Deliberation Committee deliberates where the case goes to it (284-2) and
  its resolution is recorded.
- **Disposition**: an **immediate accusation** where imprisonment is appropriate (312) or the
  offender cannot pay or cannot be served (318); an **exemption** only on the committee's
  resolution and only within both limits of 311(9) (the fine equivalent at most KRW 300,000,
  the value of the goods to be forfeited plus the additional-collection equivalent at most
  KRW 1,000,000); closure or transfer (284-2(1)2); or the **notification disposition** with its
  amounts and reasons (311(1)), whose notice carries every item of 314(2).
- **Service** (288, 289, 315) only in person or by registered mail, with the receipt
  certificate: the disposition is made by serving the notice (315), and it suspends the
  prosecution prescription (311(3)), recorded from the day of service.
- **Compliance** (316, 317) within **15 days from service** (an Art. 8 period: a last day on a
  weekend or holiday rolls to the next working day). A part payment is recorded but is not
  compliance; a card payment counts on its approval day (311(6)). Full compliance within the
  period closes the case: no further punishment for the same facts (317). When the 15 days
  pass the sweep moves the case to overdue and the office must accuse promptly (316); a
  compliance made after the period but before the accusation still closes it (316 proviso).
- **Consequence elsewhere**: compliance for an offence of Arts. 269 to 271, 274, 275-2 or
  275-3 (175 7), or of 276(3)3-2 or 6 (175 6(b)), bars the offender from a licensed bonded
  area for two years; the case records the bar with its article and days.
- **No appeal** (119(1)1): a notification disposition is not a disposition appealable under
  Chapter V; its notice says so and the objection refuses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from workflows.calendar.civil_act import period_end
from workflows.calendar.daylight import between_sunset_and_sunrise, sun_times
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
from workflows.engine.declarations import STAYS, After, CaseFact, Said, Setting, Watch
from workflows.legal_dates import korean_date
from workflows.procedures import licence_disqualification, offense_fines
from workflows.roles import Role

CODE = "offense_notification"
OFFICE = frozenset({Role.OFFICER, Role.SUPERVISOR})
OFFENDER_OR_OFFICE = frozenset({Role.DUTY_PAYER, *OFFICE})

COMPLIANCE_PERIOD = "15d"
"""Art. 316: within 15 days from the day the notice is served."""
EXEMPTION_FINE_LIMIT = 300_000
"""Art. 311(9)1: the amount equivalent to the fine, at most KRW 300,000."""
EXEMPTION_GOODS_LIMIT = 1_000_000
"""Art. 311(9)2: the value of the goods to be forfeited plus the additional-collection
equivalent, at most KRW 1,000,000."""
BAR_YEARS = 2
"""Art. 175 6(b) and 7: two years from the compliance."""

BAR_175_7 = "Art. 175 7"
BAR_175_6B = "Art. 175 6(b)"
OFFENCES: dict[str, tuple[Label, str | None]] = {
    "269(1)": (Label("Smuggling of goods prohibited by Art. 234 (Art. 269(1))",
                     "금지품 밀수출입(제269조제1항)"), BAR_175_7),
    "269(2)": (Label("Importing without a declaration, or goods other than declared "
                     "(Art. 269(2))", "밀수입(제269조제2항)"), BAR_175_7),
    "269(3)": (Label("Exporting or returning without a declaration (Art. 269(3))",
                     "밀수출·밀반송(제269조제3항)"), BAR_175_7),
    "270(1)": (Label("Duty evasion (Art. 270(1))", "관세포탈(제270조제1항)"), BAR_175_7),
    "270(2)": (Label("Import without the permits or conditions required (Art. 270(2))",
                     "부정수입(제270조제2항)"), BAR_175_7),
    "270(3)": (Label("Export without the permits or conditions required (Art. 270(3))",
                     "부정수출(제270조제3항)"), BAR_175_7),
    "270(4)": (Label("Unlawful reduction or exemption of duty (Art. 270(4))",
                     "부정감면(제270조제4항)"), BAR_175_7),
    "270(5)": (Label("Unlawful refund (Art. 270(5))", "부정환급(제270조제5항)"), BAR_175_7),
    "270-2": (Label("Forged price in a declaration (Art. 270-2)",
                    "가격조작(제270조의2)"), BAR_175_7),
    "271": (Label("Abetting, aiding, attempting or preparing an offence of Arts. 269 or 270 "
                  "(Art. 271)", "교사·방조·미수·예비(제271조)"), BAR_175_7),
    "274": (Label("Acquiring, keeping or brokering smuggled goods (Art. 274)",
                  "밀수품 취득 등(제274조)"), BAR_175_7),
    "275-2": (Label("Evading a disposition on default (Art. 275-2)",
                    "강제징수면탈 등(제275조의2)"), BAR_175_7),
    "275-3": (Label("Lending or using a name for a duty declaration (Art. 275-3)",
                    "타인에 대한 명의대여(제275조의3)"), BAR_175_7),
    "276(2)": (Label("Offences of Art. 276(2) (e.g. a false declaration)",
                     "제276조제2항 위반"), None),
    "276(3)3-2/6": (Label("Operating a bonded area without a licence, or its licence obtained "
                          "by fraud or lent (Art. 276(3)3-2 or 6)",
                          "특허보세구역 무허가 운영 등(제276조제3항제3호의2·제6호)"),
                    BAR_175_6B),
    "276(3)": (Label("Other offences of Art. 276(3)", "그 밖의 제276조제3항 위반"), None),
    "276(4)": (Label("Offences of Art. 276(4)", "제276조제4항 위반"), None),
    "276(5)": (Label("Offences of Art. 276(5)", "제276조제5항 위반"), None),
}
"""The offences a notification disposition settles (the penalty articles the amount equivalent
to the fine is read from, 311(4)), each with the bonded-area bar that compliance opens."""

SOURCES = (
    ("found", Label("Found by the customs office (Art. 283)", "세관 인지(제283조)")),
    ("handed_over", Label("Handed over by another authority (Art. 284(2))",
                          "다른 기관의 인계(제284조제2항)")),
)
RESOLUTIONS = (
    ("notify", Label("Notification disposition", "통고처분")),
    ("exempt", Label("Exemption from the notification disposition (Art. 311(8))",
                     "통고처분 면제(제311조제8항)")),
    ("accuse", Label("Accusation", "고발")),
    ("terminate", Label("Closure without disposition", "종결")),
    ("transfer", Label("Transfer to the prosecution", "송치")),
)
ACCUSATION_GROUNDS = (
    ("imprisonment", Label("Punishment by imprisonment is appropriate (Art. 312)",
                           "징역형에 처할 것으로 인정(제312조)")),
    ("cannot_pay", Label("The offender cannot comply for lack of means (Art. 318 1)",
                         "통고 이행 능력 없음(제318조제1호)")),
    ("cannot_be_served", Label("The notice cannot be served: domicile unknown or the like "
                               "(Art. 318 2)",
                               "통고서 송달 곤란(제318조제2호)")),
)
PAYMENT_METHODS = (
    ("cash", Label("Cash or bank transfer", "현금·계좌이체")),
    ("card", Label("Card, through the payment agency (Art. 311(5)-(6))",
                   "신용카드 등(제311조제5항·제6항)")),
)
SERVICE_METHODS = (
    ("direct", Label("Handed to the offender in person (Art. 288)", "직접 교부(제288조)")),
    ("in_person", Label("Served in person (Art. 288)", "교부송달(제288조)")),
    ("mail", Label("By registered mail (Art. 288)", "등기우편(제288조)")),
)
"""The only ways of serving an offence document (288): neither public notice nor electronic
service."""
INVESTIGATION_STEPS = {
    "questioning": Label("Questioning, with its protocol (Arts. 291, 292)",
                         "신문 및 조서(제291조·제292조)"),
    "summary_statement": Label("Summary statement of a flagrant case (Art. 293)",
                               "현행범 조사 요지 기록(제293조)"),
    "summons": Label("Request to appear or summons (Art. 294)", "출석 요구·소환(제294조)"),
    "inspection": Label("Inspection (Art. 300)", "검증(제300조)"),
    "search": Label("Search (Arts. 296, 300, 301)", "수색(제296조·제300조·제301조)"),
}
"""The steps recorded on the case itself; a seizure opens a case for its goods
(``record_seizure``, :mod:`workflows.procedures.seized_goods`)."""
SEIZURE = "seizure"
NIGHT_BARRED = frozenset({"inspection", "search", "seizure"})
"""The actions Art. 306(1) bars from being undertaken between sunset and sunrise."""
CUSTODY = (
    ("office", Label("Kept by the customs office", "세관 보관")),
    ("owner", Label("Kept by the owner (Art. 303(2))", "소유자 보관(제303조제2항)")),
    ("local_office", Label("Kept by a Si/Gun/Eup/Myeon office (Art. 303(2))",
                           "시·군·읍·면사무소 보관(제303조제2항)")),
)
"""Who keeps seized goods: the office, or for convenience their owner or a local office
(303(2))."""
SEXES = (("female", Label("Female", "여")), ("male", Label("Male", "남")))


def _check_percent(low: int, high: int):
    def check(name: str, value: Any) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValueError(f"{name} must be a whole number from {low} to {high}")
    return check


SETTINGS = (
    Setting(name="OFFENCE_FINE_RATE_PERCENT", default=offense_fines.DEFAULT_RATE_PERCENT,
            check=_check_percent(1, 100),
            about="the amount equivalent to the fine, as a percentage of the maximum fine the "
                  "offence carries (Art. 311(4): criteria set by Presidential Decree) "
                  "[GK, unverified: Decree Art. 270-2, 30/100]"),
    Setting(name="OFFENCE_FINE_ADJUSTMENT_PERCENT",
            default=offense_fines.DEFAULT_ADJUSTMENT_PERCENT, check=_check_percent(0, 100),
            about="how far aggravating or mitigating circumstances may move that amount, as a "
                  "percentage of it, down or up (Art. 311(4)) [GK, unverified: one half]"),
)
CONFIGURED = {"fine_rate_percent": "OFFENCE_FINE_RATE_PERCENT",
              "fine_adjustment_percent": "OFFENCE_FINE_ADJUSTMENT_PERCENT"}
"""The key of the case's data each setting is kept under: a case is disposed of under the
criteria that held when it was reported."""
DEFAULTS = {setting.name: setting.default for setting in SETTINGS}


def configured(settings: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: settings.get(name, DEFAULTS[name]) for key, name in CONFIGURED.items()}


def _criterion(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    return value if isinstance(value, int) else DEFAULTS[CONFIGURED[key]]


def fine_within_criteria(context: Context) -> Said | None:
    """The amount equivalent to the fine follows the Decree's criteria (311(4)): within the
    band the settings give around their rate of the offence's maximum fine (Arts. 269 to 276),
    computed from the duty involved and the prime cost of the goods. A notice that demands no
    fine equivalent (goods or the additional collection only) and an offence whose maximum the
    case cannot tell (Art. 271) are left to the officer."""
    values = context.values
    if not {"fine_equivalent", "duty_involved", "prime_cost"} <= values.keys():
        return None
    fine = _amount(values, "fine_equivalent")
    maximum = offense_fines.maximum_fine(context.data.get("offence"),
                                         _amount(values, "duty_involved"),
                                         _amount(values, "prime_cost"))
    if not fine or maximum is None:
        return None
    rate = _criterion(context.data, "fine_rate_percent")
    adjustment = _criterion(context.data, "fine_adjustment_percent")
    low, high = offense_fines.fine_band(maximum, rate, adjustment)
    if low <= fine <= high:
        return None
    return Said(f"the amount equivalent to the fine, KRW {fine:,}, is outside the criteria: "
                f"{rate}/100 of the maximum fine of KRW {maximum:,}, moved by at most "
                f"{adjustment}/100, is KRW {low:,} to {high:,} (Art. 311(4))",
                f"벌금 상당액 {fine:,}원이 부과기준을 벗어납니다. 벌금 최고액 {maximum:,}원의 "
                f"100분의 {rate}을 그 100분의 {adjustment} 범위에서 가감한 {low:,}원부터 "
                f"{high:,}원까지입니다(제311조제4항)")


def offence_choices() -> tuple[tuple[str, Label], ...]:
    return tuple((code, label) for code, (label, _) in OFFENCES.items())


# -- the investigation (Arts. 290 to 310) ------------------------------------------------------


def _night_rule(context: Context, step: str | None) -> Said | None:
    """Art. 306: no inspection, search or seizure is started between sunset and sunrise, a
    flagrant offender excepted (306(1) proviso); one already launched may continue (306(2)),
    so what counts is when it started."""
    started = context.values.get("started_at")
    if step not in NIGHT_BARRED or started is None:
        return None
    if context.values.get("flagrant") or not between_sunset_and_sunrise(started):
        return None
    rises, sets = sun_times(started)
    return Said(f"{started:%Y-%m-%d %H:%M} is between sunset ({sets:%H:%M}) and sunrise "
                f"({rises:%H:%M}): an inspection, search or seizure may not be started then, "
                "except against a flagrant offender (Art. 306)",
                f"{started:%Y-%m-%d %H:%M}은 해진 후부터 해뜨기 전까지(일몰 {sets:%H:%M}, 일출 "
                f"{rises:%H:%M})에 해당하여 검증·수색·압수를 시작할 수 없습니다. 현행범인 경우는 "
                "예외입니다(제306조)")


def started_in_daylight(context: Context) -> Said | None:
    """The step recorded, if an inspection or a search, started in daylight (306)."""
    return _night_rule(context, context.values.get("step"))


def seizure_started_in_daylight(context: Context) -> Said | None:
    """The seizure started in daylight (306)."""
    return _night_rule(context, SEIZURE)


def record_step(context: Context) -> dict[str, Any]:
    started = context.values["started_at"]
    step = {"step": context.values.get("step", SEIZURE), "started_at": started.isoformat(),
            "place": context.values.get("place"),
            "flagrant": bool(context.values.get("flagrant"))}
    return {"investigation_steps": [*(context.data.get("investigation_steps") or ()), step]}


def seized_goods_values(context: Context) -> dict[str, Any]:
    """What the goods case a seizure opens starts with (:mod:`workflows.procedures.seized_goods`):
    the goods, their custody and the day, and this case's offence for Art. 299(1)."""
    values = context.values
    return {"goods": values["goods"], "quantity": values["quantity"],
            "value": values["value"], "custody": values["custody"],
            "seized_on": seoul_date(values["started_at"]), "place": values.get("place"),
            "warrant": values["warrant"], "offence": context.data.get("offence"),
            "owner_unidentified": bool(values.get("owner_unidentified"))}


# -- amounts and compliance --------------------------------------------------------------------


def _amount(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def amount_due(data: Mapping[str, Any]) -> int:
    """What the notice demands in money: the fine equivalent and the additional-collection
    equivalent (311(1)1 and 3)."""
    return _amount(data, "fine_equivalent") + _amount(data, "additional_collection")


def paid_so_far(data: Mapping[str, Any]) -> int:
    return sum(_amount(p, "amount") for p in data.get("payments") or ())


def payment_day(values: Mapping[str, Any]) -> date | None:
    """The day a payment counts as made: a card payment on the day the agency approved it
    (311(6)), any other on the day it was paid."""
    if values.get("method") == "card":
        return as_date(values.get("card_approved_on"))
    return as_date(values.get("paid_on"))


NO_CARD_DAY = Said("give the card approval day: a card payment counts on it (Art. 311(6))",
                   "카드 승인일을 적으십시오. 카드 납부는 승인일에 납부한 것으로 봅니다"
                   "(제311조제6항)")


def _compliance_last_day(context: Context) -> date | None:
    period = context.open_deadlines.get("compliance") or context.deadlines.get("compliance")
    return period.due_date if period is not None else None


def remainder(data: Mapping[str, Any]) -> int:
    """What is still owed in money after the part payments recorded."""
    return max(amount_due(data) - paid_so_far(data), 0)


def _compliance(context: Context) -> tuple[date | None, Said | None]:
    """The day the offender fully complied (the rest paid and the goods delivered), or why
    this is not yet compliance (316)."""
    day = payment_day(context.values)
    if day is None:
        return None, NO_CARD_DAY
    if context.data.get("forfeited_goods") and not context.values.get("goods_delivered"):
        return None, Said("the goods to be forfeited have not been delivered: compliance needs "
                          "them too (Arts. 311(1)2, 316); record the money as a part payment",
                          "몰수 해당 물품이 납부되지 않았습니다. 물품도 납부하여야 이행입니다"
                          "(제311조제1항제2호, 제316조). 금액은 일부 납부로 기록하십시오")
    return day, None


def complied_within_period(context: Context) -> Said | None:
    """Full compliance within the 15 days from service (316)."""
    if "method" not in context.values:  # asked whether it is offered: the payment decides
        return None
    day, problem = _compliance(context)
    if problem:
        return problem
    last = _compliance_last_day(context)
    if last is not None and day > last:
        return Said(f"the 15 days ended on {last}: a compliance on {day} is late; record it as "
                    "a late compliance (Art. 316 proviso)",
                    f"이행기간은 {korean_date(last)}에 끝났습니다. {korean_date(day)}의 이행은 "
                    "기간 경과 후 이행으로 기록하십시오(제316조 단서)")
    return None


def complied_after_period(context: Context) -> Said | None:
    """Full compliance after the 15 days and before the accusation (316 proviso); not offered
    while the 15 days still run."""
    running = context.open_deadlines.get("compliance")
    if running is not None and context.now <= running.due_at:
        return Said(f"the 15 days run until {running.due_date}: a compliance now is within "
                    "them (Art. 316)",
                    f"이행기간이 {korean_date(running.due_date)}까지 진행 중입니다. 지금의 이행은 "
                    "기간 내 이행입니다(제316조)")
    if "method" not in context.values:
        return None
    day, problem = _compliance(context)
    if problem:
        return problem
    last = _compliance_last_day(context)
    if last is not None and day <= last:
        return Said(f"a compliance on {day} is within the 15 days ending {last}: record it as "
                    "compliance (Art. 316)",
                    f"{korean_date(day)}의 이행은 {korean_date(last)}까지의 이행기간 내 "
                    "이행입니다(제316조)")
    return None


def part_payment(context: Context) -> Said | None:
    """A part payment leaves something owed: money, or the goods to be forfeited; the payment
    that completes both is the compliance."""
    if "amount" not in context.values:
        return None
    if payment_day(context.values) is None:
        return NO_CARD_DAY
    owed = remainder(context.data)
    paid = _amount(context.values, "amount")
    if paid > owed:
        return Said(f"KRW {paid:,} is more than the KRW {owed:,} still owed",
                    f"납부액 {paid:,}원이 미납액 {owed:,}원보다 많습니다")
    if paid == owed and not context.data.get("forfeited_goods"):
        return Said("this payment completes the amount: record it as compliance (Art. 316)",
                    "이 납부로 통고액이 모두 납부됩니다. 이행으로 기록하십시오(제316조)")
    return None


def prepayment(context: Context) -> Said | None:
    """A prepayment the office permits before the disposition is made (311(2)): of money only
    (the fine equivalent, the additional collection), counted on its day (311(6)), never more
    than a notice already drafted demands."""
    if "amount" not in context.values:
        return None
    if payment_day(context.values) is None:
        return NO_CARD_DAY
    paid = _amount(context.values, "amount")
    if context.state == "notice_prepared" and paid > remainder(context.data):
        owed = remainder(context.data)
        return Said(f"KRW {paid:,} is more than the KRW {owed:,} the notice demands in money",
                    f"예납액 {paid:,}원이 통고서의 금액 중 남은 {owed:,}원보다 많습니다")
    return None


def record_prepayment(context: Context) -> dict[str, Any]:
    payments = _payments_with(context, _amount(context.values, "amount"))
    payments[-1]["prepaid"] = True
    return {"payments": payments}


def _payments_with(context: Context, amount: int) -> list[dict[str, Any]]:
    """The payments recorded, with this one of ``amount`` on the day it counts."""
    day = payment_day(context.values)
    return [*(context.data.get("payments") or ()),
            {"amount": amount, "method": context.values.get("method"),
             "counts_on": day.isoformat() if day else None}]


def record_part_payment(context: Context) -> dict[str, Any]:
    return {"payments": _payments_with(context, _amount(context.values, "amount"))}


def bonded_area_bar(offence: str | None, complied_on: date, joint_penalty: bool
                    ) -> dict[str, str] | None:
    """The two years an offender complying with the disposition is barred from a licensed
    bonded area: Art. 175 7 (269 to 271, 274, 275-2, 275-3; not a person punished only under
    the joint-penalty rule of 279) or 175 6(b) (276(3)3-2 or 6), from the day of compliance.
    The two years run from the next day (Civil Act Art. 157) and end at 24:00 of the day of
    the second anniversary that corresponds to the compliance day (160(2)); never rolled
    over: it is a bar, not a period to act in."""
    article = OFFENCES.get(offence or "", (None, None))[1]
    if article is None or (article == BAR_175_7 and joint_penalty):
        return None
    until = period_end(complied_on + timedelta(days=1), Period(BAR_YEARS, Unit.YEARS))[0]
    return {"article": article, "from": complied_on.isoformat(), "until": until.isoformat()}


def record_compliance(context: Context) -> dict[str, Any]:
    """The compliance: the rest paid on its day and the bonded-area bar it opens (175 6(b),
    7)."""
    day = payment_day(context.values)
    rest = remainder(context.data)
    payments = _payments_with(context, rest) if rest else list(context.data.get("payments") or ())
    facts: dict[str, Any] = {"payments": payments, "complied_on": day.isoformat()}
    bar = bonded_area_bar(context.data.get("offence"), day,
                          bool(context.data.get("joint_penalty")))
    if bar:
        facts["bonded_area_bar"] = bar
    return facts


DISQUALIFICATION_GROUNDS = {BAR_175_7: "fine_smuggling", BAR_175_6B: "fine_unlicensed"}
"""The ground a bar of the compliance is recorded under on the party's disqualification case."""


def licence_review(context: Context) -> dict[str, Any] | None:
    """A compliance that bars the offender (175 6(b), 7) while it holds a licensed bonded area
    opens the record of that disqualification (:mod:`licence_disqualification`), whose review
    of the licences in force the office owes (Art. 178(2)2 makes their revocation mandatory; a
    6(b) bar keeps all but the area where it arose, 175 proviso). Without a licence held the
    bar on this case is enough: nothing to review."""
    day = payment_day(context.values)
    bar = day and bonded_area_bar(context.data.get("offence"), day,
                                  bool(context.data.get("joint_penalty")))
    if not bar or not licence_disqualification.licences_held(context):
        return None
    return {"ground": DISQUALIFICATION_GROUNDS[bar["article"]], "occurred_on": day,
            "authority": f"통고처분 이행 compliance with the notification disposition "
                         f"{context.reference or ''}".strip()}


# -- what the case page shows ------------------------------------------------------------------


def _won(amount: int) -> Label:
    return Label(f"KRW {amount:,}", f"{amount:,}원")


def _payment_line(payment: Mapping[str, Any]) -> Label:
    """One payment: the day it counts on, the amount, by card (311(6)), prepaid (311(2))."""
    day, amount = payment.get("counts_on"), _amount(payment, "amount")
    en = [f"{day or '—'}: KRW {amount:,}"]
    ko = [f"{korean_date(day) if day else '—'}: {amount:,}원"]
    if payment.get("method") == "card":
        en.append("by card (approval day, Art. 311(6))")
        ko.append("카드(승인일, 제311조제6항)")
    if payment.get("prepaid"):
        en.append("prepaid (Art. 311(2))")
        ko.append("예납(제311조제2항)")
    return Label(" ".join(en), " ".join(ko))


def facts(data: Mapping[str, Any], today: date) -> tuple[CaseFact, ...]:
    """The offence case's header once a notice demands something (311(1)): what it demands,
    what was paid and when (the payment record), what is still owed, and the day the
    prosecution prescription is suspended from (311(3)); the same for the office and for the
    offender."""
    if "fine_equivalent" not in data:
        return ()
    shown = [CaseFact(Label("Amount demanded: fine equivalent and additional collection",
                            "통고 금액(벌금 상당액·추징금 상당액)"), _won(amount_due(data)))]
    if data.get("forfeited_goods"):
        shown.append(CaseFact(Label("Goods to be forfeited", "몰수 해당 물품"),
                              data["forfeited_goods"]))
    payments = data.get("payments") or ()
    shown.append(CaseFact(Label("Payments recorded", "납부 기록"),
                          Label("; ".join(_payment_line(p).en for p in payments) or "none",
                                "; ".join(_payment_line(p).ko for p in payments) or "없음")))
    if not data.get("complied_on"):
        shown.append(CaseFact(Label("Still owed in money", "미납액"), _won(remainder(data))))
    else:
        shown.append(CaseFact(Label("Complied on", "이행일"), as_date(data["complied_on"])))
    if data.get("prescription_suspended_from"):
        shown.append(CaseFact(Label("Prosecution prescription suspended from (Art. 311(3))",
                                    "공소시효 정지일(제311조제3항)"),
                              as_date(data["prescription_suspended_from"])))
    return tuple(shown)


# -- the disposition ---------------------------------------------------------------------------


def resolved(wanted: str):
    """The committee's resolution binds where the Act makes it a condition (311(8))."""
    def guard(context: Context) -> Said | None:
        if context.data.get("committee_resolution") != wanted:
            return Said("the exemption needs the committee's resolution to exempt "
                        "(Art. 311(8)); refer the case to the committee first",
                        "통고처분 면제는 관세범칙조사심의위원회의 면제 의결이 있어야 합니다"
                        "(제311조제8항)")
        return None
    guard.__doc__ = f"The committee resolved to {wanted} (Art. 311(8))."
    return guard


def within_exemption_limits(context: Context) -> Said | None:
    """Both limits of 311(9): the fine equivalent at most KRW 300,000, and the value of the
    goods to be forfeited plus the additional-collection equivalent at most KRW 1,000,000."""
    fine = _amount(context.values, "fine_equivalent")
    goods = _amount(context.values, "goods_value") + _amount(context.values,
                                                             "additional_collection")
    if fine > EXEMPTION_FINE_LIMIT:
        return Said(f"the fine equivalent of KRW {fine:,} exceeds KRW 300,000: no exemption "
                    "(Art. 311(9)1)",
                    f"벌금 상당액 {fine:,}원이 30만원을 초과하여 면제할 수 없습니다"
                    "(제311조제9항제1호)")
    if goods > EXEMPTION_GOODS_LIMIT:
        return Said(f"the goods to be forfeited and the additional collection come to KRW "
                    f"{goods:,}, above KRW 1,000,000: no exemption (Art. 311(9)2)",
                    f"몰수할 물품의 가액과 추징금 상당액의 합계 {goods:,}원이 100만원을 초과하여 "
                    "면제할 수 없습니다(제311조제9항제2호)")
    return None


def something_demanded(context: Context) -> Said | None:
    """A notice demands an amount, goods, or both (311(1))."""
    if "fine_equivalent" not in context.values:
        return None
    if amount_due(context.values) <= 0 and not context.values.get("forfeited_goods"):
        return Said("the notice must demand an amount equivalent to the fine, goods to be "
                    "forfeited or an amount equivalent to the additional collection "
                    "(Art. 311(1))",
                    "벌금 상당액, 몰수할 물품 또는 추징금 상당액을 적어야 합니다(제311조제1항)")
    return None


def suspend_prescription(context: Context) -> dict[str, Any]:
    """Service makes the disposition (315) and suspends the prosecution prescription from that
    day (311(3); the Act does not say when it resumes: the case records the day it ends)."""
    return {"prescription_suspended_from": as_date(context.values["served_on"]).isoformat()}


def end_prescription_suspension(context: Context) -> dict[str, Any]:
    """The accusation ends the case here: the day the suspension of 311(3) is recorded to end."""
    if not context.data.get("prescription_suspended_from"):
        return {}
    return {"prescription_suspension_ended_on": seoul_date(context.now).isoformat()}


AMOUNT = Field(name="amount", label=Label("Amount paid (KRW)", "납부액(원)"),
               kind=FieldKind.INTEGER, minimum=1, maximum=10**12)
def payment_fields(after: After) -> tuple[Field, ...]:
    """How and when a payment was made (a card payment on its approval day, 311(6)); its days
    follow ``after``: the service of the notice, or for a prepayment the results report."""
    return (
        Field(name="method", label=Label("How it was paid", "납부 방법"), kind=FieldKind.CHOICE,
              choices=PAYMENT_METHODS),
        Field(name="paid_on", label=Label("Paid on", "납부일"), kind=FieldKind.DATE,
              follows=(after,)),
        Field(name="card_approved_on",
              label=Label("Card approval day (Art. 311(6))", "카드 승인일"),
              kind=FieldKind.DATE, required=False, follows=(after,),
              help=Label("A card payment counts as made on this day.",
                         "카드 납부는 승인일에 납부한 것으로 봅니다.")),
    )


PAYMENT_FIELDS = payment_fields(After.data("served_on", "the notice was served"))
PREPAYMENT_FIELDS = payment_fields(After.happened("report_results",
                                                  event="the results were reported"))
"""A prepayment is made before the notice is served: its days follow the results report."""
FINE_EQUIVALENT = Field(name="fine_equivalent",
                        label=Label("Amount equivalent to the fine (KRW)",
                                    "벌금에 상당하는 금액(원)"),
                        kind=FieldKind.INTEGER, minimum=0, maximum=10**12, store=True)
ADDITIONAL_COLLECTION = Field(name="additional_collection",
                              label=Label("Amount equivalent to the additional collection (KRW)",
                                          "추징금에 해당하는 금액(원)"),
                              kind=FieldKind.INTEGER, minimum=0, maximum=10**12, store=True)
DUTY_INVOLVED = Field(name="duty_involved",
                      label=Label("Customs duty involved: evaded, reduced or refunded (KRW)",
                                  "포탈·감면·환급 관세액(원)"),
                      kind=FieldKind.INTEGER, minimum=0, maximum=10**12, store=True,
                      help=Label("With the prime cost, it gives the maximum fine of Arts. 269 "
                                 "to 276 the amount follows (Art. 311(4)).",
                                 "물품원가와 함께 벌금 최고액(제269조부터 제276조까지)을 정하며, "
                                 "벌금 상당액은 이에 따릅니다(제311조제4항)."))
PRIME_COST = Field(name="prime_cost", label=Label("Prime cost of the goods (KRW)",
                                                  "물품원가(원)"),
                   kind=FieldKind.INTEGER, minimum=0, maximum=10**12, store=True)
GOODS_DELIVERED = Field(name="goods_delivered",
                        label=Label("Goods to be forfeited delivered", "몰수 해당 물품 납부"),
                        kind=FieldKind.BOOLEAN)
STEP_FIELDS = (
    Field(name="started_at", label=Label("Started at", "시작 일시"), kind=FieldKind.DATETIME,
          follows=(After.entered("the investigation began"),)),
    Field(name="place", label=Label("Place", "장소"), kind=FieldKind.TEXT),
    Field(name="flagrant", label=Label("Against a flagrant offender (Art. 306(1) proviso)",
                                       "현행범"),
          kind=FieldKind.BOOLEAN),
)
"""When and where an investigation step or a seizure started, and whether against a flagrant
offender: what the night rule of Art. 306 reads."""
RESOLVED_ON = Field(name="resolved_on", label=Label("Resolved on", "의결일"),
                    kind=FieldKind.DATE, store=True,
                    follows=(After.entered("the case was referred"),))
OPEN_BEFORE_DISPOSITION = ("investigation_reported", "under_deliberation")

PROCEDURE = Procedure(
    code=CODE,
    article="Arts. 283 to 319 (notification disposition: Arts. 311 to 318)",
    states=(
        State(name="reported", label=Label("Offence reported", "범칙 사건 접수"),
              article="Art. 283; 284(2)"),
        State(name="under_investigation", label=Label("Under investigation", "조사 중"),
              article="Art. 290"),
        State(name="investigation_reported",
              label=Label("Investigation results reported", "조사 결과 보고"),
              article="Art. 310"),
        State(name="deliberating_start",
              label=Label("Before the committee: whether to investigate",
                          "관세범칙조사심의위원회 심의(조사 개시 여부)"),
              article="Art. 284-2(1)1"),
        State(name="under_deliberation",
              label=Label("Before the Offence Investigation and Deliberation Committee",
                          "관세범칙조사심의위원회 심의"),
              article="Art. 284-2"),
        State(name="notice_prepared", label=Label("Notice issued, to be served", "통고서 발급"),
              article="Art. 311(1); 314"),
        State(name="notified",
              label=Label("Notice served: 15 days to comply", "통고서 송달(이행기간 진행)"),
              article="Art. 315; 316"),
        State(name="overdue",
              label=Label("15 days passed without compliance: to be accused",
                          "이행기간 경과(고발 대상)"),
              article="Art. 316"),
        State(name="complied", label=Label("Complied: closed", "통고 이행(종결)"),
              article="Art. 316; 317", terminal=True),
        State(name="complied_late",
              label=Label("Complied after the 15 days, before accusation: closed",
                          "기간 경과 후 이행(종결)"),
              article="Art. 316 proviso; 317", terminal=True),
        State(name="accused", label=Label("Accused", "고발"), article="Art. 312; 316; 318",
              terminal=True),
        State(name="exempted", label=Label("Exempted from the disposition", "통고처분 면제"),
              article="Art. 311(8)-(9)", terminal=True),
        State(name="terminated", label=Label("Closed without disposition", "종결"),
              article="Art. 284-2(1)2", terminal=True),
        State(name="transferred", label=Label("Transferred", "송치"),
              article="Art. 284-2(1)2", terminal=True),
    ),
    transitions=(
        Transition(trigger="report", source=(), dest="reported", roles=OFFICE,
                   article="Art. 283; 284(2)",
                   label=Label("Record a customs offence", "범칙 사건 접수"),
                   fields=(Field(name="offence", label=Label("Offence", "범칙 행위"),
                                 kind=FieldKind.CHOICE, choices=offence_choices(), store=True),
                           Field(name="source", label=Label("How it came", "인지 경위"),
                                 kind=FieldKind.CHOICE, choices=SOURCES, store=True),
                           Field(name="joint_penalty",
                                 label=Label("Punished only under the joint-penalty rule "
                                             "(Art. 279)", "양벌규정(제279조)에 따른 처벌"),
                                 kind=FieldKind.BOOLEAN, store=True),
                           Field(name="facts", label=Label("Facts of the offence", "범칙 사실"),
                                 kind=FieldKind.LONGTEXT, store=True)),
                   reason_field="facts"),
        Transition(trigger="start_investigation", source=("reported",),
                   dest="under_investigation", roles=OFFICE, article="Art. 290",
                   label=Label("Start the investigation", "조사 개시")),
        Transition(trigger="refer_start_to_committee", source=("reported",),
                   dest="deliberating_start", roles=OFFICE, article="Art. 284-2(1)1",
                   label=Label("Ask the committee whether to investigate",
                               "조사 개시 여부 위원회 회부")),
        Transition(trigger="resolve_to_investigate", source=("deliberating_start",),
                   dest="under_investigation", roles=OFFICE, article="Art. 284-2(1)1; 290",
                   label=Label("The committee resolved to investigate: start",
                               "위원회 조사 개시 의결: 조사 개시"),
                   fields=(RESOLVED_ON,)),
        Transition(trigger="resolve_not_to_investigate", source=("deliberating_start",),
                   dest="terminated", roles=OFFICE, article="Art. 284-2(1)1",
                   label=Label("The committee resolved not to investigate: close",
                               "위원회 조사 불개시 의결: 종결"),
                   outcome=Label("The committee resolved that no investigation be started: the "
                                 "case was closed (Art. 284-2(1)1)",
                                 "위원회가 조사를 개시하지 않기로 의결하여 사건이 종결되었습니다"
                                 "(제284조의2제1항제1호)"),
                   fields=(RESOLVED_ON, Field(name="reasons", label=Label("Reasons", "이유"),
                                              kind=FieldKind.LONGTEXT)),
                   reason_field="reasons"),
        Transition(trigger="record_investigation_step", source=("under_investigation",),
                   dest=STAYS, roles=OFFICE, article="Arts. 290 to 306",
                   label=Label("Record an investigation step", "조사 활동 기록"),
                   guards=(started_in_daylight,),
                   fields=(Field(name="step", label=Label("Step", "조사 활동"),
                                 kind=FieldKind.CHOICE,
                                 choices=tuple(INVESTIGATION_STEPS.items())),
                           *STEP_FIELDS,
                           Field(name="record", label=Label("The record", "기록 내용"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="record", records=record_step),
        Transition(trigger="record_seizure", source=("under_investigation",), dest=STAYS,
                   roles=OFFICE, article="Arts. 296, 303, 305, 306",
                   label=Label("Record a seizure: its goods get a case of their own",
                               "압수 기록(압수물품 사건 개시)"),
                   guards=(seizure_started_in_daylight,),
                   fields=(*STEP_FIELDS,
                           Field(name="warrant",
                                 label=Label("Warrant (Art. 296): its number, or why without",
                                             "압수·수색영장(제296조): 영장 번호 또는 사유"),
                                 kind=FieldKind.TEXT,
                                 help=Label("In urgency the warrant follows (296(1) proviso); "
                                            "goods given up voluntarily or left behind need "
                                            "none (296(2)).",
                                            "긴급한 경우 사후 영장(제296조제1항 단서), 임의 "
                                            "제출물·유류물은 영장 없이 압수할 수 있습니다"
                                            "(제296조제2항).")),
                           Field(name="goods", label=Label("Goods seized", "압수물품"),
                                 kind=FieldKind.LONGTEXT),
                           Field(name="quantity", label=Label("Quantity", "수량"),
                                 kind=FieldKind.TEXT),
                           Field(name="value", label=Label("Value (KRW)", "가액(원)"),
                                 kind=FieldKind.INTEGER, minimum=0, maximum=10**12),
                           Field(name="custody", label=Label("Custody (Art. 303(2))", "보관"),
                                 kind=FieldKind.CHOICE, choices=CUSTODY),
                           Field(name="owner_unidentified",
                                 label=Label("Owner and offender not identified (Art. 299)",
                                             "소유자 및 범인 불명(제299조)"),
                                 kind=FieldKind.BOOLEAN),
                           Field(name="record", label=Label("The seizure report (Art. 305)",
                                                            "압수조서 내용(제305조)"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="record", records=record_step, spawns="seized_goods",
                   spawn_values=seized_goods_values),
        Transition(trigger="report_results", source=("under_investigation",),
                   dest="investigation_reported", roles=OFFICE, article="Art. 310",
                   label=Label("File the investigation results report", "조사 결과 보고"),
                   fields=(Field(name="findings",
                                 label=Label("Results of the investigation", "조사 결과"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="findings"),
        Transition(trigger="refer_to_committee", source=("investigation_reported",),
                   dest="under_deliberation", roles=OFFICE, article="Art. 284-2(1)",
                   label=Label("Refer to the Offence Investigation and Deliberation Committee",
                               "관세범칙조사심의위원회 회부")),
        Transition(trigger="record_resolution", source=("under_deliberation",),
                   dest="investigation_reported", roles=OFFICE, article="Art. 284-2(1)",
                   label=Label("Record the committee's resolution", "위원회 의결 기록"),
                   fields=(Field(name="committee_resolution",
                                 label=Label("Resolution", "의결"), kind=FieldKind.CHOICE,
                                 choices=RESOLUTIONS, store=True),
                           RESOLVED_ON,
                           Field(name="reasons", label=Label("Reasons", "이유"),
                                 kind=FieldKind.LONGTEXT, required=False)),
                   reason_field="reasons"),
        Transition(trigger="notify", source=OPEN_BEFORE_DISPOSITION, dest="notice_prepared",
                   roles=OFFICE, article="Art. 311(1); 314(2)",
                   label=Label("Take the notification disposition", "통고처분"),
                   guards=(something_demanded, fine_within_criteria),
                   fields=(DUTY_INVOLVED, PRIME_COST, FINE_EQUIVALENT,
                           Field(name="forfeited_goods",
                                 label=Label("Goods to be forfeited", "몰수에 해당하는 물품"),
                                 kind=FieldKind.LONGTEXT, required=False, store=True),
                           ADDITIONAL_COLLECTION,
                           Field(name="provisions",
                                 label=Label("Provisions of the Act applied", "적용 법조문"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="place_of_performance",
                                 label=Label("Place of performance: where to pay or deliver",
                                             "이행 장소"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="age", label=Label("Age", "나이"), kind=FieldKind.INTEGER,
                                 minimum=0, maximum=150, store=True, personal=True),
                           Field(name="sex", label=Label("Sex", "성별"), kind=FieldKind.CHOICE,
                                 choices=SEXES, store=True, personal=True),
                           Field(name="occupation", label=Label("Occupation", "직업"),
                                 kind=FieldKind.TEXT, store=True, personal=True),
                           Field(name="reasons", label=Label("Reasons (Art. 311(1))", "이유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reasons", notices=("offense_notification",)),
        Transition(trigger="record_service", source=("notice_prepared",), dest="notified",
                   roles=OFFICE, article="Art. 288; 289; 315; 311(3)",
                   label=Label("Record the service of the notice", "통고서 송달 기록"),
                   fields=(Field(name="served_on", label=Label("Served on", "송달일"),
                                 kind=FieldKind.DATE, store=True,
                                 follows=(After.entered("the notice was issued"),)),
                           Field(name="service_method",
                                 label=Label("Served how (Art. 288)", "송달 방법"),
                                 kind=FieldKind.CHOICE, choices=SERVICE_METHODS, store=True),
                           Field(name="receipt_certificate",
                                 label=Label("Receipt certificate (Art. 289)", "수령증"),
                                 kind=FieldKind.TEXT, store=True)),
                   records=suspend_prescription),
        Transition(trigger="record_part_payment", source=("notified", "overdue"),
                   dest=STAYS, roles=OFFICE, article="Art. 316; 311(6)",
                   label=Label("Record a part payment", "일부 납부 기록"),
                   guards=(part_payment,), fields=(AMOUNT, *PAYMENT_FIELDS),
                   records=record_part_payment),
        Transition(trigger="record_prepayment",
                   source=(*OPEN_BEFORE_DISPOSITION, "notice_prepared"), dest=STAYS,
                   roles=OFFICE, article="Art. 311(2); 311(6)",
                   label=Label("Permit and record a prepayment", "예납 허가 및 기록"),
                   guards=(prepayment,), fields=(AMOUNT, *PREPAYMENT_FIELDS),
                   records=record_prepayment),
        Transition(trigger="comply", source=("notified", "overdue"), dest="complied",
                   roles=OFFICE, article="Art. 316; 317",
                   label=Label("Record full compliance within the 15 days: the rest paid",
                               "통고 이행 기록(잔액 납부)"),
                   outcome=Label("You complied with the notification disposition: the case is "
                                 "closed and you cannot be punished again for the same facts "
                                 "(Art. 317)",
                                 "통고처분을 이행하여 사건이 종결되었습니다. 동일한 사건으로 다시 "
                                 "처벌받지 않습니다(제317조)"),
                   guards=(complied_within_period,),
                   fields=(*PAYMENT_FIELDS, GOODS_DELIVERED), records=record_compliance,
                   spawns=licence_disqualification.CODE, spawn_values=licence_review),
        Transition(trigger="comply_late", source=("notified", "overdue"),
                   dest="complied_late", roles=OFFICE, article="Art. 316 proviso; 317",
                   label=Label("Record compliance after the 15 days, before accusation: the "
                               "rest paid", "기간 경과 후 이행 기록(잔액 납부)"),
                   outcome=Label("You complied after the 15 days but before an accusation: the "
                                 "case is closed (Art. 316 proviso, 317)",
                                 "이행기간이 지난 후 고발 전에 이행하여 사건이 종결되었습니다"
                                 "(제316조 단서, 제317조)"),
                   guards=(complied_after_period,),
                   fields=(*PAYMENT_FIELDS, GOODS_DELIVERED), records=record_compliance,
                   spawns=licence_disqualification.CODE, spawn_values=licence_review),
        Transition(trigger="period_passed", source=("notified",), dest="overdue",
                   roles=frozenset({SYSTEM}), article="Art. 316",
                   label=Label("15 days passed without compliance", "이행기간 경과"),
                   outcome=Label("The 15 days passed without full compliance: the office shall "
                                 "accuse you promptly; compliance before the accusation still "
                                 "ends the case (Art. 316)",
                                 "이행기간이 지났습니다. 세관장은 즉시 고발하여야 하며, 고발 "
                                 "전에 이행하면 사건이 종결됩니다(제316조)")),
        Transition(trigger="accuse", source=("overdue",), dest="accused", roles=OFFICE,
                   article="Art. 316",
                   label=Label("Accuse: the notice was not complied with", "고발(불이행)"),
                   outcome=Label("The notice was not complied with within the 15 days: the "
                                 "case was referred to the prosecutor by accusation (Art. 316)",
                                 "통고처분을 이행하지 아니하여 검찰에 고발되었습니다(제316조)"),
                   fields=(Field(name="reasons", label=Label("Reasons", "이유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="reasons", records=end_prescription_suspension),
        Transition(trigger="accuse_immediately", source=(*OPEN_BEFORE_DISPOSITION,
                                                          "notice_prepared"), dest="accused",
                   roles=OFFICE, article="Art. 312; 318",
                   label=Label("Accuse immediately", "즉시 고발"),
                   outcome=Label("The case was referred to the prosecutor by accusation "
                                 "without a notification disposition (Arts. 312, 318)",
                                 "통고처분 없이 검찰에 고발되었습니다(제312조, 제318조)"),
                   fields=(Field(name="ground", label=Label("Ground", "사유"),
                                 kind=FieldKind.CHOICE, choices=ACCUSATION_GROUNDS, store=True),
                           Field(name="reasons", label=Label("Reasons", "이유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reasons"),
        Transition(trigger="exempt", source=("investigation_reported",), dest="exempted",
                   roles=OFFICE, article="Art. 311(8)-(9)",
                   label=Label("Exempt from the notification disposition", "통고처분 면제"),
                   outcome=Label("You were exempted from the notification disposition "
                                 "(Art. 311(8)): nothing is to be paid",
                                 "통고처분이 면제되었습니다(제311조제8항). 납부할 금액이 없습니다"),
                   guards=(resolved("exempt"), fine_within_criteria, within_exemption_limits),
                   fields=(DUTY_INVOLVED, PRIME_COST, FINE_EQUIVALENT,
                           Field(name="goods_value",
                                 label=Label("Value of the goods to be forfeited (KRW)",
                                             "몰수할 물품의 가액(원)"),
                                 kind=FieldKind.INTEGER, minimum=0, maximum=10**12, store=True),
                           ADDITIONAL_COLLECTION,
                           Field(name="reasons",
                                 label=Label("Reasons: age, environment, motive, consequences, "
                                             "means (Art. 311(8))", "면제 이유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reasons"),
        Transition(trigger="terminate", source=OPEN_BEFORE_DISPOSITION, dest="terminated",
                   roles=OFFICE, article="Art. 284-2(1)2",
                   label=Label("Close without disposition", "종결"),
                   outcome=Label("The case was closed without a disposition (Art. 284-2(1)2)",
                                 "처분 없이 사건이 종결되었습니다(제284조의2제1항제2호)"),
                   fields=(Field(name="reasons", label=Label("Reasons", "이유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="reasons"),
        Transition(trigger="transfer", source=OPEN_BEFORE_DISPOSITION, dest="transferred",
                   roles=OFFICE, article="Art. 284-2(1)2",
                   label=Label("Transfer the case", "송치"),
                   outcome=Label("The case was transferred to the prosecution "
                                 "(Art. 284-2(1)2)",
                                 "사건이 검찰에 송치되었습니다(제284조의2제1항제2호)"),
                   fields=(Field(name="to", label=Label("Transferred to", "송치 기관"),
                                 kind=FieldKind.TEXT, store=True),
                           Field(name="reasons", label=Label("Reasons", "이유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reasons"),
    ),
    configured=configured,
    settings=SETTINGS,
    facts=facts,
    reads_party=True,  # the licences it holds, reviewed when a compliance bars it (175 6-7)
    decided_states=frozenset({"notified", "exempted", "accused", "terminated", "transferred"}),
    watches=(
        Watch(label=Label("Offence notices served: the 15 days to comply",
                          "송달된 통고서: 15일 이행기간"), kind="compliance"),
        Watch(label=Label("Offence notices not complied with: to be accused promptly",
                          "통고 불이행: 즉시 고발"), kind="compliance", passed=True),
        Watch(label=Label("Exemptions from the notification disposition decided in the last "
                          "90 days (Art. 311(8))", "최근 90일 통고처분 면제(제311조제8항)"),
              decided_by="exempt", within_days=90),
    ),
    deadlines={
        "notified": (
            Deadline(kind="compliance",
                     label=Label("compliance with the notification disposition", "통고 이행"),
                     article="Art. 316", period=COMPLIANCE_PERIOD,
                     start=Start.data("served_on", "service of the notice"),
                     on_expiry=Expiry.transition("period_passed"), reminders=("5d", "1d"),
                     owed_by=Duty.PARTY, met_by=("comply",), met_on="complied_on",
                     when_it_passes=Label("the office shall accuse you promptly; complying "
                                          "before the accusation still ends the case "
                                          "(Art. 316)",
                                          "세관장이 즉시 고발합니다. 고발 전에 이행하면 "
                                          "사건이 종결됩니다(제316조)")),
        ),
    },
)
