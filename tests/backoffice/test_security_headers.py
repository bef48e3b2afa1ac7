"""Every response carries its security headers (backoffice.headers), and personal data is never
cached: the pages, PDFs and files a user gets, signed in or not."""

from __future__ import annotations

import re

import pytest

from backoffice.paths import TEMPLATES_DIR
from workflows.roles import Role


def _policy(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return {name: value.strip() for name, _, value in
            (part.strip().partition(" ") for part in header.split(";") if part.strip())}


def assert_security_headers(response) -> None:
    policy = _policy(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_the_sign_in_page_carries_the_headers_and_is_not_cached(client):
    response = client.get("/login")
    assert response.status_code == 200
    assert_security_headers(response)
    assert response.headers["Cache-Control"] == "no-store"


def test_an_error_page_carries_them_too(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert_security_headers(response)


def test_hsts_only_over_https(client):
    """HSTS on plain HTTP would lock a browser out of `make run` on 127.0.0.1; over HTTPS (or
    behind a proxy that says the request came over HTTPS) it is sent for a year."""
    assert "Strict-Transport-Security" not in client.get("/login").headers
    direct = client.get("/login", base_url="https://backoffice.example")
    assert direct.headers["Strict-Transport-Security"] == "max-age=31536000"
    proxied = client.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert proxied.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_static_files_may_be_cached(client):
    with client.get("/static/app.css") as response:
        assert response.status_code == 200
        assert response.headers.get("Cache-Control") != "no-store"
        assert_security_headers(response)


def test_pages_pdfs_and_files_with_personal_data_are_never_stored(app_ctx, make, auth, client):
    office = make.office()
    make.user("officer", Role.OFFICER, office=office)
    case = make.case(party=make.party(), office=office)
    assert auth.login("officer").status_code == 302
    for path in ("/", "/worklist", f"/cases/{case.reference}", "/calendar"):
        response = client.get(path)
        assert response.status_code in (200, 302), path
        assert response.headers["Cache-Control"] == "no-store", path
        assert_security_headers(response)


_INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|javascript:",
                     re.IGNORECASE)


@pytest.mark.parametrize("template", sorted(
    p.relative_to(TEMPLATES_DIR).as_posix() for p in TEMPLATES_DIR.rglob("*.html")
    if not p.name.endswith("_pdf.html") and "notices/documents" not in p.as_posix()))
def test_no_page_template_has_inline_script_or_style(template):
    """The policy allows no inline script or style, so no page may rely on one (the templates
    rendered to PDF by WeasyPrint are not served as pages and may)."""
    text = (TEMPLATES_DIR / template).read_text(encoding="utf-8")
    assert not _INLINE.search(text), _INLINE.search(text).group(0)
