"""What the browser tests look for on a page, written once."""

import re


def action_button(english: str) -> re.Pattern:
    """The accessible name of an action's button, which shows the action's label in both
    languages, Korean first on a Korean page ("보정 요구 Order a revision"): it ends with the
    English label."""
    return re.compile(rf"(^|\s){re.escape(english)}$")
