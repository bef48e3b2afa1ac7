"""A revision stops the decision clock only for the revision period (Arts. 123(1), 128(4)), in a
real browser: the payer's portal says the revision period passed and what may follow; the
officer's case page shows the lapse, the decision period running again, no Art. 10 extension
or waiver for the decision period, and the dismissal on ground (c) through its confirmation.
Screenshots in Korean at 1280 and 390 px wide.

The objection is filed 20 days ago; a revision of 5 days is ordered the same day. Its period
runs from the next day and ends on its 5th day, moved on by Art. 8(3) if that is not a working
day; the sweep records the lapse at 24:00 of that day.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Party, User
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.browser.pages import action_button
from tests.browser.test_sign_in import sign_in
from tests.procedure_helpers import deadline
from workflows import clock
from workflows.clock import SEOUL

pytestmark = pytest.mark.browser


@pytest.fixture
def lapsed(app, live_server) -> str:
    with app.app_context():
        officer = db.session.scalar(select(User).where(User.username == "officer"))
        party = db.session.scalar(select(Party).where(Party.name == "JOHN SMITH"))
        filed = clock.today() - timedelta(days=20)
        with clock.frozen(datetime.combine(filed, time(10), tzinfo=SEOUL)):
            case = open_procedure_case(
                "objection", party=party, office=officer.office, actor=officer,
                assigned_officer=officer,
                values={"disposition": "Payment notice on a camera (browser test)",
                        "disposition_ref": "SEL-2026-777001", "disposition_kind": "assessment",
                        "notice_received_on": filed.isoformat(), "filed_on": filed.isoformat(),
                        "filing_rule": "at_office", "reasons": "The camera was used abroad."})
            fire(case, "order_revision", actor=officer,
                 values={"revision_days": 5, "matters": "Attach the purchase receipt."})
            db.session.commit()
        enforce_due_deadlines()
        db.session.refresh(case)
        assert case.state == "revision_lapsed"
        assert deadline(case, "decision").suspended_since is None  # the clock runs again
        return case.reference


def _narrow(page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => "
                  "requestAnimationFrame(done)))")


def test_the_payer_is_told_the_revision_period_passed(live_server, lapsed, page, screenshot):
    sign_in(page, live_server, "payer")
    page.wait_for_url(f"{live_server}/portal")
    item = page.locator(f"#act li.portal-item[data-case='{lapsed}']")
    assert item.count() == 1
    text = item.inner_text()
    assert "기한 경과" in text and "보정 기간" in text
    assert "128(1)1(c)" in text  # what may follow: a dismissal without a review of the merits
    screenshot("portal-revision-lapsed-ko")
    _narrow(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot("portal-revision-lapsed-ko-390")


def test_the_officer_sees_the_lapse_and_dismisses_on_ground_c(live_server, lapsed, page,
                                                             screenshot):
    sign_in(page, live_server, "officer")
    page.wait_for_url(f"{live_server}/worklist")
    page.goto(f"{live_server}/cases/{lapsed}")
    assert "보정기간 경과" in page.inner_text(".facts")
    decision = page.locator("tr.deadline-row[data-kind='decision']")
    assert "기간 정지" not in decision.inner_text()  # running again
    index = page.locator("tr.deadline-row").evaluate_all(
        "rows => rows.findIndex(r => r.dataset.kind === 'decision')")
    details = page.locator("tr.detail-row").nth(index)
    assert details.locator("summary", has_text="기한 연장").count() == 0  # the law's period
    screenshot("case-revision-lapsed-ko")
    _narrow(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot("case-revision-lapsed-ko-390")
    page.set_viewport_size({"width": 1280, "height": 800})

    action = page.locator("details#action-decide_dismiss")
    action.locator("summary").click()
    form = action.locator("form.action-form")
    form.get_by_label("Ground of dismissal").select_option("c")
    form.get_by_label("Reasons of the decision (Art. 128(3))").fill(
        "The receipt was not attached within the revision period.")
    form.get_by_role("button", name=action_button("Dismiss")).click()
    confirmation = page.locator("section.confirmation")
    confirmation.wait_for()
    assert "각하" in confirmation.inner_text()
    page.locator("form.confirm-form").get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{live_server}/cases/{lapsed}")
    assert "결정" in page.inner_text(".facts")
    screenshot("case-dismissed-ground-c-ko")
