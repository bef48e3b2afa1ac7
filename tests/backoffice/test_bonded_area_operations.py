"""The operations that belong to a licence (Arts. 185, 187, 195): the permission is applied for
by the operator of the licensed area, names its licence and is received only while that licence
is active; the licence's page lists the cases that belong to it.

Counting, by hand: a factory licensed from Tuesday 15 December 2026; an application for work
outside the factory received on Monday 4 January 2027 runs its ten days (Art. 187(2)) from the
next day and ends on Thursday 14 January 2027.
"""

from datetime import date

import pytest

from backoffice.extensions import db
from backoffice.workflow import open_procedure_case
from tests.backoffice.test_bonded_area_law import application, notice_text
from tests.notice_helpers import says
from tests.procedure_helpers import act, deadline, kst
from workflows import clock
from workflows.engine import TransitionRefused


def factory(people, area_type: str = "factory"):
    case = application(people)
    case.data = {**case.data, "area_type": area_type}
    db.session.commit()
    act(case, "grant", people["officer"], kst(2026, 12, 10, 10), valid_from=date(2026, 12, 15),
        years=5, requirements="Facilities, capital and staff checked against the KCS notice")
    return case


def apply_for(people, kind: str, licence: str = "", party=None):
    with clock.frozen(kst(2027, 1, 4, 10)):
        return open_procedure_case(
            "deemed_permission", party=party or people["payer"].party, office=people["office"],
            actor=people["officer"], values={
                "permission_kind": kind, "received_on": date(2027, 1, 4),
                "application": "Sewing of garments at a subcontractor, 4 to 29 January",
                "licence": licence})


def refusal(people, kind: str, licence: str = "", party=None) -> TransitionRefused:
    with pytest.raises(TransitionRefused) as caught:
        apply_for(people, kind, licence, party)
    db.session.rollback()
    return caught.value


def test_work_outside_a_bonded_factory_is_received_under_its_active_licence(people):
    licence = factory(people)
    case = apply_for(people, "187", licence.reference)
    db.session.commit()
    assert case.state == "received" and case.data["licence"] == licence.reference
    assert deadline(case, "processing").due_date == date(2027, 1, 14)


def test_the_factory_permissions_name_their_licence(people):
    factory(people)
    said = refusal(people, "185")
    assert "Art. 185(2)" in said.said and "licensed Bonded factory" in said.said
    assert "제185조제2항" in said.said and "보세공장" in said.said


def test_work_outside_a_construction_site_is_not_given_under_a_factory_licence(people):
    licence = factory(people)
    said = refusal(people, "195-187", licence.reference)
    assert "licence for a Bonded factory" in said.said and "Art. 195(1)" in said.said


def test_no_permission_is_received_under_a_suspended_licence(people):
    licence = factory(people)
    act(licence, "suspend", people["officer"], kst(2026, 12, 28, 10), ground="facilities",
        scope="bonded_work", months=3, suspended_from=date(2026, 12, 29),
        reasons="The sewing line failed its inspection")
    said = refusal(people, "187", licence.reference)
    assert "not active" in said.said
    assert "제178조제1항" in said.said


def test_another_operators_licence_is_not_the_applicants(people, make):
    licence = factory(people)
    said = refusal(people, "187", licence.reference, party=make.party())
    assert f"{licence.reference} is not a licensed bonded area of this operator" in said.said


def test_a_permission_of_no_licence_needs_none(people):
    case = apply_for(people, "134")
    assert case.state == "received"


# -- goods stored in the area (Arts. 177, 184, 208) --------------------------------------------
#
# Counting, by hand: goods enter on Monday 4 January 2027; the day of entry is not counted
# (Civil Act Art. 157), so twelve months run from the 5th and end on Tuesday 4 January 2028
# (Civil Act Art. 160(2)); a period, not moved (Art. 8(3) moves a deadline). Domestic goods
# then have ten days from the 4th (184(1)): the 5th to the 14th, a Friday. Foreign goods may be
# extended by up to one year beyond 4 January 2028, to Thursday 4 January 2029.


