"""Signing out in a real browser ends the session on the server: a second browser holding a
copy of the cookie taken before is sent to sign in (issue 13, item 4)."""

import pytest

from tests.browser.test_sign_in import sign_in

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
