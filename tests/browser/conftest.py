"""A live server on the test database and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from backoffice.demo import seed_demo
from backoffice.extensions import db
from backoffice.paths import PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
# Without the background-networking flags Chromium keeps calling out, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def live_server(app):
    """Serve the app on a free loopback port for the length of one test, with demo data."""
    with app.app_context():
        seed_demo()
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ko-KR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/screenshots/ (ignored by git)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# --- Every main page of every role, on the demo data ------------------------------------------

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
USERNAMES = {"officer": "officer", "supervisor": "supervisor", "duty_payer": "payer",
             "admin": "admin"}
"""The demo user who signs in for each role (``signed_out`` signs in nobody)."""
ROLES = (*USERNAMES, "signed_out")


@dataclass(frozen=True)
class DemoReferences:
    """The demo cases and notice the pages are read on (backoffice.demo, workflows.demo)."""

    filed_online: str
    """John Smith's objection, filed online 25 days ago: a receipt, a late written opinion."""
    referred: str
    """The foreign resident's objection, referred to the committee: notices and a history."""
    notice: str
    """The number of the referred objection's first notice (its written opinion)."""


@pytest.fixture
def demo(app, live_server) -> DemoReferences:
    from sqlalchemy import select

    from backoffice.models import Case, Notice, Party

    with app.app_context():
        objections = db.session.scalars(select(Case).join(Party).where(
            Case.procedure == "objection").order_by(Case.id)).all()
        filed_online = next(c for c in objections if c.party.name == "JOHN SMITH")
        referred = next(c for c in objections if c.party.name == "NGUYEN VAN AN")
        notice = db.session.scalars(select(Notice.number).where(
            Notice.case_id == referred.id).order_by(Notice.id)).first()
        return DemoReferences(filed_online.reference, referred.reference, notice)


@pytest.fixture
def role_pages(demo) -> dict[str, list[str]]:
    """The main pages each role sees, as paths; an error page of each kind a role meets."""
    online, referred = f"/cases/{demo.filed_online}", f"/cases/{demo.referred}"
    return {
        "officer": ["/worklist", online, referred, f"{online}/receipt", "/cases/new/objection",
                    "/calendar", "/account/password", "/cases/SEOUL-2000-000000"],
        "supervisor": ["/dashboard", "/worklist?include_closed=y", online, referred,
                       "/calendar"],
        "duty_payer": ["/portal", online, f"{online}/receipt", "/cases/new/objection",
                       "/calendar", "/account/password", "/worklist"],
        "admin": ["/admin", "/admin/calendar", "/calendar", "/account/password"],
        "signed_out": ["/login", "/verify", "/verify?number=SEOUL-2000-000000&code=XXXX",
                       "/no-such-page"],
    }


@pytest.fixture
def signed_in_as(page, live_server):
    """Sign ``page`` in as the demo user of a role (nobody for ``signed_out``)."""
    from tests.browser.test_sign_in import sign_in

    def sign_in_as(role: str) -> None:
        if role == "signed_out":
            return
        sign_in(page, live_server, USERNAMES[role])
        page.wait_for_url(lambda url: "/login" not in url)

    return sign_in_as
