"""The offence notification disposition read against the Act (Arts. 311 to 317), on the real
database, with the notice's service and the sweep that enforces the 15 days.

Counting, by hand. The notice is issued on Wednesday 9 September 2026 and served on Friday
11 September. The 15 days of Art. 316 run from the day after service (Art. 8; Civil Act
Art. 157): the fifteenth day is Saturday 26 September, the third day of Chuseok (24 to 26
September 2026; Chuseok's substitute day is given only for a Sunday), so the last day rolls
over the Sunday to Monday 28 September (Art. 8(3)); the period ends at 24:00 that day and the
sweep runs after it. The two-year bar of Art. 175 7 runs from the day after the compliance and
ends at 24:00 of the day of the second anniversary corresponding to the compliance day.
"""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, Notice
from backoffice.notices.rendering import renderer
from backoffice.notices.service import record_service
from backoffice.workflow import open_procedure_case
from tests.notice_helpers import pdf_text, says
from tests.procedure_helpers import act, deadline, events, kst, refused, sweep
from workflows import clock
from workflows.notices.service import ServiceError
from workflows.procedures import offense_fines


def reported(people, offence: str = "269(2)", joint_penalty: bool = False,
             facts: str = "12 cartons of cigarettes brought in undeclared on 2 August 2026 at "
                          "Incheon Airport") -> Case:
    """An offence reported on 3 August 2026, investigated from the 4th, its results reported on
    1 September."""
    officer = people["officer"]
    with clock.frozen(kst(2026, 8, 3, 10)):
        case = open_procedure_case(
            "offense_notification", party=people["payer"].party, office=people["office"],
            actor=officer, assigned_officer=officer,
            values={"offence": offence, "source": "found", "joint_penalty": joint_penalty,
                    "facts": facts})
        db.session.commit()
    act(case, "start_investigation", officer, kst(2026, 8, 4, 10))
    act(case, "report_results", officer, kst(2026, 9, 1, 10),
        findings="Offence established by the seizure report and the protocol")
    return case


NOTICE = {"duty_involved": 1_000_000, "prime_cost": 4_000_000, "additional_collection": 500_000,
          "provisions": "Arts. 269(2), 282(3), 311", "age": 41, "sex": "male",
          "occupation": "Engineer", "place_of_performance": "Seoul Main Customs, room 301",
          "reasons": "the facts and the value of the goods"}
"""The notice's values besides the fine equivalent and the goods: KRW 1,000,000 of duty and a
prime cost of KRW 4,000,000 make the maximum fine of 269(2) KRW 10,000,000."""


@pytest.fixture
def notified(people):
    """A smuggling case (269(2)) reported, and notified on 9 September 2026 with a fine
    equivalent of KRW 2,000,000 (or ``fine``)."""
    def case_for(offence: str = "269(2)", joint_penalty: bool = False, goods: str = "",
                 fine: int = 2_000_000) -> Case:
        case = reported(people, offence, joint_penalty)
        act(case, "notify", people["officer"], kst(2026, 9, 9, 10), fine_equivalent=fine,
            forfeited_goods=goods, **NOTICE)
        return case

    return case_for


def the_notice(case: Case) -> Notice:
    return db.session.scalars(select(Notice).where(Notice.case_id == case.id)).one()


def serve(case: Case, people, method: str = "in_person", reference: str = "RC-2026-0911",
          on: date = date(2026, 9, 11)) -> None:
    with clock.frozen(kst(on.year, on.month, on.day, 16)):
        record_service(the_notice(case), actor=people["officer"], method=method,
                       served_on=on, reference=reference)
        db.session.commit()


def pay(case, people, trigger: str, on: date, **more):
    """Record at 17:00 of ``on`` a payment made that day: a part payment of ``amount``, or the
    rest (compliance)."""
    act(case, trigger, people["officer"], kst(on.year, on.month, on.day, 17),
        method=more.pop("method", "cash"), paid_on=on, **more)


def test_the_15_days_run_from_service_and_roll_over_the_chuseok_weekend(notified, people):
    case = notified()
    serve(case, people)
    assert case.state == "notified"
    period = deadline(case, "compliance")
    assert period.due_date == date(2026, 9, 28)
    assert case.data["prescription_suspended_from"] == "2026-09-11"  # Art. 311(3)
    assert case.data["receipt_certificate"] == "RC-2026-0911"  # Art. 289


