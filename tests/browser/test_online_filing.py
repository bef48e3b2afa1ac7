"""The demo duty payer files an objection online in a real browser (Debian chromium through
Playwright): a refused form keeps the office and what was typed and says what is wrong at the
top and on the field; the corrected one is checked, filed and shown as a receipt. Every step
is saved as a screenshot, on a desktop window and on a 390 px wide phone."""

import hashlib
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Alert, Attachment, Case
from tests.browser.test_sign_in import sign_in
from tests.factories import pdf_document
from workflows import clock

pytestmark = pytest.mark.browser

PDF = pdf_document(note="parcel invoice, personal use")
SEOUL = "서울본부세관 (Seoul Main Customs)"


@pytest.mark.parametrize("width", [1280, 390])
def test_a_refused_then_corrected_online_objection_is_checked_filed_and_receipted(
    app, live_server, page, screenshot, tmp_path, width
):
    page.set_viewport_size({"width": width, "height": 844 if width < 800 else 800})
    suffix = "" if width > 800 else "-390"
    evidence = tmp_path / "parcel-invoice.pdf"
    evidence.write_bytes(PDF)
    sign_in(page, live_server, "payer")
    page.wait_for_url(f"{live_server}/portal")
    page.get_by_role("link", name="File an objection").click()
    page.wait_for_url(f"{live_server}/cases/new/objection")

    office = page.get_by_label("Customs office that took the disposition")
    expect(office).to_have_value("")  # nothing is chosen for the payer
    office.select_option(label=SEOUL)
    page.get_by_label("The disposition appealed against").fill(
        "Duty on a parcel from abroad (KRW 95,000)")
    page.get_by_label("Number of the disposition notice").fill("SEL-2026-1188")
    page.get_by_label("Kind of disposition").select_option("assessment")
    page.get_by_label("Disposition notice received on").fill(
        clock.today().isoformat())
    # the reasons are left empty
    page.locator("#evidence").set_input_files(str(evidence))
    screenshot(f"online-filing-form{suffix}")
    page.get_by_role("button", name="Check your answers").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Reasons of the dissatisfaction")
    expect(summary).to_be_in_viewport()
    expect(office).to_have_value(re.compile(r"\d+"))
    assert office.locator("option:checked").inner_text() == SEOUL
    expect(page.get_by_label("Number of the disposition notice")).to_have_value(
        "SEL-2026-1188")
    expect(page.locator("#kept-files")).to_contain_text("kept: parcel-invoice.pdf")
    reasons = page.get_by_label("Reasons of the dissatisfaction")
    expect(reasons).to_have_attribute("aria-invalid", "true")
    screenshot(f"online-filing-refused{suffix}")

    summary.get_by_role("link", name=re.compile("Reasons of the dissatisfaction")).click()
    expect(reasons).to_be_focused()
    reasons.fill("It was a gift from my sister, for personal use.")
    page.get_by_role("button", name="Check your answers").click()

    page.wait_for_url(re.compile(r"/cases/new/objection/check/"))
    answers = page.locator(".check-answers")
    expect(answers).to_contain_text("Seoul Main Customs")
    expect(answers).to_contain_text("It was a gift from my sister, for personal use.")
    expect(answers).to_contain_text("SEL-2026-1188")
    expect(answers).to_contain_text(hashlib.sha256(PDF).hexdigest())
    screenshot(f"online-filing-check{suffix}")
    with app.app_context():
        before = db.session.scalar(select(Case.id).order_by(Case.id.desc()))

    page.get_by_role("button", name="File now").click()
    page.wait_for_url(re.compile(r"/cases/OBJ-\d{4}-\d{6}/receipt$"))
    receipt = page.locator("#receipt")
    expect(receipt).to_contain_text("Transmitted")
    expect(receipt).to_contain_text("Art. 129-2(2)")
    expect(receipt).to_contain_text("parcel-invoice.pdf")
    expect(receipt).to_contain_text(hashlib.sha256(PDF).hexdigest())
    expect(receipt).to_contain_text("It was a gift from my sister")
    screenshot(f"online-filing-receipt{suffix}")
    reference = page.url.rsplit("/", 2)[-2]
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        assert case.id != before and case.office.code == "SEOUL"
        assert case.data["filing_rule"] == "online"
        assert db.session.scalars(select(Attachment.filename).where(
            Attachment.case_id == case.id)).all() == ["parcel-invoice.pdf"]
        assert [a.user.username for a in db.session.scalars(select(Alert).where(
            Alert.case_id == case.id, Alert.kind == "new_filing"))] == ["supervisor"]

    pdf = page.request.get(f"{live_server}/cases/{reference}/receipt.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
