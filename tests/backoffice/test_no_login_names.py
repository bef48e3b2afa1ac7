"""A duty payer never sees an officer's login name (issue 13, item 6): not on the portal, the
case page and its history, the notices (page and PDF), the receipt, nor any page they can reach
from there. Officers are named by role and display name."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

from pypdf import PdfReader
from sqlalchemy import select

from backoffice.cases.operations import assign_case
from backoffice.extensions import db
from backoffice.models import Case, User
from backoffice.notices.issue import render_backlog
from backoffice.workflow import fire
from tests.factories import PASSWORD
from tests.form_crawler import Page
from tests.procedure_helpers import kst
from workflows import clock
from workflows.roles import Role

OFFICERS = ("seoul.officer", "other.officer", "seoul.boss")
PAGE_LIMIT = 60


def _worked_on_by_officers(app, make, reference: str) -> None:
    """The objection assigned by a supervisor, reassigned, and answered with an opinion."""
    make.user("seoul.boss", Role.SUPERVISOR, office=make.office("SEOUL"))
    with app.app_context():
        users = {u.username: u for u in db.session.scalars(select(User))}
        for username, name in [("seoul.officer", "Kim Minjun (김민준)"),
                               ("other.officer", "Lee Jiwon (이지원)"),
                               ("seoul.boss", "Choi Yuna (최유나)")]:
            users[username].display_name = name
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        with clock.frozen(kst(2026, 12, 1, 10)):
            assign_case(case, users["other.officer"], actor=users["seoul.boss"])
            assign_case(case, users["seoul.officer"], actor=users["seoul.boss"],
                        reason="workload")
            fire(case, "issue_opinion", actor=users["seoul.officer"],
                 values={"opinion": "The goods were classified correctly."})
        db.session.commit()
        render_backlog(limit=100)


def _text_of(response) -> str:
    if response.mimetype == "application/pdf":
        reader = PdfReader(io.BytesIO(response.data))
        return " ".join(page.extract_text() for page in reader.pages) + response.data.decode(
            "latin-1")
    return response.get_data(as_text=True)


def _reachable(client, start: str):
    """Every page, file and JSON answer the client reaches from ``start`` by links (GET)."""
    seen, queue = set(), [start]
    while queue and len(seen) < PAGE_LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        yield url, response
        if response.mimetype == "text/html":
            page = Page.of(response)
            for link in page.links.values():
                queue.append(link)
            queue.extend(_hrefs(page.html))
            # A notice's PDF link has its page beside it.
            queue.extend(link.removesuffix(".pdf") for link in _hrefs(page.html)
                         if link.startswith("/notices/") and link.endswith(".pdf"))
        if url.startswith("/cases/") and "." not in url:
            yield url + " (JSON)", client.get(url, headers={"Accept": "application/json"})


def _hrefs(html: str) -> list[str]:
    links = []
    for href in re.findall(r'href="([^"]+)"', html):
        parts = urlsplit(href.replace("&amp;", "&"))
        if not parts.netloc and parts.path.startswith("/") and not parts.path.startswith(
                "/static/"):
            links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


def test_no_officer_login_name_reaches_a_duty_payer(app, make, auth, client, objection):
    _worked_on_by_officers(app, make, objection)
    assert auth.login("john", PASSWORD).status_code == 302
    visited = []
    for url, response in _reachable(client, "/portal"):
        visited.append(url)
        text = _text_of(response)
        for username in OFFICERS:
            assert username not in text, f"{username!r} shown to the duty payer at {url}"
    # The walk did reach the case, its history, a notice and its PDF.
    assert f"/cases/{objection}" in visited
    assert any(u.startswith("/notices/") and u.endswith(".pdf") for u in visited), visited
    assert any(u.startswith("/notices/") and "." not in u for u in visited), visited
    assert f"/cases/{objection}/receipt.pdf" in visited
    assert "김민준" in client.get(f"/cases/{objection}").get_data(as_text=True)


def test_staff_still_see_the_login_names_in_the_raw_record(app, make, auth, client, objection):
    _worked_on_by_officers(app, make, objection)
    auth.login("seoul.boss", PASSWORD)
    assert "seoul.officer" in client.get(f"/cases/{objection}").get_data(as_text=True)
