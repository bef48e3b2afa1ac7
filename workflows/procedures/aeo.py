"""Certification of Authorized Economic Operators (AEO), Arts. 255-2 to 255-7.

Read against the Act (as amended 21 December 2021):

- **Preliminary audit** (255-2(3)-(4)): optional, on the matters the Commissioner publicly
  notifies; its result is notified (a notice) and the certification audit "shall consider" it:
  the findings stay on the case and are shown to the auditor of the audit.
- **Certification audit** (255-2(1)-(2)): the audit's steps are the KCS public notice's
  (document review, on-site audit: ``AEO_AUDIT_STEPS``); certification with a grade, or a
  refusal with reasons per standard. Grades are not in the Act: they are the public notice's,
  read off the legal-compliance score (``AEO_GRADE_THRESHOLDS``, [GK] A 80, AA 90, AAA 95) with
  the internal-control minimum (``AEO_INTERNAL_CONTROL_MINIMUM``, [GK] 80). A refusal is a
  disposition (Art. 119): its notice states the appeal and its 90 days.
- **Validity** (255-2(5)): five years from the day of certification. The certificate reads
  "from D": the term begins at 00:00 of D, which is counted (Civil Act Art. 157 proviso), and
  ends at 24:00 of the day before the fifth anniversary (160(2)), or on the last day of the
  month when the fifth year has no such day (160(3): from 29 February to 28 February). A term is
  not a time limit for an act: its end is never rolled over (Art. 8(3) moves the last day of a
  period within which something must be done). A renewal's term starts on the day after the old
  one ends: no gap, no overlap. A term not renewed lapses at its end, by the sweep.
- **Renewal** "as prescribed by Presidential Decree" (255-2(5)): [GK] the application is due six
  months before the end (``AEO_RENEWAL_LEAD_MONTHS``), the reminder one month before that (seven
  months before the end). The renewal audit runs while the certification and any suspension of
  its benefits stand: it is an action on the certification, not a state of its own.
- **Suspension of benefits** (255-3(3)): on failing to report a self-assessment (255-4(2)) or a
  Decree ground (``AEO_SUSPENSION_GROUNDS``), all or part of the benefits, at most six months,
  from the day it takes effect (counted from 00:00 of that day, ending at 24:00 of the day before
  the corresponding day, never rolled over); the benefits come back by the sweep when it ends.
  The suspensions are counted per term of validity; from the fifth in one term, revocation
  ground 255-5 4 is open ("at least five times during the effective period").
- **Corrective order** (255-3(4)) with the period to comply (``AEO_CORRECTION_PERIOD``, [GK]
  30 days, Art. 8); failing to comply opens revocation ground 255-5 5, whose "without good
  cause" the officer weighs.
- **Periodic verification** (255-4(1)) and **self-assessment** (255-4(2)): the Act gives no
  number; [GK] a self-assessment each year of the term, reported within a month after each
  anniversary of the certification (``AEO_SELF_ASSESSMENT_PERIOD``), and the office's
  verification within three months after it (``AEO_VERIFICATION_PERIOD``). The fifth year is
  covered by the renewal audit. Both recur (``Deadline.repeats``).
- **Change reports** (255-4(3)): within 30 days from the day the change occurs (Art. 8: the day
  of the change is not counted, a last day on a holiday rolls over), "without delay" for a
  material change; a late report is recorded as late, with its days. A transfer, acquisition,
  split or merger opens revocation ground 255-5 2. Which changes are reportable is the public
  notice's (``AEO_REPORTABLE_CHANGES``).
- **Revocation** (255-5): six grounds; ground 1 (fraud or improper means) is mandatory: once the
  officer has established it, no action but the revocation is open.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from workflows.calendar.civil_act import period_end
from workflows.calendar.periods import CalendarError, Period, Unit
from workflows.clock import as_date, seoul_date
from workflows.engine import (
    SYSTEM,
    Context,
    Deadline,
    Expiry,
    Field,
    FieldKind,
    Grant,
    Label,
    Procedure,
    Start,
    State,
    Transition,
)
from workflows.engine.declarations import STAYS, After, CaseFact, Duty, Said, Setting, Watch
from workflows.engine.details import Detail, Details
from workflows.legal_dates import korean_date
from workflows.notices.remedies import COMMISSIONER
from workflows.roles import Role

CODE = "aeo_certification"
TERM = "5y"
"""Art. 255-2(5): "The effective period of certification ... shall be five years"."""
TERM_MONTHS = 60
MAX_SUSPENSION_MONTHS = 6
"""Art. 255-3(3): "for a period of up to six months"."""
REVOCATION_AFTER_SUSPENSIONS = 5
"""Art. 255-5 4: "at least five times during the effective period of the certification"."""
CHANGE_REPORT_PERIOD = "30d"
"""Art. 255-4(3): "within 30 days from the date such change occurs"."""
SELF_ASSESSMENT_YEARS = 4
"""The years of a term that end in a self-assessment; the fifth ends in the renewal audit."""

OFFICE = frozenset({Role.OFFICER, Role.SUPERVISOR})
OPERATOR = frozenset({*OFFICE, Role.DUTY_PAYER})
"""The operator files or reports online; an officer records what reached the office on paper."""


def _choices(table: Mapping[str, Label]) -> tuple[tuple[str, Label], ...]:
    return tuple(table.items())


BUSINESS_TYPES: dict[str, Label] = {
    "exporter": Label("Exporter", "수출업체"),
    "importer": Label("Importer", "수입업체"),
    "manufacturer": Label("Manufacturer", "제조업체"),
    "customs_broker": Label("Customs broker", "관세사"),
    "bonded_area_operator": Label("Bonded-area operator", "보세구역운영인"),
    "bonded_transporter": Label("Bonded transporter", "보세운송업자"),
    "forwarder": Label("Freight forwarder", "화물운송주선업자"),
    "stevedore": Label("Stevedore", "하역업자"),
    "carrier": Label("Shipping company or airline", "선박회사·항공사"),
}
"""Art. 255-2(1): "entities related to trade, such as the manufacture, transportation, storage,
customs clearance, etc." [GK: the business types of the KCS public notice]."""

AUDIT_STEPS: dict[str, Label] = {
    "document_review": Label("Document review", "서류심사"),
    "on_site_audit": Label("On-site audit", "현장심사"),
}
"""[GK] The steps of the audit of Art. 255-2(2) in KCS practice (the Decree leaves them to the
public notice): a deployment names the ones its audits require (``AEO_AUDIT_STEPS``)."""

SELF_ASSESSMENT_NOT_REPORTED = "self_assessment_not_reported"
SUSPENSION_GROUNDS: dict[str, Label] = {
    "standards_deficient": Label("Safety-management standards not kept (Decree ground)",
                                 "안전관리 기준 미충족(대통령령으로 정하는 사유)"),
    "change_not_reported": Label("Change not reported (Decree ground)",
                                 "변동사항 미보고(대통령령으로 정하는 사유)"),
    "compliance_breach": Label("Breach of export or import law (Decree ground)",
                               "수출입 관련 법령 위반(대통령령으로 정하는 사유)"),
    SELF_ASSESSMENT_NOT_REPORTED: Label(
        "Self-assessment not reported (Art. 255-3(3), 255-4(2))",
        "자율평가 결과 미보고(제255조의3제3항, 제255조의4제2항)"),
}
"""Art. 255-3(3): the Act's ground, and [GK] the Decree's (a deployment names the ones in force,
``AEO_SUSPENSION_GROUNDS``)."""

SCOPES: dict[str, Label] = {
    "all": Label("All benefits", "혜택 전부"),
    "part": Label("Part of the benefits (name them)", "혜택 일부(정지하는 혜택을 적으십시오)"),
}

