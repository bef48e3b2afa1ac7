"""AEO certification read against the Act (Arts. 255-2 to 255-7), on the real database, with
the sweep that enforces its terms.

Counting, by hand. A term "from D" begins at 00:00 of D, which counts (Civil Act Art. 157
proviso), and ends at 24:00 of the day before the corresponding day five years on (160(2)), or
on the last day of the month when that year has no such day (160(3)); it is never rolled over
(Art. 8(3) moves the last day of a period to act in, not the end of a validity). The 30 days
of a change report (Art. 255-4(3)) are an Art. 8 period: the day of the change is not counted,
a last day on a Saturday, Sunday or public holiday rolls to the next working day.
"""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Authorisation, Case, Deadline
from backoffice.workflow import open_procedure_case
from tests.procedure_helpers import act, deadline, events, kst, refused, sweep
from workflows import clock
from workflows.procedures.aeo import suspensions_in_term

SCORES = {"legal_compliance": "92", "internal_control": "85", "financial_solvency": "y",
          "safety_management": "y"}


@pytest.fixture
def certify(people):
    """A certification audit requested on ``requested``, audited in both steps, certified
    from ``valid_from`` (on that day, at 10:00)."""
    def certified(valid_from: date, requested: date | None = None) -> Case:
        requested = requested or date(valid_from.year - (valid_from.month == 1),
                                      (valid_from.month - 2) % 12 + 1, 1)
        at = kst(requested.year, requested.month, requested.day, 10)
        with clock.frozen(at):
            case = open_procedure_case(
                "aeo_certification", party=people["payer"].party, office=people["office"],
                actor=people["payer"], assigned_officer=people["officer"],
                values={"business_type": "importer"}, trigger="request_audit")
            db.session.commit()
        officer = people["officer"]
        act(case, "start_audit", officer, at)
        act(case, "record_audit_step", officer, at, step="document_review", findings="complete")
        act(case, "record_audit_step", officer, at, step="on_site_audit", findings="gate ok")
        moment = kst(valid_from.year, valid_from.month, valid_from.day, 10)
        act(case, "certify", officer, moment, valid_from=valid_from.isoformat(), **SCORES)
        return case

    return certified


def certificates(case: Case) -> list[Authorisation]:
    return list(db.session.scalars(
        select(Authorisation).where(Authorisation.case_id == case.id)
        .order_by(Authorisation.id)))


# -- the term of five years (Art. 255-2(5)) ----------------------------------------------------


def test_a_term_from_a_leap_day_ends_on_the_last_day_of_february_five_years_on(certify):
    # From 29 Feb 2024: 2029 has no 29 February, so the term ends on the last day of that
    # month, 28 Feb 2029 (Civil Act Art. 160(3)).
    case = certify(date(2024, 2, 29))
    term = deadline(case, "validity")
    assert (term.starts_on, term.due_date) == (date(2024, 2, 29), date(2029, 2, 28))
    assert term.due_at == kst(2029, 3, 1, 0, 0)
    assert case.data["valid_to"] == "2029-02-28"
    assert case.data["grade"] == "AA"  # legal compliance 92: AA from 90, AAA from 95


def test_a_term_from_a_month_end_ends_the_day_before_the_corresponding_day(certify):
    # From 31 Aug 2026: the corresponding day is 31 Aug 2031; the term ends the day before.
    case = certify(date(2026, 8, 31))
    assert deadline(case, "validity").due_date == date(2031, 8, 30)
    certificate, = certificates(case)
    assert (certificate.kind, certificate.valid_from, certificate.valid_to) == (
        "aeo", date(2026, 8, 31), date(2031, 8, 30))
    assert certificate.number == f"{case.reference}-1"


def test_the_end_of_a_term_is_not_rolled_over_a_holiday(certify):
    # From Mon 2 Mar 2026 the term ends on Sat 1 Mar 2031, Independence Movement Day: a
    # deadline for an act would roll to Mon 3 Mar (Art. 8(3)); the end of a validity does not.
    case = certify(date(2026, 3, 2))
    term = deadline(case, "validity")
    assert term.due_date == date(2031, 3, 1)
    assert not term.rollover


