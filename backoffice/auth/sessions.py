"""Sign-in sessions kept on the server: the browser holds a token, the database its fate.

Flask-Login keeps the user id in the signed cookie; on its own that cookie would work until it
expired, even after logout (issue 13, item 4). Here the cookie also carries a random token
whose SHA-256 is a row of ``sign_in_sessions``, and the user loader accepts a request only while
that row is live: not revoked, not expired, its user active. Ending a user's sessions is one
UPDATE, so logout, a password change, deactivation and "sign out everywhere" take effect on
every device at the next request.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app, request, session
from flask_login import LoginManager
from sqlalchemy import func, select, update

from backoffice.extensions import db
from backoffice.models import SignInSession, User
from backoffice.models.sign_in_session import SOURCE_LENGTH, USER_AGENT_LENGTH

TOKEN_KEY = "sign_in_token"  # noqa: S105 (the session key, not a secret)
# last_seen_at is written at most this often per session, not on every request.
SEEN_EVERY = timedelta(minutes=1)


def _now() -> datetime:
    """Sessions run on the wall clock, not :mod:`workflows.clock`: moving the legal clock on
    (a test acting "a week later") must not sign everyone out."""
    return datetime.now(UTC)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User) -> None:
    """Open a session for ``user`` from this request and put its token in the Flask session.

    The caller commits.
    """
    token = secrets.token_urlsafe(32)
    now = _now()
    db.session.add(SignInSession(
        token_hash=_digest(token), user_id=user.id, created_at=now, last_seen_at=now,
        expires_at=now + current_app.permanent_session_lifetime,
        source=(request.remote_addr or "")[:SOURCE_LENGTH] or None,
        user_agent=(request.user_agent.string or "")[:USER_AGENT_LENGTH] or None))
    session[TOKEN_KEY] = token


def end_every_session(user_id: int) -> int:
    """Revoke every live session of the user; the number ended. The caller commits."""
    return db.session.execute(
        update(SignInSession)
        .where(SignInSession.user_id == user_id, SignInSession.revoked_at.is_(None))
        .values(revoked_at=_now())
        .execution_options(synchronize_session=False)
    ).rowcount


def live_user(user_id: str, token: str | None) -> User | None:
    """The user of a live session holding ``token``, if it is ``user_id``'s; else ``None``."""
    if not token or not user_id.isdigit():
        return None
    now = _now()
    row = db.session.execute(
        select(SignInSession, User).join(User, User.id == SignInSession.user_id)
        .where(SignInSession.token_hash == _digest(token), SignInSession.revoked_at.is_(None),
               SignInSession.expires_at > now, User.id == int(user_id), User.active.is_(True))
    ).one_or_none()
    if row is None:
        return None
    sign_in, user = row
    if now - sign_in.last_seen_at >= SEEN_EVERY:
        _seen(sign_in.id, now)
    return user


def _seen(session_id: int, now) -> None:
    """Record the session's last request on a connection of its own.

    The loader runs inside a request that may only read; its own transaction must not carry
    this write, nor be committed by it.
    """
    with db.engine.begin() as connection:
        connection.execute(update(SignInSession).where(SignInSession.id == session_id)
                           .values(last_seen_at=now))


def register_user_loader(login_manager: LoginManager) -> None:
    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        return live_user(user_id, session.get(TOKEN_KEY))


def live_session_counts() -> dict[int, int]:
    """How many live sessions each user has (users with none are absent)."""
    rows = db.session.execute(
        select(SignInSession.user_id, func.count(SignInSession.id))
        .where(SignInSession.revoked_at.is_(None), SignInSession.expires_at > _now())
        .group_by(SignInSession.user_id))
    return dict(rows.all())
