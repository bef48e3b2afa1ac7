"""Gwanse Back Office: case management under the Customs Act (Act No. 19228)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from backoffice import headers, input_bounds
from backoffice.config import load_config
from backoffice.extensions import init_extensions
from backoffice.notices import after_commit
from backoffice.paths import DEFAULT_INSTANCE_DIR, STATIC_DIR, TEMPLATES_DIR


def create_app(
    config: Mapping[str, Any] | None = None, *, instance_path: str | None = None
) -> Flask:
    """Create and configure the back office.

    :param config: overrides applied last, after ``instance/config.py`` and the environment.
    :param instance_path: the folder for local config, the secret key and the SQLite file;
        ``GWANSE_INSTANCE_PATH`` or ``instance/`` beside the code by default.
    """
    instance = instance_path or os.environ.get("GWANSE_INSTANCE_PATH") or DEFAULT_INSTANCE_DIR
    app = Flask(
        __name__,
        instance_path=str(instance),
        instance_relative_config=True,
        template_folder=str(TEMPLATES_DIR),
        static_folder=str(STATIC_DIR),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    load_config(app, config)
    init_extensions(app)
    register_user_loader()
    input_bounds.install(app)
    headers.install(app)
    after_commit.install(app)
    trust_proxies(app)
    _register_blueprints(app)
    _register_error_handlers(app)
    _register_template_helpers(app)
    _register_cli(app)
    return app


def trust_proxies(app: Flask) -> None:
    """Behind ``PROXY_FIX_X_FOR`` reverse proxies, read the client's address and scheme from
    the ``X-Forwarded-For`` and ``X-Forwarded-Proto`` they set: the lock-out and the rate limits
    count per client address, and without this every client would be the proxy. 0 (the
    default) trusts no such header, so a client cannot choose its own address."""
    proxies = int(app.config["PROXY_FIX_X_FOR"])
    if proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)


def register_user_loader() -> None:
    from backoffice import audit  # noqa: F401  (registers the append-only guard)
    from backoffice.auth.sessions import register_user_loader
    from backoffice.extensions import login_manager

    # A request is signed in only while its server-side session is live (issue 13, item 4).
    register_user_loader(login_manager)


def _register_blueprints(app: Flask) -> None:
    """Every web area, with its access rule, in one place (:mod:`backoffice.areas`)."""
    from backoffice.areas import register_areas

    register_areas(app)


def _register_error_handlers(app: Flask) -> None:
    from backoffice.errors import register_error_handlers

    register_error_handlers(app)


def _register_template_helpers(app: Flask) -> None:
    from backoffice.templating import register_template_helpers

    register_template_helpers(app)


def _register_cli(app: Flask) -> None:
    from backoffice.cli import register_cli

    register_cli(app)
