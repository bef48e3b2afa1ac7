"""Rate limits of the sign-in and public pages, per source address (issue 13, item 6).

The limits are configuration (``RATELIMIT_*`` in backoffice.config), read at each request, so
an instance file or the environment can change them. A refused request answers 429 with a page
that says, Korean first, when to try again.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, current_app, render_template, request
from flask_limiter import RateLimitExceeded

from backoffice.extensions import limiter


def _configured(key: str) -> Callable[[], str]:
    return lambda: current_app.config[key]


def limited(key: str, *methods: str, deduct_when: Callable[[Response], bool] | None = None):
    """Limit a view's ``methods`` requests per source address to the configured ``key``;
    with ``deduct_when``, only the responses it picks count."""
    return limiter.limit(_configured(key), methods=list(methods), per_method=True,
                         scope=key.lower(), deduct_when=deduct_when)


def refused(response: Response) -> bool:
    """A request that did not succeed: a failed sign-in counts, a successful one does not
    (an office behind one address signs in many people each morning)."""
    return response.status_code >= 400


def too_many_requests(error: RateLimitExceeded):
    """The 429 page (or JSON); the Retry-After header is added by the limiter."""
    if request.accept_mimetypes.best == "application/json":
        return {"error": "Too many requests",
                "message": "Too many requests from your address; try again later."}, 429
    return render_template("errors/too_many_requests.html", limit=str(error.limit.limit)), 429


def register_too_many_requests_page(app: Flask) -> None:
    app.register_error_handler(RateLimitExceeded, too_many_requests)
