"""An offence case in a real browser: an officer takes a case from the results report through
the notice and its service to the offender's compliance (Arts. 310, 311, 315, 316)."""

from pathlib import Path

import pytest

from tests.browser.pages import action_button, open_case_as_officer
from tests.browser.test_aeo import _open_action, _submit
from tests.browser.test_walkthroughs import CASE_PAGE, _confirm
from tests.notice_helpers import pdf_text, says
from workflows import clock

pytestmark = pytest.mark.browser


def _investigating(page, live_server, facts: str) -> str:
    """An officer records an undeclared import (269(2)) of the demo's traveller with ``facts``
    and starts the investigation; the case's reference."""
    open_case_as_officer(page, live_server, "Offense notification disposition", "pcc",
                         "P193456789123")
    page.locator("select[name$='-offence']").select_option("269(2)")
    page.get_by_label("How it came").select_option("found")
    page.get_by_label("Facts of the offence").fill(facts)
    page.get_by_role("button", name=action_button("Record a customs offence")).click()
    page.wait_for_url(CASE_PAGE)
    reference = page.locator("h1").inner_text().split()[0]
    _submit(_open_action(page, "Start the investigation"), "Start the investigation")
    return reference


def test_an_officer_notifies_an_offence_serves_the_notice_and_records_compliance(
        live_server, page, screenshot, tmp_path):
    reference = _investigating(page, live_server, "Two undeclared watches at Gimpo Airport")
    assert reference.startswith("OFN-")
    form = _open_action(page, "File the investigation results report")
    form.get_by_label("Results of the investigation").fill("Established by the seizure report")
    _submit(form, "File the investigation results report")

    form = _open_action(page, "Take the notification disposition")
    # the maximum fine of 269(2): the higher of ten times the duty and the prime cost, KRW
    # 2,000,000; the criteria's band at 30/100 moved by half: KRW 300,000 to 900,000
    form.get_by_label("Customs duty involved").fill("150000")
    form.get_by_label("Prime cost of the goods").fill("2000000")
    form.get_by_label("Amount equivalent to the fine").fill("800000")
    form.get_by_label("Amount equivalent to the additional collection").fill("200000")
    form.get_by_label("Provisions of the Act applied").fill("Arts. 269(2), 282(3), 311")
    form.get_by_label("Place of performance").fill("Seoul Main Customs, room 301")
    form.get_by_label("Age").fill("38")
    form.get_by_label("Sex").select_option("female")
    form.get_by_label("Occupation").fill("Designer")
    form.get_by_label("Reasons (Art. 311(1))").fill("The value of the goods")
    _submit(form, "Take the notification disposition")
    _confirm(page, ["통고서"])
    row = page.locator("tr.notice-row", has_text="Notice of Notification Disposition")
    number = row.get_attribute("data-number")
    with page.expect_download() as download:
        row.get_by_role("link", name="PDF").click()
    saved = tmp_path / "notice.pdf"
    download.value.save_as(saved)
    says(pdf_text(Path(saved).read_bytes()), "통고서", "800,000원", "Designer",
         "Seoul Main Customs, room 301", "Two undeclared watches")

    today = clock.today().isoformat()
    page.locator("details summary", has_text=f"Record service of {number}").click()
    service = page.locator(f"form[action$='/notices/{number}/service']")
    methods = service.locator("select[name=method] option").all_inner_texts()
    assert not any("public notice" in m or "electronically" in m for m in methods)  # Art. 288
    service.locator("select[name=method]").select_option("in_person")
    service.locator("input[name=served_on]").fill(today)
    service.locator("input[name=reference]").fill("RC-0042")
    service.get_by_role("button", name="Record service").click()
    page.wait_for_load_state()
    assert "15일 이행기간" in page.inner_text("body") or "통고 이행" in page.inner_text("body")
    screenshot("ko-offense-notified")

    form = _open_action(page, "Record full compliance within the 15 days")
    form.get_by_label("How it was paid").select_option("cash")
    form.get_by_label("Paid on").fill(today)
    _submit(form, "Record full compliance within the 15 days: the rest paid")
    _confirm(page, [])
    assert "통고 이행(종결)" in page.locator("dl.facts").inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("ko-offense-complied-390")


def test_an_officer_records_a_seizure_and_notifies_the_sale_of_the_goods(live_server, page,
                                                                         screenshot):
    """The seizure opens the goods' own case (Arts. 303, 305), linked both ways; the sale is
    notified with its notice (303(3)). Against a flagrant offender, so that the test runs at
    any hour (306(1) proviso)."""
    reference = _investigating(page, live_server, "Fresh mangoes brought in undeclared")

    form = _open_action(page, "Record a seizure")
    form.get_by_label("Started at").fill(f"{clock.now().astimezone(clock.SEOUL):%Y-%m-%dT%H:%M}")
    form.get_by_label("Place").fill("Incheon Airport, T1")
    form.get_by_label("Against a flagrant offender").check()
    form.get_by_label("Warrant (Art. 296)").fill("Urgent: warrant to follow (296(1) proviso)")
    form.get_by_label("Goods seized").fill("200 kg of fresh mangoes")
    form.get_by_label("Quantity").fill("200 kg")
    form.get_by_label("Value (KRW)").fill("3000000")
    form.get_by_label("Custody (Art. 303(2))").select_option("office")
    form.get_by_label("The seizure report (Art. 305)").fill("Seizure report No. 12")
    _submit(form, "Record a seizure: its goods get a case of their own")
    _confirm(page, [])
    link = page.locator("div.linked-children a").first
    goods = link.inner_text()
    assert goods.startswith("SZG-")
    link.click()
    page.wait_for_load_state()
    assert reference in page.locator("div.linked-parent").inner_text()

    form = _open_action(page, "Notify the sale of the seized goods")
    form.get_by_label("Ground of the sale").select_option("decay")
    form.get_by_label("Reasons").fill("Fresh fruit that will rot within days")
    _submit(form, "Notify the sale of the seized goods")
    _confirm(page, ["압수물품 매각 통고서"])
    assert "매각 통고" in page.locator("dl.facts").inner_text()
    assert page.locator("tr.notice-row", has_text="Notice of the Sale of Seized Goods").count()
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("ko-seized-goods-sale-390")
