"""Usernames: stored trimmed and in lower case, so unique whatever their case (issue 13, item 8).

The model normalises every username it is given (:func:`normalise_username`); sign-in looks
the typed name up the same way, so "Park " and "park" are one account.
"""

from __future__ import annotations

import re

from backoffice.models.user import normalise_username

MAX_LENGTH = 80
# ASCII only: lower case is then one thing in Python and in every database's lower().
USERNAME = re.compile(r"[a-z0-9._@-]+")

__all__ = ["MAX_LENGTH", "normalise_username", "username_problem"]


def username_problem(username: str) -> str | None:
    """Why ``username`` cannot be a new user's name, Korean first; ``None`` if it can."""
    name = normalise_username(username)
    if not name:
        return "사용자명을 입력하세요 · give a username"
    if len(name) > MAX_LENGTH:
        return f"사용자명은 {MAX_LENGTH}자 이하입니다 · use at most {MAX_LENGTH} characters"
    if any(c.isspace() or not c.isprintable() for c in name):
        return ("사용자명에 공백이나 제어 문자를 쓸 수 없습니다 · "
                "no spaces or control characters in a username")
    if not USERNAME.fullmatch(name):
        return ("사용자명은 영문 소문자, 숫자와 . _ - @ 만 쓸 수 있습니다 · a username is made of "
                "ASCII letters, digits and . _ - @")
    return None
