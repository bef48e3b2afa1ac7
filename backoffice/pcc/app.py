"""The PCC service's own application: ``gunicorn 'backoffice.pcc.app:create_pcc_app()'``.

It shares the back office's configuration, database and extensions but serves only the PCC
pages (and ``/healthz``), in its own worker processes: a surge of requests fills its workers,
never the officers' (issue 19, item 7). ``make run`` starts it on the port after the back
office's (``--pcc-port``, 5001 by default).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Mapping
from typing import Any

from flask import Flask, render_template
from flask_limiter import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from sqlalchemy import text

from backoffice import headers, input_bounds, register_user_loader, trust_proxies
from backoffice.config import load_config
from backoffice.extensions import db, init_extensions, limiter
from backoffice.i18n import bilingual
from backoffice.paths import DEFAULT_INSTANCE_DIR, STATIC_DIR, TEMPLATES_DIR
from backoffice.templating import seoul

ERRORS = {
    400: ("요청을 처리할 수 없습니다", "The request could not be understood"),
    404: ("페이지가 없습니다", "There is no such page"),
    405: ("허용되지 않는 요청입니다", "This request is not allowed here"),
    413: ("요청이 너무 큽니다", "The request is too large"),
    500: ("오류가 발생했습니다. 다시 시도해 주십시오", "Something went wrong; please try again"),
}


def create_pcc_app(config: Mapping[str, Any] | None = None, *,
                   instance_path: str | None = None) -> Flask:
    instance = instance_path or os.environ.get("GWANSE_INSTANCE_PATH") or DEFAULT_INSTANCE_DIR
    app = Flask("backoffice.pcc", instance_path=str(instance), instance_relative_config=True,
                template_folder=str(TEMPLATES_DIR), static_folder=str(STATIC_DIR))
    os.makedirs(app.instance_path, exist_ok=True)
    load_config(app, config)
    _own_session(app)
    init_extensions(app)
    register_user_loader()
    input_bounds.install(app)
    headers.install(app)
    trust_proxies(app)
    from backoffice.pcc import views  # noqa: F401  (the routes, on the blueprint)
    from backoffice.pcc.blueprint import bp

    app.register_blueprint(bp)
    app.add_template_global(bilingual, "bi")
    app.add_template_filter(seoul, "seoul")
    app.add_url_rule("/healthz", "healthz", _health)
    _register_errors(app)
    return app


def _own_session(app: Flask) -> None:
    """A cookie and a key of its own: on one host (ports do not separate cookies) the PCC
    service neither reads nor re-signs the back office's session, nor it the PCC's."""
    app.config["SESSION_COOKIE_NAME"] = "pcc_session"
    app.config["SECRET_KEY"] = hmac.new(app.config["SECRET_KEY"].encode(), b"pcc-service",
                                        hashlib.sha256).hexdigest()


def wait_seconds() -> int:
    """How long until the limit that refused this request lets it through again."""
    current = limiter.current_limit
    if current is None:
        return 60
    return max(1, int(current.reset_at - time.time()))


def _health():
    db.session.execute(text("SELECT 1"))
    return {"status": "ok", "service": "pcc"}


def _register_errors(app: Flask) -> None:
    def page(status: int, ko: str, en: str, wait: int | None = None):
        db.session.rollback()
        return render_template("pcc/error.html", status=status, ko=ko, en=en,
                               wait=wait), status

    app.extensions["error_page"] = lambda status, message: page(
        status, message, "The request was refused: nothing was saved.")
    for status, (ko, en) in ERRORS.items():
        app.register_error_handler(status, lambda error, s=status, k=ko, e=en: page(s, k, e))
    app.register_error_handler(CSRFError, lambda error: page(
        400, "양식의 유효시간이 지났거나 다른 사이트에서 왔습니다. 다시 불러와 주십시오.",
        "The form expired or did not come from this site: reload it and try again."))

    def too_many(error: RateLimitExceeded):
        wait = wait_seconds()
        return page(429, f"요청이 너무 많습니다. {wait}초 후에 다시 시도해 주십시오.",
                    f"Too many requests: try again in {wait} seconds.", wait)

    app.register_error_handler(RateLimitExceeded, too_many)
