"""The licensed bonded area read against the Act (Arts. 174 to 182), on the real database, with
the sweep that ends terms, suspensions and wind-downs, and the bars of Art. 175 read from the
party's other cases.

Counting, by hand (Art. 8(2): the Civil Act; a period from 00:00 of its first day counts that
day, Civil Act Art. 157 proviso, and ends on the day before the corresponding day, 160(2)):

- Licensed from Tuesday 15 December 2026 for ten years: the term ends on Sunday 14 December
  2036, not moved to the Monday (a term, not a deadline to act in: Art. 8(3) does not apply).
- Entry suspended for three months from Monday 4 January 2027: it ends on Saturday 3 April 2027
  and the entry resumes on the 4th.
- A notification disposition for smuggling complied with on Friday 25 September 2026: the bar
  of 175 7 runs from the next day for two years and ends on Monday 25 September 2028.
- A licence revoked on Monday 10 May 2027: the bar of 175 6(a) ends on Wednesday 10 May 2029.
- A wind-down of six months from Tuesday 11 May 2027 ends on Thursday 10 November 2027.
"""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Authorisation, Case, Notice
from backoffice.notices.rendering import renderer
from backoffice.workflow import open_procedure_case
from tests.backoffice.test_offense_law import NOTICE, pay, reported, serve
from tests.notice_helpers import pdf_text, says
from tests.procedure_helpers import act, deadline, events, kst, refused, sweep
from workflows import clock


def application(people, received: date = date(2026, 12, 1)) -> Case:
    officer = people["officer"]
    with clock.frozen(kst(received.year, received.month, received.day, 10)):
        case = open_procedure_case(
            "bonded_area_licence", party=people["payer"].party, office=people["office"],
            actor=officer, assigned_officer=officer,
            values={"area_type": "warehouse", "location": "Incheon, Jung-gu, Gonghang-ro 272",
                    "area_m2": 12_000, "licensed_matters": "Storage of foreign goods: general "
                    "cargo and refrigerated food", "fee_paid": 72_000,
                    "received_on": received})
        db.session.commit()
    act(case, "start_review", officer, kst(received.year, received.month, received.day, 11))
    return case


def licensed(people) -> Case:
    case = application(people)
    act(case, "grant", people["officer"], kst(2026, 12, 10, 10), valid_from=date(2026, 12, 15),
        years=10, requirements="Facilities, capital and staff checked against the KCS notice")
    return case


def notice_text(case: Case, kind: str) -> str:
    notice = db.session.scalars(select(Notice).where(
        Notice.case_id == case.id, Notice.kind == kind)).one()
    return pdf_text(renderer().pdf(renderer().html(
        notice.content, number=notice.number,
        verification_code=notice.verification_code)).content)


def test_a_ten_year_licence_ends_with_its_term_by_the_sweep(people):
    case = licensed(people)
    assert case.state == "active" and case.data["valid_to"] == "2036-12-14"
    licence = db.session.scalars(select(Authorisation).where(
        Authorisation.case_id == case.id)).one()
    assert (licence.number, licence.valid_from, licence.valid_to) == (
        f"{case.reference}-1", date(2026, 12, 15), date(2036, 12, 14))
    says(notice_text(case, "bonded_area_licence"), "특허장", "2026년 12월 15일부터",
         "2036년 12월 14일까지", "Incheon, Jung-gu, Gonghang-ro 272", "12,000㎡")
    assert deadline(case, "validity").due_date == date(2036, 12, 14)  # a Sunday: not moved
    sweep(kst(2036, 12, 14, 23, 59))
    assert case.state == "active"
    sweep(kst(2036, 12, 15, 0, 5))
    sweep(kst(2036, 12, 15, 0, 10))
    db.session.refresh(case)
    db.session.refresh(licence)
    assert case.state == "invalidated" and licence.status == "expired"
    assert [e.trigger for e in events(case)].count("expire") == 1
    assert events(case)[-1].article == "Art. 179(1)3"


def test_a_suspension_ends_by_itself_after_its_months(people):
    case = licensed(people)
    act(case, "suspend", people["officer"], kst(2026, 12, 28, 10), ground="facilities",
        scope="entry", months=3, suspended_from=date(2027, 1, 4),
        reasons="The cold store failed its inspection")
    assert case.state == "suspended"
    assert deadline(case, "suspension").due_date == date(2027, 4, 3)
    says(notice_text(case, "bonded_area_suspension"), "물품 반입", "2027년 1월 4일부터",
         "2027년 4월 3일까지", "The cold store failed its inspection", "90일")
    sweep(kst(2027, 4, 3, 23, 0))
    assert case.state == "suspended"
    sweep(kst(2027, 4, 4, 0, 5))
    db.session.refresh(case)
    assert case.state == "active" and case.data["suspensions_decided"] == ["2026-12-28"]


