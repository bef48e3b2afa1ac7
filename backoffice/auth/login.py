"""Checking a sign-in attempt, with lock-out after repeated failures.

Every failure looks the same from outside: an unknown user, a wrong password, a locked or
disabled account. An unknown user still costs one password hash, so timing does not tell
either. The attempt is counted in the database *before* the password is checked, in one
statement: parallel guesses cannot slip past the limit, and a locked account is refused
without its password being tried.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import case, select, update
from werkzeug.security import check_password_hash, generate_password_hash

from backoffice.extensions import db
from backoffice.models import User
from workflows import clock

_DUMMY_HASH = generate_password_hash("not-a-real-password")


def authenticate(username: str, password: str, *, max_failures: int, lockout_minutes: int):
    """Return the user if the credentials are right and the account usable, else ``None``.

    The caller commits.
    """
    user_id = db.session.scalar(select(User.id).where(User.username == username.strip()))
    if user_id is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    now = clock.now()
    lock_expired = (User.locked_until.is_not(None)) & (User.locked_until <= now)
    attempts = case((lock_expired, 1), else_=User.failed_logins + 1)
    counted = db.session.execute(
        update(User)
        .where(User.id == user_id, (User.locked_until.is_(None)) | (User.locked_until <= now))
        .values(failed_logins=attempts,
                locked_until=case((attempts >= max_failures,
                                   now + timedelta(minutes=lockout_minutes)), else_=None))
        .returning(User.failed_logins)
        .execution_options(synchronize_session=False)
    ).scalar()
    if counted is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    user = db.session.get(User, user_id, populate_existing=True)
    if not user.check_password(password) or not user.active:
        return None
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    return user
