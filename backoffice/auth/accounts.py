"""What can happen to an account: a new password, deactivation, reactivation, and ending every
one of its sessions (issue 13, item 4).

Each ends every session of the user, so a copied cookie stops working everywhere at once.
There is no audit table for users yet: each change is written as one line to the
``backoffice.accounts`` log (who, what, whom), which production keeps append-only.
"""

from __future__ import annotations

import logging

from backoffice.auth.passwords import password_problems
from backoffice.auth.sessions import end_every_session
from backoffice.models import User

log = logging.getLogger("backoffice.accounts")


class PasswordRefused(ValueError):
    """The new password breaks the policy; ``problems`` says how, Korean first."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _by(actor: User | None) -> str:
    return f"user {actor.id}" if actor is not None else "the command line"


def sign_out_everywhere(user: User, *, actor: User | None) -> int:
    """End every session of ``user``; the number ended. The caller commits."""
    ended = end_every_session(user.id)
    log.info("sign-out everywhere of user %s (%s) by %s: %d sessions ended",
             user.id, user.username, _by(actor), ended)
    return ended


def change_password(user: User, new_password: str, *, min_length: int,
                    actor: User | None) -> None:
    """Set a new password that keeps the policy, ending every session. The caller commits.

    :raise PasswordRefused: the password breaks the policy; nothing changed.
    """
    problems = password_problems(new_password, user.username, min_length)
    if problems:
        raise PasswordRefused(problems)
    user.set_password(new_password)
    ended = end_every_session(user.id)
    log.info("password of user %s (%s) changed by %s: %d sessions ended",
             user.id, user.username, _by(actor), ended)


def deactivate(user: User, *, actor: User | None) -> None:
    """The user can no longer sign in, and every session ends. The caller commits."""
    user.active = False
    ended = end_every_session(user.id)
    log.info("user %s (%s) deactivated by %s: %d sessions ended",
             user.id, user.username, _by(actor), ended)


def reactivate(user: User, *, actor: User | None) -> None:
    """The user may sign in again (their old sessions stay ended). The caller commits."""
    user.active = True
    log.info("user %s (%s) reactivated by %s", user.id, user.username, _by(actor))
