"""Procedures draw themselves: SVG through transitions' Graphviz support.

A GraphMachine is built for the drawing only, never for a case; each drawing (procedure and
highlighted state) is made once per process and kept.
"""

from __future__ import annotations

import shutil

from transitions.extensions import GraphMachine

from workflows.engine.declarations import Procedure

_drawings: dict[tuple[int, str, str], str] = {}


class _LabelledState(GraphMachine.state_cls):
    """A state drawn with its declared labels instead of its code."""

    def __init__(self, *args, label: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.label = label


class _LabelledGraphMachine(GraphMachine):
    state_cls = _LabelledState


class DiagramUnavailable(RuntimeError):
    """Graphviz is not installed (Debian package ``graphviz``)."""


class _Drawing:
    """The model a GraphMachine needs to draw; it lives only while the SVG is made."""


def diagram_svg(procedure: Procedure, current: str | None = None, locale: str = "ko") -> str:
    """Return the procedure's state diagram as SVG with ``current`` highlighted, its states and
    actions named by their declared labels in ``locale`` ("ko" first, or "en").

    Without ``current`` the state a case opens in is highlighted.
    """
    names = {s.name for s in procedure.states}
    current = current if current in names else procedure.openings[0].dest
    locale = "en" if locale == "en" else "ko"
    key = (id(procedure), current, locale)
    if key not in _drawings:
        _drawings[key] = _draw(procedure, current, locale)
    return _drawings[key]


def _label(english: str, korean: str, locale: str) -> str:
    if not korean or korean == english:
        return english
    return f"{korean}\\n{english}" if locale == "ko" else f"{english}\\n{korean}"


def _draw(procedure: Procedure, current: str, locale: str) -> str:
    if shutil.which("dot") is None:
        raise DiagramUnavailable("Graphviz 'dot' is not installed: apt-get install graphviz")
    model = _Drawing()
    machine = _LabelledGraphMachine(
        model=None,
        states=[{"name": s.name, "final": s.terminal,
                 "label": _label(s.label_en, s.label_ko, locale)} for s in procedure.states],
        transitions=[{"trigger": t.trigger, "source": list(t.source), "dest": t.dest,
                      "label": (t.label_ko or t.label_en) if locale == "ko" else t.label_en}
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
