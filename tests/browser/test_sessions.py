"""Signing out in a real browser ends the session on the server: a second browser holding a
copy of the cookie taken before is sent to sign in (issue 13, item 4)."""

import re

import pytest

from backoffice.demo import DEMO_PASSWORD
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_sign_in import sign_in

NEW_PASSWORD = "Hanbok-on-Jeju-2026"

pytestmark = pytest.mark.browser


def test_a_cookie_copied_before_sign_out_no_longer_works(live_server, page, browser):
    sign_in(page, live_server, "officer")
    page.wait_for_url(f"{live_server}/worklist")
    copied = page.context.cookies()
    page.get_by_role("button", name="모든 기기에서 로그아웃").click()
    page.wait_for_url(f"{live_server}/login")
    assert "모든 기기에서 로그아웃되었습니다" in page.get_by_role("status").inner_text()

    thief = browser.new_context()
    try:
        thief.add_cookies(copied)
        other = thief.new_page()
        other.goto(f"{live_server}/worklist")
        assert other.url.startswith(f"{live_server}/login")
    finally:
        thief.close()


def test_an_officer_changes_their_password_on_a_phone_and_signs_in_with_the_new_one(
        live_server, browser):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
    try:
        page = phone.new_page()
        sign_in(page, live_server, "officer")
        page.wait_for_url(f"{live_server}/worklist")
        page.get_by_role("link", name="비밀번호 변경").click()
        page.get_by_label("현재 비밀번호").fill(DEMO_PASSWORD)
        new = page.get_by_label("새 비밀번호 New password", exact=True)
        new.fill("officer")  # the username: refused
        page.get_by_label("새 비밀번호 확인").fill("officer")
        page.get_by_role("button", name="비밀번호 변경").click()
        assert page.locator(".field-error").count() >= 1
        page.screenshot(path=str(SCREENSHOTS / "password-refused-ko-390.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.get_by_label("현재 비밀번호").fill(DEMO_PASSWORD)
        new.fill(NEW_PASSWORD)
        page.get_by_label("새 비밀번호 확인").fill(NEW_PASSWORD)
        page.get_by_role("button", name="비밀번호 변경").click()
        page.wait_for_url(f"{live_server}/login")  # signed out on every device
        sign_in(page, live_server, "officer", DEMO_PASSWORD)
        assert page.url.startswith(f"{live_server}/login")  # the old one no longer works
        sign_in(page, live_server, "officer", NEW_PASSWORD)
        page.wait_for_url(f"{live_server}/worklist")
    finally:
        phone.close()


def test_an_administrator_ends_every_session_of_an_officer(live_server, page, browser):
    officer = browser.new_context()
    try:
        desk = officer.new_page()
        sign_in(desk, live_server, "officer")
        desk.wait_for_url(f"{live_server}/worklist")
        sign_in(page, live_server, "admin")
        page.wait_for_url(f"{live_server}/admin")
        row = page.locator("tr").filter(
            has=page.locator("td.mono", has_text=re.compile("^officer$")))
        row.get_by_role("button", name="모든 세션 종료").click()
        assert "모든 기기에서 로그아웃시켰습니다" in page.get_by_role("status").first.inner_text()
        desk.goto(f"{live_server}/worklist")
        assert desk.url.startswith(f"{live_server}/login")
    finally:
        officer.close()
