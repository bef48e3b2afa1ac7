"""Registration numbers at rest: sealed (encrypted) and indexed, never stored as typed.

- **Sealed** with Fernet (AES-128-CBC and HMAC-SHA256, from ``cryptography``) under
  ``PCC_SEALING_KEYS``, newest first: a number is sealed with the first key and opened with any
  (:class:`cryptography.fernet.MultiFernet`). Rotation: put a new key first, restart, run
  ``flask pcc rotate-keys`` (re-seals every row with the first key), then drop the old key.
- **Indexed** by HMAC-SHA256 under ``PCC_INDEX_KEY``: the same number gives the same index, so
  the database finds a holder and keeps one code in use per number without holding the number;
  without the key the index gives nothing back (no dictionary of the 10^13 numbers can be
  built). The index key is not rotated by the command: a new one means re-indexing from the
  sealed numbers (``flask pcc rotate-keys --reindex`` with the new ``PCC_INDEX_KEY`` set).

Without configuration each key is made on first run in the instance folder (mode 0600), as the
secret key is; in production they come from the environment or a secrets store (README).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app

from backoffice.config import instance_secret


class Sealing:
    def __init__(self, sealing_keys: list[str], index_key: str):
        if not sealing_keys:
            raise ValueError("PCC_SEALING_KEYS: at least one Fernet key")
        try:
            self._fernet = MultiFernet([Fernet(key) for key in sealing_keys])
        except (ValueError, TypeError) as error:
            raise ValueError("PCC_SEALING_KEYS: each key is a Fernet key (32 url-safe base64 "
                             "bytes, Fernet.generate_key())") from error
        if len(index_key) < 32:
            raise ValueError("PCC_INDEX_KEY: at least 32 characters")
        self._index_key = index_key.encode()

    def seal(self, digits: str) -> str:
        return self._fernet.encrypt(digits.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken as error:
            raise ValueError("a sealed number none of PCC_SEALING_KEYS opens") from error

    def reseal(self, sealed: str) -> str:
        return self._fernet.rotate(sealed.encode()).decode()

    def index(self, digits: str) -> str:
        return hmac.new(self._index_key, digits.encode(), hashlib.sha256).hexdigest()


def configured_sealing(app=None) -> Sealing:
    """The app's sealing, made once per app from its configuration (or its instance files)."""
    app = app or current_app
    sealing = app.extensions.get("pcc_sealing")
    if sealing is None:
        instance = Path(app.instance_path)
        keys = app.config.get("PCC_SEALING_KEYS") or [
            instance_secret(instance, "pcc_sealing_key", lambda: Fernet.generate_key().decode())]
        if isinstance(keys, str):
            keys = [key.strip() for key in keys.split(",") if key.strip()]
        index_key = app.config.get("PCC_INDEX_KEY") or instance_secret(
            instance, "pcc_index_key", lambda: secrets.token_hex(32))
        sealing = app.extensions["pcc_sealing"] = Sealing(list(keys), index_key)
    return sealing
