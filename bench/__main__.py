"""``python -m bench``: run every benchmark and print one ``name: value`` line per figure.

Each figure is a ratio against a bare baseline measured in the same run, or an absolute time
where the issue names one. ``--only engine|sweep|notices|pages|pcc`` runs one group. Each group
builds its own temporary SQLite database through the migrations.
"""

from __future__ import annotations

import argparse
import logging
import sys

from bench import engine, notices, pages, pcc_surge, sweep
from bench.common import bench_app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["engine", "sweep", "notices", "pages", "pcc"],
                        action="append")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    groups = args.only or ["engine", "sweep", "notices", "pages", "pcc"]
    figures: dict[str, float] = {}
    if "engine" in groups:
        figures.update(engine.measure(bench_app()))
    if "sweep" in groups:
        figures.update(sweep.measure(bench_app))
    if "notices" in groups:
        figures.update(notices.measure(bench_app()))
    if "pages" in groups:
        figures.update(pages.measure(bench_app()))
    if "pcc" in groups:
        figures.update(pcc_surge.measure())
    for name, value in figures.items():
        print(f"{name}: {value:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