STRUCTURAL_CHANGES = frozenset({"transfer", "acquisition", "split", "merger"})
"""Art. 255-5 2: "not the same as it was certified due to transfer, acquisition, split, merger,
or the like"."""
CHANGES: dict[str, Label] = {
    "transfer": Label("Transfer of the business", "양도"),
    "acquisition": Label("Acquisition of a business", "양수"),
    "split": Label("Split", "분할"),
    "merger": Label("Merger", "합병"),
    "representative": Label("Change of representative", "대표자 변경"),
    "address": Label("Change of address", "소재지 변경"),
    "premises": Label("New or moved business premises", "사업장 신설·이전"),
    "key_staff": Label("Change of key staff for export and import", "수출입 관련 주요 임직원 변경"),
}
"""Art. 255-4(3): "such changes ... as determined and publicly notified by the Commissioner,
including transfer, acquisition, split, or merger" [GK: the public notice's list]."""

REVOCATION_GROUNDS: dict[str, Label] = {
    "1": Label("Certification or renewal obtained by fraud or other improper means "
               "(Art. 255-5 1; revocation mandatory)",
               "거짓이나 그 밖의 부정한 방법으로 공인 또는 갱신을 받음"
               "(제255조의5제1호, 필요적 취소)"),
    "2": Label("No longer the same as certified: transfer, acquisition, split, merger or the "
               "like (Art. 255-5 2)",
               "양도, 양수, 분할, 합병 등으로 공인받은 자와 동일하지 않음(제255조의5제2호)"),
    "3": Label("No longer meets the safety-management standards (Art. 255-5 3)",
               "안전관리 기준을 충족하지 못하게 됨(제255조의5제3호)"),
    "4": Label("Benefits suspended at least five times in the term (Art. 255-5 4)",
               "유효기간 내에 혜택 정지 처분을 5회 이상 받음(제255조의5제4호)"),
    "5": Label("Corrective order not complied with, without good cause (Art. 255-5 5)",
               "정당한 사유 없이 시정명령을 이행하지 않음(제255조의5제5호)"),
    "6": Label("Violation of export or import law prescribed by Presidential Decree "
               "(Art. 255-5 6)",
               "대통령령으로 정하는 수출입 관련 법령 위반(제255조의5제6호)"),
}
FRAUD = "1"

VERIFICATION_RESULTS: dict[str, Label] = {
    "meets": Label("Meets the standards", "기준 충족"),
    "does_not_meet": Label("Does not meet the standards", "기준 미충족"),
}

# -- settings: the numbers the Act leaves to the Decree and the public notice ------------------


def _check_thresholds(name: str, value: Any) -> None:
    if not isinstance(value, Mapping) or set(value) != {"A", "AA", "AAA"}:
        raise ValueError(f"{name}: give the legal-compliance score of each grade A, AA, AAA")
    scores = [value["A"], value["AA"], value["AAA"]]
    if not all(isinstance(s, int) and not isinstance(s, bool) and 0 <= s <= 100 for s in scores) \
            or not scores[0] < scores[1] < scores[2]:
        raise ValueError(f"{name} = {value!r}: whole scores from 0 to 100, A < AA < AAA")


