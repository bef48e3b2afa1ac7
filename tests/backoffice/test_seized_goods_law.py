"""Seized goods read against the Act (Arts. 299, 303, 304, 313), on the real database: the
seizure recorded on the offence case opens the goods' own case, whose timers the sweep
enforces.

Counting, by hand (Art. 8(2): the Civil Act; the first day is not counted, Civil Act Art. 157,
and a period of months or years ends on the day before the corresponding day, 160(2)). These
periods are not deadlines to file or pay, so Art. 8(3) does not move their last day:

- Goods seized on Thursday 6 August 2026, owner and offender unknown: the six months of
  Art. 299(1) run from 7 August and end on Saturday 6 February 2027, the first day of Seollal
  (6 to 8 February 2027, substitute holiday on the 9th); a deadline that rolled over would
  have ended on Wednesday 10 February.
- Published as lost property on Monday 15 February 2027: the year of Art. 299(2) runs from
  16 February and ends on Tuesday 15 February 2028.
- A summary of unreturnable goods published on Wednesday 2 December 2026: the six months of
  Art. 313(3) run from 3 December and end on Wednesday 2 June 2027.
"""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, Notice
from backoffice.notices.rendering import renderer
from backoffice.workflow import open_procedure_case
from tests.notice_helpers import pdf_text, says
from tests.procedure_helpers import act, deadline, events, kst, refused, sweep
from workflows import clock


@pytest.fixture
def investigated(people):
    """An import without declaration (269(2)) under investigation since 4 August 2026."""
    def case_for(offence: str = "269(2)") -> Case:
        officer = people["officer"]
        with clock.frozen(kst(2026, 8, 3, 10)):
            case = open_procedure_case(
                "offense_notification", party=people["payer"].party, office=people["office"],
                actor=officer, assigned_officer=officer,
                values={"offence": offence, "source": "found", "joint_penalty": False,
                        "facts": "Watches brought in undeclared on 2 August 2026"})
            db.session.commit()
        act(case, "start_investigation", officer, kst(2026, 8, 4, 10))
        return case

    return case_for


def seize(case: Case, people, *, at=None, unidentified: bool = False, **more) -> Case:
    """Record a seizure on the offence case (at 10:00 on Thursday 6 August 2026 unless ``at``)
    and return the goods case it opened."""
    values = {"started_at": at or kst(2026, 8, 6, 10), "place": "Incheon Airport, T1",
              "flagrant": False, "warrant": "Incheon District Court 2026-4711",
              "goods": "30 wristwatches", "quantity": "30 pieces", "value": 9_000_000,
              "custody": "office", "owner_unidentified": unidentified,
              "record": "Seizure report No. 12", **more}
    event = act(case, "record_seizure", people["officer"], values["started_at"], **values)
    return db.session.scalars(select(Case).where(
        Case.reference == event.payload["opened"])).one()


def test_a_seizure_opens_a_goods_case_linked_to_the_offence_case(investigated, people):
    case = investigated()
    goods = seize(case, people)
    assert case.state == "under_investigation"  # the investigation goes on
    assert goods.procedure == "seized_goods" and goods.reference.startswith("SZG-")
    assert goods.state == "in_custody"
    assert goods.data["parent_reference"] == case.reference
    assert goods.party_id == case.party_id and goods.office_id == case.office_id
    assert goods.data["seized_on"] == "2026-08-06" and goods.data["offence"] == "269(2)"
    assert goods.data["goods"] == "30 wristwatches" and goods.data["custody"] == "office"
    assert case.data["investigation_steps"][-1]["step"] == "seizure"
    assert deadline(goods, "identification") is None  # the owner is known: no Art. 299 count


def test_no_seizure_is_started_between_sunset_and_sunrise_unless_flagrant(investigated,
                                                                           people):
    case = investigated()
    # Seoul, 6 August 2026: sunset about 19:40; 21:00 is night (Art. 306(1))
    values = {"started_at": kst(2026, 8, 6, 21), "place": "a warehouse", "flagrant": False,
              "warrant": "W-1", "goods": "watches", "quantity": "3", "value": 1,
              "custody": "office", "owner_unidentified": False, "record": "r"}
    problem = refused(case, "record_seizure", people["officer"], kst(2026, 8, 6, 21, 30),
                      **values)
    assert "Art. 306" in problem.message
    assert db.session.scalar(select(Case).where(Case.procedure == "seized_goods")) is None
    seize(case, people, at=kst(2026, 8, 6, 21), flagrant=True)  # 306(1) proviso


def test_goods_of_an_unknown_owner_are_deemed_lost_after_six_months_without_roll_over(
        investigated, people):
    goods = seize(investigated(), people, unidentified=True)
    period = deadline(goods, "identification")
    assert period.due_date == date(2027, 2, 6)  # not moved off Seollal (Art. 8(3) moves deadlines)
    sweep(kst(2027, 2, 6, 23, 59))
    assert goods.state == "in_custody"
    sweep(kst(2027, 2, 7, 0, 5))
    db.session.refresh(goods)
    assert goods.state == "deemed_lost"
    assert events(goods)[-1].article == "Art. 299(1)"

    act(goods, "publish_as_lost", people["officer"], kst(2027, 2, 15, 10),
        published_on=date(2027, 2, 15))
    assert deadline(goods, "lost_property").due_date == date(2028, 2, 15)
    sweep(kst(2028, 2, 15, 23, 0))
    assert goods.state == "published_as_lost"
    sweep(kst(2028, 2, 16, 0, 5))
    sweep(kst(2028, 2, 16, 0, 10))  # never twice
    db.session.refresh(goods)
    assert goods.state == "reverted"
    assert [e.trigger for e in events(goods)].count("revert_lost") == 1
    assert events(goods)[-1].article == "Art. 299(2)"


