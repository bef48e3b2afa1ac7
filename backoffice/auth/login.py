"""Checking a sign-in attempt, with a lock-out per account *and* source address.

Failures are counted per (account, source): after ``max_failures`` from one source that source
is refused for the account for ``lockout_minutes``, each further lock twice as long as the last
(at most ``max_lock_hours``); a sign-in from another source still works, and a success clears
its source's count. An attacker elsewhere can lock only themselves out, never the officer
(issue 13, item 6). The source is ``request.remote_addr``: behind a reverse proxy, configure
werkzeug's ProxyFix so that it is the client's address; X-Forwarded-For is not trusted.

Every failure looks the same from outside: an unknown user, a wrong password, a locked or
disabled account. An unknown user still costs one password hash, so timing does not tell
either. The attempt is counted in the database *before* the password is checked, in one
statement (an upsert): parallel guesses cannot slip past the limit, and a locked source is
refused without the password being tried.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import case, delete, literal, select
from werkzeug.security import check_password_hash, generate_password_hash

from backoffice.database import UTCDateTime
from backoffice.extensions import db
from backoffice.models import SignInFailure, User
from backoffice.models.sign_in_session import SOURCE_LENGTH
from backoffice.models.user import normalise_username
from backoffice.sql import dialect_insert
from workflows import clock

_DUMMY_HASH = generate_password_hash("not-a-real-password")


def lock_durations(lockout_minutes: int, max_lock_hours: int) -> list[timedelta]:
    """The length of the first, second, ... lock: doubling until the cap, which is the last."""
    first, cap = timedelta(minutes=lockout_minutes), timedelta(hours=max_lock_hours)
    durations = [min(first, cap)]
    while durations[-1] < cap:
        durations.append(min(durations[-1] * 2, cap))
    return durations


def authenticate(username: str, password: str, *, source: str | None, max_failures: int,
                 lockout_minutes: int, max_lock_hours: int = 24) -> User | None:
    """Return the user if the credentials are right, the account usable and ``source`` not
    locked out of it; else ``None``. The caller commits.
    """
    user_id = db.session.scalar(
        select(User.id).where(User.username == normalise_username(username)))
    if user_id is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    source = (source or "unknown")[:SOURCE_LENGTH]
    now = clock.now()
    if _count_attempt(user_id, source, now, max_failures,
                      lock_durations(lockout_minutes, max_lock_hours)) is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    user = db.session.get(User, user_id, populate_existing=True)
    if not user.check_password(password) or not user.active:
        return None
    db.session.execute(delete(SignInFailure).where(SignInFailure.user_id == user_id,
                                                   SignInFailure.source == source))
    user.last_login_at = now
    return user


def _count_attempt(user_id: int, source: str, now: datetime, max_failures: int,
                   durations: list[timedelta]) -> int | None:
    """Count one attempt of ``source`` on the account, locking it when it reaches the limit.

    One INSERT ... ON CONFLICT DO UPDATE ... WHERE not locked ... RETURNING: the attempt's
    number, or ``None`` when the source is locked out (the row is then left as it is).
    """
    table = SignInFailure.__table__
    c = table.c
    lock_expired = c.locked_until.is_not(None) & (c.locked_until <= now)
    attempts = case((lock_expired, 1), else_=c.failures + 1)
    reaches = attempts >= max_failures
    # The n-th lock lasts durations[n] (the last one once the doubling reaches the cap).
    lock_ends = case(*((c.locks == n, _instant(now + d)) for n, d in enumerate(durations[:-1])),
                     else_=_instant(now + durations[-1]))
    statement = dialect_insert(table).values(
        user_id=user_id, source=source, failures=1, locks=1 if max_failures <= 1 else 0,
        locked_until=now + durations[0] if max_failures <= 1 else None, last_attempt_at=now,
    )
    statement = statement.on_conflict_do_update(
        index_elements=[c.user_id, c.source],
        set_={"failures": attempts,
              "locked_until": case((reaches, lock_ends), else_=None),
              "locks": case((reaches, c.locks + 1), else_=c.locks),
              "last_attempt_at": now},
        where=c.locked_until.is_(None) | (c.locked_until <= now),
    ).returning(c.failures)
    return db.session.execute(statement).scalar()


def _instant(value: datetime):
    return literal(value, UTCDateTime())
