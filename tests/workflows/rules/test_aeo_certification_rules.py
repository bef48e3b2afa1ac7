"""The rules of AEO certification (Arts. 255-2 to 255-7) as a table.

Read off ``workflows/procedures/aeo.py`` and the Act, row by row. The base case is an importer
certified from Monday 1 June 2026 for five years: the term runs from 00:00 of 1 June 2026 to
24:00 of 31 May 2031 (Art. 255-2(5); Civil Act Arts. 157 proviso, 160(2)); today is Wednesday
2 December 2026, in its first year, benefits in force.
"""

import pytest

from tests.workflows.rules.table import (
    ALLOWED,
    NEW,
    NOT_AVAILABLE,
    NOT_PERMITTED,
    Case,
    assert_covers,
    assert_rule,
    day,
    given,
    guard_failed,
    invalid_field,
    kst,
    open_until,
    rows,
)
from workflows.clock import end_of_legal_day
from workflows.engine import DeadlineView
from workflows.procedures.aeo import PROCEDURE, configured
from workflows.procedures.aeo import SETTINGS as AEO_SETTINGS

DEFAULTS = configured({s.name: s.default for s in AEO_SETTINGS}, {})
TERM = {"valid_from": "2026-06-01", "valid_to": "2031-05-31", "term": 1,
        "terms": [{"from": "2026-06-01", "to": "2031-05-31"}], "grade": "AA",
        "business_type": "importer", "self_assessment_year": 1,
        "self_assessment_from": "2027-06-01", "verification_year": 1,
        "verification_from": "2027-06-01"}
BASE = Case(now=kst(2026, 12, 2), data={**DEFAULTS, **TERM},
            open_deadlines={"validity": open_until("validity", "2031-05-31")},
            entered_on=day("2026-06-01"))


def missed(kind: str, last_day: str) -> DeadlineView:
    last = day(last_day)
    return DeadlineView(kind, last, end_of_legal_day(last), "missed")


AUDITED = given(data={"audit_steps_done": {"document_review": "2026-05-10",
                                           "on_site_audit": "2026-05-20"}},
                entered_on=day("2026-05-04"), now=kst(2026, 5, 29))
SCORES = {"legal_compliance": 92, "internal_control": 85, "financial_solvency": True,
          "safety_management": True}
CERTIFY = given(values={**SCORES, "valid_from": day("2026-06-01")}, **AUDITED)
SUSPENSION = {"ground": "standards_deficient", "scope": "all", "months": 3,
              "suspended_from": day("2026-12-07"), "reasons": "access control lapses"}
SUSPEND = given(values=SUSPENSION)
NOT_REPORTED = given(deadlines={"self_assessment": missed("self_assessment", "2027-06-30")},
                     values={**SUSPENSION, "ground": "self_assessment_not_reported",
                             "suspended_from": day("2027-07-06")},
                     now=kst(2027, 7, 5))
SELF_ASSESSMENT_OPEN = given(open_deadlines={"self_assessment": open_until("self_assessment",
                                                                           "2027-06-30")},
                             deadlines={"self_assessment": open_until("self_assessment",
                                                                      "2027-06-30")},
                             now=kst(2027, 6, 10))
VERIFICATION_OPEN = given(deadlines={"verification": open_until("verification", "2027-08-31")},
                          now=kst(2027, 6, 10))
ORDERED = given(open_deadlines={"correction": open_until("correction", "2027-01-04")},
                deadlines={"correction": open_until("correction", "2027-01-04")})
ORDER_MISSED = given(deadlines={"correction": missed("correction", "2027-01-04")},
                     now=kst(2027, 1, 6))
ORDER = given(values={"ground": "standards_deficient", "measures": "fix the gate log"})
CHANGE = given(values={"change": "merger", "changed_on": day("2026-11-20"),
                       "description": "merged with Hanbit Logistics"})
RENEWAL_REQUESTED = given(data={"renewal_requested_on": "2030-11-20"}, values=SCORES,
                          now=kst(2030, 12, 1))
