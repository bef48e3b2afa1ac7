"""axe-core (bundled by axe-playwright-python: nothing is fetched) finds no serious or critical
violation of WCAG 2.2 A/AA, nor of its best practices, on any main page of any role, in Korean
and on a phone; and the worklist reads as a headed, captioned table with one menu to open a case.

axe runs in the page as a script that Playwright evaluates (the DevTools protocol), which the
site's Content-Security-Policy does not govern: the checks run in an ordinary browser context,
and the test says so by failing if the policy reported a violation on the way."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, ROLES
from tests.browser.pages import action_button

pytestmark = pytest.mark.browser

AXE = Axe()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = {"serious", "critical"}


def _serious_violations(page) -> list[str]:
    """What axe found serious or critical on the page: rule, impact and the elements."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS},
                                     "resultTypes": ["violations"]})
    return [f"{page.url}: {v['id']} ({v['impact']}): {v['help']}: "
            + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
            for v in results.response["violations"] if v["impact"] in BLOCKING]


def _policy_violations(page) -> list[str]:
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text)
            if "Content Security Policy" in message.text else None)
    return seen


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("role", ROLES)
def test_no_page_of_a_role_has_a_serious_accessibility_violation(
    live_server, role_pages, page, signed_in_as, role, size
):
    page.set_viewport_size(size)
    policy = _policy_violations(page)
    signed_in_as(role)
    found = []
    for path in role_pages[role]:
        page.goto(live_server + path)
        found += _serious_violations(page)
    assert found == [], "\n".join(found)
    assert policy == []


@pytest.mark.parametrize("role", ["officer", "duty_payer"])
def test_the_pages_in_english_have_no_serious_violation_either(
    live_server, role_pages, page, signed_in_as, role
):
    signed_in_as(role)
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    found = []
    for path in role_pages[role]:
        page.goto(live_server + path)
        assert page.locator("html").get_attribute("lang") == "en"
        found += _serious_violations(page)
    assert found == [], "\n".join(found)


def test_refused_and_checked_filings_and_a_computed_deadline_pass_axe(
    live_server, page, signed_in_as
):
    signed_in_as("duty_payer")
    page.goto(f"{live_server}/cases/new/objection")
    page.get_by_role("button", name="Check your answers").click()
    page.locator("#error-summary").wait_for()
    found = _serious_violations(page)
    page.get_by_label("Customs office that took the disposition").select_option(index=1)
    page.get_by_label("The disposition appealed against").fill("Duty on a parcel (demo)")
    page.get_by_label("Number of the disposition notice").fill("SEL-2026-1188")
    page.get_by_label("Kind of disposition").select_option("assessment")
    page.get_by_label("Disposition notice received on").fill(
        page.evaluate("new Date().toISOString().slice(0, 10)"))
    page.get_by_label("Reasons of the dissatisfaction").fill("For personal use.")
    page.get_by_role("button", name="Check your answers").click()
    page.wait_for_url("**/check/**")
    found += _serious_violations(page)
    page.goto(f"{live_server}/calendar")
    page.locator("#start").fill("2026-03-02")
    page.locator("#period").fill("90d")
    page.get_by_role("button", name="Compute").click()
    page.locator("#result-heading").wait_for()
    found += _serious_violations(page)
    assert found == [], "\n".join(found)


def test_a_refused_action_and_its_confirmation_page_pass_axe(live_server, demo, page,
                                                            signed_in_as):
    signed_in_as("officer")
    page.goto(f"{live_server}/cases/{demo.filed_online}")
    page.locator("details.action summary", has_text="Send the written opinion").click()
    form = page.locator("details.action[open] form.action-form")
    form.get_by_role("button", name=action_button("Send the written opinion")).click()
    page.locator("#error-summary").wait_for()  # refused: the grounds are required
    found = _serious_violations(page)
    form = page.locator("details.action[open] form.action-form")
    form.locator("textarea").first.fill("The goods exceed the personal-use allowance.")
    form.get_by_role("button", name=action_button("Send the written opinion")).click()
    page.locator("section.confirmation").wait_for()
    found += _serious_violations(page)
    assert found == [], "\n".join(found)


def test_the_too_many_requests_page_passes_axe(app, live_server, page):
    app.config["RATELIMIT_VERIFY"] = "1 per minute"
    page.goto(f"{live_server}/verify")
    response = page.goto(f"{live_server}/verify")
    assert response.status == 429
    assert _serious_violations(page) == []


def test_the_worklist_results_have_a_heading_a_caption_and_one_menu_to_open_a_case(
    live_server, page, signed_in_as
):
    signed_in_as("officer")
    page.goto(f"{live_server}/worklist")
    results = page.get_by_role("region", name="Results")
    assert results.get_by_role("heading", level=2).count() == 1
    table = results.get_by_role("table")
    assert "Cases matching the filters" in table.locator("caption").inner_text()
    menu = page.locator("details.open-case")
    assert menu.count() == 1
    objection = page.get_by_role("link", name="Objection", exact=False).first
    assert not objection.is_visible()  # closed: the menu is one control before the results
    menu.locator("summary").click()
    assert objection.is_visible()
    objection.click()
    page.wait_for_url(f"{live_server}/cases/new/objection")


@pytest.mark.parametrize("selector", ["summary", "select", "textarea", "a", "button", "input"])
def test_every_kind_of_control_shows_the_same_focus_ring(
    live_server, demo, page, signed_in_as, selector
):
    signed_in_as("officer")
    page.goto(f"{live_server}/cases/{demo.referred}")
    page.locator("main details").evaluate_all("all => all.forEach(d => { d.open = true; })")
    control = page.locator(f"main {selector}:visible").first
    control.focus()
    # Reached with the keyboard, as :focus-visible wants.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert control.evaluate("e => e === document.activeElement")
    ring = control.evaluate("e => { const s = getComputedStyle(e);"
                            " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }")
    assert ring == ["solid", "3px", "rgb(255, 191, 71)"], selector