def entered(people, kind: str, licence=None):
    from sqlalchemy import select

    from backoffice.models import Case

    licence = licence or factory(people, "warehouse")
    act(licence, "record_goods_entry", people["officer"], kst(2027, 1, 4, 15),
        declaration_number="02012-27-000123X", goods="40 pallets of frozen shrimp",
        goods_kind=kind, entered_on=date(2027, 1, 4))
    return db.session.scalars(select(Case).where(Case.procedure == "bonded_goods")
                              .order_by(Case.id.desc())).first()


def test_domestic_goods_stay_a_year_then_have_ten_days_to_leave(people):
    from tests.procedure_helpers import sweep

    goods = entered(people, "domestic")
    assert goods.state == "stored" and goods.data["parent_reference"].startswith("BAL-")
    assert deadline(goods, "storage").due_date == date(2028, 1, 4)
    sweep(kst(2028, 1, 5, 0, 5))
    db.session.refresh(goods)
    assert goods.state == "period_ended"
    assert deadline(goods, "ship_out").due_date == date(2028, 1, 14)
    act(goods, "record_ship_out", people["officer"], kst(2028, 1, 12, 10),
        shipped_on=date(2028, 1, 12), destination="Domestic warehouse, import 12345")
    assert goods.state == "shipped_out" and deadline(goods, "ship_out").status == "met"


def test_foreign_goods_may_be_extended_by_a_year_then_go_to_sale(people):
    from tests.procedure_helpers import refused, sweep

    goods = entered(people, "foreign")
    too_far = refused(goods, "extend_storage", people["officer"], kst(2027, 12, 1, 10),
                      extended_until=date(2029, 1, 5), reasons="Awaiting an import licence")
    assert "2029-01-04" in too_far.said
    act(goods, "extend_storage", people["officer"], kst(2027, 12, 1, 10),
        extended_until=date(2029, 1, 4), reasons="Awaiting an import licence")
    assert deadline(goods, "storage").due_date == date(2029, 1, 4)
    sweep(kst(2029, 1, 5, 0, 5))
    db.session.refresh(goods)
    assert goods.state == "period_ended" and deadline(goods, "ship_out") is None
    act(goods, "refer_to_sale", people["officer"], kst(2029, 1, 7, 10),
        reasons="Published for sale under Art. 208(1)")
    assert goods.state == "referred_for_sale"


def test_goods_in_a_factory_stay_while_the_licence_runs_and_may_not_be_ordered_out(people):
    from tests.procedure_helpers import refused

    goods = entered(people, "foreign", licence=factory(people))
    # 177(1)2: no period of their own; they stay while the licence, renewed or not, runs
    assert deadline(goods, "storage") is None and goods.data.get("storage_until") is None
    said = refused(goods, "order_ship_out", people["officer"], kst(2027, 2, 1, 10),
                   ship_out_by=date(2027, 2, 15), reasons="Space needed")
    assert "Art. 177(2)" in said.said


def test_an_early_ship_out_order_fixes_its_own_day(people):
    goods = entered(people, "foreign")
    act(goods, "order_ship_out", people["officer"], kst(2027, 2, 1, 10),
        ship_out_by=date(2027, 2, 15), reasons="The cold store must be emptied for repairs")
    assert goods.state == "ship_out_ordered"
    assert deadline(goods, "ordered_ship_out").due_date == date(2027, 2, 15)
    assert deadline(goods, "storage").status != "open"  # the order replaces the period
    says(notice_text(goods, "bonded_goods_ship_out_order"), "반출 명령서", "제177조제2항",
         "2027년 2월 15일까지", "The cold store must be emptied for repairs", "90일")


def test_no_goods_enter_a_suspended_area(people):
    from tests.procedure_helpers import refused

    licence = factory(people, "warehouse")
    act(licence, "suspend", people["officer"], kst(2026, 12, 28, 10), ground="facilities",
        scope="entry", months=3, suspended_from=date(2026, 12, 29), reasons="Fire doors")
    said = refused(licence, "record_goods_entry", people["officer"], kst(2027, 1, 4, 15),
                   declaration_number="X", goods="Y", goods_kind="foreign",
                   entered_on=date(2027, 1, 4))
    assert said.reason.value == "not_available"
