"""``flask procedures``: the declared procedures and their diagrams, from the shell."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from workflows.engine.diagram import DiagramUnavailable, diagram_svg
from workflows.procedures import REGISTRY


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
