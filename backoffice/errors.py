"""Error pages that leak nothing, and rollback of the failed request's transaction."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError

from backoffice.extensions import db

_PAGES = {
    400: ("Bad request", "The request could not be understood."),
    403: ("Not allowed", "Your role does not allow this page."),
    404: ("Not found", "There is no such page, or you may not see it."),
    409: ("Someone else acted first",
          "This case was changed by someone else while you were working on it. "
          "Nothing you sent was saved: reload the case and try again."),
    413: ("File too large", "The upload is larger than the system accepts."),
    500: ("Something went wrong", "The error was logged. Nothing was saved; please try again."),
}
CSRF_MESSAGE = "The form had expired or did not come from this site. Reload it and try again."


def error_page(status: int, message: str | None = None):
    """Roll back the request's transaction and answer ``status`` as HTML or JSON."""
    db.session.rollback()
    title, default_message = _PAGES[status]
    message = message or default_message
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return {"error": title, "message": message}, status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, lambda error: error_page(400, CSRF_MESSAGE))
    app.register_error_handler(StaleDataError, lambda error: error_page(409))
    app.register_error_handler(413, lambda error: error_page(413, _too_large(app)))
    for status in _PAGES.keys() - {413}:
        app.register_error_handler(status, lambda error, status=status: error_page(status))


def _too_large(app: Flask) -> str:
    """How much one submission may carry, so the user knows what to do: send fewer files."""
    limit = app.config.get("MAX_CONTENT_LENGTH") or 0
    return (f"The upload is larger than the system accepts: at most {limit // 1048576} MB in "
            "one submission. Nothing was saved; send the files in more than one submission. "
            f"한 번에 {limit // 1048576}MB까지 보낼 수 있습니다. 나누어 보내 주십시오.")
