"""The deadline calculator and the statutory calendar, in a real browser."""

import re

import pytest

from tests.browser.test_sign_in import sign_in

pytestmark = pytest.mark.browser


def test_officer_computes_a_deadline_over_seollal(live_server, page, screenshot):
    sign_in(page, live_server, "officer")
    page.get_by_role("link", name="기한 계산").click()
    page.get_by_label("Start date").fill("2026-01-19")
    page.get_by_label("Period", exact=True).fill("30d")
    page.get_by_role("button", name="Compute").click()
    assert page.get_by_role("heading", name="Due 2026-02-19").is_visible()
    assert "The second day of Korean New Year" in page.content()
    screenshot("deadline-calculator")


def test_admin_records_a_decree_day_and_the_calculator_uses_it(live_server, page, screenshot):
    sign_in(page, live_server, "admin")
    page.get_by_role("link", name="법정 달력").click()
    page.get_by_label("Date").first.fill("2026-03-10")
    page.get_by_label("Name").fill("Treasury agent banks closed")
    page.get_by_label("Kind").select_option("decree_day")
    page.get_by_label("Legal ground").fill("Enforcement Decree Art. 1-4(1)")
    page.get_by_role("button", name="Add closure day").click()
    assert "Closure day 2026-03-10 added" in page.content()
    screenshot("admin-calendar")
    page.get_by_role("link", name="기한 계산").click()
    page.get_by_label("Start date").fill("2026-03-02")
    page.get_by_label("Period", exact=True).fill("8d")
    page.get_by_role("button", name="Compute").click()
    assert page.get_by_role("heading", name="Due 2026-03-11").is_visible()
    assert "Art. 8(3)4" in page.content()


def test_officer_sees_why_a_deadline_falls_on_its_date(live_server, page, screenshot):
    sign_in(page, live_server, "officer")
    page.get_by_role("link", name="OBJ-").first.click()
    page.get_by_text("Why this date").first.click()
    assert "Civil Act Arts. 157 and 159" in page.content()
    screenshot("case-detail-officer")


def test_a_case_page_shows_its_procedure_with_the_current_state(live_server, page, screenshot):
    sign_in(page, live_server, "officer2")
    page.get_by_role("link", name="DPA-").first.click()
    page.locator("details.diagram summary").click()  # below the status box, collapsed
    diagram = page.get_by_role("img", name="절차도")
    diagram.wait_for()
    page.wait_for_function("img => img.complete && img.naturalWidth > 100",
                           arg=diagram.element_handle())
    svg = page.request.get(live_server + diagram.get_attribute("src")).text()
    shown = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "처리기간 연장" in shown and "extended" not in shown  # labels, not codes
    assert "Art. 250(4)" in page.content()
    screenshot("case-detail-deemed-permission")


def test_the_worklist_shows_alerts(live_server, page, screenshot):
    from backoffice.extensions import db  # noqa: F401  (the live server shares the app)

    sign_in(page, live_server, "officer")
    assert page.get_by_role("heading", name="Worklist").is_visible()
    screenshot("landing-officer-alerts")
