"""Screenshots in Korean (the default language, a ko-KR browser) of the pages people use most, on
a desktop window 1366 px wide and a 390 px wide phone, saved under test-artifacts/screenshots/
as ``ko-<page>-<width>.png`` for a person to look at. Each one is also checked for what a look
would catch first: a page wider than the window, a Korean word broken in the middle, Hangul
smaller than 14 px, a badge in a typewriter font."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

SHOTS = {
    # name: (role, path; {online} and {referred} are demo case pages)
    "worklist": ("officer", "/worklist"),
    "case": ("officer", "{online}"),
    "portal": ("duty_payer", "/portal"),
    "filing-form": ("duty_payer", "/cases/new/objection"),
    "receipt": ("duty_payer", "{online}/receipt"),
    "dashboard": ("supervisor", "/dashboard"),
}

# True when a text node's words are wrapped inside a Hangul word: a line box ends between two
# Hangul syllables with no space between them (Range.getClientRects gives one box per line).
BROKEN_KOREAN_WORDS = """() => {
  const hangul = /[\\uac00-\\ud7a3]/;
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    if (!node.parentElement.checkVisibility()) continue;
    for (let i = 1; i < text.length; i++) {
      if (!hangul.test(text[i - 1]) || !hangul.test(text[i])) continue;
      const before = document.createRange(), after = document.createRange();
      before.setStart(node, i - 1); before.setEnd(node, i);
      after.setStart(node, i); after.setEnd(node, i + 1);
      const a = before.getBoundingClientRect(), b = after.getBoundingClientRect();
      if (a.width && b.width && b.top > a.bottom - 2) broken.push(text.trim().slice(0, 40));
    }
  }
  return broken;
}"""


# Visible Hangul set smaller than 14 px (the chart's SVG text scales with the chart, apart).
SMALL_HANGUL = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!/[\uac00-\ud7a3]/.test(node.textContent) || element.closest('svg')) continue;
    if (!element.checkVisibility()) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < 14) small.push(`${size}px: ${node.textContent.trim().slice(0, 30)}`);
  }
  return small;
}"""
MONOSPACED_BADGES = """() => [...document.querySelectorAll('.badge, .state, .article, .role-badge')]
  .filter(e => /mono|coding/i.test(getComputedStyle(e).fontFamily.split(',')[0]))
  .map(e => e.textContent.trim())"""


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1366", "390"])
@pytest.mark.parametrize("name", list(SHOTS))
def test_a_korean_page_is_photographed_and_fits_its_window(
    live_server, demo, page, signed_in_as, screenshot, name, size
):
    role, path = SHOTS[name]
    page.set_viewport_size(size)
    signed_in_as(role)
    page.goto(live_server + path.format(online=f"/cases/{demo.filed_online}"))
    assert page.locator("html").get_attribute("lang") == "ko"
    screenshot(f"ko-{name}-{size['width']}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{name} is {width} px wide in a {size['width']} px window"
    assert page.evaluate(BROKEN_KOREAN_WORDS) == []
    assert page.evaluate(SMALL_HANGUL) == []
    assert page.evaluate(MONOSPACED_BADGES) == []
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("NanumGothic")
