"""The Flask extensions, created once and bound to an app in :func:`init_extensions`."""

from __future__ import annotations

from flask import Flask
from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from backoffice.paths import MIGRATIONS_DIR, TRANSLATIONS_DIR

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate(directory=str(MIGRATIONS_DIR), render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
# Keyed by the request's source (an IPv4 address, an IPv6 /64; behind reverse proxies the
# address they forward, PROXY_FIX_X_FOR): backoffice.auth.sources.
def _request_source() -> str:
    from backoffice.auth.sources import request_source  # the auth package imports this module

    return request_source()


limiter = Limiter(key_func=_request_source)


def init_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"
    _init_limiter(app)
    _init_babel(app)


def _init_babel(app: Flask) -> None:
    """gettext catalogues in ``backoffice/translations`` (compiled at install, ``make
    catalogue`` to update them); the reader's language as the top bar's switch chose it, and
    legal times in Asia/Seoul."""
    from backoffice.i18n import current_locale

    babel.init_app(app, locale_selector=current_locale, timezone_selector=lambda: "Asia/Seoul",
                   default_translation_directories=str(TRANSLATIONS_DIR),
                   default_locale="ko")


def _init_limiter(app: Flask) -> None:
    """Rate limits in Redis when ``REDIS_URL`` is set, else in this process's memory.

    One limiter serves every app of the process; each ``init_app`` gives it the app's storage
    (so a test's app starts with empty counters) and its ``RATELIMIT_ENABLED``.
    """
    from backoffice.auth.rate_limits import register_too_many_requests_page

    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # Redis down: count in this process's memory until it answers again, never a 500.
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    # What Flask-Limiter keeps of the app before (a storage it found dead and fell back from,
    # the key prefix) belongs to that app: the next one starts with its own. One app per
    # process in production; several in the tests and the benchmarks.
    limiter._storage_dead = False
    limiter._key_prefix = ""
    limiter.init_app(app)
    register_too_many_requests_page(app)
