"""Each demo user signs in through a real browser and lands on their role's page."""

import pytest
from sqlalchemy import select

from backoffice.demo import DEMO_PASSWORD
from backoffice.extensions import db
from backoffice.models import Case, Party

pytestmark = pytest.mark.browser

ROLE_PAGES = [
    ("officer", "/worklist", "Worklist"),
    ("supervisor", "/dashboard", "Supervisor dashboard"),
    ("payer", "/portal", "My cases"),
    ("admin", "/admin", "Administration"),
]


def sign_in(page, base: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.parametrize(("username", "path", "heading"), ROLE_PAGES)
def test_demo_user_signs_in_and_sees_their_landing_page(
    live_server, page, screenshot, username, path, heading
):
    page.goto(f"{live_server}/login")
    screenshot("login")
    sign_in(page, live_server, username)
    page.wait_for_url(f"{live_server}{path}")
    assert heading in page.get_by_role("heading", level=1).inner_text()
    screenshot(f"landing-{username}")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server}/login")


def test_wrong_password_shows_one_message_for_every_failure(live_server, page):
    sign_in(page, live_server, "officer", "not-the-password")
    alert = page.get_by_role("alert").inner_text()
    assert "Sign-in failed: check your username and password." in alert
    assert page.url == f"{live_server}/login"


def test_duty_payer_opens_own_case_but_not_another_partys(app, live_server, page, screenshot):
    with app.app_context():
        others = db.session.scalars(
            select(Case.reference).join(Party).where(Party.name.startswith("Hanbit"))
        ).all()
    assert others
    sign_in(page, live_server, "payer")
    page.wait_for_url(f"{live_server}/portal")
    page.get_by_role("link", name="OBJ-").first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("OBJ-")
    assert "P1934********" in page.content()
    assert "P193456789123" not in page.content()
    screenshot("case-detail-payer")
    for reference in others:
        response = page.goto(f"{live_server}/cases/{reference}")
        assert response.status == 404
        assert "Hanbit" not in page.content()