def test_three_suspensions_within_a_year_open_revocation_and_its_bar(people):
    case = licensed(people)
    officer = people["officer"]
    for decided, start in ((date(2027, 1, 4), date(2027, 1, 5)),
                           (date(2027, 2, 10), date(2027, 2, 11)),
                           (date(2027, 3, 15), date(2027, 3, 16))):
        act(case, "suspend", officer, kst(decided.year, decided.month, decided.day, 10),
            ground="violation", scope="entry", months=1, suspended_from=start,
            reasons="Goods moved without permission")
        sweep(kst(start.year, start.month + 1, start.day, 0, 5))
        db.session.refresh(case)
        assert case.state == "active"
    act(case, "revoke", officer, kst(2027, 5, 10, 10), ground="repeated_suspensions",
        reasons="Three suspensions within one year (Art. 178(2)3)")
    assert case.state == "revoked"
    assert case.data["bonded_area_bar"] == {"article": "Art. 175 6(a)", "from": "2027-05-10",
                                            "until": "2029-05-10", "licence": case.reference,
                                            "revocation_ground": "repeated_suspensions"}
    licence = db.session.scalars(select(Authorisation).where(
        Authorisation.case_id == case.id)).one()
    assert licence.status == "revoked"
    says(notice_text(case, "bonded_area_revocation"), "제178조제2항", "2029년 5월 10일까지")

    # the bar refuses a new licence to the same party until it ends (Art. 175 6(a))
    again = application(people, received=date(2027, 6, 1))
    problem = refused(again, "grant", officer, kst(2027, 6, 10, 10),
                      valid_from=date(2027, 7, 1), years=5, requirements="checked")
    assert "Art. 175 6(a)" in problem.message and "2029-05-10" in problem.message
    assert case.reference in problem.message

    # the wind-down of Art. 182: six months from 11 May, ended by the sweep once
    act(case, "fix_wind_down", officer, kst(2027, 5, 10, 15), months=6,
        wind_down_from=date(2027, 5, 11), goods="40 pallets of frozen fish")
    assert deadline(case, "wind_down").due_date == date(2027, 11, 10)
    says(notice_text(case, "bonded_area_wind_down"), "40 pallets of frozen fish",
         "2027년 11월 10일까지")
    sweep(kst(2027, 11, 11, 0, 5))
    sweep(kst(2027, 11, 11, 0, 10))
    db.session.refresh(case)
    assert case.state == "closed"
    assert [e.trigger for e in events(case)].count("wind_down_ended") == 1


def test_two_suspensions_within_a_year_do_not_open_revocation_on_that_ground(people):
    case = licensed(people)
    officer = people["officer"]
    for decided, start in ((date(2027, 1, 4), date(2027, 1, 5)),
                           (date(2027, 2, 10), date(2027, 2, 11))):
        act(case, "suspend", officer, kst(decided.year, decided.month, decided.day, 10),
            ground="violation", scope="entry", months=1, suspended_from=start, reasons="r")
        sweep(kst(start.year, start.month + 1, start.day, 0, 5))
        db.session.refresh(case)
    problem = refused(case, "revoke", officer, kst(2027, 5, 10, 10),
                      ground="repeated_suspensions", reasons="r")
    assert "Art. 178(2)3 needs at least three" in problem.message
    assert case.state == "active"


@pytest.mark.parametrize(("granted_on", "refused_for_bar"), [
    (date(2028, 9, 25), True),  # the last day of the bar of 175 7
    (date(2028, 9, 26), False),  # the day after: the bar has ended
])
def test_compliance_with_a_smuggling_notice_bars_a_licence_for_two_years(
        people, granted_on, refused_for_bar):
    offence = reported(people)
    act(offence, "notify", people["officer"], kst(2026, 9, 9, 10), fine_equivalent=2_000_000,
        forfeited_goods="", **NOTICE)
    serve(offence, people)
    pay(offence, people, "comply", date(2026, 9, 25))
    assert offence.data["bonded_area_bar"]["until"] == "2028-09-25"

    case = application(people, received=date(2028, 9, 1))
    at = kst(granted_on.year, granted_on.month, granted_on.day, 10)
    values = {"valid_from": date(2028, 10, 1), "years": 10, "requirements": "checked"}
    if refused_for_bar:
        problem = refused(case, "grant", people["officer"], at, **values)
        assert "Art. 175 7" in problem.message and offence.reference in problem.message
        assert "제175조제7호" in problem.said.ko
        assert case.state == "under_review"
    else:
        act(case, "grant", people["officer"], at, **values)
        assert case.state == "active"


