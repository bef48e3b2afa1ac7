"""Configuration: documented defaults, then ``instance/config.py``, then the environment.

Every key the application reads has its default here, except those a procedure declares
(``Procedure.settings``): the numbers the Customs Act leaves to Presidential Decree, and the
periods it lets the office set, are documented and checked beside the procedure that reads them,
and collected here from the declared procedures.
"""

from __future__ import annotations

import copy
import os
import secrets
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

from flask import Flask

from workflows.engine.declarations import Setting
from workflows.procedures import REGISTRY


class DefaultConfig:
    # Relative SQLite paths resolve against the instance folder (Flask-SQLAlchemy 3).
    SQLALCHEMY_DATABASE_URI = "sqlite:///gwanse.sqlite"
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict[str, Any]] = {}

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Behind TLS in production; `make run` serves plain HTTP on 127.0.0.1 and turns it off.
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    # WTForms' own messages stay as the forms word them until the forms go through the
    # catalogue with both languages (issue 15): Flask-WTF would otherwise give them in
    # Korean alone.
    WTF_I18N_ENABLED = False
    MAX_CONTENT_LENGTH = 20 * 1024 * 1024
    # Redirect plain HTTP to HTTPS in the app (backoffice.headers); in production the TLS proxy
    # usually does it. HSTS is sent on every request that arrived over HTTPS either way.
    FORCE_HTTPS = False
    # How many reverse proxies in front of the app set X-Forwarded-For and -Proto (werkzeug's
    # ProxyFix). Set it behind a TLS proxy (1 for one nginx): the lock-out and the rate limits
    # count per client address. 0 trusts no forwarded header.
    PROXY_FIX_X_FOR = 0

    LOGIN_MAX_FAILURES = 5
    LOGIN_LOCKOUT_MINUTES = 15
    # --- sign-in, sessions, rate limits, passwords (issue 13, items 4, 6, 8) ---------------
    # Failures count per account *and* source address (request.remote_addr: behind a proxy,
    # configure ProxyFix). Each further lock of a source lasts twice the last, at most this.
    LOGIN_LOCKOUT_MAX_HOURS = 24
    # The fewest characters of a password a person chooses (backoffice.auth.passwords).
    PASSWORD_MIN_LENGTH = 12
    # Flask-Limiter, per source address. Storage: Redis when REDIS_URL is set (redis://...),
    # else each process's memory. Limits are "N per minute;M per hour" strings.
    REDIS_URL = os.environ.get("REDIS_URL") or None
    RATELIMIT_ENABLED = True
    # POST /login: only failed sign-ins count (an office behind one address signs in many).
    RATELIMIT_SIGN_IN = "10 per minute;100 per hour"
    RATELIMIT_PUBLIC_PAGES = "120 per minute;2000 per hour"  # GET /login, /register/aeo
    RATELIMIT_VERIFY = "30 per minute;300 per hour"  # GET /verify (notice verification)
    RATELIMIT_PASSWORD_CHANGE = "5 per minute;30 per hour"  # noqa: S105 (POST /account/password)
    # --- end of sign-in block ---------------------------------------------------------------

    # PCC issuance for foreigners (backoffice/pcc, issue 19): its own app and workers.
    # The outside services: local implementations unless a dotted path names a provider.
    PCC_REGISTRY = "file"  # the residents of PCC_RESIDENTS_FILE (default: the demo file)
    PCC_VERIFIER = "subscription"  # their mobile subscriptions, from the same file
    PCC_SMS = "local"  # the sms_messages outbox instead of sending
    PCC_CERTIFICATES = "file"  # the certificates of PCC_RESIDENTS_FILE (serial, password hash)
    PCC_SIMPLE = "local"  # simple certification: a code to the mobile in the resident's name
    PCC_RESIDENTS_FILE = None
    # Fernet keys sealing registration numbers, newest first ("k1,k2" in the environment), and
    # the key of their index; unset: made on first run in the instance folder.
    PCC_SEALING_KEYS = None
    PCC_INDEX_KEY = None
    PCC_REQUEST_MINUTES = 20  # an online request from the real-name check to its end
    PCC_REISSUES_PER_YEAR = 5  # reissues a holder may ask for in a calendar year (Seoul)
    PCC_REAL_NAME_TRIES = 3  # failed real-name checks before the helpline is shown
    PCC_RETENTION_YEARS = 5  # a code out of use, and its holder, kept this long [Assumption]
    PCC_SMS_OUTBOX_DAYS = 30  # the local SMS outbox keeps this many days of messages
    PCC_HOUSEKEEPING_SECONDS = 3600  # the scheduler's PCC housekeeping (jobs/pcc.py)
    # Rate limits of the PCC service: every step per source address; the real-name check per
    # registration number too (whoever asks); codes sent per request.
    RATELIMIT_PCC_PAGES = "60 per minute;600 per hour"
    RATELIMIT_PCC_STEPS = "20 per minute;200 per hour"
    RATELIMIT_PCC_PER_NUMBER = "15 per 10 minutes;50 per day"
    RATELIMIT_PCC_CODES = "3 per 10 minutes"

    SCHEDULER_HEARTBEAT_SECONDS = 15
    SCHEDULER_STALE_AFTER_SECONDS = 90
    # A due deadline takes effect within this many seconds of its legal moment.
    SCHEDULER_SWEEP_SECONDS = 20
    SCHEDULER_SWEEP_BATCH = 1000
    SCHEDULER_REMINDER_SECONDS = 300

    # The office's calendar (Art. 8(3)2 and 4, 8(4)): an outage is recorded as one malfunction
    # of at most this many hours (a longer one as several, each with its ground); a closure day
    # or outage further back than CALENDAR_RETROACTIVE_DAYS counts only once a second
    # administrator confirms it; a closure day at most CALENDAR_FUTURE_DAYS ahead.
    CALENDAR_OUTAGE_MAX_HOURS = 72
    CALENDAR_RETROACTIVE_DAYS = 7
    CALENDAR_FUTURE_DAYS = 400

    # The settings of the procedures, declared with their defaults and checks by the procedure
    # that reads them (Procedure.settings, collected by procedure_settings below): the numbers
    # the Act leaves to Presidential Decree, kept on each case when it opens
    # (FAMILY_ATTORNEY_LIMIT, Art. 126(2); REINVESTIGATION_EXTENSION_DAYS, Art. 128(5)), and
    # the deemed-permission periods (DEEMED_PERMISSION_PERIODS, e.g. Art. 134(3)).

    # A legal date typed for something that has happened (a service, a receipt, a decision)
    # may be at most this many days after today in Asia/Seoul: 0, it cannot be in the future.
    # A day may be allowed where dates come from systems whose clock runs ahead
    # (workflows.legal_dates).
    LEGAL_DATE_FUTURE_TOLERANCE_DAYS = 0

    # Art. 11(2): a public notice is deemed served "14 days after" publication. Read under the
    # Civil Act the 14 days must have elapsed: publication + 15 (the default); 14 reads it
    # literally. Digest 00 §3.2.
    NOTICE_PUBLIC_NOTICE_EFFECT_DAYS = 15
    # The scheduler renders notices issued without a PDF (by the sweep) in batches of this size.
    NOTICE_RENDER_SECONDS = 60
    NOTICE_RENDER_BATCH = 50
    # The supervisor's 12-month chart is recounted at most this often (per office and process).
    DASHBOARD_CACHE_SECONDS = 300
    # Documents uploaded to a case: PDF, JPEG or PNG up to this size.
    ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
    # What an upload may cost to check (backoffice/cases/file_checks.py): pages and objects of
    # a PDF walked for active content, pixels of an image decoded (keep it under Pillow's own
    # limit of about 89 million). And what one case may hold, online filing included.
    ATTACHMENT_PDF_MAX_PAGES = 500
    ATTACHMENT_PDF_MAX_OBJECTS = 20_000
    ATTACHMENT_PDF_MAX_SECONDS = 1.0
    ATTACHMENT_MAX_PIXELS = 50_000_000
    ATTACHMENT_CASE_QUOTA_BYTES = 100 * 1024 * 1024
    ATTACHMENT_CASE_MAX_FILES = 200


