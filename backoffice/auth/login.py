"""Checking a sign-in attempt, with lock-out after repeated failures.

Every failure looks the same from outside: an unknown user, a wrong password, a locked or
disabled account. An unknown user still costs one password hash, so timing does not tell
either.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from backoffice.extensions import db
from backoffice.models import User
from workflows import clock

_DUMMY_HASH = generate_password_hash("not-a-real-password")


def authenticate(username: str, password: str, *, max_failures: int, lockout_minutes: int):
    """Return the user if the credentials are right and the account usable, else ``None``.

    Records the failure count and the lock-out on the user row; the caller commits.
    """
    user = db.session.scalar(select(User).where(User.username == username.strip()))
    now = clock.now()
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if user.locked_until is not None and user.locked_until > now:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not user.check_password(password) or not user.active:
        user.failed_logins += 1
        if user.failed_logins >= max_failures:
            user.locked_until = now + timedelta(minutes=lockout_minutes)
            user.failed_logins = 0
        return None
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    return user
