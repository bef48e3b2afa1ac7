"""What the browser tests look for on a page, written once."""

import re


def action_button(english: str) -> re.Pattern:
    """The accessible name of an action's button, which shows the action's label in both
    languages, Korean first on a Korean page ("보정 요구 Order a revision"): it ends with the
    English label."""
    return re.compile(rf"(^|\s){re.escape(english)}$")


def open_case_as_officer(page, base: str, procedure: str, identifier_kind: str,
                         identifier: str) -> None:
    """Sign in as the demo officer and open the opening form of ``procedure`` (its English
    title) for the party named by its identifier; the form is left to fill."""
    from tests.browser.test_sign_in import sign_in

    sign_in(page, base, "officer")
    page.wait_for_url(f"{base}/worklist")
    page.locator("details.open-case summary").click()
    page.get_by_role("link", name=re.compile(procedure)).click()
    page.get_by_label("Identifier of the party").select_option(identifier_kind)
    page.get_by_label("식별번호 Identifier", exact=True).fill(identifier)
