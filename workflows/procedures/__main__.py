"""``python -m workflows.procedures``: print the declared procedures as Markdown tables.

README.md includes this output; a test compares the two, so the README cannot go stale.
"""

from __future__ import annotations

from workflows.engine import SYSTEM, Procedure
from workflows.procedures import REGISTRY


def _article(article) -> str:
    return "per kind (e.g. " + article_example(article) + ")" if callable(article) else article


def article_example(article) -> str:
    from workflows.engine import Context

    return article(Context(state="", role=SYSTEM, now=None, data={"permission_kind": "134"}))


def procedure_markdown(procedure: Procedure) -> str:
    lines = [f"#### `{procedure.code}` ({procedure.article})", "",
             "| state | 한국어 | article | terminal |", "|---|---|---|---|"]
    for state in procedure.states:
        lines.append(f"| `{state.name}` {state.label_en} | {state.label_ko} | {state.article} | "
                     f"{'yes' if state.terminal else ''} |")
    lines += ["", "| action | from → to | who | article |", "|---|---|---|---|"]
    for t in procedure.transitions:
        source = ", ".join(t.source) if t.source else "(opens the case)"
        roles = ", ".join(sorted(t.roles))
        dest = t.dest if t.dest is not None else "(stays)"
        lines.append(f"| `{t.trigger}` {t.label_en} | {source} → {dest} | {roles} | "
                     f"{_article(t.article)} |")
    lines += ["", "| deadline | opens in | period | from | article | when it passes | owed by "
              "| officer may extend | supervisor may waive |",
              "|---|---|---|---|---|---|---|---|---|"]
    for state, specs in procedure.deadlines.items():
        for spec in specs:
            period = spec.period if isinstance(spec.period, str) else spec.period_text
            met = f" (met on `{spec.met_on}`)" if spec.met_on else ""
            lines.append(f"| `{spec.kind}` {spec.label_en} | {state} | {period} | "
                         f"{spec.start.label} | {_article(spec.article)} | {spec.on_expiry}{met} "
                         f"| {spec.owed_by} | {spec.extension or 'no'} | {spec.waiver or 'no'} |")
    return "\n".join(lines)


def markdown() -> str:
    return "\n\n".join(procedure_markdown(p) for p in REGISTRY.values()) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
