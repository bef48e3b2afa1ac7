"""Each role's main flow in a real browser (Debian chromium through Playwright), on the demo
data, asserting on what the pages show; every main page is saved as a screenshot."""

import re
from pathlib import Path

import pytest

from tests.browser.pages import action_button
from tests.browser.test_sign_in import sign_in
from tests.notice_helpers import pdf_text, says
from workflows import clock

pytestmark = pytest.mark.browser


def _act(page, summary: str, fields: dict[str, str], button: str) -> None:
    """Open an action's form on the case page, fill it and submit it."""
    page.locator("details.action summary", has_text=summary).click()
    form = page.locator("details.action[open] form.action-form")
    for label, value in fields.items():
        form.get_by_label(label).fill(value)
    form.get_by_role("button", name=action_button(button)).click()
    page.wait_for_load_state()


CASE_PAGE = re.compile(r"/cases/[A-Z]+-\d{4}-\d+$")


def _confirm(page, says: list[str]) -> str:
    """On the confirmation page of an action: check that it says each of ``says``, confirm,
    and wait for the case page; return what the confirmation said."""
    confirmation = page.locator("section.confirmation")
    confirmation.wait_for()
    text = " ".join(confirmation.inner_text().split())
    for words in says:
        assert words in text, (words, text)
    page.locator("form.confirm-form").get_by_role("button", name="Confirm").click()
    page.wait_for_url(CASE_PAGE)
    return text


def test_an_officer_opens_an_objection_issues_the_opinion_decides_and_downloads_the_notice(
    live_server, page, screenshot, tmp_path
):
    sign_in(page, live_server, "officer")
    page.wait_for_url(f"{live_server}/worklist")
    screenshot("worklist")
    page.locator("details.open-case summary").click()
    page.get_by_role("link", name="이의신청 Objection", exact=True).click()
    page.get_by_label("Identifier of the party").select_option("pcc")
    page.get_by_label("식별번호 Identifier", exact=True).fill("P193456789123")
    page.get_by_label("The disposition appealed against").fill(
        "Payment notice on an online purchase (KRW 310,000)")
    page.get_by_label("Number of the disposition notice").fill("SEL-2026-1201")
    page.get_by_label("Kind of disposition").select_option("assessment")
    today = clock.today().isoformat()
    page.get_by_label("Disposition notice received on").fill(today)
    page.get_by_label("Legal filing date").fill(today)
    page.get_by_label("How it was filed").select_option("at_office")
    page.get_by_label("Reasons of the dissatisfaction").fill("Personal use.")
    screenshot("open-objection")
    page.get_by_role("button", name="File an objection").click()
    page.wait_for_load_state()
    assert "opened and assigned to you" in page.inner_text("body")
    reference = page.locator("h1").inner_text().split()[0]
    _act(page, "Send the written opinion",
         {"Grounds, reasons and facts of the disposition":
          "The goods exceed the personal-use allowance."}, "Send the written opinion")
    # Sending the opinion issues a notice: it is checked first, and nothing is done before.
    _confirm(page, ["의견서 송부 Send the written opinion", "제132조제5항",
                    "이의신청 접수 Objection filed → 의견서 송부 Written opinion sent",
                    "의견서 Written Opinion on the Disposition", "JOHN SMITH", "P1934********",
                    "The goods exceed the personal-use allowance."])
    assert "Send the written opinion: done (Art. 132(5))" in page.inner_text("body")
    _act(page, "Refer to the Customs Appeal Committee", {},
         "Refer to the Customs Appeal Committee")
    assert page.locator("form.confirm-form").count() == 0  # a referral fires at once
    assert "Refer to the Customs Appeal Committee: done" in page.inner_text("body")
    _act(page, "Reject", {"Reasons of the decision (Art. 128(3))":
                          "The allowance of Art. 96 is exceeded; the assessment stands."},
         "Reject")
    said = _confirm(page, ["기각 Reject", "제128조제1항제2호(제132조제4항에 따라 준용)",
                           "→ 결정 Decided",
                           "이의신청 결정서 Decision on the Objection", "JOHN SMITH",
                           "The allowance of Art. 96 is exceeded; the assessment stands."])
    # The 90 days of Art. 129(1)1 run from the receipt of the decision, not yet recorded.
    assert "지금 개시되는 기간은 없습니다" in said
    body = page.inner_text("body")
    assert "Reject: done" in body and "Decided" in body
    screenshot("case-decided")
    decision_row = page.locator("tr.notice-row", has_text="Decision on the Objection")
    with page.expect_download() as download:
        decision_row.get_by_role("link", name="PDF").click()
    saved = tmp_path / "decision.pdf"
    download.value.save_as(saved)
    says(pdf_text(Path(saved).read_bytes()), "이의신청 결정서", reference,
         "The allowance of Art. 96 is exceeded", "90일 이내")


def test_a_duty_payer_files_an_objection_online_and_sees_its_deadline(live_server, page,
                                                                     screenshot):
    sign_in(page, live_server, "payer")
    page.wait_for_url(f"{live_server}/portal")
    screenshot("portal")
    page.get_by_role("link", name="File an objection").click()
    page.get_by_label("Customs office that took the disposition").select_option(
        label="서울본부세관 (Seoul Main Customs)")
    page.get_by_label("The disposition appealed against").fill(
        "Duty on a parcel from abroad (KRW 95,000)")
    page.get_by_label("Number of the disposition notice").fill("SEL-2026-1188")
    page.get_by_label("Kind of disposition").select_option("assessment")
    page.get_by_label("Disposition notice received on").fill(
        clock.today().isoformat())
    page.get_by_label("Reasons of the dissatisfaction").fill("It was a gift.")
    screenshot("file-objection")
    page.get_by_role("button", name="Check your answers").click()
    page.wait_for_url(re.compile(r"/cases/new/objection/check/"))
    page.get_by_role("button", name="File now").click()
    page.wait_for_url(re.compile(r"/receipt$"))
    receipt = page.locator("#receipt").inner_text()
    assert "Transmitted" in receipt and "Art. 129-2(2)" in receipt
    assert "이의신청 결정" in receipt  # the decision period, by its Korean label first
    screenshot("receipt")
    page.get_by_role("link", name="Back to my cases").click()
    assert "Objection filed" in page.inner_text("body")


def test_a_supervisor_follows_the_overdue_count_to_the_cases_behind_it(live_server, page,
                                                                      screenshot):
    sign_in(page, live_server, "supervisor")
    page.wait_for_url(f"{live_server}/dashboard")
    assert page.locator("h1").inner_text().startswith("감독자 현황")
    page.get_by_role("button", name="English").click()
    page.wait_for_url(f"{live_server}/dashboard")
    assert page.locator("h1").inner_text().startswith("Supervisor dashboard")
    assert page.locator("svg.chart").count() == 1
    screenshot("dashboard")
    overdue = page.locator(".card", has_text="Cases overdue").get_by_role("link")
    count = int(overdue.inner_text())
    assert count >= 1
    overdue.click()
    page.wait_for_url("**/worklist?due=overdue")
    rows = page.locator("table.worklist tbody tr.overdue")
    assert rows.count() == count  # the number is the length of the list behind it
    assert "days late" in rows.first.inner_text()  # in English: "18 days late"
    screenshot("worklist-overdue")