def test_a_term_not_renewed_lapses_by_the_sweep_once_at_its_legal_moment(certify):
    case = certify(date(2026, 3, 2))
    assert sweep(kst(2031, 3, 1, 23, 59)).fired == 0
    assert sweep(kst(2031, 3, 2, 0, 0, 30)).fired == 1
    assert sweep(kst(2031, 3, 2, 0, 5)).fired == 0  # never twice
    db.session.expire_all()
    assert case.state == "expired"
    lapse = [e for e in events(case) if e.trigger == "lapse"]
    assert len(lapse) == 1
    assert lapse[0].effective_at == kst(2031, 3, 2, 0, 0)
    assert lapse[0].article == "Art. 255-2(5)"
    assert certificates(case)[0].status == "expired"


def test_a_renewal_starts_the_day_after_the_old_term_ends_without_gap_or_overlap(certify,
                                                                                 people):
    # Old term 2 Mar 2026 to 1 Mar 2031; the renewal, granted on 10 Jan 2031, runs from
    # 2 Mar 2031 to 1 Mar 2036 (the day before 2 Mar 2036).
    case = certify(date(2026, 3, 2))
    act(case, "request_renewal", people["payer"], kst(2030, 8, 20, 9))
    assert deadline(case, "renewal_application").status == "met"
    act(case, "renew", people["officer"], kst(2031, 1, 10, 14), **SCORES)
    old, new = certificates(case)
    assert old.valid_to == date(2031, 3, 1)
    assert new.valid_from == date(2031, 3, 2) == old.valid_to.fromordinal(
        old.valid_to.toordinal() + 1)
    assert new.valid_to == date(2036, 3, 1)
    assert new.number == f"{case.reference}-2"
    term = deadline(case, "validity")
    assert (term.starts_on, term.due_date, term.status) == (date(2031, 3, 2), date(2036, 3, 1),
                                                            "open")
    assert sweep(kst(2031, 3, 2, 0, 1)).fired == 0  # the old end passes: nothing lapses
    db.session.expire_all()
    assert case.state == "certified"


def test_the_renewal_application_is_due_six_months_before_the_end(certify):
    # Term 2 Mar 2026 to 1 Mar 2031; 54 months from 00:00 of 2 Mar 2026 end on 1 Sep 2030,
    # six months before the end. That is a Sunday: an application's last day rolls to Mon
    # 2 Sep (Art. 8(3)). The reminder comes a month earlier, on 2 Aug 2030.
    case = certify(date(2026, 3, 2))
    due = deadline(case, "renewal_application")
    assert due.due_date == date(2030, 9, 2)
    assert date(2030, 8, 2) in [date.fromisoformat(d) for d in due.reminders]


# -- suspension of benefits (Art. 255-3(3)) ---------------------------------------------------


def suspend(case, people, at, suspended_from: date, months: int = 6) -> None:
    act(case, "suspend_benefits", people["officer"], at, ground="standards_deficient",
        scope="all", months=str(months), suspended_from=suspended_from.isoformat(),
        reasons="access control lapses")


def test_a_six_month_suspension_ends_on_its_day_and_the_benefits_come_back(certify, people):
    # From 00:00 of 1 Sep 2026, six months: the day before 1 Mar 2027, i.e. 28 Feb 2027,
    # never rolled over; the benefits return at 00:00 of 1 Mar 2027.
    case = certify(date(2026, 6, 1))
    suspend(case, people, kst(2026, 8, 28, 15), date(2026, 9, 1))
    assert case.state == "benefits_suspended"
    period = deadline(case, "suspension")
    assert period.due_date == date(2027, 2, 28)
    assert sweep(kst(2027, 2, 28, 23, 59)).fired == 0
    assert sweep(kst(2027, 3, 1, 0, 0, 30)).fired == 1
    db.session.expire_all()
    assert case.state == "certified"
    restored = events(case)[-1]
    assert (restored.trigger, restored.effective_at) == ("restore_benefits",
                                                          kst(2027, 3, 1, 0, 0))
    assert deadline(case, "validity").status == "open"  # the term ran on through it


