"""Procedures draw themselves: SVG through transitions' Graphviz support.

A GraphMachine is built for the drawing only, never for a case; each drawing (procedure and
highlighted state) is made once per process and kept.
"""

from __future__ import annotations

import shutil

from transitions.extensions import GraphMachine

from workflows.engine.declarations import Procedure

_drawings: dict[tuple[int, str], str] = {}


class DiagramUnavailable(RuntimeError):
    """Graphviz is not installed (Debian package ``graphviz``)."""


class _Drawing:
    """The model a GraphMachine needs to draw; it lives only while the SVG is made."""


def diagram_svg(procedure: Procedure, current: str | None = None) -> str:
    """Return the procedure's state diagram as SVG with ``current`` highlighted.

    Without ``current`` the state a case opens in is highlighted.
    """
    names = {s.name for s in procedure.states}
    current = current if current in names else procedure.openings[0].dest
    key = (id(procedure), current)
    if key not in _drawings:
        _drawings[key] = _draw(procedure, current)
    return _drawings[key]


def _draw(procedure: Procedure, current: str) -> str:
    if shutil.which("dot") is None:
        raise DiagramUnavailable("Graphviz 'dot' is not installed: apt-get install graphviz")
    model = _Drawing()
    machine = GraphMachine(
        model=None,
        states=[{"name": s.name, "final": s.terminal} for s in procedure.states],
        transitions=[{"trigger": t.trigger, "source": list(t.source), "dest": t.dest}
                     for t in procedure.transitions if not t.opening and t.dest is not None],
        initial=current, auto_transitions=False, title=procedure.code.replace("_", " "),
        show_conditions=False, graph_engine="graphviz",
    )
    # Larger procedures read better top to bottom than as one long line.
    machine.machine_attributes = {**machine.machine_attributes,
                                  "rankdir": "TB" if len(procedure.states) > 7 else "LR"}
    machine.add_model(model, initial=current)
    try:
        return model.get_graph().draw(None, format="svg", prog="dot").decode("utf-8")
    finally:
        machine.remove_model(model)
