"""AEO certification in a real browser, on the demo data: an officer takes a request from the
audit to the certificate, and a certified company reports a change from its portal."""

import re
from datetime import timedelta
from pathlib import Path

import pytest

from tests.browser.pages import action_button, open_case_as_officer
from tests.browser.test_sign_in import sign_in
from tests.browser.test_walkthroughs import CASE_PAGE, _confirm
from tests.notice_helpers import pdf_text, says
from workflows import clock
from workflows.procedures.aeo import term_end

pytestmark = pytest.mark.browser


def _open_action(page, summary: str):
    page.locator("details.action summary", has_text=summary).click()
    return page.locator("details.action[open] form.action-form")


def _submit(form, button: str) -> None:
    form.get_by_role("button", name=action_button(button)).click()
    form.page.wait_for_load_state()


def _audit_of_hanbit(page, live_server) -> str:
    """An officer opens Hanbit's request for a certification audit and starts the audit."""
    open_case_as_officer(page, live_server, "AEO certification", "business_registration",
                         "1208147521")
    page.get_by_label("Business type").select_option("importer")
    page.get_by_role("button", name=action_button("Request the certification audit")).click()
    page.wait_for_url(CASE_PAGE)
    reference = page.locator("h1").inner_text().split()[0]
    assert reference.startswith("AEO-")
    _submit(_open_action(page, "Start the audit"), "Start the audit")
    assert "Start the audit: done" in page.inner_text("body")
    return reference


def test_an_officer_audits_a_request_and_certifies_the_operator(live_server, page, screenshot,
                                                               tmp_path):
    reference = _audit_of_hanbit(page, live_server)
    for step, findings in (("document_review", "Documents complete"),
                           ("on_site_audit", "Gate log and seals kept")):
        form = _open_action(page, "Record an audit step")
        form.get_by_label("Step").select_option(step)
        form.get_by_label("Findings").fill(findings)
        _submit(form, "Record an audit step")
    today = clock.today()
    form = _open_action(page, "Certify as AEO")
    form.get_by_label("Legal-compliance score").fill("96")
    form.get_by_label("Internal-control score").fill("88")
    form.get_by_label("Financial solvency met").check()
    form.get_by_label("Safety management met").check()
    form.get_by_label("Valid from").fill(today.isoformat())
    _submit(form, "Certify as AEO")
    _confirm(page, ["수출입 안전관리 우수업체 공인증서", "Hanbit Trading"])
    header = page.locator("dl.facts").inner_text()
    assert "AAA" in header  # 96: AAA from 95
    end = term_end(today)  # the day before the fifth anniversary (Civil Act Art. 160(2))
    assert f"{end.year}년 {end.month}월 {end.day}일" in header  # the last day, Korean first
    assert "공휴일이어도 연장되지 않음" in header
    screenshot("aeo-certified")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("ko-aeo-case-390")  # the header stacks on a phone
    page.goto(f"{live_server}/register/aeo")
    assert "Hanbit Trading" in page.locator("table.register").inner_text()
    screenshot("ko-aeo-register-390")
    page.goto(f"{live_server}/cases/{reference}")
    row = page.locator("tr.notice-row", has_text="Certificate of Authorized Economic Operator")
    with page.expect_download() as download:
        row.get_by_role("link", name="PDF").click()
    saved = tmp_path / "certificate.pdf"
    download.value.save_as(saved)
    says(pdf_text(Path(saved).read_bytes()), "수출입 안전관리 우수업체 공인증서", f"{reference}-1",
         "AAA", f"{end.year}년 {end.month}월 {end.day}일")


def test_a_certified_company_reports_a_change_from_its_portal(live_server, page, screenshot):
    sign_in(page, live_server, "company")
    page.wait_for_url(f"{live_server}/portal")
    page.locator("a", has_text=re.compile(r"AEO-\d{4}-\d+")).first.click()
    page.wait_for_url(CASE_PAGE)
    header = page.locator("dl.facts").inner_text()
    assert "AA" in header and "적용 중" in header  # grade, benefits in force
    changed = clock.today() - timedelta(days=3)
    form = _open_action(page, "Report a change")
    form.locator("select[name$='-change']").select_option("representative")
    form.get_by_label("Day of the change").fill(changed.isoformat())
    form.get_by_label("Description").fill("New representative director")
    screenshot("aeo-change-report")
    _submit(form, "Report a change")
    body = page.inner_text("body")
    assert "Report a change: done" in body
    assert "New representative director" in body  # the history shows the report
    page.locator(".flash a.receipt-link").click()  # the receipt of the report
    page.wait_for_url(re.compile(r"/receipt\?event=\d+$"))
    receipt = page.locator("#receipt").inner_text()
    assert "변동사항 보고 Report a change" in receipt
    assert "New representative director" in receipt
    assert f"{changed.year}년 {changed.month}월 {changed.day}일" in receipt  # the day of the change
    screenshot("aeo-change-receipt")


def test_a_refused_company_requests_examination_from_the_refusal_notice(live_server, page,
                                                                        screenshot):
    """The refusal is the Commissioner's (Art. 255-2(1)): its notice offers the request for
    examination, not an objection (Art. 119(2)), and the form comes filled from the notice."""
    reference = _audit_of_hanbit(page, live_server)
    form = _open_action(page, "Refuse the certification")
    form.get_by_label("Reasons, per standard not met").fill("Internal control below 80")
    _submit(form, "Refuse the certification")
    _confirm(page, ["공인 거부 통지서"])
    row = page.locator("tr.notice-row", has_text="Refusal of AEO Certification")
    number = row.get_attribute("data-number")
    page.locator("details summary", has_text=f"Record service of {number}").click()
    service = page.locator(f"form[action$='/notices/{number}/service']")
    service.locator("select[name=method]").select_option("in_person")
    service.locator("input[name=served_on]").fill(clock.today().isoformat())
    service.get_by_role("button", name="Record service").click()
    page.wait_for_load_state()
    page.context.clear_cookies()

    sign_in(page, live_server, "company")
    page.wait_for_url(f"{live_server}/portal")
    page.goto(f"{live_server}/cases/{reference}")
    appeal = page.locator(f"tr.appeal-row[data-number='{number}']")
    assert appeal.locator("a.appeal-link").count() == 1  # no objection (Art. 119(2))
    screenshot("ko-aeo-refusal-appeal-link")
    appeal.get_by_role("link", name=re.compile("Request for examination")).click()
    page.wait_for_url(re.compile(r"/cases/new/examination\?against="))
    assert page.get_by_label("Number of the disposition notice").input_value() == number
    assert page.get_by_label("The day that period runs from").input_value() == \
        clock.today().isoformat()
    page.get_by_label("Reasons of the dissatisfaction").fill("The internal control was misread")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("ko-aeo-appeal-form-390")
    page.get_by_role("button", name="Check your answers").click()
    page.wait_for_url(re.compile(r"/cases/new/examination/check/"))
    page.get_by_role("button", name="File now").click()
    page.wait_for_url(re.compile(r"/receipt$"))
    appeal_reference = page.url.split("/cases/")[1].split("/")[0]
    page.goto(f"{live_server}/cases/{appeal_reference}")
    against = page.locator("dl.facts .contested").inner_text()
    assert number in against and reference in against
    page.goto(f"{live_server}/cases/{reference}")
    assert appeal_reference in page.locator(f"tr.appeal-row[data-number='{number}']").inner_text()