def test_a_refusal_names_its_ground_and_the_appeal(people):
    case = application(people)
    act(case, "refuse", people["officer"], kst(2026, 12, 10, 10), ground="requirements",
        reasons="The fire-safety facilities do not meet the KCS standards")
    assert case.state == "refused"
    says(notice_text(case, "bonded_area_refusal"), "제174조제3항",
         "The fire-safety facilities do not meet", "90일")


def test_an_exhibition_sites_period_is_fixed_and_extended(people):
    """Art. 176(2): an exhibition site for the period fixed from the exhibition (here to
    Wednesday 31 March 2027), extended under its proviso to Wednesday 30 June 2027; the
    licence in force says the new last day."""
    officer = people["officer"]
    with clock.frozen(kst(2026, 12, 1, 10)):
        case = open_procedure_case(
            "bonded_area_licence", party=people["payer"].party, office=people["office"],
            actor=officer, assigned_officer=officer,
            values={"area_type": "exhibition", "location": "COEX Hall A, Seoul",
                    "area_m2": 3_000, "licensed_matters": "Display of foreign machinery",
                    "fee_paid": 72_000, "received_on": date(2026, 12, 1)})
        db.session.commit()
    act(case, "start_review", officer, kst(2026, 12, 1, 11))
    act(case, "grant", officer, kst(2026, 12, 10, 10), valid_from=date(2027, 1, 4),
        valid_to=date(2027, 3, 31), requirements="Exhibition plan checked")
    assert deadline(case, "validity").due_date == date(2027, 3, 31)
    act(case, "extend_period", officer, kst(2027, 3, 20, 10), valid_to=date(2027, 6, 30),
        reasons="The exhibition was extended by its organiser")
    assert deadline(case, "validity").due_date == date(2027, 6, 30)
    held = {a.number: (a.status, a.valid_to) for a in db.session.scalars(
        select(Authorisation).where(Authorisation.case_id == case.id))}
    assert held == {f"{case.reference}-1": ("superseded", date(2027, 3, 31)),
                    f"{case.reference}-1-e1": ("in_force", date(2027, 6, 30))}
    sweep(kst(2027, 4, 1, 0, 5))
    db.session.refresh(case)
    assert case.state == "active"


def test_the_successor_has_30_days_from_the_death_rolled_over_an_art_8_weekend(people):
    """The operator dies on Friday 22 January 2027: the 30 days of Art. 179(3) end on Sunday
    21 February and roll over to Monday 22 February (Art. 8(3): a deadline for a report). A
    report on the 22nd keeps the licence (179(4)); none, and the sweep voids it from the
    death, once."""
    case = licensed(people)
    officer = people["officer"]
    act(case, "report_death_or_dissolution", officer, kst(2027, 1, 25, 10), event="death",
        occurred_on=date(2027, 1, 22), reported_by="The operator's son")
    assert case.state == "succession_pending"
    assert deadline(case, "succession").due_date == date(2027, 2, 22)
    act(case, "report_succession", officer, kst(2027, 2, 22, 16), successor="KIM Minho",
        reported_on=date(2027, 2, 22), requirements="Requirements and Art. 175 checked")
    assert case.state == "active" and case.data["succeeded_from"] == "2027-01-22"


def test_no_successor_report_voids_the_licence_from_the_death(people):
    case = licensed(people)
    act(case, "report_death_or_dissolution", people["officer"], kst(2027, 1, 25, 10),
        event="death", occurred_on=date(2027, 1, 22), reported_by="The operator's son")
    sweep(kst(2027, 2, 22, 23, 0))
    assert case.state == "succession_pending"
    sweep(kst(2027, 2, 23, 0, 5))
    sweep(kst(2027, 2, 23, 0, 10))
    db.session.refresh(case)
    assert case.state == "invalidated" and case.data["ended_on"] == "2027-01-22"
    assert [e.trigger for e in events(case)].count("succession_lapsed") == 1
    licence = db.session.scalars(select(Authorisation).where(
        Authorisation.case_id == case.id)).one()
    assert licence.status == "void"


