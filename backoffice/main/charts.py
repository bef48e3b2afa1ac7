"""Charts drawn on the server as SVG: no script, no CDN, readable without JavaScript."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from markupsafe import Markup, escape

COLOURS = ("#1d4e89", "#2a9d8f", "#c1121f")


class Series(NamedTuple):
    """One bar of each group: its name in the reader's language and in English, its values."""

    name: str
    english: str
    values: Sequence[int]


def _values_text(labels: Sequence[str], series: Sequence[Series], english: bool) -> str:
    return "; ".join(
        f"{escape(label)}: " + ", ".join(
            f"{escape(s.english if english else s.name)} {s.values[i]}" for s in series)
        for i, label in enumerate(labels))


def grouped_bars(title: str, labels: Sequence[str], series: Sequence[Series], *,
                 height: int = 220) -> Markup:
    """A grouped bar chart: one group per label, one bar per series, values printed on top.

    The SVG carries a <title> and a <desc> listing every value, for screen readers: in the
    reader's language, then in English when that differs.
    """
    left, bottom, top = 34, 34, 26
    group_width = 56
    width = left + group_width * len(labels) + 10
    peak = max([1, *(v for s in series for v in s.values)])
    plot = height - bottom - top
    bar = (group_width - 12) / max(1, len(series))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
             f'viewBox="0 0 {width} {height}" width="100%" aria-labelledby="chart-title '
             f'chart-desc"><title id="chart-title">{escape(title)}</title>']
    description = _values_text(labels, series, english=False)
    if any(s.name != s.english for s in series):
        description += " · " + _values_text(labels, series, english=True)
    parts.append(f'<desc id="chart-desc">{description}</desc>')
    for step in range(5):
        y = top + plot - plot * step / 4
        value = round(peak * step / 4)
        parts.append(f'<line x1="{left}" x2="{width - 6}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#e3e7ec"/><text x="{left - 6}" y="{y + 4:.1f}" '
                     f'text-anchor="end" font-size="10" fill="#555">{value}</text>')
    for i, label in enumerate(labels):
        x0 = left + i * group_width + 6
        for k, (_, _english, values) in enumerate(series):
            h = plot * values[i] / peak
            x = x0 + k * bar
            parts.append(f'<rect x="{x:.1f}" y="{top + plot - h:.1f}" width="{bar - 2:.1f}" '
                         f'height="{h:.1f}" fill="{COLOURS[k % len(COLOURS)]}"/>')
            if values[i]:
                parts.append(f'<text x="{x + (bar - 2) / 2:.1f}" y="{top + plot - h - 3:.1f}" '
                             f'text-anchor="middle" font-size="9">{values[i]}</text>')
        parts.append(f'<text x="{x0 + (group_width - 12) / 2:.1f}" y="{height - bottom + 14}" '
                     f'text-anchor="middle" font-size="10" fill="#333">{escape(label)}</text>')
    for k, (name, _english, _values) in enumerate(series):
        x = left + k * 120
        parts.append(f'<rect x="{x}" y="6" width="10" height="10" '
                     f'fill="{COLOURS[k % len(COLOURS)]}"/><text x="{x + 14}" y="15" '
                     f'font-size="11">{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (every label and value above is escaped)
