"""Every form works as served: for each role and each of its pages, every <form> is taken from
the rendered HTML, filled with valid values and submitted as a browser would (hidden inputs,
the CSRF token, the options selected, the default button, and each button with a formaction);
a confirmation page is confirmed as served. Each submission must be accepted: no error status,
no error summary, no field error, no "not done" message. The pages have no duplicate ids.

One form of each kind (its path pattern and field names) per role, each on a fresh copy of
the demo database after a sweep, so one submission never changes what the next one sees.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from backoffice.demo import DEMO_PASSWORD, seed_demo
from backoffice.extensions import db
from backoffice.models import Notice
from jobs.enforce import enforce_due_deadlines
from tests.conftest import Auth
from tests.form_crawler import Button, Filler, Form, Page, submit

CASE_LINK = re.compile(r'href="(/cases/[A-Z]+-\d{4}-\d{6})"')
NEW_CASE_LINK = re.compile(r'href="(/cases/new/[a-z_]+)"')
RECEIPT_LINK = re.compile(r'href="(/cases/[A-Z]+-\d{4}-\d{6}/receipt)"')

LANDING = {
    "officer": ["/worklist", "/worklist?include_closed=y", "/calendar"],
    "supervisor": ["/dashboard", "/worklist"],
    "payer": ["/portal"],
    "company": ["/portal"],
    "admin": ["/admin", "/admin/calendar", "/calendar"],
    None: ["/login", "/verify"],
}

REFUSED = re.compile(r'class="error-summary"|class="flash flash-error"|class="field-error"')


@pytest.fixture
def demo(app, database_template, database_url, tmp_path):
    """The demo data after a sweep, kept as a file to restore before each submission."""
    if database_template["kind"] != "sqlite":
        pytest.skip("the crawl restores a copy of the database file before each submission; "
                    "SQLite only (the forms are the same on PostgreSQL)")
    with app.app_context():
        seed_demo()
        db.session.commit()
        enforce_due_deadlines()
        db.session.commit()
        db.engine.dispose()
    live = Path(urlsplit(database_url).path)
    snapshot = tmp_path / "demo-snapshot.sqlite"
    shutil.copyfile(live, snapshot)

    def restore() -> None:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(snapshot, live)

    return restore


def _client(app, username):
    client = app.test_client()
    if username:
        response = Auth(client).login(username, DEMO_PASSWORD)
        assert response.status_code == 302, f"{username} could not sign in"
    return client


def _pages(app, username) -> list[str]:
    """The role's landing pages and every case, new-case and receipt page they link to."""
    client = _client(app, username)
    pages, found = list(LANDING[username]), []
    for path in LANDING[username]:
        html = client.get(path).get_data(as_text=True)
        for pattern in (CASE_LINK, NEW_CASE_LINK, RECEIPT_LINK):
            found += pattern.findall(html)
    return pages + sorted(set(found) - set(pages))


def _variants(form: Form) -> list[tuple[str, Button | None]]:
    """The default submission (its first button that posts to the form's action), and one per
    button that posts elsewhere (a preview)."""
    default = next((b for b in form.buttons if not b.formaction), None)
    return [("default", default)] + [(f"button {b.formaction}", b) for b in form.buttons
                                     if b.formaction]


def _submit(client, form: Form, filler: Filler, button: Button | None):
    return submit(client, form, button, files=filler.files(form), follow_redirects=True,
                  **filler.fill(form))


def _confirm_if_asked(client, page: str, response, filler: Filler):
    """A confirmation page ("check before acting") is confirmed as served."""
    if response.mimetype != "text/html":
        return response
    served = Page(response.get_data(as_text=True), page)
    confirm = [f for f in served.forms if "confirm-form" in f.classes]
    if not confirm:
        return response
    return _submit(client, confirm[0], filler, _variants(confirm[0])[0][1])


def _outcome(response) -> str | None:
    """Why the submission was not accepted, or None."""
    if response.status_code >= 400:
        return f"HTTP {response.status_code}"
    if response.mimetype == "application/pdf":
        return None if response.data.startswith(b"%PDF") else "not a PDF"
    html = response.get_data(as_text=True)
    refused = REFUSED.search(html)
    if refused:
        start = max(0, refused.start() - 100)
        return "refused: " + re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start:start + 900]))
    return None


@pytest.mark.parametrize("username", ["officer", "supervisor", "payer", "company", "admin", None])
def test_every_form_of_every_page_works_as_served(app, demo, username):
    pages = _pages(app, username)
    with app.app_context():
        notice = db.session.scalars(select(Notice).where(Notice.verification_code.is_not(None))
                                    .order_by(Notice.id)).first()
        known = {"number": notice.number, "code": notice.verification_code}
    # A visitor signs in as the officer and verifies a notice that exists.
    filler = Filler(username or "officer", DEMO_PASSWORD, overrides=known)
    seen, failures, tried = set(), [], 0
    for page in pages:
        demo()
        client = _client(app, username)
        served = Page(client.get(page).get_data(as_text=True), page)
        duplicated = served.duplicate_ids()
        if duplicated:
            failures.append(f"{page}: duplicate ids {duplicated}")
        for index, form in enumerate(served.forms):
            for variant, button in _variants(form):
                key = (form.signature, variant)
                if key in seen:
                    continue
                seen.add(key)
                demo()
                client = _client(app, username)
                fresh = Page(client.get(page).get_data(as_text=True), page).forms[index]
                assert fresh.signature == form.signature
                response = _submit(client, fresh, filler, button)
                response = _confirm_if_asked(client, page, response, filler)
                tried += 1
                why = _outcome(response)
                signed_out = response.request.path == "/login" and username is not None
                if signed_out and not fresh.action.endswith("/logout"):
                    why = why or "the user was sent to sign in again"
                if why:
                    failures.append(f"{page} · {form.signature} · {variant}: {why}")
    print(f"{username}: {tried} forms on {len(pages)} pages")
    assert tried >= (2 if username is None else 3), f"only {tried} forms for {username}"
    assert not failures, "\n".join(failures)