FRAUD = given(data={"fraud_established_on": "2026-11-30"})
FIVE = given(data={"suspensions": ["2026-06-10", "2026-08-01", "2026-10-01", "2026-11-01",
                                   "2026-11-20"]}, values={"ground": "4"})
FOUR = given(data={"suspensions": ["2026-06-10", "2026-08-01", "2026-10-01", "2026-11-01"]},
             values={"ground": "4"})

TABLE = [
    # -- the preliminary audit, on the publicly notified matters (Art. 255-2(3)-(4)) ---------
    (NEW, "duty_payer", "request_pre_audit", ALLOWED),
    (NEW, "officer", "request_pre_audit", ALLOWED),
    (NEW, "supervisor", "request_pre_audit", ALLOWED),
    (NEW, "system", "request_pre_audit", NOT_PERMITTED),
    ("pre_audit_requested", "duty_payer", "request_pre_audit", NOT_AVAILABLE),
    ("pre_audit_requested", "officer", "notify_pre_audit", ALLOWED),
    ("pre_audit_requested", "supervisor", "notify_pre_audit", ALLOWED),
    ("pre_audit_requested", "duty_payer", "notify_pre_audit", NOT_PERMITTED),
    ("pre_audit_requested", "system", "notify_pre_audit", NOT_PERMITTED),
    ("audit_requested", "officer", "notify_pre_audit", NOT_AVAILABLE),

    # -- the certification audit, on request (Art. 255-2(2)) ---------------------------------
    (NEW, "duty_payer", "request_audit", ALLOWED),
    (NEW, "officer", "request_audit", ALLOWED),
    (NEW, "supervisor", "request_audit", ALLOWED),
    (NEW, "system", "request_audit", NOT_PERMITTED),
    ("certified", "duty_payer", "request_audit", NOT_AVAILABLE),
    ("pre_audit_notified", "duty_payer", "proceed_to_audit", ALLOWED),
    ("pre_audit_notified", "officer", "proceed_to_audit", ALLOWED),
    ("pre_audit_notified", "supervisor", "proceed_to_audit", ALLOWED),
    ("pre_audit_notified", "system", "proceed_to_audit", NOT_PERMITTED),
    ("pre_audit_requested", "duty_payer", "proceed_to_audit", NOT_AVAILABLE),  # result first
    ("audit_requested", "officer", "start_audit", ALLOWED),
    ("audit_requested", "supervisor", "start_audit", ALLOWED),
    ("audit_requested", "duty_payer", "start_audit", NOT_PERMITTED),
    ("audit_requested", "system", "start_audit", NOT_PERMITTED),
    ("under_audit", "officer", "start_audit", NOT_AVAILABLE),
    ("under_audit", "officer", "record_audit_step", ALLOWED,
     given(values={"step": "document_review", "findings": "documents complete"})),
    ("under_audit", "supervisor", "record_audit_step", ALLOWED),
    ("under_audit", "duty_payer", "record_audit_step", NOT_PERMITTED),
    ("under_audit", "system", "record_audit_step", NOT_PERMITTED),
    ("certified", "officer", "record_audit_step", NOT_AVAILABLE),
    ("under_audit", "officer", "record_audit_step", invalid_field("choose one of the listed"),
     given(raw={"step": "interview", "findings": "x"})),

    # -- certification with a grade, or refusal (Art. 255-2(1)) -----------------------------
    ("under_audit", "officer", "certify", ALLOWED, CERTIFY),
    ("under_audit", "supervisor", "certify", ALLOWED, CERTIFY),
    ("under_audit", "duty_payer", "certify", NOT_PERMITTED, CERTIFY),
    ("under_audit", "system", "certify", NOT_PERMITTED, CERTIFY),
    ("certified", "officer", "certify", NOT_AVAILABLE),
    ("under_audit", "officer", "certify", guard_failed("the audit has not recorded: on-site"),
     given(values={**SCORES, "valid_from": day("2026-06-01")}, now=kst(2026, 5, 29),
           entered_on=day("2026-05-04"),
           data={"audit_steps_done": {"document_review": "2026-05-10"}})),
    ("under_audit", "officer", "certify",
     guard_failed("the standards are not met (financial solvency)"),
     given(values={**SCORES, "financial_solvency": False, "valid_from": day("2026-06-01")},
           **{k: v for k, v in AUDITED.items() if k != "values"})),
    ("under_audit", "officer", "certify", guard_failed("the scores earn no grade"),
     given(values={**SCORES, "legal_compliance": 79, "valid_from": day("2026-06-01")},
           **{k: v for k, v in AUDITED.items() if k != "values"})),
    ("under_audit", "officer", "certify", guard_failed("the scores earn no grade"),
     given(values={**SCORES, "internal_control": 79, "valid_from": day("2026-06-01")},
           **{k: v for k, v in AUDITED.items() if k != "values"})),
    ("under_audit", "officer", "certify", invalid_field("before the audit began on 2026-05-04"),
     given(values={**SCORES, "valid_from": day("2026-05-01")},
           **{k: v for k, v in AUDITED.items() if k != "values"})),
    ("under_audit", "officer", "certify",
     guard_failed("cannot take effect before it is granted (2026-05-29)"),
     given(values={**SCORES, "valid_from": day("2026-05-28")},
           **{k: v for k, v in AUDITED.items() if k != "values"})),
    ("under_audit", "officer", "certify", invalid_field("at most 100"),
     given(raw={"legal_compliance": "101", "internal_control": "85", "valid_from": "2026-06-01"},
           **{k: v for k, v in AUDITED.items() if k != "values"})),
    ("under_audit", "officer", "refuse", ALLOWED),
    ("under_audit", "supervisor", "refuse", ALLOWED),
    ("under_audit", "duty_payer", "refuse", NOT_PERMITTED),
    ("under_audit", "system", "refuse", NOT_PERMITTED),
    ("audit_requested", "officer", "refuse", NOT_AVAILABLE),  # refused only after an audit
    ("pre_audit_requested", "duty_payer", "withdraw", ALLOWED),
    ("audit_requested", "officer", "withdraw", ALLOWED),
    ("under_audit", "supervisor", "withdraw", ALLOWED),
    ("under_audit", "system", "withdraw", NOT_PERMITTED),
    ("certified", "duty_payer", "withdraw", NOT_AVAILABLE),
    ("refused", "duty_payer", "withdraw", NOT_AVAILABLE),  # a refusal is appealed, not withdrawn
    ("withdrawn", "duty_payer", "withdraw", NOT_AVAILABLE),

    # -- suspension of benefits, all or part, up to six months (Art. 255-3(3)) ---------------
    ("certified", "officer", "suspend_benefits", ALLOWED, SUSPEND),
    ("certified", "supervisor", "suspend_benefits", ALLOWED, SUSPEND),
    ("certified", "duty_payer", "suspend_benefits", NOT_PERMITTED, SUSPEND),
    ("certified", "system", "suspend_benefits", NOT_PERMITTED, SUSPEND),
    ("benefits_suspended", "officer", "suspend_benefits", NOT_AVAILABLE, SUSPEND),
    ("certified", "officer", "suspend_benefits", ALLOWED, NOT_REPORTED),  # the Act's ground
    ("certified", "officer", "suspend_benefits", guard_failed("no self-assessment report has "
                                                              "been missed"),
     given(values={**SUSPENSION, "ground": "self_assessment_not_reported"})),
    ("certified", "officer", "suspend_benefits", guard_failed("not in force"),
     given(values=SUSPENSION, data={"suspension_grounds": ["self_assessment_not_reported"]})),
    ("certified", "officer", "suspend_benefits", guard_failed("name the benefits suspended"),
     given(values={**SUSPENSION, "scope": "part"})),
    ("certified", "officer", "suspend_benefits", ALLOWED,
     given(values={**SUSPENSION, "scope": "part", "benefits": "reduced inspection rate"})),
    ("certified", "officer", "suspend_benefits", guard_failed("outside the certification's term"),
     given(values={**SUSPENSION, "suspended_from": day("2031-06-01")})),
    ("certified", "officer", "suspend_benefits",  # a disposition for the time ahead
     guard_failed("cannot take effect before it is decided (2026-12-02)"),
     given(values={**SUSPENSION, "suspended_from": day("2026-12-01")})),
    ("certified", "officer", "suspend_benefits", ALLOWED,  # from the day it is decided
     given(values={**SUSPENSION, "suspended_from": day("2026-12-02")})),
    ("certified", "officer", "suspend_benefits", invalid_field("at most 6"),
     given(raw={**{k: str(v) for k, v in SUSPENSION.items()}, "months": "7"})),
    ("certified", "officer", "suspend_benefits", guard_failed("must be revoked"),
     given(values=SUSPENSION, **FRAUD)),
    ("benefits_suspended", "system", "restore_benefits", ALLOWED),
    ("benefits_suspended", "officer", "restore_benefits", NOT_PERMITTED),
    ("benefits_suspended", "supervisor", "restore_benefits", NOT_PERMITTED),
    ("benefits_suspended", "duty_payer", "restore_benefits", NOT_PERMITTED),
    ("certified", "system", "restore_benefits", NOT_AVAILABLE),
    ("benefits_suspended", "officer", "lift_suspension", ALLOWED),
    ("benefits_suspended", "supervisor", "lift_suspension", ALLOWED),
    ("benefits_suspended", "duty_payer", "lift_suspension", NOT_PERMITTED),
    ("benefits_suspended", "system", "lift_suspension", NOT_PERMITTED),
    ("certified", "officer", "lift_suspension", NOT_AVAILABLE),
    ("benefits_suspended", "officer", "lift_suspension", guard_failed("must be revoked"), FRAUD),

    # -- corrective order and its compliance (Art. 255-3(4)) ---------------------------------
    ("certified", "officer", "order_correction", ALLOWED, ORDER),
    ("benefits_suspended", "supervisor", "order_correction", ALLOWED, ORDER),
    ("certified", "duty_payer", "order_correction", NOT_PERMITTED, ORDER),
    ("certified", "system", "order_correction", NOT_PERMITTED, ORDER),
    ("under_audit", "officer", "order_correction", NOT_AVAILABLE, ORDER),
    ("certified", "officer", "order_correction", guard_failed("pending until 2027-01-04"),
     given(values=ORDER["values"], **ORDERED)),
    ("certified", "officer", "order_correction", guard_failed("not in force"),
     given(values=ORDER["values"], data={"suspension_grounds": ["self_assessment_not_reported"]})),
    ("certified", "officer", "order_correction", guard_failed("must be revoked"),
     given(values=ORDER["values"], **FRAUD)),
    ("certified", "duty_payer", "record_correction", ALLOWED, ORDERED),
    ("certified", "officer", "record_correction", ALLOWED, ORDER_MISSED),  # late, recorded
    ("certified", "supervisor", "record_correction", ALLOWED, ORDERED),
    ("certified", "system", "record_correction", NOT_PERMITTED, ORDERED),
    ("revoked", "duty_payer", "record_correction", NOT_AVAILABLE),
    ("certified", "duty_payer", "record_correction", guard_failed("no corrective order"),),
    ("certified", "duty_payer", "record_correction", guard_failed("must be revoked"),
     given(**ORDERED, **FRAUD)),

    # -- self-assessment and periodic verification (Art. 255-4(1)-(2)) -----------------------
    ("certified", "duty_payer", "report_self_assessment", ALLOWED, SELF_ASSESSMENT_OPEN),
    ("benefits_suspended", "officer", "report_self_assessment", ALLOWED, SELF_ASSESSMENT_OPEN),
    ("certified", "supervisor", "report_self_assessment", ALLOWED, SELF_ASSESSMENT_OPEN),
    ("certified", "system", "report_self_assessment", NOT_PERMITTED, SELF_ASSESSMENT_OPEN),
    ("expired", "duty_payer", "report_self_assessment", NOT_AVAILABLE),
    ("certified", "duty_payer", "report_self_assessment",
     guard_failed("no self-assessment is owed now: the next is owed from 2027-06-01")),
    # Its deadline is on the case from the certification, but the year has not ended yet.
    ("certified", "duty_payer", "report_self_assessment",
     guard_failed("no self-assessment is owed now: the next is owed from 2027-06-01"),
     given(deadlines={"self_assessment": open_until("self_assessment", "2027-06-30")})),
    ("certified", "officer", "record_verification", guard_failed("no periodic verification"),
     given(deadlines={"verification": open_until("verification", "2027-08-31")})),
    ("certified", "duty_payer", "report_self_assessment", guard_failed("must be revoked"),
     given(**SELF_ASSESSMENT_OPEN, **FRAUD)),
    ("certified", "officer", "record_verification", ALLOWED, VERIFICATION_OPEN),
    ("benefits_suspended", "supervisor", "record_verification", ALLOWED, VERIFICATION_OPEN),
    ("certified", "duty_payer", "record_verification", NOT_PERMITTED, VERIFICATION_OPEN),
    ("certified", "system", "record_verification", NOT_PERMITTED, VERIFICATION_OPEN),
    ("under_audit", "officer", "record_verification", NOT_AVAILABLE),
    ("certified", "officer", "record_verification", guard_failed("no periodic verification")),
    ("certified", "officer", "record_verification", guard_failed("must be revoked"),
     given(**VERIFICATION_OPEN, **FRAUD)),

    # -- change reports within 30 days (Art. 255-4(3)) -------------------------------------
    ("certified", "duty_payer", "report_change", ALLOWED, CHANGE),
    ("benefits_suspended", "officer", "report_change", ALLOWED, CHANGE),
    ("certified", "supervisor", "report_change", ALLOWED, CHANGE),
    ("certified", "system", "report_change", NOT_PERMITTED, CHANGE),
    ("revoked", "duty_payer", "report_change", NOT_AVAILABLE, CHANGE),
    ("certified", "duty_payer", "report_change", guard_failed("not on the publicly notified"),
     given(values={**CHANGE["values"], "change": "key_staff"},
           data={"reportable_changes": ["transfer", "acquisition", "split", "merger"]})),
    ("certified", "duty_payer", "report_change", guard_failed("precedes the certification"),
     given(values={**CHANGE["values"], "changed_on": day("2026-05-20")})),
    ("certified", "duty_payer", "report_change", invalid_field("after today"),
     given(raw={"change": "merger", "changed_on": "2026-12-03", "description": "x"})),
    ("certified", "duty_payer", "report_change", guard_failed("must be revoked"),
     given(values=CHANGE["values"], **FRAUD)),

    # -- renewal for a new five-year term (Art. 255-2(5)) ----------------------------------
    ("certified", "duty_payer", "request_renewal", ALLOWED),
    ("benefits_suspended", "officer", "request_renewal", ALLOWED),
    ("certified", "supervisor", "request_renewal", ALLOWED),
    ("certified", "system", "request_renewal", NOT_PERMITTED),
    ("expired", "duty_payer", "request_renewal", NOT_AVAILABLE),  # too late: apply anew
    ("certified", "duty_payer", "request_renewal", guard_failed("was requested on 2030-11-20"),
     RENEWAL_REQUESTED),
    ("certified", "duty_payer", "request_renewal", guard_failed("must be revoked"), FRAUD),
    ("certified", "officer", "renew", ALLOWED, RENEWAL_REQUESTED),
    ("benefits_suspended", "supervisor", "renew", ALLOWED, RENEWAL_REQUESTED),
    ("certified", "duty_payer", "renew", NOT_PERMITTED, RENEWAL_REQUESTED),
    ("certified", "system", "renew", NOT_PERMITTED, RENEWAL_REQUESTED),
    ("expired", "officer", "renew", NOT_AVAILABLE),
    ("certified", "officer", "renew", guard_failed("no renewal has been requested"),
     given(values=SCORES)),
    ("certified", "officer", "renew", guard_failed("the scores earn no grade"),
     given(data=RENEWAL_REQUESTED["data"], values={**SCORES, "legal_compliance": 60})),
    ("certified", "officer", "renew", guard_failed("must be revoked"),
     given(values=SCORES, now=kst(2030, 12, 1),
           data={**RENEWAL_REQUESTED["data"], **FRAUD["data"]})),
    ("certified", "officer", "refuse_renewal", ALLOWED, RENEWAL_REQUESTED),
    ("certified", "supervisor", "refuse_renewal", ALLOWED, RENEWAL_REQUESTED),
    ("certified", "duty_payer", "refuse_renewal", NOT_PERMITTED, RENEWAL_REQUESTED),
    ("certified", "system", "refuse_renewal", NOT_PERMITTED, RENEWAL_REQUESTED),
    ("revoked", "officer", "refuse_renewal", NOT_AVAILABLE),
    ("certified", "officer", "refuse_renewal", guard_failed("no renewal has been requested")),
    ("certified", "officer", "refuse_renewal", guard_failed("must be revoked"),
     given(data={**RENEWAL_REQUESTED["data"], **FRAUD["data"]})),
    ("certified", "system", "lapse", ALLOWED),
    ("benefits_suspended", "system", "lapse", ALLOWED),
    ("certified", "officer", "lapse", NOT_PERMITTED),
    ("certified", "supervisor", "lapse", NOT_PERMITTED),
    ("certified", "duty_payer", "lapse", NOT_PERMITTED),
    ("expired", "system", "lapse", NOT_AVAILABLE),

    # -- compliance measurement, applied for or not (Art. 255-7) --------------------------
    ("under_audit", "officer", "record_compliance_measurement", ALLOWED, given(values=SCORES)),
    ("certified", "supervisor", "record_compliance_measurement", ALLOWED, given(values=SCORES)),
    ("certified", "duty_payer", "record_compliance_measurement", NOT_PERMITTED),
    ("certified", "system", "record_compliance_measurement", NOT_PERMITTED),
    ("revoked", "officer", "record_compliance_measurement", NOT_AVAILABLE),

    # -- revocation: six grounds, the first mandatory (Art. 255-5) -------------------------
    ("certified", "officer", "establish_fraud", ALLOWED),
    ("benefits_suspended", "supervisor", "establish_fraud", ALLOWED),
    ("certified", "duty_payer", "establish_fraud", NOT_PERMITTED),
    ("certified", "system", "establish_fraud", NOT_PERMITTED),
    ("under_audit", "officer", "establish_fraud", NOT_AVAILABLE),
    ("certified", "officer", "establish_fraud", guard_failed("must be revoked"), FRAUD),
    ("certified", "officer", "revoke", ALLOWED, given(values={"ground": "3"})),
    ("benefits_suspended", "supervisor", "revoke", ALLOWED, given(values={"ground": "6"})),
    ("certified", "duty_payer", "revoke", NOT_PERMITTED),
    ("certified", "system", "revoke", NOT_PERMITTED),
    ("expired", "officer", "revoke", NOT_AVAILABLE),
    ("certified", "officer", "revoke", ALLOWED, given(values={"ground": "1"}, **FRAUD)),
    ("certified", "officer", "revoke", guard_failed("revoke on ground 1, which is mandatory"),
     given(values={"ground": "3"}, **FRAUD)),
    ("certified", "officer", "revoke", guard_failed("no transfer, acquisition, split or merger"),
     given(values={"ground": "2"})),
    ("certified", "officer", "revoke", ALLOWED,
     given(values={"ground": "2"}, data={"structural_change": "2026-11-20"})),
    ("certified", "officer", "revoke", ALLOWED, FIVE),  # the fifth suspension in the term
    ("certified", "officer", "revoke", guard_failed("suspended 4 times in this term"), FOUR),
    ("certified", "officer", "revoke", guard_failed("no corrective order has gone uncomplied"),
     given(values={"ground": "5"}, **ORDERED)),
    ("certified", "officer", "revoke", ALLOWED, given(values={"ground": "5"}, **ORDER_MISSED)),
]


@pytest.mark.parametrize(("state", "role", "trigger", "expected", "changes"), rows(TABLE))
def test_aeo_rule(state, role, trigger, expected, changes):
    assert_rule(PROCEDURE, BASE, state, role, trigger, expected, changes)


def test_the_table_covers_every_state_action_and_guard():
    assert_covers(PROCEDURE, TABLE, BASE)