@pytest.mark.parametrize("method", ["public_notice", "electronic"])
def test_the_notice_is_served_only_in_person_or_by_registered_mail(notified, people, method):
    case = notified()
    with clock.frozen(kst(2026, 9, 11, 16)), pytest.raises(ServiceError) as refused_service:
        record_service(the_notice(case), actor=people["officer"], method=method,
                       served_on=date(2026, 9, 11), published_on=date(2026, 9, 11),
                       channels=("customs_board", "gazette"), ground="unknown",
                       reference="RC-1")
    assert "only in person or by registered mail" in str(refused_service.value)
    db.session.rollback()
    with clock.frozen(kst(2026, 9, 11, 16)), pytest.raises(ServiceError) as no_receipt:
        record_service(the_notice(case), actor=people["officer"], method="mail",
                       served_on=date(2026, 9, 11))
    assert "receipt certificate" in str(no_receipt.value)
    db.session.rollback()
    assert case.state == "notice_prepared"


def test_compliance_on_the_last_day_closes_the_case(notified, people):
    case = notified()
    serve(case, people)
    pay(case, people, "comply", date(2026, 9, 28))
    assert case.state == "complied"
    assert deadline(case, "compliance").status == "met"


def test_compliance_on_the_day_after_is_late_and_still_closes_before_accusation(notified,
                                                                               people):
    case = notified()
    serve(case, people)
    problem = refused(case, "comply", people["officer"], kst(2026, 9, 29, 17), method="cash",
                      paid_on=date(2026, 9, 29))
    assert "is late" in problem.message
    pay(case, people, "comply_late", date(2026, 9, 29))
    assert case.state == "complied_late"


def test_the_sweep_moves_the_case_to_overdue_once_and_late_compliance_still_closes_it(
        notified, people):
    case = notified()
    serve(case, people)
    sweep(kst(2026, 9, 28, 23, 59))
    assert case.state == "notified"  # the last day is not over
    sweep(kst(2026, 9, 29, 0, 5))
    sweep(kst(2026, 9, 29, 0, 10))
    db.session.refresh(case)
    assert case.state == "overdue"
    assert [e.trigger for e in events(case)].count("period_passed") == 1
    pay(case, people, "comply_late", date(2026, 10, 5))
    assert case.state == "complied_late"
    refused(case, "accuse", people["officer"], kst(2026, 10, 6, 10), reasons="not complied")


def test_an_accusation_ends_late_compliance(notified, people):
    case = notified()
    serve(case, people)
    sweep(kst(2026, 9, 29, 0, 5))
    db.session.refresh(case)
    act(case, "accuse", people["officer"], kst(2026, 10, 2, 10), reasons="not complied")
    assert case.state == "accused"
    assert case.data["prescription_suspension_ended_on"] == "2026-10-02"
    problem = refused(case, "comply_late", people["officer"], kst(2026, 10, 5, 17),
                      method="cash", paid_on=date(2026, 10, 5))
    assert problem.reason.value == "not_available"


def test_a_part_payment_is_not_compliance_and_the_rest_completes_it(notified, people):
    case = notified()
    serve(case, people)
    pay(case, people, "record_part_payment", date(2026, 9, 15), amount=2_000_000)
    assert case.state == "notified"
    pay(case, people, "comply", date(2026, 9, 25))  # the rest
    assert case.state == "complied"
    assert [p["amount"] for p in case.data["payments"]] == [2_000_000, 500_000]


def test_a_part_payment_leaves_the_case_to_be_accused_when_the_15_days_pass(notified, people):
    case = notified()
    serve(case, people)
    pay(case, people, "record_part_payment", date(2026, 9, 15), amount=2_000_000)
    sweep(kst(2026, 9, 29, 0, 5))
    db.session.refresh(case)
    assert case.state == "overdue"  # KRW 2,000,000 of 2,500,000: not compliance (316)


def test_a_card_payment_counts_on_its_approval_day(notified, people):
    case = notified()
    serve(case, people)
    problem = refused(case, "comply", people["officer"], kst(2026, 9, 29, 17), method="card",
                      paid_on=date(2026, 9, 28), card_approved_on=date(2026, 9, 29))
    assert "a compliance on 2026-09-29 is late" in problem.message
    act(case, "comply", people["officer"], kst(2026, 9, 28, 17), method="card",
        paid_on=date(2026, 9, 27), card_approved_on=date(2026, 9, 28))
    assert case.data["complied_on"] == "2026-09-28"


@pytest.mark.parametrize(("offence", "joint", "article", "until"), [
    ("269(2)", False, "Art. 175 7", "2028-09-25"),
    ("276(3)3-2/6", False, "Art. 175 6(b)", "2028-09-25"),
    ("269(2)", True, None, None),  # punished under the joint-penalty rule (175 7 proviso)
    ("276(4)", False, None, None),
])
def test_compliance_records_the_two_year_bonded_area_bar(notified, people, offence, joint,
                                                         article, until):
    maximum = offense_fines.maximum_fine(offence, 1_000_000, 4_000_000)
    case = notified(offence, joint_penalty=joint,
                    fine=offense_fines.fine_band(maximum, 30, 50)[0])  # within the criteria
    serve(case, people)
    pay(case, people, "comply", date(2026, 9, 25))
    bar = case.data.get("bonded_area_bar")
    if article is None:
        assert bar is None
    else:
        assert bar == {"article": article, "from": "2026-09-25", "until": until}


