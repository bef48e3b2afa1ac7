"""A licensed bonded area in a real browser: an officer takes an application to a licence
(Arts. 174, 176), and a supervisor suspends the entry of goods (Art. 178(1))."""

import pytest

from tests.browser.pages import action_button, open_case_as_officer
from tests.browser.test_aeo import _open_action, _submit
from tests.browser.test_sign_in import sign_in
from tests.browser.test_walkthroughs import CASE_PAGE, _confirm
from workflows import clock

pytestmark = pytest.mark.browser


def licensed_warehouse(page, live_server) -> str:
    """An officer records an application for a bonded warehouse's licence (Art. 174), reviews
    it and grants it for ten years (176(1)), as the pages serve it: its reference."""
    open_case_as_officer(page, live_server, "Licensed bonded area", "business_registration",
                         "1208147521")
    page.locator("select[name$='-area_type']").select_option("warehouse")
    page.get_by_label("Location").fill("Incheon, Jung-gu, Gonghang-ro 272")
    page.get_by_label("Area (m²)").fill("12000")
    page.get_by_label("Licensed matters").fill("Storage of foreign goods: general cargo")
    page.get_by_label("Fee paid").fill("72000")
    page.get_by_label("Received on").fill(clock.today().isoformat())
    page.get_by_role("button", name=action_button("Record an application for a licence")).click()
    page.wait_for_url(CASE_PAGE)
    reference = page.locator("h1").inner_text().split()[0]
    assert reference.startswith("BAL-")
    _submit(_open_action(page, "Start the review"), "Start the review")
    form = _open_action(page, "Grant the licence")
    form.get_by_label("Valid from").fill(clock.today().isoformat())
    form.get_by_label("Term in years").fill("10")
    form.get_by_label("Requirements of Art. 174(3) checked").fill("Facilities and staff checked")
    _submit(form, "Grant the licence")
    _confirm(page, ["특허장"])
    return reference


def test_an_officer_licenses_a_bonded_warehouse_and_a_supervisor_suspends_it(
        live_server, page, screenshot):
    reference = licensed_warehouse(page, live_server)
    facts = page.locator("dl.facts").inner_text()
    assert "특허(운영 중)" in facts and "Incheon, Jung-gu, Gonghang-ro 272" in facts
    screenshot("ko-bonded-area-licensed")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "supervisor")
    page.goto(f"{live_server}/cases/{reference}")
    form = _open_action(page, "Suspend the entry of goods")
    form.get_by_label("Ground").select_option("facilities")
    form.get_by_label("Scope").select_option("entry")
    form.get_by_label("Months (at most 6)").fill("2")
    form.get_by_label("Takes effect on").fill(clock.today().isoformat())
    form.get_by_label("Reasons").fill("The fire doors failed the inspection")
    _submit(form, "Suspend the entry of goods")
    _confirm(page, ["물품반입 등 정지 처분 통지서"])
    assert "물품반입 등 정지" in page.locator("dl.facts").inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("ko-bonded-area-suspended-390")


def test_an_officer_records_goods_entered_and_orders_them_out_early(live_server, page,
                                                                    screenshot):
    """From the licence's page the goods entered get a case of their own (Art. 177(1)), linked
    both ways; an order to ship them out early (177(2)) issues its notice."""
    reference = licensed_warehouse(page, live_server)

    form = _open_action(page, "Record goods entered into the area")
    form.get_by_label("Declaration number").fill("02012-26-000123X")
    form.locator("textarea[name$='-goods']").fill("40 pallets of frozen shrimp")
    form.get_by_label("Kind of goods").select_option("foreign")
    form.get_by_label("Entered on").fill(clock.today().isoformat())
    _submit(form, "Record goods entered into the area")
    _confirm(page, [])
    link = page.locator("div.linked-children a").first
    assert link.inner_text().startswith("BGS-")
    link.click()
    page.wait_for_load_state()
    assert reference in page.locator("div.linked-parent").inner_text()
    assert "장치기간 만료일" in page.locator("dl.facts").inner_text()

    form = _open_action(page, "Order the goods shipped out early")
    form.get_by_label("Ship out by").fill(_in_days(14))
    form.get_by_label("Reasons").fill("The cold store must be emptied for repairs")
    _submit(form, "Order the goods shipped out early")
    _confirm(page, ["반출 명령서"])
    assert "반출 명령" in page.locator("dl.facts").inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("ko-bonded-goods-ordered-out-390")


def _in_days(days: int) -> str:
    from datetime import timedelta

    return (clock.today() + timedelta(days=days)).isoformat()
