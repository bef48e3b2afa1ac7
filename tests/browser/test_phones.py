"""On a phone 390 × 844 px, in Korean: no page of any role scrolls sideways; the tables of cases
and deadlines read as one card a row, each value beside its column's name; the top bar folds
into a few short lines; the diagram of the procedure, too wide to read, is not shown."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE, ROLES

pytestmark = pytest.mark.browser

WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .filter(e => !e.closest('.chart-scroll, .visually-hidden'))
  .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""


def _fits(page) -> str | None:
    """None when the page is no wider than the phone, else what sticks out."""
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= page.evaluate("window.innerWidth"):
        return None
    return f"{page.url} is {width} px wide: {page.evaluate(WIDEST)}"


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.mark.parametrize("role", ROLES)
def test_no_page_of_a_role_scrolls_sideways_on_a_phone(
    live_server, role_pages, phone, signed_in_as, role
):
    signed_in_as(role)
    too_wide = []
    for path in role_pages[role]:
        phone.goto(live_server + path)
        too_wide.append(_fits(phone))
    assert [problem for problem in too_wide if problem] == []


def test_the_worklist_rows_are_cards_with_each_value_under_its_label(
    live_server, phone, signed_in_as
):
    signed_in_as("officer")
    phone.goto(f"{live_server}/worklist")
    row = phone.locator("table.worklist tbody tr").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    assert not phone.locator("table.worklist thead").is_visible() or \
        phone.locator("table.worklist thead").bounding_box()["height"] <= 1
    reference = row.locator("td").first
    label = reference.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"사건번호"'  # the column's name, in Korean
    # Label and value side by side: the value starts right of the label, on its line.
    box = reference.bounding_box()
    link = reference.get_by_role("link").bounding_box()
    assert link["x"] > box["x"] + 90 and link["y"] < box["y"] + 20


def test_the_top_bar_folds_and_the_diagram_is_not_shown_on_a_phone(
    live_server, demo, phone, signed_in_as
):
    signed_in_as("officer")
    phone.goto(f"{live_server}/cases/{demo.filed_online}")
    topbar = phone.locator("header.topbar")
    assert topbar.bounding_box()["height"] < 170
    for link in topbar.locator("a, button").all():
        assert link.bounding_box()["height"] < 40, link.inner_text()  # no link on two lines
    assert phone.get_by_role("button", name="로그아웃").is_visible()
    assert not phone.locator("#diagram").is_visible()
    phone.set_viewport_size({"width": 1366, "height": 768})
    assert phone.locator("#diagram").is_visible()
