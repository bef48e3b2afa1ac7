"""Notices in a real browser: an officer records service and downloads the PDF; anybody
checks a notice on the public verification page."""

from pathlib import Path

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, Notice
from tests.browser.test_sign_in import sign_in
from tests.notice_helpers import pdf_text, says
from workflows import clock

pytestmark = pytest.mark.browser


def _written_opinion(app) -> tuple[str, str, str]:
    with app.app_context():
        notice = db.session.scalars(select(Notice).join(Case).where(
            Notice.kind == "written_opinion", Case.procedure == "objection")).one()
        return notice.case.reference, notice.number, notice.verification_code


def test_officer_records_service_by_mail_and_downloads_the_notice(live_server, page, screenshot,
                                                                  app, tmp_path):
    reference, number, _ = _written_opinion(app)
    sign_in(page, live_server, "officer")
    page.goto(f"{live_server}/cases/{reference}#notices")
    row = page.locator(f"tr.notice-row[data-number='{number}']")
    assert "not yet served" in row.inner_text()
    page.get_by_text(f"Record service of {number}").click()
    form = page.locator(f"form[action='/notices/{number}/service']")
    form.get_by_label("Method of service (Art. 11)").select_option("mail")
    form.get_by_label("Received on (not for a public notice)").fill(clock.today().isoformat())
    form.get_by_label("Proof of service").fill("RR 9876 5432 1KR")
    screenshot("notice-service-form")
    form.get_by_role("button", name="Record service").click()
    page.wait_for_load_state()
    assert f"Service of {number} recorded" in page.inner_text("body")
    assert f"served on {clock.today().isoformat()}" in \
        page.locator(f"tr.notice-row[data-number='{number}']").inner_text()
    screenshot("notice-served")
    with page.expect_download() as download_info:
        page.locator(f"tr.notice-row[data-number='{number}']").get_by_role(
            "link", name="PDF").click()
    saved = tmp_path / "notice.pdf"
    download_info.value.save_as(saved)
    says(pdf_text(Path(saved).read_bytes()), "의견서", "Written Opinion on the Disposition",
         number, "제132조제5항")


def test_anybody_verifies_a_notice_by_number_and_code(live_server, page, screenshot, app):
    _, number, code = _written_opinion(app)
    page.goto(f"{live_server}/verify")
    page.get_by_label("Notice number").fill(number)
    page.get_by_label("Verification code").fill(code.lower())
    page.get_by_role("button", name="Verify").click()
    result = page.locator("#verify-result")
    assert "Valid." in result.inner_text() and number in result.inner_text()
    screenshot("notice-verified")
    page.get_by_label("Verification code").fill("0000-0000-0000")
    page.get_by_role("button", name="Verify").click()
    assert "Unknown." in page.locator("#verify-result").inner_text()
