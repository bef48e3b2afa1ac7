"""The security headers every response carries (Flask-Talisman), and no caching of personal data.

* ``Content-Security-Policy``: everything from this site only, no inline script or style (the
  pages have none), no plug-ins, no ``<base>``; forms post only here; ``frame-ancestors 'none'``
  with ``X-Frame-Options: DENY`` for older browsers: the back office is never framed.
* ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: same-origin`` (a case reference in a
  URL never leaves the site), a ``Permissions-Policy`` that turns off what we never use.
* ``Strict-Transport-Security`` (one year) only on a request that came over HTTPS, directly or
  through a proxy that says so (``X-Forwarded-Proto``); ``make run`` serves plain HTTP on
  127.0.0.1, where HSTS would lock a browser out of it. TLS itself, and redirecting plain HTTP
  to it, is the proxy's job in production (``FORCE_HTTPS`` turns on Talisman's redirect).
* ``Cache-Control: no-store`` on every response but the static files: pages, PDFs, attachments
  and JSON all may carry personal data, and a shared or back-button cache must not keep them.
"""

from __future__ import annotations

from flask import Flask, Response, request
from flask_talisman import Talisman

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

PERMISSIONS_POLICY = {"camera": "()", "microphone": "()", "geolocation": "()", "payment": "()",
                      "usb": "()", "interest-cohort": "()"}

talisman = Talisman()


def install(app: Flask) -> None:
    """Send the security headers on every response of ``app``.

    The session cookie's flags stay as configured (``SESSION_COOKIE_*``): Talisman is told the
    same values rather than left to impose its own.
    """
    config = app.config
    talisman.init_app(
        app,
        force_https=config["FORCE_HTTPS"],
        strict_transport_security=True,
        strict_transport_security_max_age=365 * 24 * 3600,
        strict_transport_security_include_subdomains=False,
        content_security_policy=CONTENT_SECURITY_POLICY,
        frame_options="DENY",
        referrer_policy="same-origin",
        permissions_policy=PERMISSIONS_POLICY,
        session_cookie_secure=config["SESSION_COOKIE_SECURE"],
        session_cookie_http_only=config["SESSION_COOKIE_HTTPONLY"],
        session_cookie_samesite=config["SESSION_COOKIE_SAMESITE"],
    )
    app.after_request(_no_store_but_static)


def _no_store_but_static(response: Response) -> Response:
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
        response.headers.pop("Expires", None)
    return response
