"""The strict Content-Security-Policy (backoffice.headers) breaks no page: each role's main pages
load in a real browser with no violation reported, and a page cannot be framed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case
from tests.browser.test_sign_in import sign_in

pytestmark = pytest.mark.browser

PAGES = {
    "officer": ["/worklist", "/calendar", "{case}"],
    "supervisor": ["/dashboard", "/worklist", "{case}"],
    "payer": ["/portal", "{case}"],
    "admin": ["/admin", "/admin/calendar"],
}


def _violations(page) -> list[str]:
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text)
            if "Content Security Policy" in message.text else None)
    return seen


@pytest.mark.parametrize("username", sorted(PAGES))
def test_every_main_page_loads_without_a_policy_violation(app, live_server, page, username):
    with app.app_context():
        case = db.session.scalars(select(Case).order_by(Case.id)).first().reference
    violations = _violations(page)
    sign_in(page, live_server, username)
    page.wait_for_load_state()
    for path in PAGES[username]:
        target = path.format(case=f"/cases/{case}")
        response = page.goto(f"{live_server}{target}")
        assert response.status in (200, 404), target  # a payer's 404 is a case not theirs
        page.wait_for_load_state("load")
        assert page.locator("link[rel=stylesheet]").count() == 1
        # The stylesheet applied: the page is not the browser's unstyled default.
        assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert violations == []


def test_a_page_cannot_be_framed_by_another_site(live_server, page):
    with page.expect_event("frameattached"):
        page.set_content(f'<iframe id="f" src="{live_server}/login"></iframe>')
    frame = page.frames[1]
    frame.wait_for_load_state("load")
    # frame-ancestors 'none': the browser shows its error page, not the sign-in form.
    assert frame.url.startswith("chrome-error://"), frame.url
    assert frame.locator("input[name=password]").count() == 0