def test_the_fifth_suspension_in_a_term_opens_revocation_ground_4_the_fourth_does_not(
        certify, people):
    case = certify(date(2026, 6, 1))
    for month in (7, 8, 9, 10):
        suspend(case, people, kst(2026, month, 1, 10), date(2026, month, 1), months=1)
        act(case, "lift_suspension", people["officer"], kst(2026, month, 2, 10),
            reasons="corrected")
    assert suspensions_in_term(case.data, date(2026, 11, 1)) == 4
    problem = refused(case, "revoke", people["officer"], kst(2026, 11, 2, 10), ground="4",
                      reasons="repeated suspensions")
    assert "suspended 4 times in this term" in problem.message
    suspend(case, people, kst(2026, 11, 3, 10), date(2026, 11, 3), months=1)
    act(case, "revoke", people["officer"], kst(2026, 11, 4, 10), ground="4",
        reasons="repeated suspensions")
    assert case.state == "revoked"
    assert certificates(case)[0].status == "revoked"


def test_the_count_of_suspensions_starts_again_with_a_new_term(certify, people):
    case = certify(date(2026, 3, 2))
    for month in (4, 5, 6, 7, 8):
        suspend(case, people, kst(2030, month, 1, 10), date(2030, month, 1), months=1)
        act(case, "lift_suspension", people["officer"], kst(2030, month, 2, 10),
            reasons="corrected")
    act(case, "request_renewal", people["payer"], kst(2030, 8, 20, 9))
    act(case, "renew", people["officer"], kst(2031, 1, 10, 14), **SCORES)
    # Still in the old term on 20 Feb 2031: five suspensions, ground 4 open.
    assert suspensions_in_term(case.data, date(2031, 2, 20)) == 5
    # The new term began on 2 Mar 2031: none yet.
    assert suspensions_in_term(case.data, date(2031, 3, 10)) == 0
    problem = refused(case, "revoke", people["officer"], kst(2031, 3, 10, 10), ground="4",
                      reasons="repeated suspensions")
    assert "suspended 0 times in this term" in problem.message


# -- change reports (Art. 255-4(3)) -----------------------------------------------------------


def test_a_change_reported_after_its_30_days_is_recorded_late_with_its_days(certify, people):
    # Change on Wed 1 Jul 2026: 30 days from 2 Jul end Fri 31 Jul. Reported on Wed 5 Aug:
    # five days late.
    case = certify(date(2026, 6, 1))
    act(case, "report_change", people["payer"], kst(2026, 8, 5, 11), change="address",
        changed_on="2026-07-01", description="moved to Incheon")
    report = case.data["changes"][-1]
    assert (report["due"], report["late_days"]) == ("2026-07-31", 5)


def test_a_change_reports_30_days_roll_over_a_weekend_and_a_substitute_holiday(certify, people):
    # Change on Fri 4 Sep 2026: 30 days from 5 Sep end Sun 4 Oct; Mon 5 Oct is the substitute
    # holiday for National Foundation Day (Sat 3 Oct), so the last day is Tue 6 Oct. Reported
    # on 6 Oct: in time.
    case = certify(date(2026, 6, 1))
    act(case, "report_change", people["payer"], kst(2026, 10, 6, 17), change="representative",
        changed_on="2026-09-04", description="new CEO")
    report = case.data["changes"][-1]
    assert (report["due"], report["late_days"]) == ("2026-10-06", 0)


def test_a_merger_reported_opens_revocation_ground_2(certify, people):
    case = certify(date(2026, 6, 1))
    problem = refused(case, "revoke", people["officer"], kst(2026, 9, 1, 10), ground="2",
                      reasons="not the same entity")
    assert "no transfer, acquisition, split or merger" in problem.message
    act(case, "report_change", people["payer"], kst(2026, 9, 2, 10), change="merger",
        changed_on="2026-08-25", material="y", description="merged into Hanbit Holdings")
    act(case, "revoke", people["officer"], kst(2026, 9, 10, 10), ground="2",
        reasons="not the same entity")
    assert case.state == "revoked"


# -- self-assessment each year (Art. 255-4(2)) --------------------------------------------------


