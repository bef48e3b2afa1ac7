"""A procedure's state diagram, on the web."""

from __future__ import annotations

from flask import Response, abort, request

from backoffice.procedures.blueprint import bp
from backoffice.templating import current_locale
from workflows.engine.diagram import DiagramUnavailable, diagram_svg
from workflows.procedures import REGISTRY


@bp.get("/<code>/diagram.svg")
def diagram(code: str):
    """The procedure's state diagram, the ``state`` query argument highlighted, labelled in
    the reader's language."""
    procedure = REGISTRY.get(code)
    if procedure is None:
        abort(404)
    try:
        svg = diagram_svg(procedure, request.args.get("state"), current_locale())
    except DiagramUnavailable:
        abort(404)
    response = Response(svg, mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "private, max-age=3600"
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
