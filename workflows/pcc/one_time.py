"""The one-time code of the mobile identity check (FAQ Q6 ⑥: a countdown of about three
minutes, "2:56", with a link that extends it).

A code is six random digits; only its keyed hash is kept (HMAC-SHA256 with the deployment's
secret), so a copy of the store does not give the codes that are still valid. It is valid for
:data:`VALID_SECONDS` from when it was sent, extendable once by as much; it is used once (a
second use fails even with the right digits) and gives up after :data:`MAX_ATTEMPTS` wrong
tries. The clock is passed in: the rules are the same in a test and in production.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

VALID_SECONDS = 180
EXTENSIONS = 1
MAX_ATTEMPTS = 5
DIGITS = 6


class Outcome(Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    EXPIRED = "expired"
    USED = "used"
    TOO_MANY = "too_many"


@dataclass(frozen=True)
class Challenge:
    """A code sent: its hash, when it expires, how often it was extended and tried."""

    digest: str
    expires_at: datetime
    extensions: int = 0
    attempts: int = 0
    used: bool = False

    def seconds_left(self, now: datetime) -> int:
        return max(0, int((self.expires_at - now).total_seconds()))


def digest(secret: bytes, code: str) -> str:
    return hmac.new(secret, code.encode(), hashlib.sha256).hexdigest()


def send(secret: bytes, now: datetime) -> tuple[str, Challenge]:
    """A new code (to send, never to keep) and the challenge to keep."""
    code = f"{secrets.randbelow(10 ** DIGITS):0{DIGITS}d}"
    return code, Challenge(digest(secret, code), now + timedelta(seconds=VALID_SECONDS))


def extend(challenge: Challenge, now: datetime) -> Challenge | None:
    """The challenge with its time extended (None: extended already, used, or expired)."""
    if challenge.used or challenge.extensions >= EXTENSIONS or now >= challenge.expires_at:
        return None
    return replace(challenge, expires_at=challenge.expires_at + timedelta(seconds=VALID_SECONDS),
                   extensions=challenge.extensions + 1)


def check(secret: bytes, challenge: Challenge, typed: str,
          now: datetime) -> tuple[Outcome, Challenge]:
    """The outcome of ``typed`` and the challenge as it is afterwards (to keep)."""
    if challenge.used:
        return Outcome.USED, challenge
    if challenge.attempts >= MAX_ATTEMPTS:
        return Outcome.TOO_MANY, challenge
    if now >= challenge.expires_at:
        return Outcome.EXPIRED, challenge
    tried = replace(challenge, attempts=challenge.attempts + 1)
    if not hmac.compare_digest(digest(secret, (typed or "").strip()), challenge.digest):
        return (Outcome.TOO_MANY if tried.attempts >= MAX_ATTEMPTS else Outcome.WRONG), tried
    return Outcome.ACCEPTED, replace(tried, used=True)
