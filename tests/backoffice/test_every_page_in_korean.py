"""Korean first: every page a user can reach, for every role of the demo and for a visitor, read
in Korean (the default language) shows no interface text in English alone.

The crawl starts at each user's home page and follows every link of the site the pages serve
(GET, same origin, HTML), so a page added later is read without being listed here. What is set
aside is what a Korean page writes in Latin letters too: the English beside the Korean
(``lang="en"``), the data the database holds (names, references, what someone typed) and
the codes of ``tests.korean_text.KNOWN_LATIN``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from backoffice.demo import DEMO_PASSWORD, USERS, seed_demo
from backoffice.extensions import db
from jobs.enforce import enforce_due_deadlines
from tests.conftest import Auth
from tests.korean_text import data_strings, untranslated

PUBLIC = ("/login", "/verify", "/verify?number=SEOUL-2026-999999&code=AAAA-BBBB-CCCC",
          "/no-such-page")
LEFT_OUT = ("/logout", "/language")
"""Links that are actions, not pages (a GET to them changes the session)."""
MOST_PAGES = 400


@pytest.fixture
def demo(app):
    with app.app_context():
        seed_demo()
        db.session.commit()
        enforce_due_deadlines()
        db.session.commit()
        with db.engine.connect() as connection:
            data = data_strings(connection)
    # A person's name is kept as "Kim Minjun (김민준)" and written "김민준(Kim Minjun)" on a
    # Korean page: each part is data too.
    return data | {part for text in data for part in re.split(r"\s*[()]\s*", text) if part}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href and not href.startswith(("#", "mailto:")):
            self.hrefs.append(href.split("#")[0])


def links_of(html: str) -> list[str]:
    reader = _Links()
    reader.feed(html)
    return reader.hrefs


def _crawl(client, start: tuple[str, ...]) -> dict[str, str]:
    """Every HTML page reachable from ``start`` by the links the pages serve."""
    seen, queue, pages = set(start), list(start), {}
    while queue and len(pages) < MOST_PAGES:
        path = queue.pop(0)
        response = client.get(path, follow_redirects=True)
        if response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        pages[path] = html
        for link in links_of(html):
            target = urlsplit(urljoin(f"http://localhost{path}", link))
            if target.netloc != "localhost" or target.path.startswith(LEFT_OUT):
                continue
            local = target.path + (f"?{target.query}" if target.query else "")
            if local not in seen:
                seen.add(local)
                queue.append(local)
    return pages


def _problems(pages: dict[str, str], data: set[str]) -> list[str]:
    return [f"{path}: {problem.where}: {problem.text}"
            for path, html in pages.items() for problem in untranslated(html, data)]


@pytest.mark.parametrize("username", [user.username for user in USERS])
def test_every_page_of_every_role_is_in_korean(app, demo, username):
    client = app.test_client()
    assert Auth(client).login(username, DEMO_PASSWORD).status_code == 302
    pages = _crawl(client, ("/",))
    assert len(pages) > 3, f"{username} reached only {sorted(pages)}"
    assert all('<html lang="ko">' in html for html in pages.values())
    assert _problems(pages, demo) == []


def test_every_public_page_is_in_korean(app, demo):
    pages = _crawl(app.test_client(), PUBLIC)
    assert {"/login", "/verify", "/no-such-page"} <= set(pages)
    assert _problems(pages, demo) == []