def test_a_corporation_has_three_months_to_replace_a_bankrupt_executive(people):
    """An executive declared bankrupt on Monday 4 January 2027 (175 3, 175 8): the corporation
    may replace them until Sunday 4 April 2027, rolled over to Monday 5 April (Art. 8(3));
    no revocation on that ground before."""
    case = licensed(people)
    officer = people["officer"]
    act(case, "record_executive_disqualified", officer, kst(2027, 1, 6, 10),
        executive="PARK Jiwon, director of the warehouse", ground="bankrupt",
        since=date(2027, 1, 4))
    assert deadline(case, "executive_cure").due_date == date(2027, 4, 5)
    problem = refused(case, "revoke", officer, kst(2027, 2, 1, 10), ground="disqualified",
                      reasons="An executive is bankrupt")
    assert "until 2027-04-05" in problem.message
    act(case, "record_executive_replaced", officer, kst(2027, 3, 2, 10),
        replaced_on=date(2027, 3, 2))
    assert deadline(case, "executive_cure").status == "met"


def test_a_surcharge_is_the_daily_sales_times_the_days_it_replaces(people):
    # Annual sales of KRW 600,000,000 over 6,000 are KRW 100,000 a day; a month's suspension
    # (30 days) is replaced by KRW 3,000,000, well below 3/100 of the sales (KRW 18,000,000).
    case = licensed(people)
    officer = people["officer"]
    problem = refused(case, "impose_surcharge", officer, kst(2027, 1, 6, 10),
                      ground="violation", sales=600_000_000, days=30, amount=3_000_001,
                      reasons="The airport's only cold store")
    assert "computed for 30 days on sales of KRW 600,000,000 (KRW 3,000,000" in problem.message
    act(case, "impose_surcharge", officer, kst(2027, 1, 6, 10), ground="violation",
        sales=600_000_000, days=30, reasons="The airport's only cold store")
    assert case.state == "active"  # operations continue
    assert case.data["surcharge"]["amount"] == 3_000_000
    # Imposed on Wednesday 6 January 2027, due within 30 days: Friday 5 February 2027.
    says(notice_text(case, "bonded_area_surcharge"), "과징금 부과 통지서",
         "600,000,000원 ÷ 6,000 × 30일", "3,000,000원", "2027년 2월 5일까지", "제178조제4항")
    act(case, "record_surcharge_paid", officer, kst(2027, 2, 1, 10), paid_on=date(2027, 2, 1))
    assert deadline(case, "surcharge_payment").status == "met"


def test_a_surcharge_is_never_more_than_3_100_of_the_sales(people):
    # Six months (180 days) of KRW 100,000 a day would be KRW 18,000,000; 3/100 of KRW
    # 500,000,000 is KRW 15,000,000, so the surcharge stops there (Art. 178(3)).
    case = licensed(people)
    officer = people["officer"]
    problem = refused(case, "impose_surcharge", officer, kst(2027, 1, 6, 10),
                      ground="violation", sales=500_000_000, days=180, amount=15_000_001,
                      reasons="The airport's only cold store")
    assert "(KRW 15,000,000; at most 3/100" in problem.message
    act(case, "impose_surcharge", officer, kst(2027, 1, 6, 10), ground="violation",
        sales=500_000_000, days=180, amount=7_500_000, reasons="Reduced by half")
    assert case.data["surcharge"] == {**case.data["surcharge"], "computed": 15_000_000,
                                      "amount": 7_500_000}
    says(notice_text(case, "bonded_area_surcharge"), "7,500,000원", "15,000,000원")


def test_a_surcharge_replaces_at_most_six_months(people):
    case = licensed(people)
    problem = refused(case, "impose_surcharge", people["officer"], kst(2027, 1, 6, 10),
                      ground="violation", sales=500_000_000, days=181, reasons="Too long")
    assert "days" in problem.errors


def test_the_surcharge_computation_is_the_deployments(people, app):
    # A divisor of 3,650 (a decree that reads "1/3,650 of the annual sales a day"): KRW
    # 365,000,000 a year is KRW 100,000 a day, ten days KRW 1,000,000.
    app.config["BONDED_AREA_SURCHARGE_DAILY_DIVISOR"] = 3650
    case = licensed(people)
    act(case, "impose_surcharge", people["officer"], kst(2027, 1, 6, 10), ground="violation",
        sales=365_000_000, days=10, reasons="The airport's only cold store")
    assert case.data["surcharge"]["amount"] == 1_000_000


def test_a_surcharge_divisor_that_is_no_number_is_refused_at_start_up():
    from workflows.procedures.bonded_area_licence import SURCHARGE_DIVISOR_SETTING

    with pytest.raises(ValueError, match="BONDED_AREA_SURCHARGE_DAILY_DIVISOR"):
        SURCHARGE_DIVISOR_SETTING.check(SURCHARGE_DIVISOR_SETTING.name, 0)