def load_config(app: Flask, overrides: Mapping[str, Any] | None = None) -> None:
    """Fill ``app.config`` from the defaults, the instance file, the environment and overrides."""
    app.config.from_object(DefaultConfig)
    app.config.from_mapping({name: copy.deepcopy(setting.default)
                             for name, setting in procedure_settings().items()})
    app.config.from_pyfile("config.py", silent=True)
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    if os.environ.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config.from_prefixed_env("GWANSE")
    if overrides:
        app.config.from_mapping(overrides)
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        app.config["SQLALCHEMY_DATABASE_URI"]
    )
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret_key(Path(app.instance_path))
    check_procedure_settings(app.config)


def procedure_settings() -> dict[str, Setting]:
    """The settings the declared procedures read (``Procedure.settings``), by name: a setting
    several procedures share (the attorney limit of Art. 126(2)) is declared once.

    :raise ValueError: two procedures declare one name differently.
    """
    settings: dict[str, Setting] = {}
    for procedure in REGISTRY.values():
        for setting in procedure.settings:
            if settings.setdefault(setting.name, setting) != setting:
                raise ValueError(f"{procedure.code}: setting {setting.name} is declared "
                                 "differently by another procedure")
    return settings


def check_procedure_settings(config: Mapping[str, Any]) -> None:
    """Refuse, at startup, a value of a procedure's setting the Act does not allow (e.g. a
    deemed-permission period in processing days).

    :raise ValueError: naming the setting and why.
    """
    for setting in procedure_settings().values():
        if setting.check is not None:
            setting.check(setting.name, config[setting.name])


def normalise_database_url(url: str) -> str:
    """Point PostgreSQL URLs at the psycopg 3 driver (``postgres://`` as Heroku writes it too)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _instance_secret_key(instance_path: Path) -> str:
    """Read the secret key from the instance folder, generating it on first run."""
    return instance_secret(instance_path, "secret_key", lambda: secrets.token_hex(32))


def instance_secret(instance_path: Path, name: str, make: Callable[[], str]) -> str:
    """A secret kept in the file ``name`` of the instance folder (mode 0600), made by ``make``
    on first run."""
    key_file = instance_path / name
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        # Write a whole file aside, then link it into place: a process starting at the same
        # moment either sees no file or a complete one, never an empty key.
        draft = instance_path / f".{name}.{os.getpid()}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(make())
        try:
            os.link(draft, key_file)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return key_file.read_text().strip()