def _check_score(name: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
        raise ValueError(f"{name} = {value!r}: a whole score from 0 to 100")


def _check_subset(known: Mapping[str, Label], *, required: tuple[str, ...] = ()):
    def check(name: str, value: Any) -> None:
        if not isinstance(value, list | tuple) or not value or set(value) - set(known):
            raise ValueError(f"{name} = {value!r}: a non-empty list of {', '.join(known)}")
        if missing := set(required) - set(value):
            raise ValueError(f"{name}: {', '.join(sorted(missing))} is the Act's own and "
                             "cannot be left out")
    return check


DISPOSING_AUTHORITIES = (COMMISSIONER, "customs_office")


def _check_authority(name: str, value: Any) -> None:
    if value not in DISPOSING_AUTHORITIES:
        raise ValueError(f"{name} = {value!r}: one of {', '.join(DISPOSING_AUTHORITIES)}")


def _check_period(longest_months: int):
    def check(name: str, value: Any) -> None:
        try:
            period = Period.parse(value)
        except (CalendarError, TypeError, AttributeError) as error:
            raise ValueError(f"{name} = {value!r}: {error}") from None
        months = {Unit.MONTHS: period.amount, Unit.YEARS: 12 * period.amount}.get(period.unit)
        if period.unit is Unit.PETITION_DAYS:
            raise ValueError(f"{name} = {value!r}: an Art. 8 period, not processing days")
        if months is not None and months > longest_months:
            raise ValueError(f"{name} = {value!r}: at most {longest_months} months")
    return check


def _check_lead(name: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 12:
        raise ValueError(f"{name} = {value!r}: whole months from 1 to 12 before the end")


SETTINGS = (
    Setting(name="AEO_GRADE_THRESHOLDS", default={"A": 80, "AA": 90, "AAA": 95},
            check=_check_thresholds,
            about="the legal-compliance score each grade needs; grades are not in the Act "
                  "(Art. 255-2(1) leaves the standards to Presidential Decree) [GK: KCS public "
                  "notice]"),
    Setting(name="AEO_INTERNAL_CONTROL_MINIMUM", default=80, check=_check_score,
            about="the internal-control score below which no grade is given [GK: KCS public "
                  "notice]"),
    Setting(name="AEO_AUDIT_STEPS", default=["document_review", "on_site_audit"],
            check=_check_subset(AUDIT_STEPS),
            about="the steps a certification audit must record before it certifies "
                  "(Art. 255-2(2): as prescribed by Presidential Decree)"),
    Setting(name="AEO_RENEWAL_LEAD_MONTHS", default=6, check=_check_lead,
            about="how many months before the end of the term the renewal application is due "
                  "(Art. 255-2(5): renewal as prescribed by Presidential Decree); the reminder "
                  "comes a month earlier"),
    Setting(name="AEO_SELF_ASSESSMENT_PERIOD", default="1m", check=_check_period(6),
            about="the period after each anniversary of the certification within which the "
                  "self-assessment is reported (Art. 255-4(2): as prescribed by Decree)"),
    Setting(name="AEO_VERIFICATION_PERIOD", default="3m", check=_check_period(12),
            about="the period after each anniversary within which the office verifies the "
                  "standards (Art. 255-4(1): \"periodically\", no number in the Act)"),
    Setting(name="AEO_CORRECTION_PERIOD", default="30d", check=_check_period(6),
            about="the period a corrective order gives to comply (Art. 255-3(4) sets none)"),
    Setting(name="AEO_SUSPENSION_GROUNDS", default=list(SUSPENSION_GROUNDS),
            check=_check_subset(SUSPENSION_GROUNDS, required=(SELF_ASSESSMENT_NOT_REPORTED,)),
            about="the grounds of suspension in force: the Act's (self-assessment not "
                  "reported) and those of Presidential Decree (Art. 255-3(3))"),
    Setting(name="AEO_DISPOSING_AUTHORITY", default=COMMISSIONER, check=_check_authority,
            about="who certifies, refuses, suspends, orders and revokes: the Commissioner of the "
                  "Korea Customs Service, as Arts. 255-2(1), 255-3(3)-(4) and 255-5 name "
                  "(no objection then, only a request for examination or adjudication, "
                  "Art. 119(2)); customs_office where the power is delegated to the heads of "
                  "customs offices [Assumption: Art. 329 and its Decree, not in the seed]"),
    Setting(name="AEO_REPORTABLE_CHANGES", default=list(CHANGES),
            check=_check_subset(CHANGES, required=tuple(sorted(STRUCTURAL_CHANGES))),
            about="the changes an AEO must report within 30 days (Art. 255-4(3): as publicly "
                  "notified; transfer, acquisition, split and merger are the Act's own)"),
)


DEFAULTS = {setting.name: setting.default for setting in SETTINGS}
"""The defaults the settings declare, for a case whose data predates a setting."""
CONFIGURED = {
    "grade_thresholds": "AEO_GRADE_THRESHOLDS",
    "internal_control_minimum": "AEO_INTERNAL_CONTROL_MINIMUM",
    "audit_steps": "AEO_AUDIT_STEPS",
    "renewal_lead_months": "AEO_RENEWAL_LEAD_MONTHS",
    "self_assessment_period": "AEO_SELF_ASSESSMENT_PERIOD",
    "verification_period": "AEO_VERIFICATION_PERIOD",
    "correction_period": "AEO_CORRECTION_PERIOD",
    "suspension_grounds": "AEO_SUSPENSION_GROUNDS",
    "reportable_changes": "AEO_REPORTABLE_CHANGES",
    "disposing_authority": "AEO_DISPOSING_AUTHORITY",
}
"""The key of the case's data each setting is kept under."""


def configured(settings: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """What the deployment configures, kept on the case when it opens, so that the case is
    decided by the rules that held when it was filed."""
    return {key: copy.deepcopy(settings.get(name) or DEFAULTS[name])
            for key, name in CONFIGURED.items()}


def setting_of(data: Mapping[str, Any], key: str) -> Any:
    """The value the case was filed under, or the declared default."""
    return data.get(key) or DEFAULTS[CONFIGURED[key]]


# -- the term, its anniversaries, its suspensions ------------------------------------------------


def term_end(valid_from: date) -> date:
    """The last day of a five-year term valid from 00:00 of ``valid_from`` (Art. 255-2(5);
    Civil Act Arts. 157 proviso, 160(2)-(3)); never rolled over."""
    return period_end(valid_from, Period(5, Unit.YEARS))[0]


def anniversary(valid_from: date, years: int) -> date:
    """The first day after the ``years``-th year of the term (the day a year's report is owed
    from)."""
    return period_end(valid_from, Period(years, Unit.YEARS))[0] + timedelta(days=1)


def terms(data: Mapping[str, Any]) -> list[tuple[date, date]]:
    """The terms of the certification, oldest first."""
    return [(as_date(t["from"]), as_date(t["to"])) for t in data.get("terms") or ()]


def term_on(data: Mapping[str, Any], day: date) -> tuple[date, date] | None:
    """The term in force on ``day``; before the first, none; after a renewal is granted and
    before its term starts, the old one."""
    for start, end in terms(data):
        if start <= day <= end:
            return start, end
    return None


def suspensions_in_term(data: Mapping[str, Any], day: date) -> int:
    """How many suspensions of benefits took effect in the term in force on ``day``
    (Art. 255-5 4: "during the effective period of the certification")."""
    term = term_on(data, day)
    if term is None:
        return 0
    return sum(term[0] <= as_date(d) <= term[1] for d in data.get("suspensions") or ())


def grade_of(data: Mapping[str, Any], legal_compliance: int, internal_control: int) -> str | None:
    """The grade the scores earn under the thresholds the case was filed under, or None."""
    if internal_control < setting_of(data, "internal_control_minimum"):
        return None
    thresholds = setting_of(data, "grade_thresholds")
    earned = [g for g in ("AAA", "AA", "A") if legal_compliance >= thresholds[g]]
    return earned[0] if earned else None


def _legal_day(context: Context) -> date:
    return seoul_date(context.now)


def _new_term(context: Context, valid_from: date, number: int) -> dict[str, Any]:
    """The data of a new term from ``valid_from``: its end, its anniversaries, its counters."""
    valid_to = term_end(valid_from)
    kept = [t for t in context.data.get("terms") or () if t["from"] != valid_from.isoformat()]
    return {
        "valid_from": valid_from.isoformat(), "valid_to": valid_to.isoformat(), "term": number,
        "terms": [*kept, {"from": valid_from.isoformat(), "to": valid_to.isoformat()}],
        "self_assessment_year": 1,
        "self_assessment_from": anniversary(valid_from, 1).isoformat(),
        "verification_year": 1,
        "verification_from": anniversary(valid_from, 1).isoformat(),
        "renewal_requested_on": None, "renewal_refused_on": None,
    }


# -- what the actions record --------------------------------------------------------------------


def _certified(context: Context) -> dict[str, Any]:
    values = context.values
    valid_from = values["valid_from"]
    grade = grade_of(context.data, values["legal_compliance"], values["internal_control"])
    return {"grade": grade, "scores": {
        "legal_compliance": values["legal_compliance"],
        "internal_control": values["internal_control"],
        "financial_solvency": bool(values.get("financial_solvency")),
        "safety_management": bool(values.get("safety_management"))},
        **_new_term(context, valid_from, 1)}


def _renewed(context: Context) -> dict[str, Any]:
    """The new term starts on the day after the old one ends (Art. 255-2(5)): no gap, no
    overlap; the suspensions of the old term stay with it."""
    old_end = as_date(context.data["valid_to"])
    grade = grade_of(context.data, context.values["legal_compliance"],
                     context.values["internal_control"]) or context.data.get("grade")
    return {"grade": grade, "renewed_on": _legal_day(context).isoformat(),
            **_new_term(context, old_end + timedelta(days=1), context.data.get("term", 1) + 1)}


def _audit_step(context: Context) -> dict[str, Any]:
    done = dict(context.data.get("audit_steps_done") or {})
    done[context.values["step"]] = _legal_day(context).isoformat()
    return {"audit_steps_done": done}


def _suspended(context: Context) -> dict[str, Any]:
    start = context.values["suspended_from"]
    return {"suspensions": [*(context.data.get("suspensions") or ()), start.isoformat()],
            "suspended_from": start.isoformat(),
            "suspension_months": context.values["months"],
            "suspension_scope": context.values["scope"],
            "suspended_benefits": context.values.get("benefits") or None}


def _restored(context: Context) -> dict[str, Any]:
    return {"suspended_from": None, "suspension_months": None, "suspension_scope": None,
            "suspended_benefits": None}


def _next_year(context: Context, kind: str) -> dict[str, Any]:
    """The year of ``kind`` done; the next is owed from its anniversary, up to the fourth (the
    fifth year ends in the renewal audit)."""
    following = context.data.get(f"{kind}_year", 1) + 1
    valid_from = as_date(context.data["valid_from"])
    return {f"{kind}_year": following,
            f"{kind}_from": anniversary(valid_from, following).isoformat()
            if following <= SELF_ASSESSMENT_YEARS else None}


def _self_assessed(context: Context) -> dict[str, Any]:
    return {**_next_year(context, "self_assessment"),
            "last_self_assessment_on": _legal_day(context).isoformat()}


def _verified(context: Context) -> dict[str, Any]:
    return {**_next_year(context, "verification"),
            "last_verification": {"on": _legal_day(context).isoformat(),
                                  "result": context.values["result"]}}


def _ordered(context: Context) -> dict[str, Any]:
    return {"correction_ordered_on": _legal_day(context).isoformat(),
            "correction_ground": context.values["ground"]}


def _change_reported(context: Context) -> dict[str, Any]:
    """A change report and whether it was in time: 30 days from the change, counted under
    Art. 8 (the day of the change not counted; a last day on a holiday rolls over); a material
    change "without delay", so its days are recorded without a last day."""
    values = context.values
    changed_on = values["changed_on"]
    reported_on = _legal_day(context)
    material = bool(values.get("material"))
    entry: dict[str, Any] = {
        "change": values["change"], "changed_on": changed_on.isoformat(),
        "reported_on": reported_on.isoformat(), "material": material,
        "days_after": (reported_on - changed_on).days, "by": context.role}
    if not material and context.calendar is not None:
        due = context.calendar.due(changed_on, CHANGE_REPORT_PERIOD,
                                   start_label="the change occurred").due_date
        entry.update(due=due.isoformat(), late_days=max(0, (reported_on - due).days))
    facts: dict[str, Any] = {"changes": [*(context.data.get("changes") or ()), entry]}
    if values["change"] in STRUCTURAL_CHANGES:
        facts["structural_change"] = entry["changed_on"]
    return facts


def _measured(context: Context) -> dict[str, Any]:
    """Art. 255-7: the measured level of compliance, per criterion, kept with its day."""
    values = context.values
    entry = {"on": _legal_day(context).isoformat(),
             "legal_compliance": values["legal_compliance"],
             "internal_control": values["internal_control"],
             "financial_solvency": bool(values.get("financial_solvency")),
             "safety_management": bool(values.get("safety_management"))}
    return {"compliance_measurements": [*(context.data.get("compliance_measurements") or ()),
                                        entry]}


def _fraud(context: Context) -> dict[str, Any]:
    return {"fraud_established_on": _legal_day(context).isoformat()}


def _revoked(context: Context) -> dict[str, Any]:
    return {"revocation_ground": context.values["ground"],
            "revoked_on": _legal_day(context).isoformat()}


def _renewal_requested(context: Context) -> dict[str, Any]:
    return {"renewal_requested_on": _legal_day(context).isoformat()}


def _renewal_refused(context: Context) -> dict[str, Any]:
    """The request is decided: a new one may be made while the term runs."""
    return {"renewal_refused_on": _legal_day(context).isoformat(), "renewal_requested_on": None}


# -- guards -------------------------------------------------------------------------------------


def _not_after_fraud(context: Context) -> Said | None:
    """Art. 255-5 proviso: a certification obtained by fraud "shall" be revoked."""
    if context.data.get("fraud_established_on"):
        return Said(
            "fraud or improper means was established on "
            f"{context.data['fraud_established_on']}: the certification must be revoked "
            "(Art. 255-5 proviso, 1); no other action is open",
            f"{korean_date(context.data['fraud_established_on'])}에 거짓이나 그 밖의 부정한 "
            "방법이 확인되었으므로 공인을 취소하여야 합니다(제255조의5 각 호 외의 부분 단서 및 "
            "같은 조 제1호). 다른 조치는 할 수 "
            "없습니다")
    return None


def _steps_done(context: Context) -> Said | None:
    """The audit steps the deployment requires (Art. 255-2(2)) are recorded before it ends."""
    done = context.data.get("audit_steps_done") or {}
    missing = [s for s in context.data.get("audit_steps") or AUDIT_STEPS if s not in done]
    if missing:
        return Said("the audit has not recorded: "
                    + ", ".join(AUDIT_STEPS[s].en.lower() for s in missing),
                    "다음 심사 단계가 기록되지 않았습니다: "
                    + ", ".join(AUDIT_STEPS[s].ko for s in missing))
    return None


def _standards_met(context: Context) -> Said | None:
    """Art. 255-2(1): certification only where the standards are met; the scores earn a grade."""
    values = context.values
    if "legal_compliance" not in values:
        return None  # the form is not filled in yet: the fields say what is missing
    unmet = [Label("financial solvency", "재무건전성")] if not values.get("financial_solvency") \
        else []
    if not values.get("safety_management"):
        unmet.append(Label("safety management", "안전관리"))
    if unmet:
        return Said("the standards are not met (" + ", ".join(u.en for u in unmet)
                    + "): refuse the certification with reasons instead (Art. 255-2(1))",
                    "기준을 충족하지 못하였습니다(" + ", ".join(u.ko for u in unmet)
                    + "). 사유를 적어 공인을 거부하십시오(제255조의2제1항)")
    if grade_of(context.data, values["legal_compliance"], values["internal_control"]) is None:
        thresholds = setting_of(context.data, "grade_thresholds")
        minimum = setting_of(context.data, "internal_control_minimum")
        return Said(f"the scores earn no grade (legal compliance at least {thresholds['A']}, "
                    f"internal control at least {minimum}): refuse the certification instead",
                    f"점수가 등급 기준(법규준수 {thresholds['A']}점 이상, 내부통제 {minimum}점 "
                    "이상)에 미달합니다. 공인을 거부하십시오")
    return None


def _passed(context: Context, kind: str) -> bool:
    """Whether the newest deadline of ``kind`` has passed with its duty not done: seen to pass
    by the sweep, or past its moment and not yet swept (the law does not wait for the
    scheduler)."""
    newest = context.deadlines.get(kind)
    if newest is None:
        return False
    return newest.status == "missed" or (newest.status == "open"
                                         and context.now >= newest.due_at)


def _ground_in_force(context: Context) -> Said | None:
    ground = context.values.get("ground")
    if ground is None:
        return None
    if ground not in (context.data.get("suspension_grounds") or SUSPENSION_GROUNDS):
        return Said("this ground of suspension is not in force (AEO_SUSPENSION_GROUNDS)",
                    "이 정지 사유는 시행 중이 아닙니다(AEO_SUSPENSION_GROUNDS)")
    if ground == SELF_ASSESSMENT_NOT_REPORTED and not _passed(context, "self_assessment"):
        return Said("no self-assessment report has been missed: the Act's ground "
                    "(Art. 255-3(3)) needs a report not made within its period",
                    "기한 내에 보고하지 않은 자율평가가 없습니다. 이 사유(제255조의3제3항)로 "
                    "정지하려면 보고기한이 지난 자율평가가 있어야 합니다")
    return None


def _part_named(context: Context) -> Said | None:
    if context.values.get("scope") == "part" and not context.values.get("benefits"):
        return Said("name the benefits suspended when only part of them is suspended "
                    "(Art. 255-3(3): \"all or part\")",
                    "혜택의 일부를 정지하는 경우 정지하는 혜택을 적으십시오(제255조의3제3항)")
    return None


def _suspension_in_term(context: Context) -> Said | None:
    start = context.values.get("suspended_from")
    if start is None:
        return None
    term = term_on(context.data, start)
    if term is None:
        return Said(f"{start} is outside the certification's term",
                    f"{korean_date(start)}은 공인 유효기간 밖입니다")
    return None


def _not_backdated(field: str, what: Label, decided: Label):
    """A disposition for the time ahead takes effect on the day it is decided at the earliest:
    a suspension (Art. 255-3(3)), a certification (Art. 255-2(1), (5))."""
    def guard(context: Context) -> Said | None:
        start, today = context.values.get(field), _legal_day(context)
        if start is not None and start < today:
            return Said(f"{what.en} cannot take effect before it is {decided.en} ({today})",
                        f"{what.ko} {decided.ko}({korean_date(today)}) 전으로 소급하여 효력이 "
                        "생길 수 없습니다")
        return None

    guard.__name__ = f"_{field}_not_backdated"
    return guard


_suspension_not_backdated = _not_backdated(
    "suspended_from", Label("a suspension", "혜택 정지는"), Label("decided", "처분일"))
_certification_not_backdated = _not_backdated(
    "valid_from", Label("a certification", "공인은"), Label("granted", "공인한 날"))


def _no_order_pending(context: Context) -> Said | None:
    if "correction" in context.open_deadlines:
        due = context.open_deadlines["correction"].due_date
        return Said(f"a corrective order is pending until {due}",
                    f"{korean_date(due)}까지 이행할 시정명령이 있습니다")
    return None


def _order_pending(context: Context) -> Said | None:
    owed = context.deadlines.get("correction")
    if owed is None or owed.status not in ("open", "missed"):
        return Said("no corrective order awaits compliance", "이행할 시정명령이 없습니다")
    return None


def _year_owed(context: Context, kind: str, key: str) -> bool:
    """A year's report or verification is owed once its year has ended (from the anniversary
    its deadline runs from) until it is done, late included."""
    owed = context.deadlines.get(kind)
    if owed is None or owed.status not in ("open", "missed"):
        return False
    opens = context.data.get(key)
    return owed.status == "missed" or opens is None or as_date(opens) <= _legal_day(context)


def _self_assessment_owed(context: Context) -> Said | None:
    if not _year_owed(context, "self_assessment", "self_assessment_from"):
        opens = context.data.get("self_assessment_from")
        return Said("no self-assessment is owed now: the next is owed from "
                    f"{opens or 'the renewal'}",
                    "지금 보고할 자율평가가 없습니다. 다음 보고는 "
                    f"{korean_date(opens) if opens else '갱신 후'}부터입니다")
    return None


def _verification_owed(context: Context) -> Said | None:
    if not _year_owed(context, "verification", "verification_from"):
        return Said("no periodic verification is due now", "지금 할 정기 확인이 없습니다")
    return None


def _change_reportable(context: Context) -> Said | None:
    change = context.values.get("change")
    if change is not None and change not in (context.data.get("reportable_changes") or CHANGES):
        return Said("this change is not on the publicly notified list (AEO_REPORTABLE_CHANGES)",
                    "공고된 변동사항이 아닙니다(AEO_REPORTABLE_CHANGES)")
    changed_on = context.values.get("changed_on")
    first = (terms(context.data) or [(None, None)])[0][0]
    if changed_on is not None and first is not None and changed_on < first:
        return Said(f"the change on {changed_on} precedes the certification ({first})",
                    f"변동일({korean_date(changed_on)})이 공인일({korean_date(first)}) 전입니다")
    return None


def _renewal_not_requested(context: Context) -> Said | None:
    if context.data.get("renewal_requested_on"):
        return Said(f"the renewal was requested on {context.data['renewal_requested_on']}",
                    f"{korean_date(context.data['renewal_requested_on'])}에 갱신을 "
                    "신청하였습니다")
    return None


def _renewal_requested_guard(context: Context) -> Said | None:
    if not context.data.get("renewal_requested_on"):
        return Said("no renewal has been requested", "갱신 신청이 없습니다")
    return None


def _revocation_ground(context: Context) -> Said | None:
    """Art. 255-5: each ground needs its facts; ground 1 once established is the only one."""
    ground = context.values.get("ground")
    if ground is None:
        return None
    if context.data.get("fraud_established_on") and ground != FRAUD:
        return Said("fraud or improper means was established: revoke on ground 1, which is "
                    "mandatory (Art. 255-5 proviso)",
                    "거짓이나 그 밖의 부정한 방법이 확인되었으므로 필요적 취소 사유인 제1호로 "
                    "취소하여야 합니다(제255조의5 각 호 외의 부분 단서)")
    if ground == "2" and not context.data.get("structural_change"):
        return Said("no transfer, acquisition, split or merger is recorded (Art. 255-5 2)",
                    "양도, 양수, 분할 또는 합병이 기록되지 않았습니다(제255조의5제2호)")
    if ground == "4":
        count = suspensions_in_term(context.data, _legal_day(context))
        if count < REVOCATION_AFTER_SUSPENSIONS:
            return Said(f"the benefits were suspended {count} times in this term: ground 4 "
                        f"needs at least {REVOCATION_AFTER_SUSPENSIONS} (Art. 255-5 4)",
                        f"이번 유효기간 내 혜택 정지는 {count}회입니다. 제4호는 정지 처분을 "
                        f"{REVOCATION_AFTER_SUSPENSIONS}회 이상 받은 경우에 해당합니다"
                        "(제255조의5제4호)")
    if ground == "5" and not _passed(context, "correction"):
        return Said("no corrective order has gone uncomplied with past its period "
                    "(Art. 255-5 5)",
                    "이행기간이 지나도록 이행하지 않은 시정명령이 없습니다(제255조의5제5호)")
    return None


# -- the declaration ----------------------------------------------------------------------------

BUSINESS_TYPE = Field(name="business_type", label=Label("Business type", "업종"),
                      kind=FieldKind.CHOICE, choices=_choices(BUSINESS_TYPES), store=True)

SCORES = (
    Field(name="legal_compliance", label=Label("Legal-compliance score", "법규준수도 점수"),
          kind=FieldKind.INTEGER, minimum=0, maximum=100,
          help=Label("Out of 100; the grade follows from it (A, AA, AAA: the thresholds are the "
                     "KCS public notice's, not the Act's).",
                     "100점 만점. 등급(A, AA, AAA)은 이 점수로 정해집니다"
                     "(기준은 법률이 아닌 관세청 고시에 따릅니다).")),
    Field(name="internal_control", label=Label("Internal-control score", "내부통제시스템 점수"),
          kind=FieldKind.INTEGER, minimum=0, maximum=100),
    Field(name="financial_solvency", label=Label("Financial solvency met", "재무건전성 충족"),
          kind=FieldKind.BOOLEAN, required=False),
    Field(name="safety_management", label=Label("Safety management met", "안전관리 기준 충족"),
          kind=FieldKind.BOOLEAN, required=False),
)

NOTICE_OF_DISPOSITION = "the disposition and its reasons; appeal within 90 days (Art. 119)"

VALIDITY = Deadline(
    kind="validity", label=Label("term of the certification", "공인 유효기간"),
    article="Art. 255-2(5)", period=TERM,
    start=Start.data("valid_from", "the day the certification takes effect"),
    on_expiry=Expiry.transition("lapse"), rollover=False, starts_at_midnight=True,
    reminders=("1m", "7d"), met_by=("renew",), owed_by=Duty.PARTY, repeats=True,
    when_it_passes=Label("your certification lapses at the end of its term unless renewed "
                         "(Art. 255-2(5))",
                         "갱신하지 않으면 유효기간이 끝나는 때에 공인의 효력이 없어집니다"
                         "(제255조의2제5항)"),
    period_text="5 years from 00:00 of the first day; ends 24:00 of the day before the fifth "
                "anniversary; never rolled over")
RENEWAL_APPLICATION = Deadline(
    kind="renewal_application", label=Label("renewal application", "갱신 신청기한"),
    article="Art. 255-2(5)",
    period=lambda context: f"{TERM_MONTHS - context.data.get('renewal_lead_months', 6)}m",
    start=Start.data("valid_from", "the day the certification takes effect"),
    on_expiry=Expiry.flag(), starts_at_midnight=True, reminders=("1m", "7d"),
    met_by=("request_renewal",), owed_by=Duty.PARTY, repeats=True,
    when_it_passes=Label("the renewal audit may not end before your term does, and the "
                         "certification lapses at its end (Art. 255-2(5))",
                         "갱신 심사가 유효기간 만료 전에 끝나지 않을 수 있으며, 그 경우 공인은 "
                         "만료로 효력이 없어집니다(제255조의2제5항)"),
    period_text="up to AEO_RENEWAL_LEAD_MONTHS (6) months before the end of the term [GK: "
                "Decree]; the reminder a month earlier",
    extension="Art. 10")
SELF_ASSESSMENT = Deadline(
    kind="self_assessment", label=Label("self-assessment report", "자율평가 결과 보고"),
    article="Art. 255-4(2)",
    period=lambda context: context.data.get("self_assessment_period") or "1m",
    start=Start.data("self_assessment_from", "the anniversary of the certification",
                     optional=True),
    on_expiry=Expiry.flag(), starts_at_midnight=True, reminders=("14d", "3d"),
    met_by=("report_self_assessment",), owed_by=Duty.PARTY, repeats=True,
    when_it_passes=Label("the benefits of your certification may be suspended for up to six "
                         "months (Art. 255-3(3))",
                         "공인 혜택이 6개월의 범위에서 정지될 수 있습니다(제255조의3제3항)"),
    period_text="AEO_SELF_ASSESSMENT_PERIOD (1 month) after each of the first four anniversaries",
    extension="Art. 10")
VERIFICATION = Deadline(
    kind="verification", label=Label("periodic verification", "정기 확인"),
    article="Art. 255-4(1)",
    period=lambda context: context.data.get("verification_period") or "3m",
    start=Start.data("verification_from", "the anniversary of the certification",
                     optional=True),
    on_expiry=Expiry.escalate(), starts_at_midnight=True, reminders=("14d", "3d"),
    met_by=("record_verification",), owed_by=Duty.OFFICE, repeats=True,
    period_text="AEO_VERIFICATION_PERIOD (3 months) after each of the first four anniversaries",
    waiver="Art. 255-4(1) says \"periodically\" and sets no time: the schedule is the office's "
           "own")
CORRECTION = Deadline(
    kind="correction", label=Label("compliance with the corrective order", "시정명령 이행기간"),
    article="Art. 255-3(4)",
    period=lambda context: context.data.get("correction_period") or "30d",
    start=Start.data("correction_ordered_on", "the corrective order", optional=True),
    on_expiry=Expiry.flag(), reminders=("7d", "1d"), met_by=("record_correction",),
    owed_by=Duty.PARTY, repeats=True,
    when_it_passes=Label("failing to comply without good cause is a ground to revoke your "
                         "certification (Art. 255-5 5)",
                         "정당한 사유 없이 이행하지 않으면 공인 취소 사유가 됩니다"
                         "(제255조의5제5호)"),
    period_text="AEO_CORRECTION_PERIOD (30 days) from the order, under Art. 8",
    extension="Art. 10")
SUSPENSION = Deadline(
    kind="suspension", label=Label("suspension of benefits", "혜택 정지기간"),
    article="Art. 255-3(3)",
    period=lambda context: f"{context.data.get('suspension_months') or 1}m",
    start=Start.data("suspended_from", "the day the suspension takes effect"),
    on_expiry=Expiry.transition("restore_benefits"), rollover=False, starts_at_midnight=True,
    reminders=("7d",),
    period_text="the months suspended (at most 6) from 00:00 of the first day; never rolled over")

IN_TERM = (VALIDITY, RENEWAL_APPLICATION, SELF_ASSESSMENT, VERIFICATION, CORRECTION)
"""What runs through the whole term, whether the benefits are in force or suspended."""

def subject(data: Mapping[str, Any]) -> dict[str, str]:
    """The certification, with the operator's business type, as its notices name it."""
    business = BUSINESS_TYPES.get(data.get("business_type"))
    return {"ko": "수출입 안전관리 우수업체 공인" + (f"({business.ko})" if business else ""),
            "en": "AEO certification" + (f" ({business.en})" if business else ""),
            "article": "Art. 255-2"}


def facts(data: Mapping[str, Any], today: date) -> tuple[CaseFact, ...]:
    """The certification's header: before it, the business type and the preliminary audit's
    findings the audit must consider (Art. 255-2(4)); after it, the grade, the term and its
    end (not rolled over), the days left, the suspensions in the term and the benefits."""
    shown: list[CaseFact] = []
    business = BUSINESS_TYPES.get(data.get("business_type"))
    if business:
        shown.append(CaseFact(Label("Business type", "업종"), business))
    if not data.get("valid_from"):
        if data.get("pre_audit_findings"):
            shown.append(CaseFact(Label("Preliminary audit findings (to be considered, "
                                        "Art. 255-2(4))",
                                        "예비심사 결과(공인심사에서 고려, 제255조의2제4항)"),
                                  data["pre_audit_findings"]))
        return tuple(shown)
    valid_to = as_date(data["valid_to"])
    shown += [CaseFact(Label("Grade", "등급"), data.get("grade") or "—"),
              CaseFact(Label("Valid from", "유효기간 시작"), as_date(data["valid_from"])),
              CaseFact(Label("Valid to (24:00; not moved off a holiday: Art. 8(3) moves only "
                             "the last day to act)",
                             "유효기간 만료(24시, 공휴일이어도 연장되지 않음: 제8조제3항은 행위 "
                             "기한에만 적용)"),
                       valid_to)]
    left = (valid_to - today).days
    if left >= 0:
        shown.append(CaseFact(Label("Days to the end of the term", "만료까지 남은 일수"),
                              Label(f"{left} days", f"{left}일")))
    count = suspensions_in_term(data, today)
    shown.append(CaseFact(
        Label("Suspensions in this term", "이번 유효기간 내 혜택 정지 횟수"),
        Label(f"{count} (revocation ground 255-5 4 from the fifth)",
              f"{count}회(5회째부터 제255조의5제4호 취소 사유)")))
    if data.get("suspended_from"):
        scope = SCOPES.get(data.get("suspension_scope"), SCOPES["all"])
        named = f": {data['suspended_benefits']}" if data.get("suspended_benefits") else ""
        shown.append(CaseFact(Label("Benefits", "혜택"),
                              Label(f"suspended ({scope.en.lower()}{named}) from "
                                    f"{data['suspended_from']}",
                                    f"정지({scope.ko}{named}), "
                                    f"{korean_date(data['suspended_from'])}부터")))
    else:
        shown.append(CaseFact(Label("Benefits", "혜택"), Label("in force", "적용 중")))
    if measured := (data.get("compliance_measurements") or ())[-1:]:
        last = measured[0]
        shown.append(CaseFact(
            Label("Latest compliance measurement (Art. 255-7)",
                  "최근 준수도 측정(제255조의7)"),
            Label(f"{last['on']}: legal compliance {last['legal_compliance']}, internal control "
                  f"{last['internal_control']}",
                  f"{korean_date(last['on'])}: 법규준수 {last['legal_compliance']}점, 내부통제 "
                  f"{last['internal_control']}점")))
    if data.get("renewal_requested_on"):
        shown.append(CaseFact(Label("Renewal requested", "갱신 신청일"),
                              as_date(data["renewal_requested_on"])))
    return tuple(shown)


CERTIFICATE = Grant(
    kind="aeo",
    valid_from=lambda context: as_date(context.data["valid_from"]),
    valid_to=lambda context: as_date(context.data["valid_to"]),
    number=lambda context, reference: f"{reference}-{context.data['term']}")
"""A certificate per term (Art. 255-2(1), (5)), numbered ``<case>-<term>``."""

IN_FORCE = ("certified", "benefits_suspended")
PENDING = ("pre_audit_requested", "audit_requested", "under_audit")
guarded = (_not_after_fraud,)

PROCEDURE = Procedure(
    code=CODE,
    article="Arts. 255-2 to 255-7",
    states=(
        State(name="pre_audit_requested", label=Label("Preliminary audit requested",
                                                      "예비심사 신청"),
              article="Art. 255-2(3)"),
        State(name="pre_audit_notified", label=Label("Preliminary audit result notified",
                                                     "예비심사 결과 통지"),
              article="Art. 255-2(4)"),
        State(name="audit_requested", label=Label("Certification audit requested",
                                                  "공인심사 신청"),
              article="Art. 255-2(2)"),
        State(name="under_audit", label=Label("Under audit", "공인심사 중"),
              article="Art. 255-2(2), (4)"),
        State(name="refused", label=Label("Certification refused", "공인 거부"),
              article="Art. 255-2(1); appealable (Art. 119)", terminal=True),
        State(name="certified", label=Label("Certified", "공인"), article="Art. 255-2(1), (5)"),
        State(name="benefits_suspended", label=Label("Benefits suspended", "혜택 정지"),
              article="Art. 255-3(3)"),
        State(name="expired", label=Label("Lapsed (term ended)", "유효기간 만료"),
              article="Art. 255-2(5)", terminal=True),
        State(name="revoked", label=Label("Certification revoked", "공인 취소"),
              article="Art. 255-5", terminal=True),
        State(name="withdrawn", label=Label("Request withdrawn", "신청 취하"),
              article="withdrawal by the applicant", terminal=True),
    ),
    transitions=(
        # -- the preliminary audit (255-2(3)-(4)) and the audit (255-2(1)-(2)) ---------------
        Transition(trigger="request_audit", source=(), dest="audit_requested", roles=OPERATOR,
                   article="Art. 255-2(2)",
                   label=Label("Request the certification audit", "공인심사 신청"),
                   fields=(BUSINESS_TYPE,)),
        Transition(trigger="request_pre_audit", source=(), dest="pre_audit_requested",
                   roles=OPERATOR, article="Art. 255-2(3)",
                   label=Label("Request a preliminary audit", "예비심사 신청"),
                   fields=(BUSINESS_TYPE,
                           Field(name="matters",
                                 label=Label("Matters to review (as publicly notified)",
                                             "심사받을 사항(공고된 사항)"),
                                 kind=FieldKind.LONGTEXT, store=True,
                                 help=Label("E.g. the adequacy of the documents, whether an "
                                            "individual standard is met.",
                                            "예: 제출서류의 적정성, 개별 안전관리 기준의 충족 "
                                            "여부.")))),
        Transition(trigger="notify_pre_audit", source=("pre_audit_requested",),
                   dest="pre_audit_notified", roles=OFFICE, article="Art. 255-2(4)",
                   label=Label("Notify the preliminary audit's result", "예비심사 결과 통지"),
                   outcome=Label("The result of your preliminary audit was notified",
                                 "예비심사 결과가 통지되었습니다"),
                   fields=(Field(name="pre_audit_findings",
                                 label=Label("Findings per standard", "기준별 심사 결과"),
                                 kind=FieldKind.LONGTEXT, store=True),),
                   reason_field="pre_audit_findings", notices=("aeo_pre_audit_result",)),
        Transition(trigger="proceed_to_audit", source=("pre_audit_notified",),
                   dest="audit_requested", roles=OPERATOR, article="Art. 255-2(2), (4)",
                   label=Label("Request the audit after the preliminary audit",
                               "예비심사 후 공인심사 신청")),
        Transition(trigger="start_audit", source=("audit_requested",), dest="under_audit",
                   roles=OFFICE, article="Art. 255-2(2), (4)",
                   label=Label("Start the audit", "공인심사 개시"),
                   outcome=Label("The audit of your request began", "공인심사가 시작되었습니다")),
        Transition(trigger="record_audit_step", source=("under_audit",), dest=STAYS,
                   roles=OFFICE, article="Art. 255-2(2)",
                   label=Label("Record an audit step", "심사 단계 기록"),
                   fields=(Field(name="step", label=Label("Step", "단계"), kind=FieldKind.CHOICE,
                                 choices=_choices(AUDIT_STEPS)),
                           Field(name="findings", label=Label("Findings", "심사 결과"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="findings", records=_audit_step),
        Transition(trigger="certify", source=("under_audit",), dest="certified", roles=OFFICE,
                   article="Art. 255-2(1), (5)",
                   label=Label("Certify as AEO", "수출입 안전관리 우수업체 공인"),
                   outcome=Label("You were certified as an AEO", "공인되었습니다"),
                   guards=(_steps_done, _standards_met, _certification_not_backdated),
                   fields=(*SCORES,
                           Field(name="valid_from",
                                 label=Label("Valid from", "공인 효력 발생일"),
                                 kind=FieldKind.DATE, future=True,
                                 help=Label("The five years run from 00:00 of this day "
                                            "(Art. 255-2(5)).",
                                            "5년의 유효기간은 이 날 0시부터 진행합니다"
                                            "(제255조의2제5항)."),
                                 follows=(After.entered("the audit began"),))),
                   records=_certified, grants=CERTIFICATE, notices=("aeo_certificate",)),
        Transition(trigger="refuse", source=("under_audit",), dest="refused", roles=OFFICE,
                   article="Art. 255-2(1)",
                   label=Label("Refuse the certification", "공인 거부"),
                   outcome=Label("Your certification was refused: you may appeal against the "
                                 "refusal (Art. 119)",
                                 "공인이 거부되었습니다. 거부 처분에 대해 불복할 수 있습니다"
                                 "(제119조)"),
                   fields=(Field(name="reasons",
                                 label=Label("Reasons, per standard not met",
                                             "충족하지 못한 기준별 사유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="reasons", notices=("aeo_refusal",)),
        Transition(trigger="withdraw", source=PENDING, dest="withdrawn", roles=OPERATOR,
                   article="withdrawal of the request",
                   label=Label("Withdraw the request", "신청 취하"),
                   outcome=Label("Your request was withdrawn", "신청이 취하되었습니다"),
                   fields=(Field(name="reason", label=Label("Reason", "사유"),
                                 kind=FieldKind.LONGTEXT, required=False),),
                   reason_field="reason"),

        # -- the life of the certification (255-3, 255-4) ----------------------------------
        Transition(trigger="suspend_benefits", source=("certified",),
                   dest="benefits_suspended", roles=OFFICE, article="Art. 255-3(3)",
                   label=Label("Suspend benefits", "혜택 정지"),
                   outcome=Label("The benefits of your certification were suspended: you may "
                                 "appeal (Art. 119)",
                                 "공인 혜택이 정지되었습니다. 이에 대해 불복할 수 있습니다"
                                 "(제119조)"),
                   guards=(*guarded, _ground_in_force, _part_named, _suspension_in_term,
                           _suspension_not_backdated),
                   fields=(Field(name="ground", label=Label("Ground", "정지 사유"),
                                 kind=FieldKind.CHOICE, choices=_choices(SUSPENSION_GROUNDS)),
                           Field(name="scope", label=Label("Scope", "정지 범위"),
                                 kind=FieldKind.CHOICE, choices=_choices(SCOPES)),
                           Field(name="benefits",
                                 label=Label("Benefits suspended", "정지하는 혜택"),
                                 kind=FieldKind.LONGTEXT, required=False),
                           Field(name="months", label=Label("Months", "정지 개월 수"),
                                 kind=FieldKind.INTEGER, minimum=1,
                                 maximum=MAX_SUSPENSION_MONTHS,
                                 help=Label("At most six months (Art. 255-3(3)); the benefits "
                                            "return by themselves when the period ends.",
                                            "6개월의 범위에서(제255조의3제3항). 기간이 끝나면 "
                                            "혜택은 "
                                            "자동으로 회복됩니다.")),
                           Field(name="suspended_from",
                                 label=Label("Takes effect on", "정지 시작일"),
                                 kind=FieldKind.DATE, future=True,
                                 follows=(After.entered("the certification took effect"),)),
                           Field(name="reasons", label=Label("Reasons", "사유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reasons", records=_suspended, notices=("aeo_suspension",)),
        Transition(trigger="restore_benefits", source=("benefits_suspended",),
                   dest="certified", roles=frozenset({SYSTEM}), article="Art. 255-3(3)",
                   label=Label("Benefits restored (suspension ended)", "혜택 회복(정지기간 종료)"),
                   outcome=Label("The suspension ended: your benefits are restored",
                                 "정지기간이 끝나 혜택이 회복되었습니다"),
                   records=_restored),
        Transition(trigger="lift_suspension", source=("benefits_suspended",), dest="certified",
                   roles=OFFICE, article="Art. 255-3(3)",
                   label=Label("Lift the suspension early", "정지 조기 해제"),
                   outcome=Label("The suspension was lifted: your benefits are restored",
                                 "정지가 해제되어 혜택이 회복되었습니다"),
                   guards=guarded,
                   fields=(Field(name="reasons", label=Label("Reasons", "사유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="reasons", records=_restored),
        Transition(trigger="order_correction", source=IN_FORCE, dest=STAYS, roles=OFFICE,
                   article="Art. 255-3(4)",
                   label=Label("Order a correction", "시정명령"),
                   outcome=Label("You were ordered to correct a ground for suspension",
                                 "시정명령을 받았습니다"),
                   guards=(*guarded, _no_order_pending, _ground_in_force),
                   fields=(Field(name="ground", label=Label("Ground to correct", "시정할 사유"),
                                 kind=FieldKind.CHOICE, choices=_choices(SUSPENSION_GROUNDS)),
                           Field(name="measures", label=Label("Measures ordered", "시정할 내용"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="measures", records=_ordered,
                   notices=("aeo_corrective_order",)),
        Transition(trigger="record_correction", source=IN_FORCE, dest=STAYS, roles=OPERATOR,
                   article="Art. 255-3(4)",
                   label=Label("Report the correction made", "시정 완료 보고"),
                   guards=(*guarded, _order_pending),
                   fields=(Field(name="what_was_done", label=Label("What was done", "시정 내용"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="what_was_done"),
        Transition(trigger="report_self_assessment", source=IN_FORCE, dest=STAYS,
                   roles=OPERATOR, article="Art. 255-4(2)",
                   label=Label("Report the self-assessment", "자율평가 결과 보고"),
                   guards=(*guarded, _self_assessment_owed),
                   fields=(Field(name="results",
                                 label=Label("Results per standard", "기준별 평가 결과"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="results", records=_self_assessed),
        Transition(trigger="record_verification", source=IN_FORCE, dest=STAYS, roles=OFFICE,
                   article="Art. 255-4(1)",
                   label=Label("Record the periodic verification", "정기 확인 기록"),
                   guards=(*guarded, _verification_owed),
                   fields=(Field(name="result", label=Label("Result", "결과"),
                                 kind=FieldKind.CHOICE, choices=_choices(VERIFICATION_RESULTS)),
                           Field(name="findings", label=Label("Findings", "확인 내용"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="findings", records=_verified),
        Transition(trigger="report_change", source=IN_FORCE, dest=STAYS, roles=OPERATOR,
                   article="Art. 255-4(3)",
                   label=Label("Report a change", "변동사항 보고"),
                   guards=(*guarded, _change_reportable),
                   fields=(Field(name="change", label=Label("Change", "변동사항"),
                                 kind=FieldKind.CHOICE, choices=_choices(CHANGES)),
                           Field(name="changed_on", label=Label("Day of the change", "변동일"),
                                 kind=FieldKind.DATE,
                                 help=Label("The 30 days to report are counted from the day "
                                            "after this day (Art. 255-4(3); Art. 8).",
                                            "보고기한 30일은 변동일 다음 날부터 기산합니다"
                                            "(제255조의4제3항, 제8조)."),
                                 follows_nothing="a change is reported after it happened; its "
                                                 "day is checked against the term"),
                           Field(name="material",
                                 label=Label("Material to the AEO status (report without delay)",
                                             "공인 유지에 중대한 영향(지체 없이 보고)"),
                                 kind=FieldKind.BOOLEAN, required=False),
                           Field(name="description", label=Label("Description", "내용"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="description", records=_change_reported),
        Transition(trigger="request_renewal", source=IN_FORCE, dest=STAYS, roles=OPERATOR,
                   article="Art. 255-2(5)",
                   label=Label("Request the renewal", "갱신 신청"),
                   guards=(*guarded, _renewal_not_requested),
                   fields=(Field(name="remarks", label=Label("Remarks", "비고"),
                                 kind=FieldKind.LONGTEXT, required=False),),
                   reason_field="remarks", records=_renewal_requested),
        Transition(trigger="renew", source=IN_FORCE, dest=STAYS, roles=OFFICE,
                   article="Art. 255-2(5)",
                   label=Label("Renew for five years", "갱신(5년)"),
                   outcome=Label("Your certification was renewed for five years",
                                 "공인이 5년간 갱신되었습니다"),
                   guards=(*guarded, _renewal_requested_guard, _standards_met),
                   fields=SCORES, records=_renewed, grants=CERTIFICATE,
                   notices=("aeo_certificate",)),
        Transition(trigger="refuse_renewal", source=IN_FORCE, dest=STAYS, roles=OFFICE,
                   article="Art. 255-2(5)",
                   label=Label("Refuse the renewal", "갱신 거부"),
                   outcome=Label("The renewal was refused: the certification ends with its "
                                 "term; you may appeal (Art. 119)",
                                 "갱신이 거부되어 공인은 유효기간 만료로 끝납니다. "
                                 "이에 대해 불복할 수 있습니다(제119조)"),
                   guards=(*guarded, _renewal_requested_guard),
                   fields=(Field(name="reasons", label=Label("Reasons", "사유"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="reasons", records=_renewal_refused,
                   notices=("aeo_renewal_refusal",)),
        Transition(trigger="lapse", source=IN_FORCE, dest="expired", roles=frozenset({SYSTEM}),
                   article="Art. 255-2(5)",
                   label=Label("Certification lapsed (term ended)", "유효기간 만료"),
                   outcome=Label("Your certification's term ended without renewal",
                                 "갱신 없이 공인 유효기간이 끝났습니다"),
                   ends_grant="expired"),

        Transition(trigger="record_compliance_measurement", source=(*PENDING, *IN_FORCE),
                   dest=STAYS, roles=OFFICE, article="Art. 255-7(1)",
                   label=Label("Record a compliance measurement", "안전관리 기준 준수도 측정 기록"),
                   fields=(*SCORES,
                           Field(name="notes", label=Label("Notes", "비고"),
                                 kind=FieldKind.LONGTEXT, required=False)),
                   reason_field="notes", records=_measured),

        # -- revocation (255-5) -----------------------------------------------------------
        Transition(trigger="establish_fraud", source=IN_FORCE, dest=STAYS, roles=OFFICE,
                   article="Art. 255-5 1",
                   label=Label("Establish fraud or improper means", "부정한 방법 확인"),
                   guards=guarded,
                   fields=(Field(name="findings", label=Label("Findings", "확인 내용"),
                                 kind=FieldKind.LONGTEXT),),
                   reason_field="findings", records=_fraud),
        Transition(trigger="revoke", source=IN_FORCE, dest="revoked", roles=OFFICE,
                   article="Art. 255-5",
                   label=Label("Revoke the certification", "공인 취소"),
                   outcome=Label("Your certification was revoked: you may appeal (Art. 119)",
                                 "공인이 취소되었습니다. 이에 대해 불복할 수 있습니다(제119조)"),
                   guards=(_revocation_ground,),
                   fields=(Field(name="ground", label=Label("Ground", "취소 사유"),
                                 kind=FieldKind.CHOICE, choices=_choices(REVOCATION_GROUNDS)),
                           Field(name="reasons", label=Label("Reasons", "사유"),
                                 kind=FieldKind.LONGTEXT)),
                   reason_field="reasons", records=_revoked, ends_grant="revoked",
                   notices=("aeo_revocation",)),
    ),
    configured=configured,
    subject=subject,
    facts=facts,
    settings=SETTINGS,
    online_filing=True,
    decided_states=frozenset({"pre_audit_notified", "certified", "refused"}),
    public_register=True,
    watches=(
        Watch(label=Label("AEO certifications ending within 7 months",
                          "7개월 이내에 끝나는 AEO 공인"), kind="validity", within_months=7),
        Watch(label=Label("AEO renewals not applied for in time", "기한 내 갱신 미신청 AEO"),
              kind="renewal_application", passed=True),
        Watch(label=Label("AEO benefits suspended, and the day they return",
                          "AEO 혜택 정지 및 회복일"), kind="suspension"),
        Watch(label=Label("AEO self-assessments not reported", "미보고 AEO 자율평가"),
              kind="self_assessment", passed=True),
        Watch(label=Label("AEO corrective orders not complied with", "미이행 AEO 시정명령"),
              kind="correction", passed=True),
    ),
    details=Details(table="aeo_certification_details", columns=(
        Detail(name="business_type", kind=FieldKind.CHOICE, indexed=True),
        Detail(name="grade", kind=FieldKind.CHOICE, indexed=True),
        Detail(name="valid_from", kind=FieldKind.DATE),
        Detail(name="valid_to", kind=FieldKind.DATE, indexed=True),
        Detail(name="term", kind=FieldKind.INTEGER),
        Detail(name="renewal_requested_on", kind=FieldKind.DATE),
    )),
    deadlines={
        "certified": IN_TERM,
        "benefits_suspended": (*IN_TERM, SUSPENSION),
    },
)
