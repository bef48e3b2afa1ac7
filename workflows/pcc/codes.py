"""The Personal Customs Code: ``P`` followed by 12 digits (FAQ, inquiry screen ``P000000000000``).

A code is drawn at random from the operating system's generator (:mod:`secrets`): it carries
nothing of the person (not derived from a registration number, a name or a date) and says
nothing of when it was issued or how many were (not sequential). Uniqueness and "never reused"
are the store's: it keeps every code ever issued, and :func:`draw_unused` draws again on the
rare collision (10^12 codes; a million issued make a collision about one in a million draws).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

PATTERN = re.compile(r"P[0-9]{12}")
DIGITS = 12
MAX_DRAWS = 8
"""Draws before giving up: eight collisions in a row mean the store or the generator is
broken, not bad luck."""


def draw() -> str:
    """A new code, uniformly at random among the 10^12."""
    return "P" + "".join(secrets.choice("0123456789") for _ in range(DIGITS))


def draw_unused(known: Callable[[str], bool]) -> str:
    """A code ``known`` (the store: issued now or ever) does not hold.

    :raise RuntimeError: after :data:`MAX_DRAWS` collisions in a row.
    """
    for _ in range(MAX_DRAWS):
        code = draw()
        if not known(code):
            return code
    raise RuntimeError(f"{MAX_DRAWS} codes in a row were taken: the code store is not sound")


def normalised(text: str) -> str | None:
    """A code as typed (spaces, dashes, a lower-case ``p``) in its one form, or None when it is
    not a code."""
    compact = re.sub(r"[\s-]", "", text or "").upper()
    return compact if PATTERN.fullmatch(compact) else None
