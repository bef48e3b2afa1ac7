"""The Flask extensions, created once and bound to an app in :func:`init_extensions`."""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from backoffice.paths import MIGRATIONS_DIR

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
# Keyed by request.remote_addr: behind a reverse proxy, configure ProxyFix (issue 13, item 6).
limiter = Limiter(key_func=get_remote_address)


def init_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"
    _init_limiter(app)


def _init_limiter(app: Flask) -> None:
    """Rate limits in Redis when ``REDIS_URL`` is set, else in this process's memory.

    One limiter serves every app of the process; each ``init_app`` gives it the app's storage
    (so a test's app starts with empty counters) and its ``RATELIMIT_ENABLED``.
    """
    from backoffice.auth.rate_limits import register_too_many_requests_page

    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)
    register_too_many_requests_page(app)
