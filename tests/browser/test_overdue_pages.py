"""Overdue means overdue, in a real browser on the demo data after a sweep: the supervisor's
count, the worklist's worst-first rows, the case page's status box, an overdue duty waived and
a running one extended through the forms as served, and alerts acknowledged.

The demo (backoffice/demo.py) files an objection 25 days ago: its written opinion (7 days,
Art. 132(5)) passed 18 days ago; another 45 days ago: its decision period (30 days, Art. 132(4)
→ 128(2)) passed 15 days ago, rolled forward if it ended on a non-working day.
"""

from __future__ import annotations

import re

import pytest

from backoffice.extensions import db
from jobs.enforce import enforce_due_deadlines
from tests.browser.test_sign_in import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def swept(live_server, app):
    """The demo after the scheduler's sweep has escalated, flagged and moved what passed."""
    with app.app_context():
        enforce_due_deadlines()
        db.session.commit()
    return live_server


def _phone(page):
    page.set_viewport_size({"width": 390, "height": 844})


def test_the_supervisor_sees_the_late_duties_worst_first_and_the_status_box(
    swept, page, screenshot
):
    sign_in(page, swept, "supervisor")
    page.wait_for_url(f"{swept}/dashboard")
    card = page.locator("#card-overdue")
    assert card.get_by_role("link").inner_text() == "2"
    assert "2건" in card.inner_text()  # two duties of the office past their deadline
    screenshot("dashboard-ko")
    card.get_by_role("link").click()
    page.wait_for_url("**/worklist?due=overdue")
    rows = page.locator("table.worklist tbody tr")
    assert rows.count() == 2
    first, second = rows.nth(0).inner_text(), rows.nth(1).inner_text()
    late = [int(re.search(r"(\d+)일 지연", text).group(1)) for text in (first, second)]
    assert late[0] >= late[1] and 18 in late  # worst first; the opinion is 18 days late
    assert rows.nth(0).get_attribute("class") == "overdue"
    screenshot("worklist-overdue-ko")
    page.goto(f"{swept}/worklist")
    classes = [page.locator("table.worklist tbody tr").nth(i).get_attribute("class")
               for i in range(3)]
    assert classes[:2] == ["overdue", "overdue"]  # the late ones head the whole worklist
    page.locator("table.worklist tbody tr.overdue a").first.click()
    box = page.locator("#status")
    assert "지연" in box.inner_text() and "처리할 사람" in box.inner_text()
    screenshot("case-status-ko")
    _phone(page)
    screenshot("case-status-ko-390")


def test_a_supervisor_waives_an_overdue_opinion_and_an_officer_extends_a_period(
    swept, page, screenshot
):
    sign_in(page, swept, "supervisor")
    page.wait_for_url(f"{swept}/dashboard")
    page.goto(f"{swept}/worklist?due=overdue")
    page.locator("table.worklist tbody tr", has_text="18일 지연").get_by_role("link").first.click()
    opinion = page.locator("tr.deadline-row", has_text="18일 지연")
    assert opinion.count() == 1
    details = page.locator("tr.detail-row").nth(
        page.locator("tr.deadline-row").evaluate_all(
            "rows => rows.findIndex(r => r.innerText.includes('18일 지연'))"))
    details.locator("summary", has_text="기한 면제").click()
    details.get_by_label("면제 사유").fill("opinion given orally at the hearing")
    details.get_by_role("button", name="면제").click()
    page.wait_for_load_state()
    assert "waived" in page.inner_text(".flash").lower() or "면제" in page.inner_text(".flash")
    assert page.locator("tr.deadline-row.standing-waived").count() == 1
    assert "opinion given orally" in page.inner_text("body")  # staff see the waiver's reason
    page.goto(f"{swept}/dashboard")
    assert page.locator("#card-overdue").get_by_role("link").inner_text() == "1"


def test_alerts_read_as_they_stand_and_are_acknowledged(swept, page, screenshot):
    sign_in(page, swept, "supervisor")
    page.wait_for_url(f"{swept}/dashboard")
    alerts = page.locator("#alerts ul.alerts").first
    lines = alerts.locator("li.alert-line")
    assert lines.count() >= 2
    text = alerts.inner_text()
    assert "일 지연" in text and "-" not in re.sub(r"\d{4}-\d{2}-\d{2}|[A-Z]+-\d{4}-\d+", "",
                                                 text.split("\n")[0])
    assert "note_overdue" not in text and "deem_grant" not in text  # labels, not triggers
    before = lines.count()
    lines.first.get_by_role("button", name="확인").click()
    page.wait_for_url(f"{swept}/dashboard")
    assert page.locator("#alerts ul.alerts").first.locator("li.alert-line").count() == before - 1
    summary = page.inner_text("details.acknowledged summary")
    assert "확인한 알림" in summary and summary.endswith("(1)")
    screenshot("dashboard-alerts-ko")
