"""Error pages that leak nothing, and rollback of the failed request's transaction."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError

from backoffice.extensions import db

_TITLES = {
    400: "Bad request",
    403: "Not allowed",
    404: "Not found",
    409: "Someone else acted first",
    413: "File too large",
    500: "Something went wrong",
}


def _page(status: int, message: str):
    db.session.rollback()
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return {"error": _TITLES[status], "message": message}, status
    return render_template(
        "errors/error.html", status=status, title=_TITLES[status], message=message
    ), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return _page(
            400, "The form had expired or did not come from this site. Reload it and try again."
        )

    @app.errorhandler(StaleDataError)
    def stale(error: StaleDataError):
        return _page(
            409,
            "This case was changed by someone else while you were working on it. "
            "Nothing you sent was saved: reload the case and try again.",
        )

    @app.errorhandler(400)
    def bad_request(error):
        return _page(400, "The request could not be understood.")

    @app.errorhandler(403)
    def forbidden(error):
        return _page(403, "Your role does not allow this page.")

    @app.errorhandler(404)
    def not_found(error):
        return _page(404, "There is no such page, or you may not see it.")

    @app.errorhandler(413)
    def too_large(error):
        return _page(413, "The upload is larger than the system accepts.")

    @app.errorhandler(500)
    def internal(error):
        return _page(500, "The error was logged. Nothing was saved; please try again.")
