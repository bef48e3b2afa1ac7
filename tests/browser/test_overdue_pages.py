"""Overdue means overdue, in a real browser on the demo data after a sweep: the supervisor's
count, the worklist's worst-first rows, the case page's status box, an overdue duty waived and
a running one extended through the forms as served, and alerts acknowledged.

The demo (backoffice/demo.py) files an objection 25 days ago: its written opinion (7 days,
Art. 132(5)) passed 18 days ago, or fewer when its last day fell on a weekend or holiday and
moved forward (Art. 8(3)); another 45 days ago: its decision period (30 days, Art. 132(4) →
128(2)) passed about 15 days ago. The days late are read against the due dates stored: today
(KST) minus the last day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import holidays
import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, Deadline
from jobs.enforce import enforce_due_deadlines
from tests.browser.test_sign_in import sign_in
from workflows import clock

pytestmark = pytest.mark.browser


@pytest.fixture
def swept(live_server, app):
    """The demo after the scheduler's sweep has escalated, flagged and moved what passed."""
    with app.app_context():
        enforce_due_deadlines()
        db.session.commit()
    return live_server


@pytest.fixture
def opinion_late(app, swept) -> int:
    """How many days late the demo's written opinion is: the legal days since its last day."""
    with app.app_context():
        due = db.session.scalar(select(Deadline.due_date).where(Deadline.kind == "opinion",
                                                                Deadline.status == "missed"))
    late = (clock.today() - due).days
    assert late >= 1  # 25 days after filing, a 7-day period has passed whatever its roll-over
    return late


def _phone(page):
    page.set_viewport_size({"width": 390, "height": 844})


def test_the_supervisor_sees_the_late_duties_worst_first_and_the_status_box(
    swept, page, screenshot, opinion_late
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
    assert late[0] >= late[1] and opinion_late in late  # worst first
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


def _deadline_details(page, text: str):
    """The details row under the deadline row that shows ``text``."""
    index = page.locator("tr.deadline-row").evaluate_all(
        f"rows => rows.findIndex(r => r.innerText.includes({text!r}))")
    assert index >= 0, f"no deadline row shows {text!r}"
    return page.locator("tr.detail-row").nth(index)


def test_a_supervisor_waives_an_overdue_opinion(swept, page, screenshot, opinion_late):
    sign_in(page, swept, "supervisor")
    page.wait_for_url(f"{swept}/dashboard")
    page.goto(f"{swept}/worklist?due=overdue")
    late = f"{opinion_late}일 지연"
    page.locator("table.worklist tbody tr", has_text=late).get_by_role("link").first.click()
    opinion = page.locator("tr.deadline-row", has_text=late)
    assert opinion.count() == 1
    details = _deadline_details(page, late)
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
    # No dash but in an ISO date, a case reference or an article's branch number (255-4).
    assert "일 지연" in text and "-" not in re.sub(
        r"\d{4}-\d{2}-\d{2}|[A-Z]+-\d{4}-\d+|\d+-\d+\(", "", text.split("\n")[0])
    assert "note_overdue" not in text and "deem_grant" not in text  # labels, not triggers
    before = lines.count()
    lines.first.get_by_role("button", name="확인").click()
    page.wait_for_url(f"{swept}/dashboard")
    assert page.locator("#alerts ul.alerts").first.locator("li.alert-line").count() == before - 1
    summary = page.inner_text("details.acknowledged summary")
    assert "확인한 알림" in summary and summary.endswith("(1)")
    screenshot("dashboard-alerts-ko")


def test_an_officer_extends_a_running_period_refused_first_then_corrected(
    swept, page, screenshot, app
):
    sign_in(page, swept, "officer")
    page.wait_for_url(f"{swept}/worklist")
    # The demo objection in revision: the claimant's revision period is one Art. 10 lets the
    # office extend; the decision period is the law's own and offers no extension.
    with app.app_context():
        reference = db.session.scalar(select(Case.reference).where(Case.state == "in_revision"))
    page.goto(f"{swept}/cases/{reference}")
    row = page.locator("tr.deadline-row[data-kind='revision']")  # a period still running
    assert "남음" in row.inner_text()
    due = row.locator("td.date strong time").get_attribute("datetime")  # the ISO date
    details = _deadline_details(page, row.locator("td").first.inner_text().split("\n")[0])
    details.locator("summary", has_text="기한 연장").click()
    details.get_by_label("연장 기한").fill(due)  # not later than the present end: refused
    details.get_by_label("연장 사유").fill("typhoon closed the office (demo)")
    details.get_by_role("button", name="연장").click()
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert summary.is_visible()
    details = page.locator("tr.detail-row details[open]", has_text="기한 연장")
    assert details.get_by_label("연장 사유").input_value() == "typhoon closed the office (demo)"
    screenshot("extension-refused-ko")
    later = date.fromisoformat(due) + timedelta(days=14)
    while later.weekday() >= 5 or later in holidays.country_holidays("KR"):
        later += timedelta(days=1)  # a working day, so Art. 8(3) does not move it again
    later = later.isoformat()
    details.get_by_label("연장 기한").fill(later)
    details.get_by_role("button", name="연장").click()
    page.wait_for_load_state()
    assert "연장했습니다" in page.inner_text(".flash")
    assert page.locator(f"tr.deadline-row td.date strong time[datetime='{later}']").count() == 1
    history = page.locator("section", has=page.locator("#history-heading")).inner_text()
    assert "typhoon closed the office" in history and "제10조" in history
    screenshot("extension-done-ko")


def test_a_new_online_filing_is_seen_by_the_supervisor_and_waits_unassigned(
    live_server, page, browser, screenshot
):
    sign_in(page, live_server, "payer")
    page.wait_for_url(f"{live_server}/portal")
    page.get_by_role("link", name="File an objection").click()
    page.get_by_label("Customs office that took the disposition").select_option(
        label="서울본부세관 (Seoul Main Customs)")
    page.get_by_label("The disposition appealed against").fill("Duty on a parcel")
    page.get_by_label("Number of the disposition notice").fill("SEL-2026-2001")
    page.get_by_label("Kind of disposition").select_option("assessment")
    page.get_by_label("Disposition notice received on").fill(
        clock.today().isoformat())
    page.get_by_label("Reasons of the dissatisfaction").fill("A gift.")
    page.get_by_role("button", name="Check your answers").click()
    page.get_by_role("button", name="File now").click()
    page.wait_for_url(re.compile(r"/receipt$"))
    reference = re.search(r"OBJ-\d{4}-\d{6}", page.inner_text("#receipt")).group(0)

    supervisor = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ko-KR")
    staff = supervisor.new_page()
    sign_in(staff, live_server, "supervisor")
    staff.wait_for_url(f"{live_server}/dashboard")
    alert = staff.locator("#alerts li.alert-line.new_filing", has_text=reference)
    assert alert.count() == 1 and "새 접수" in alert.inner_text()
    unassigned = staff.locator("#card-unassigned").get_by_role("link")
    assert unassigned.inner_text() == "1"
    unassigned.click()
    staff.wait_for_url("**/worklist?assignee=none")
    row = staff.locator("table.worklist tbody tr", has_text=reference)
    assert row.count() == 1
    select = row.locator("select[name=officer_id]")
    assert select.locator("option:checked").inner_text().startswith("—")  # nobody chosen yet
    select.select_option(label="Kim Minjun (김민준)")
    row.get_by_role("button", name="Reassign").click()
    staff.wait_for_load_state()
    assert f"{reference} is assigned to Kim Minjun" in staff.inner_text(".flash")
    supervisor.close()
