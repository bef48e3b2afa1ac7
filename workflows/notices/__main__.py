"""``python -m workflows.notices``: print the notice kinds as a Markdown table for README.

A test compares README with this output, so the list of notices cannot go stale.
"""

from __future__ import annotations

from workflows.notices.kinds import KINDS
from workflows.procedures import REGISTRY


def _issued_by() -> dict[str, list[str]]:
    issued: dict[str, list[str]] = {}
    for procedure in REGISTRY.values():
        for transition in procedure.transitions:
            for kind in transition.notices:
                issued.setdefault(kind, []).append(f"{procedure.code}.{transition.trigger}")
    return issued


def _remedy(kind) -> str:
    if kind.remedy is None:
        return "—"
    if callable(kind.remedy):
        return (kind.remedy.__doc__ or "").strip().splitlines()[0]
    period = f", {kind.remedy.period[:-1]} days from receipt" if kind.remedy.period else ""
    return f"{kind.remedy.article}{period}"


def markdown() -> str:
    issued = _issued_by()
    lines = ["| notice | 제목 | required by | must state | remedy printed | service starts |",
             "|---|---|---|---|---|---|"]
    for kind in KINDS.values():
        article = kind.article or "the permission's own paragraph (e.g. Art. 134(3)-(4))"
        starts = (f"`{kind.on_service.trigger}` ({kind.on_service.field})" if kind.on_service
                  else "—")
        by = ", ".join(f"`{t}`" for t in issued.get(kind.code, []))
        lines.append(f"| `{kind.code}` {kind.title_en} (issued by {by}) | {kind.title_ko} | "
                     f"{article} | {kind.requirement} | {_remedy(kind)} | {starts} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