def test_the_goods_to_be_forfeited_must_be_delivered_too(notified, people):
    case = notified(goods="12 cartons of cigarettes")
    serve(case, people)
    problem = refused(case, "comply", people["officer"], kst(2026, 9, 25, 17), method="cash",
                      paid_on=date(2026, 9, 25))
    assert "goods to be forfeited" in problem.message
    pay(case, people, "comply", date(2026, 9, 25), goods_delivered=True)
    assert case.state == "complied"


def test_the_notice_states_every_item_of_article_314(notified, people):
    case = notified(goods="12 cartons of cigarettes")
    notice = the_notice(case)
    pdf = renderer().pdf(renderer().html(notice.content, number=notice.number,
                                         verification_code=notice.verification_code))
    text = pdf_text(pdf.content)
    says(text, "통고서", notice.number, people["payer"].party.name,  # 314(2)1: name
         "41세", "남 male", "Engineer",  # age, sex, occupation
         "2,000,000원", "500,000원", "12 cartons of cigarettes",  # 314(2)2
         "brought in undeclared",  # 314(2)3: the facts
         "Arts. 269(2), 282(3), 311",  # 314(2)4: the provisions
         "Seoul Main Customs, room 301",  # 314(2)5: the place of performance
         "2026년 9월 9일",  # 314(2)6: the date
         f"{people['office'].name_ko}장",  # signed by the disposing official
         "15일 이내", "제316조", "제317조", "제119조제1항제1호")
    assert pdf.pages == 1


def test_the_fine_equivalent_follows_the_criteria_of_article_311_4(people):
    """269(2) with KRW 1,000,000 of duty and goods of a prime cost of KRW 4,000,000: the maximum
    fine is the higher of ten times the duty and the prime cost, KRW 10,000,000; 30/100 of it,
    moved by at most a half, gives KRW 1,500,000 to 4,500,000. A notice outside it is refused
    and changes nothing."""
    officer = people["officer"]
    case = reported(people)
    assert case.data["fine_rate_percent"] == 30 and case.data["fine_adjustment_percent"] == 50
    notice = {**NOTICE, "additional_collection": 0}
    problem = refused(case, "notify", officer, kst(2026, 9, 9, 10), fine_equivalent=5_000_000,
                      **notice)
    assert "KRW 1,500,000 to 4,500,000" in problem.message and "Art. 311(4)" in problem.message
    assert case.state == "investigation_reported" and "fine_equivalent" not in case.data
    act(case, "notify", officer, kst(2026, 9, 9, 10), fine_equivalent=4_500_000, **notice)
    assert case.state == "notice_prepared" and case.data["prime_cost"] == 4_000_000


def test_a_deployments_criteria_are_kept_on_the_case_when_it_opens(app, people):
    app.config["OFFENCE_FINE_RATE_PERCENT"] = 20
    case = reported(people, "276(4)", facts="No book kept")
    app.config["OFFENCE_FINE_RATE_PERCENT"] = 30  # a later change leaves the case as it was
    assert case.data["fine_rate_percent"] == 20
    # 276(4): KRW 10,000,000 at most; 20/100 moved by half: KRW 1,000,000 to 3,000,000
    problem = refused(case, "notify", people["officer"], kst(2026, 9, 9, 10),
                      **{**NOTICE, "duty_involved": 0, "prime_cost": 0},
                      fine_equivalent=3_500_000)
    assert "KRW 1,000,000 to 3,000,000" in problem.message


def test_a_prepayment_permitted_before_the_notice_counts_towards_it(people):
    """Art. 311(2): the office may let the offender prepay the money before the disposition;
    the notice shows it, and the compliance after service needs only the rest."""
    officer = people["officer"]
    case = reported(people, facts="Undeclared watches; the traveller leaves Korea soon")
    act(case, "record_prepayment", officer, kst(2026, 9, 3, 10), amount=2_000_000,
        method="card", paid_on=date(2026, 9, 2), card_approved_on=date(2026, 9, 3))
    assert case.state == "investigation_reported"
    assert case.data["payments"] == [{"amount": 2_000_000, "method": "card",
                                      "counts_on": "2026-09-03", "prepaid": True}]
    act(case, "notify", officer, kst(2026, 9, 9, 10), fine_equivalent=2_000_000, **NOTICE)
    notice = the_notice(case)
    text = pdf_text(renderer().pdf(renderer().html(
        notice.content, number=notice.number, verification_code=notice.verification_code)).content)
    says(text, "예납액", "2,000,000원")
    serve(case, people)
    pay(case, people, "comply", date(2026, 9, 14))
    assert case.state == "complied"
    assert [p["amount"] for p in case.data["payments"]] == [2_000_000, 500_000]  # the rest
