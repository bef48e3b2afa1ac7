"""The deadline calculator and the statutory calendar, in a real browser."""

import re
from datetime import date, timedelta

import pytest

from backoffice.demo import DEMO_PASSWORD
from backoffice.extensions import db
from backoffice.models import User
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_sign_in import sign_in
from workflows import clock
from workflows.calendar import StatutoryCalendar

pytestmark = pytest.mark.browser


def test_officer_computes_a_deadline_over_seollal(live_server, page, screenshot):
    sign_in(page, live_server, "officer")
    page.get_by_role("link", name="기한 계산").click()
    page.get_by_label("Start date").fill("2026-01-19")
    page.get_by_label("기간 Period", exact=True).fill("30d")
    page.get_by_role("button", name="Compute").click()
    assert page.get_by_role("heading", name="Due 2026-02-19").is_visible()
    assert "설날" in page.content()  # the holiday named in Korean (the second day of Seollal)
    screenshot("deadline-calculator")


def _quiet_week_ahead(calendar: StatutoryCalendar) -> date:
    """A working day a month or more ahead whose next day is a working day too."""
    day = clock.today() + timedelta(days=30)
    while not (calendar.is_working_day(day) and calendar.is_working_day(day + timedelta(days=1))
               and calendar.is_working_day(day - timedelta(days=8))):
        day += timedelta(days=1)
    return day


def test_admin_records_a_decree_day_and_the_calculator_uses_it(live_server, page, screenshot):
    # A decree day D a month ahead (Art. 8(3)4): 8 days from D - 8 end on D, a day the office
    # is closed, so the period ends on the next working day, D + 1.
    closed = _quiet_week_ahead(StatutoryCalendar())
    start = closed - timedelta(days=8)
    sign_in(page, live_server, "admin")
    page.get_by_role("link", name="법정 달력").click()
    page.get_by_label("Date").first.fill(closed.isoformat())
    page.get_by_label("Name").fill("Treasury agent banks closed")
    page.get_by_label("Kind").select_option("decree_day")
    page.get_by_label("Legal ground").fill("Enforcement Decree Art. 1-4(1)")
    page.get_by_role("button", name="Add closure day").click()
    assert f"Closure day {closed.isoformat()} added" in page.content()
    screenshot("admin-calendar")
    page.get_by_role("link", name="기한 계산").click()
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_label("기간 Period", exact=True).fill("8d")
    page.get_by_role("button", name="Compute").click()
    due = closed + timedelta(days=1)
    assert page.get_by_role("heading", name=f"Due {due.isoformat()}").is_visible()
    assert "제8조제3항제4호" in page.content()  # Art. 8(3)4, cited the Korean way


def test_a_closure_day_recorded_late_counts_once_a_second_admin_confirms_it(
        app, live_server, page, browser, screenshot):
    # A decree day 20 days back is beyond the 7-day window (CALENDAR_RETROACTIVE_DAYS): it is
    # pending, the calculator does not count it, the recorder cannot confirm it, a second
    # administrator does, and then it counts.
    calendar = StatutoryCalendar()
    closed = clock.today() - timedelta(days=20)
    while not (calendar.is_working_day(closed) and calendar.is_working_day(
            closed + timedelta(days=1)) and calendar.is_working_day(closed - timedelta(days=8))):
        closed -= timedelta(days=1)
    start = closed - timedelta(days=8)
    with app.app_context():
        second = User(username="admin2", display_name="Second Administrator", role="admin")
        second.set_password(DEMO_PASSWORD)
        db.session.add(second)
        db.session.commit()

    sign_in(page, live_server, "admin")
    page.get_by_role("link", name="법정 달력").click()
    page.get_by_label("Date").first.fill(closed.isoformat())
    page.get_by_label("Name").fill("Treasury agent banks closed (late record)")
    page.get_by_label("Kind").select_option("decree_day")
    page.get_by_label("Legal ground").fill("Enforcement Decree Art. 1-4(1)")
    page.get_by_role("button", name="Add closure day").click()
    assert "Recorded as pending" in page.content()
    row = page.locator("tr.pending", has_text="late record")
    confirm = re.compile("Confirm|확인")
    assert row.count() == 1 and row.get_by_role("button", name=confirm).count() == 0
    screenshot("admin-calendar-pending")

    def due_in_calculator(on) -> str:
        on.get_by_role("link", name="기한 계산").click()
        on.get_by_label("Start date").fill(start.isoformat())
        on.get_by_label("기간 Period", exact=True).fill("8d")
        on.get_by_role("button", name="Compute").click()
        # The heading says it in both languages; the English beside the Korean is read here.
        return on.locator("#result-heading [lang=en]").inner_text()

    assert due_in_calculator(page) == f"Due {closed.isoformat()}"  # not counted yet

    other = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
    try:
        second_page = other.new_page()
        sign_in(second_page, live_server, "admin2")
        second_page.goto(f"{live_server}/admin/calendar")
        pending = second_page.locator("tr.pending", has_text="late record")
        pending.get_by_role("button", name=confirm).click()
        assert f"Closure day {closed.isoformat()} confirmed" in second_page.content()
        assert second_page.locator("tr.pending", has_text="late record").count() == 0
        second_page.screenshot(path=str(SCREENSHOTS / "admin-calendar-confirmed-390.png"),
                               full_page=True)
        assert due_in_calculator(second_page) == f"Due {(closed + timedelta(days=1)).isoformat()}"
    finally:
        other.close()


def test_officer_sees_why_a_deadline_falls_on_its_date(live_server, page, screenshot):
    sign_in(page, live_server, "officer")
    page.get_by_role("link", name="OBJ-").first.click()
    page.get_by_text("Why this date").first.click()
    assert "「민법」 제157조·제159조" in page.content()  # Civil Act Arts. 157 and 159
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
    assert "제250조제4항" in page.content()  # Art. 250(4)
    screenshot("case-detail-deemed-permission")


def test_the_worklist_shows_alerts(live_server, page, screenshot):
    from backoffice.extensions import db  # noqa: F401  (the live server shares the app)

    sign_in(page, live_server, "officer")
    assert page.get_by_role("heading", name="Worklist").is_visible()
    screenshot("landing-officer-alerts")
