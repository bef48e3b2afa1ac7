"""The declared procedures in the back office: their diagrams, on the web and from the shell."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Blueprint, Response, abort, request
from flask.cli import with_appcontext
from flask_login import login_required

from backoffice.templating import current_locale
from workflows.engine.diagram import DiagramUnavailable, diagram_svg
from workflows.procedures import REGISTRY

bp = Blueprint("procedures", __name__, url_prefix="/procedures")


@bp.get("/<code>/diagram.svg")
@login_required
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


@click.group("procedures")
def procedures_group() -> None:
    """The procedures declared on the workflow engine."""


@procedures_group.command("list")
def list_command() -> None:
    """List the declared procedures with their states."""
    for procedure in REGISTRY.values():
        click.echo(f"{procedure.code}: {', '.join(s.name for s in procedure.states)}")


@procedures_group.command("diagram")
@click.argument("code", type=click.Choice(sorted(REGISTRY)))
@click.option("--state", help="The state to highlight (default: the one a case opens in).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              required=True, help="The SVG file to write.")
@with_appcontext
def diagram_command(code: str, state: str | None, output: Path) -> None:
    """Write the state diagram of a procedure as SVG."""
    procedure = REGISTRY[code]
    if state and state not in {s.name for s in procedure.states}:
        raise click.BadParameter(f"{code} has no state {state!r}", param_hint="--state")
    try:
        output.write_text(diagram_svg(procedure, state), encoding="utf-8")
    except DiagramUnavailable as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {output}.")
