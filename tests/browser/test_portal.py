"""The duty payer's portal in a real browser, on the demo data: what the payer must do, what the
customs office owes them, how their cases ended; the button that leads to the case page's form;
and the same page on a 390 px wide phone."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from backoffice.deadlines import standing
from backoffice.extensions import db
from backoffice.models import Case, Deadline, Party, User
from backoffice.workflow import fire
from tests.browser.pages import action_button
from tests.browser.test_sign_in import sign_in
from tests.korean_text import korean_day
from workflows import clock

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _payer_objection(app) -> tuple[str, dict[str, Deadline]]:
    with app.app_context():
        case = db.session.scalars(select(Case).join(Party).where(
            Party.name == "JOHN SMITH", Case.procedure == "objection")).one()
        deadlines = {d.kind: d for d in db.session.scalars(
            select(Deadline).where(Deadline.case_id == case.id))}
        for d in deadlines.values():
            db.session.expunge(d)
        return case.reference, deadlines


def _no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide at {PHONE['width']} px"


def test_the_payer_sees_what_the_office_owes_them_on_a_desktop_and_a_phone(
    app, live_server, page, screenshot
):
    reference, deadlines = _payer_objection(app)
    opinion, decision = deadlines["opinion"], deadlines["decision"]
    # The demo objection was filed 25 days ago: its written opinion (7 days, Art. 132(5)) is
    # late, its decision (30 days, Art. 132(4) → 128(2)) still runs. How late, and how many
    # days are left, is the standing module's reading of the dates the engine computed.
    late = standing.read(opinion).days_late
    left = standing.read(decision).days_left
    assert late > 0
    sign_in(page, live_server, "payer")
    page.wait_for_url(f"{live_server}/portal")
    act = page.locator("section#act")
    assert "처리하실 일" in act.locator("h2").inner_text()
    assert "지금 처리하실 일이 없습니다" in act.inner_text()
    waiting = page.locator("section#waiting")
    assert "세관 처리 대기" in waiting.locator("h2").inner_text()
    late_item = waiting.locator("li.awaited.late")
    assert late_item.count() == 1
    text = " ".join(late_item.inner_text().split())
    assert f"{late}일 지연" in text and "제132조제5항" in text
    assert f"기한은 {korean_day(opinion.due_date)}였습니다" in text
    running = waiting.locator("li.awaited:not(.late)")
    assert korean_day(decision.due_date) in running.inner_text()
    assert (f"{left}일 남음" if left else "오늘 자정까지") in running.inner_text()
    body = page.locator("body").inner_text()
    for hidden in ("감독자", "supervisors alerted", "flagged", "Kim Minjun", "김민준", "officer"):
        assert hidden not in body
    assert reference in page.locator("section#cases").inner_text()
    assert "종결된 사건이 없습니다" in page.locator("section#closed").inner_text()
    screenshot("portal-payer")
    page.set_viewport_size(PHONE)
    page.reload()
    _no_horizontal_scroll(page)
    screenshot("portal-payer-390")
    late_item.get_by_role("link", name=reference).click()
    page.wait_for_url(f"{live_server}/cases/{reference}")
    assert "지연" in page.locator("section#status").inner_text()


def test_the_payer_follows_the_button_to_the_revision_form_and_the_task_is_gone(
    app, live_server, page, screenshot
):
    reference, _ = _payer_objection(app)
    with app.app_context():
        officer = db.session.scalar(select(User).where(User.username == "officer"))
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        fire(case, "issue_opinion", actor=officer, values={"opinion": "Grounds (demo)."})
        fire(case, "order_revision", actor=officer,
             values={"revision_days": 10, "matters": "Attach the gift card (demo)."})
        db.session.commit()
        revision = db.session.scalar(select(Deadline).where(
            Deadline.case_id == case.id, Deadline.kind == "revision"))
        due, left = korean_day(revision.due_date), standing.read(revision).days_left
    sign_in(page, live_server, "payer")
    page.wait_for_url(f"{live_server}/portal")
    item = page.locator("section#act li.to-do")
    assert item.count() == 1
    text = " ".join(item.inner_text().split())
    assert "보정 기간" in text and due in text and f"{left}일 남음" in text
    assert "기한이 지나면" in text and "본안 심리 없이 각하될 수 있습니다" in text
    assert "제128조제1항제1호다목(제132조제4항에 따라 준용)" in text
    screenshot("portal-payer-to-do")
    page.set_viewport_size(PHONE)
    page.reload()
    _no_horizontal_scroll(page)
    screenshot("portal-payer-to-do-390")
    item.get_by_role("link", name=re.compile("보정서 제출")).click()
    page.wait_for_url(f"{live_server}/cases/{reference}?open=revise#action-revise")
    form = page.locator("details#action-revise[open]")  # the link opens the form it names
    form.get_by_label(re.compile("The revision")).fill("The gift card is attached (demo).")
    form.get_by_role("button", name=action_button("Revision submitted")).click()
    page.wait_for_url(f"{live_server}/cases/{reference}")
    screenshot("portal-payer-revised-case")
    page.goto(f"{live_server}/portal")
    assert page.locator("section#act li.to-do").count() == 0
    with app.app_context():
        # the revision returns the case to the office, not to the committee (Art. 123)
        assert db.session.scalar(select(Case.state).where(Case.reference == reference)) \
            == "revised"


def test_the_company_sees_its_closed_cases_apart_with_how_they_ended(
    app, live_server, page, screenshot
):
    sign_in(page, live_server, "company")
    page.wait_for_url(f"{live_server}/portal")
    page.set_viewport_size(PHONE)
    closed = page.locator("section#closed")
    assert not closed.locator("li.case-item").first.is_visible()  # collapsed
    closed.locator("summary").click()
    granted = closed.locator("li.case-item", has_text="허가되었습니다")
    assert granted.count() == 1
    today = clock.today().isoformat()
    assert today in granted.inner_text()
    # the company must do its own revision, and as an AEO its self-assessment, its renewal
    # application and the renewal before its term ends, and as the operator of a bonded
    # warehouse the renewal before the licence's term ends; the office owes it the rest
    to_do = page.locator("section#act li.to-do")
    assert to_do.count() == 5
    assert to_do.filter(has_text="보정 기간").count() == 1
    assert to_do.filter(has_text="AEO-").count() == 3
    assert to_do.filter(has_text="BAL-").count() == 1
    assert page.locator("section#waiting li.awaited").count() >= 4
    live = page.locator("section#cases").inner_text()
    assert granted.locator("a").first.inner_text() not in live
    _no_horizontal_scroll(page)
    screenshot("portal-company-390")