def test_identifying_the_owner_ends_the_count_of_article_299(investigated, people):
    goods = seize(investigated(), people, unidentified=True)
    act(goods, "identify_owner", people["officer"], kst(2026, 10, 1, 10),
        identified="The offender was identified by the airline's passenger list")
    assert deadline(goods, "identification").status != "open"
    sweep(kst(2027, 2, 7, 0, 5))
    db.session.refresh(goods)
    assert goods.state == "in_custody"


def test_article_299_counts_only_for_the_offences_it_names(investigated, people):
    goods = seize(investigated(offence="276(2)"), people, unidentified=True)
    assert deadline(goods, "identification") is None  # 276 is not among 269, 270(1)-(3), 272-274


def test_the_sale_is_notified_before_or_just_after_with_the_ground(investigated, people):
    case = investigated()
    goods = seize(case, people, goods="200 kg of fresh mangoes", quantity="200 kg")
    act(goods, "announce_sale", people["officer"], kst(2026, 8, 7, 10), sale_ground="decay",
        reasons="Fresh fruit that will rot within days")
    notice = db.session.scalars(select(Notice).where(Notice.case_id == goods.id)).one()
    assert notice.kind == "seized_goods_sale"
    text = pdf_text(renderer().pdf(renderer().html(
        notice.content, number=notice.number,
        verification_code=notice.verification_code)).content)
    says(text, "압수물품 매각 통고서", "200 kg of fresh mangoes", "2026년 8월 6일",
         case.reference, "제303조제3항", "Art. 303(3)", "부패", "Fresh fruit that will rot")
    act(goods, "sell", people["officer"], kst(2026, 8, 10, 10), sold_on=date(2026, 8, 10),
        proceeds=1_200_000)
    assert goods.state == "sold" and goods.data["proceeds"] == 1_200_000
    act(goods, "forfeit", people["officer"], kst(2026, 9, 25, 10), forfeited_by="notification",
        forfeited_on=date(2026, 9, 25))
    assert goods.state == "forfeited" and goods.closed_at is not None


def test_a_sale_with_no_time_for_notice_is_notified_after_it(investigated, people):
    goods = seize(investigated(), people)
    act(goods, "sell_at_once", people["officer"], kst(2026, 8, 6, 15), sale_ground="decay",
        sold_on=date(2026, 8, 6), proceeds=800_000,
        why_no_time="The cold chain failed at the airport")
    notice = db.session.scalars(select(Notice).where(Notice.case_id == goods.id)).one()
    text = pdf_text(renderer().pdf(renderer().html(
        notice.content, number=notice.number,
        verification_code=notice.verification_code)).content)
    says(text, "제303조제3항 단서", "2026년 8월 6일에 매각", "800,000원")


def test_dangerous_goods_are_disposed_of_after_a_notice(investigated, people):
    goods = seize(investigated(), people, goods="12 counterfeit lithium batteries")
    act(goods, "announce_disposal", people["officer"], kst(2026, 8, 7, 10),
        disposal_ground="dangerous", reasons="Risk of fire in storage")
    assert goods.state == "disposal_announced"
    notice = db.session.scalars(select(Notice).where(Notice.case_id == goods.id)).one()
    assert notice.kind == "seized_goods_disposal"
    act(goods, "dispose", people["officer"], kst(2026, 8, 12, 10),
        disposed_on=date(2026, 8, 12))
    assert goods.state == "disposed" and goods.closed_at is not None


def test_goods_not_forfeited_are_returned_after_the_unpaid_duty(investigated, people):
    goods = seize(investigated(), people)
    act(goods, "order_return", people["officer"], kst(2026, 10, 5, 10),
        reasons="The case was closed without a disposition")
    act(goods, "return_goods", people["officer"], kst(2026, 10, 8, 10),
        returned_to="the owner in person", returned_on=date(2026, 10, 8),
        unpaid_duty_collected=1_350_000)
    assert goods.state == "returned" and goods.data["unpaid_duty_collected"] == 1_350_000


def test_unreturnable_goods_may_revert_only_six_months_after_the_publication(investigated,
                                                                             people):
    goods = seize(investigated(), people)
    act(goods, "order_return", people["officer"], kst(2026, 11, 30, 10), reasons="Not forfeited")
    act(goods, "publish_unreturnable", people["officer"], kst(2026, 12, 2, 10),
        unreturnable_published_on=date(2026, 12, 2), reasons="The owner's address is unknown")
    assert deadline(goods, "return_request").due_date == date(2027, 6, 2)
    problem = refused(goods, "revert_unclaimed", people["officer"], kst(2027, 6, 2, 15))
    assert "Art. 313(3)" in problem.message
    sweep(kst(2027, 6, 3, 0, 5))
    db.session.refresh(goods)
    assert goods.state == "published_unreturnable"  # "may revert": the office decides
    assert deadline(goods, "return_request").status == "missed"
    act(goods, "revert_unclaimed", people["officer"], kst(2027, 6, 3, 9))
    assert goods.state == "reverted"


def test_a_request_within_the_six_months_still_returns_the_goods(investigated, people):
    goods = seize(investigated(), people)
    act(goods, "order_return", people["officer"], kst(2026, 11, 30, 10), reasons="Not forfeited")
    act(goods, "publish_unreturnable", people["officer"], kst(2026, 12, 2, 10),
        unreturnable_published_on=date(2026, 12, 2), reasons="The owner's address is unknown")
    act(goods, "return_goods", people["officer"], kst(2027, 5, 20, 10),
        returned_to="the owner, who came forward", returned_on=date(2027, 5, 20),
        unpaid_duty_collected=0)
    assert goods.state == "returned"
    assert deadline(goods, "return_request").status == "met"