def test_a_self_assessment_is_owed_each_year_and_a_missed_one_is_the_acts_ground(certify,
                                                                                 people):
    # Certified from 1 Jun 2026: the first year ends 31 May 2027; its report is owed within a
    # month from 00:00 of 1 Jun 2027, i.e. by 30 Jun 2027 (Wed).
    case = certify(date(2026, 6, 1))
    owed = deadline(case, "self_assessment")
    assert (owed.starts_on, owed.due_date) == (date(2027, 6, 1), date(2027, 6, 30))
    problem = refused(case, "suspend_benefits", people["officer"], kst(2027, 6, 15, 10),
                      ground="self_assessment_not_reported", scope="all", months="3",
                      suspended_from="2027-06-16", reasons="not reported")
    assert "no self-assessment report has been missed" in problem.message
    sweep(kst(2027, 7, 1, 0, 5))  # the period passes: flagged, not a transition
    db.session.expire_all()
    assert deadline(case, "self_assessment").status == "missed"
    suspend_for_missed = {"ground": "self_assessment_not_reported", "scope": "all",
                          "months": "3", "suspended_from": "2027-07-06", "reasons": "late"}
    act(case, "suspend_benefits", people["officer"], kst(2027, 7, 5, 10), **suspend_for_missed)
    # Reported late while suspended: the next year's report is owed from 1 Jun 2028, and the
    # year already owed is not opened again when the benefits come back.
    act(case, "report_self_assessment", people["payer"], kst(2027, 7, 20, 10),
        results="all standards kept")
    nxt = deadline(case, "self_assessment")
    assert (nxt.starts_on, nxt.due_date, nxt.status) == (date(2028, 6, 1), date(2028, 6, 30),
                                                          "open")
    sweep(kst(2027, 10, 6, 0, 1))  # 3 months from 6 Jul end 5 Oct: benefits back
    db.session.expire_all()
    assert case.state == "certified"
    years = db.session.scalars(select(Deadline.due_date).where(
        Deadline.case_id == case.id, Deadline.kind == "self_assessment")).all()
    assert sorted(years) == [date(2027, 6, 30), date(2028, 6, 30)]


# -- fraud (Art. 255-5 proviso) -----------------------------------------------------------------


def test_once_fraud_is_established_the_certification_can_only_be_revoked(certify, people):
    case = certify(date(2026, 6, 1))
    act(case, "establish_fraud", people["officer"], kst(2026, 9, 1, 10),
        findings="forged financial statements")
    problem = refused(case, "order_correction", people["officer"], kst(2026, 9, 2, 10),
                      ground="standards_deficient", measures="x")
    assert "must be revoked" in problem.message
    problem = refused(case, "revoke", people["officer"], kst(2026, 9, 2, 10), ground="3",
                      reasons="standards")
    assert "revoke on ground 1, which is mandatory" in problem.message
    act(case, "revoke", people["officer"], kst(2026, 9, 2, 10), ground="1",
        reasons="forged financial statements")
    assert case.state == "revoked"
    assert case.data["revocation_ground"] == "1"


# -- compliance measurement (Art. 255-7) --------------------------------------------------------


def test_a_compliance_measurement_is_kept_per_criterion_and_shown_on_the_certification(
        certify, people):
    from workflows.procedures.aeo import facts

    case = certify(date(2026, 6, 1))
    act(case, "record_compliance_measurement", people["officer"], kst(2026, 11, 10, 10),
        legal_compliance="88", internal_control="81", financial_solvency="y",
        safety_management="", notes="gate log gaps")
    measured = case.data["compliance_measurements"][-1]
    assert measured == {"on": "2026-11-10", "legal_compliance": 88, "internal_control": 81,
                        "financial_solvency": True, "safety_management": False}
    shown = {f.label.en: f.value for f in facts(case.data, date(2026, 11, 11))}
    latest = shown["Latest compliance measurement (Art. 255-7)"]
    assert "legal compliance 88" in latest.en and "법규준수 88점" in latest.ko


def test_a_refused_renewal_may_be_requested_again_while_the_term_runs(certify, people):
    case = certify(date(2026, 3, 2))
    act(case, "request_renewal", people["payer"], kst(2030, 8, 20, 9))
    act(case, "refuse_renewal", people["officer"], kst(2030, 10, 1, 10),
        reasons="the on-site audit found seals missing")
    problem = refused(case, "renew", people["officer"], kst(2030, 10, 2, 10), **SCORES)
    assert "no renewal has been requested" in problem.message
    act(case, "request_renewal", people["payer"], kst(2030, 11, 2, 9), remarks="seals fixed")
    act(case, "renew", people["officer"], kst(2031, 1, 10, 14), **SCORES)
    assert deadline(case, "validity").due_date == date(2036, 3, 1)
