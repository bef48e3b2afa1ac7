"""Notice numbers and verification codes.

Numbers run per issuing office and year (``SEOUL-2026-000042``). The verification code printed on
a notice is random (60 bits, Crockford base32 without confusable letters) and lets anybody who
holds the paper check it on the public verification page.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def notice_number(office_code: str, year: int, value: int) -> str:
    return f"{office_code}-{year}-{value:06d}"


def counter_name(office_code: str, year: int) -> str:
    return f"notice:{office_code}:{year}"


def new_verification_code() -> str:
    """Twelve base32 digits of one 60-bit random number (a sweep issues thousands)."""
    bits = secrets.randbits(60)
    raw = "".join(ALPHABET[(bits >> (5 * i)) & 31] for i in range(12))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def normalise_code(text: str) -> str:
    """Accept what a person types: lower case, spaces, O for 0, I or L for 1."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum()).translate(CONFUSABLE)
    if len(raw) != 12 or any(ch not in ALPHABET for ch in raw):
        return ""
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))
