"""Check before acting, in a real browser: an officer orders a revision on the demo objection,
sees what it will do, goes back to change a value, and confirms; a refused form shows its
errors at the top of the form and on each field. Screenshots at 1280 and 390 px wide."""

import re

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, Party
from tests.browser.pages import action_button
from tests.browser.test_sign_in import sign_in

pytestmark = pytest.mark.browser

DAYS = "Revision period (days)"
MATTERS = "Matters to revise"
DATE = re.compile(r"\d{4}년 \d{1,2}월 \d{1,2}일\([월화수목금토일]\)")  # a Korean page's date


def _filed_objection(app) -> tuple[str, str]:
    """The demo objection of JOHN SMITH, filed and assigned to the officer."""
    with app.app_context():
        case = db.session.scalars(select(Case).join(Party).where(
            Case.procedure == "objection", Case.state == "filed",
            Party.name == "JOHN SMITH")).one()
        return case.reference, case.party.masked_identifier


def _narrow(page) -> None:
    """A phone's width, 390 px; wait until the page has been laid out and painted again."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => "
                  "requestAnimationFrame(done)))")


def _words(locator) -> str:
    return " ".join(locator.inner_text().split())


def _order_revision(page, days: str, matters: str | None = None) -> None:
    details = page.locator("details#action-order_revision")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    form = details.locator("form.action-form")
    form.get_by_label(DAYS).fill(days)
    if matters is not None:
        form.get_by_label(MATTERS).fill(matters)
    form.get_by_role("button", name=action_button("Order a revision")).click()


def test_the_officer_checks_goes_back_and_confirms_a_revision_order(live_server, page,
                                                                      screenshot, app):
    reference, masked = _filed_objection(app)
    sign_in(page, live_server, "officer")
    page.wait_for_url(f"{live_server}/worklist")
    page.goto(f"{live_server}/cases/{reference}")

    _order_revision(page, "14", "Attach the technical drawings of the goods.")
    confirmation = page.locator("section.confirmation")
    confirmation.wait_for()
    assert page.locator("h1").inner_text().startswith("처리 전 확인")
    assert "보정 요구 Order a revision" in _words(confirmation.locator(".confirm-action"))
    assert "제123조제1항(제132조제4항에 따라 준용)" in _words(
        confirmation.locator(".confirm-article"))
    assert "→ 보정 요구 Revision ordered" in _words(confirmation.locator(".confirm-state"))
    notice = _words(confirmation.locator(".confirm-notices"))
    assert "보정요구서 Order to Revise" in notice
    assert "JOHN SMITH" in notice and masked in notice
    period = confirmation.locator(".confirm-periods tr[data-kind='revision']")
    assert "revision period" in period.inner_text()
    due = DATE.search(period.inner_text()).group(0)
    values = _words(confirmation.locator(".confirm-values"))
    assert "14" in values and "Attach the technical drawings of the goods." in values
    screenshot("confirmation")
    _narrow(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot("confirmation-390")
    page.set_viewport_size({"width": 1280, "height": 800})

    # Go back: the form is open again, with the values entered, and has the focus.
    page.locator("form.confirm-form").get_by_role("button", name="Go back").click()
    form = page.locator("details#action-order_revision[open] form.action-form")
    form.wait_for()
    assert form.get_by_label(DAYS).input_value() == "14"
    assert form.get_by_label(MATTERS).input_value() == "Attach the technical drawings of the goods."
    assert page.evaluate("document.activeElement.id") == "order_revision-revision_days"
    assert page.locator("form.confirm-form").count() == 0
    screenshot("confirmation-go-back")

    # Change the period and confirm: the case page shows the order, its notice and its date.
    _order_revision(page, "10")
    confirmation.wait_for()
    period = confirmation.locator(".confirm-periods tr[data-kind='revision']")
    due = DATE.search(period.inner_text()).group(0)
    assert "10" in _words(confirmation.locator(".confirm-values"))
    page.locator("form.confirm-form").get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{live_server}/cases/{reference}")
    assert "Order a revision: done (Art. 123(1) via 132(4)). Notice" in _words(
        page.locator(".flash-info"))
    assert "보정 요구" in _words(page.locator(".facts"))
    assert page.locator("tr.notice-row", has_text="Order to Revise").count() == 1
    deadlines = page.locator("section", has=page.locator("#deadlines-heading"))
    assert due in deadlines.inner_text()


def test_a_refused_action_shows_a_summary_at_the_top_of_its_form(live_server, page,
                                                                  screenshot, app):
    reference, _ = _filed_objection(app)
    sign_in(page, live_server, "officer")
    page.wait_for_url(f"{live_server}/worklist")
    page.goto(f"{live_server}/cases/{reference}")
    _order_revision(page, "45", "")
    form = page.locator("details#action-order_revision[open] form.action-form")
    form.wait_for()
    summary = form.locator(".error-summary")
    assert "Number must be between 1 and 20." in summary.inner_text()
    assert "This field is required." in summary.inner_text()
    assert form.get_by_label(DAYS).input_value() == "45"
    assert page.evaluate("document.activeElement.id") == "order_revision-revision_days"
    summary.get_by_role("link", name=re.compile("Matters to revise")).click()
    assert page.evaluate("document.activeElement.id") == "order_revision-matters"
    screenshot("action-refused")
    _narrow(page)
    screenshot("action-refused-390")
