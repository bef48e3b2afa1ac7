"""The one password policy, for every password a person chooses (issue 13, item 8).

Used by ``flask create-user`` and the password-change page. The demo users' published password
(backoffice.demo) is exempt: it is set directly, and demo data goes only into SQLite.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from backoffice.models.user import normalise_username

DEFAULT_MIN_LENGTH = 12
MAX_LENGTH = 200


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, in lower case."""
    text = resources.files("backoffice.auth").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def password_problems(password: str, username: str,
                      min_length: int = DEFAULT_MIN_LENGTH) -> list[str]:
    """Why ``password`` may not be the password of ``username``, Korean first; empty if it may."""
    problems = []
    if len(password) < min_length:
        problems.append(f"{min_length}자 이상이어야 합니다 · use at least {min_length} characters")
    if len(password) > MAX_LENGTH:
        problems.append(f"{MAX_LENGTH}자를 넘을 수 없습니다 · use at most {MAX_LENGTH} characters")
    name, folded = normalise_username(username), password.casefold()
    # A name of one or two letters is inside too many good passwords to forbid it there.
    if name and (folded == name or (len(name) >= 3 and name in folded)):
        problems.append("사용자명을 포함할 수 없습니다 · it must not contain the username")
    if password.lower() in common_passwords() or password.strip().lower() in common_passwords():
        problems.append("널리 쓰이는 비밀번호입니다 · it is a commonly used password")
    if password and len(set(password)) == 1:
        problems.append("한 글자만 반복할 수 없습니다 · it must not be one character repeated")
    return problems
