"""Printed (the browser's print media), the case page, the receipt and the worklist are the
record alone: no top bar, menus, filters or forms; each link followed by its full address; on
the case page each section begins a new sheet. A look at each is saved as a screenshot in print
media, and the case page as a PDF, under test-artifacts/."""

from __future__ import annotations

import re

import pytest

from backoffice.paths import PROJECT_ROOT

pytestmark = pytest.mark.browser

PRINTS = PROJECT_ROOT / "test-artifacts" / "print"
HIDDEN = ["header.topbar", ".breadcrumb", "details.open-case", "form.filters", "#actions",
          "form", "button", ".receipt-actions a:not([data-print-url])"]
AFTER = "e => getComputedStyle(e, '::after').content"


def _printed(page, url: str) -> None:
    page.goto(url)
    page.emulate_media(media="print")


def _nothing_but_the_record(page) -> None:
    for selector in HIDDEN:
        shown = [e for e in page.locator(selector).all() if e.is_visible()]
        assert shown == [], selector


@pytest.mark.parametrize("name", ["case", "receipt", "worklist"])
def test_a_printed_page_is_the_record_with_full_addresses(
    live_server, demo, page, signed_in_as, screenshot, name
):
    signed_in_as("officer")
    path = {"case": f"/cases/{demo.referred}", "receipt": f"/cases/{demo.filed_online}/receipt",
            "worklist": "/worklist"}[name]
    _printed(page, live_server + path)
    _nothing_but_the_record(page)
    links = page.locator("main a[data-print-url]")
    assert links.count() > 0
    for link in links.all():
        href = link.get_attribute("href")
        assert link.evaluate(AFTER) == f'" <{live_server}{href}>"'
    screenshot(f"print-{name}")


def test_each_section_of_a_printed_case_starts_a_new_sheet(live_server, demo, page,
                                                           signed_in_as):
    signed_in_as("officer")
    _printed(page, f"{live_server}/cases/{demo.referred}")
    for section in ("#deadlines", "#notices", "#attachments", "#history"):
        assert page.locator(section).evaluate("e => getComputedStyle(e).breakBefore") == "page"
    # A notice's PDF is named with its address in full; a link within the page is not.
    notice = page.locator("#notices a[data-print-url]").first
    assert re.fullmatch(rf'" <{live_server}/notices/[A-Z]+-\d{{4}}-\d{{6}}\.pdf>"',
                        notice.evaluate(AFTER))
    PRINTS.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=str(PRINTS / "case.pdf"), format="A4")
    sheets = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert sheets >= 5, sheets  # the case, then deadlines, notices, documents, history