def test_the_checklist_of_174_3_is_the_types_as_configured(people, app):
    case = application(people)
    assert case.data["requirements_checklist"][-1].startswith("자본금")  # a warehouse's
    assert case.data["renewal_lead_months"] == 1
    app.config["BONDED_AREA_REQUIREMENTS"] = {"warehouse": ["방화벽 / a firewall"]}
    assert application(people).data["requirements_checklist"] == ["방화벽 / a firewall"]


def test_the_renewal_reminders_are_the_deployments(people, app):
    # Ten years from 15 December 2026 end on 14 December 2036: reminded six months and two
    # weeks before, on 14 June and 30 November 2036 (the corresponding days, Civil Act 160).
    app.config["BONDED_AREA_RENEWAL_REMINDERS"] = ["6m", "2w"]
    case = licensed(people)
    assert case.data["renewal_reminders"] == ["6m", "2w"]
    assert deadline(case, "validity").reminders == ["2036-06-14", "2036-11-30"]


def test_a_renewal_reminder_the_calendar_cannot_read_is_refused_at_start_up():
    from workflows.procedures.bonded_area_licence import RENEWAL_REMINDERS_SETTING

    with pytest.raises(ValueError, match="BONDED_AREA_RENEWAL_REMINDERS"):
        RENEWAL_REMINDERS_SETTING.check(RENEWAL_REMINDERS_SETTING.name, ["3 months"])


def test_a_licence_is_not_granted_while_its_fee_is_short(people, app):
    app.config["BONDED_AREA_FEES"] = {"application": 100_000}  # the deployment's Ordinance
    case = application(people)  # 72,000 paid
    assert case.data["fee_due"] == 100_000
    problem = refused(case, "grant", people["officer"], kst(2026, 12, 10, 10),
                      valid_from=date(2026, 12, 15), years=10, requirements="checked")
    assert "KRW 100,000 is not paid in full (KRW 72,000 paid" in problem.message


def test_the_surcharge_is_due_within_the_deployments_period(people, app):
    # Imposed on Monday 4 January 2027 with 14 days: due Monday 18 January 2027.
    app.config["BONDED_AREA_SURCHARGE_PAYMENT_PERIOD"] = "14d"
    case = licensed(people)
    act(case, "impose_surcharge", people["officer"], kst(2027, 1, 4, 10), ground="violation",
        sales=100_000_000, days=20, reasons="Suspension would stop the airport's cargo")
    assert deadline(case, "surcharge_payment").due_date == date(2027, 1, 18)


def test_compliance_that_bars_an_operator_opens_the_review_of_its_licence(people):
    # The operator holds a licence in force when it complies with a smuggling notice on Friday
    # 25 September 2026 (175 7): the compliance opens the record of the disqualification and
    # its review of the licences in force (178(2)2 makes their revocation mandatory). The
    # fourteen days of the review run from the 26th and end on Friday 9 October, Hangeul Day:
    # rolled over the weekend to Monday 12 October (Art. 8(3)).
    held = licensed(people)
    offence = reported(people)
    act(offence, "notify", people["officer"], kst(2026, 9, 9, 10), fine_equivalent=2_000_000,
        forfeited_goods="", **NOTICE)
    serve(offence, people)
    pay(offence, people, "comply", date(2026, 9, 25))
    opened = db.session.scalars(select(Case).where(
        Case.procedure == "licence_disqualification")).one()
    assert opened.data["parent_reference"] == offence.reference
    assert opened.data["bonded_area_bar"]["article"] == "Art. 175 7"
    assert opened.data["bonded_area_bar"]["until"] == "2028-09-25"
    number = db.session.scalars(select(Authorisation.number).where(
        Authorisation.case_id == held.id)).one()
    assert opened.data["licences_to_review"] == [number]
    assert deadline(opened, "licence_review").due_date == date(2026, 10, 12)


def test_compliance_of_a_party_holding_no_licence_opens_no_review(people):
    offence = reported(people)
    act(offence, "notify", people["officer"], kst(2026, 9, 9, 10), fine_equivalent=2_000_000,
        forfeited_goods="", **NOTICE)
    serve(offence, people)
    pay(offence, people, "comply", date(2026, 9, 25))
    assert offence.data["bonded_area_bar"]["until"] == "2028-09-25"  # the bar is this case's
    assert db.session.scalars(select(Case).where(
        Case.procedure == "licence_disqualification")).first() is None
