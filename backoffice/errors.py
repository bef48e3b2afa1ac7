"""Error pages that leak nothing, and rollback of the failed request's transaction."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError

from backoffice.extensions import db
from backoffice.i18n import N_
from backoffice.i18n import bilingual as bi

_PAGES = {
    400: (N_("Bad request"), N_("The request could not be understood.")),
    403: (N_("Not allowed"), N_("Your role does not allow this page.")),
    404: (N_("Not found"), N_("There is no such page, or you may not see it.")),
    409: (N_("Someone else acted first"),
          N_("This case was changed by someone else while you were working on it. "
             "Nothing you sent was saved: reload the case and try again.")),
    413: (N_("File too large"), N_("The upload is larger than the system accepts.")),
    500: (N_("Something went wrong"),
          N_("The error was logged. Nothing was saved; please try again.")),
}
CSRF_MESSAGE = N_("The form had expired or did not come from this site. Reload it and try again.")
TOO_LARGE_MESSAGE = N_("The upload is larger than the system accepts: at most %(megabytes)s MB in "
                       "one submission. Nothing was saved; send the files in more than one "
                       "submission.")


def error_page(status: int, message: str | None = None, **values):
    """Roll back the request's transaction and answer ``status`` as HTML or JSON.

    ``message`` is a catalogue message (filled with ``values``), shown in both languages on the
    page and in English in JSON; text with no catalogue entry is shown as it is."""
    db.session.rollback()
    title, default_message = _PAGES[status]
    message = message or default_message
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return {"error": title, "message": message % values if values else message}, status
    return render_template("errors/error.html", status=status, title=_(title),
                           heading=bi(title), message=bi(message, **values)), status


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, lambda error: error_page(400, CSRF_MESSAGE))
    app.register_error_handler(StaleDataError, lambda error: error_page(409))
    app.register_error_handler(413, lambda error: error_page(
        413, TOO_LARGE_MESSAGE, megabytes=(app.config.get("MAX_CONTENT_LENGTH") or 0) // 1048576))
    for status in _PAGES.keys() - {413}:
        app.register_error_handler(status, lambda error, status=status: error_page(status))
