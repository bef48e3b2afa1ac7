"""``python -m bench``: run every benchmark and print one ``name: value`` line per figure.

Each figure is a ratio against a bare baseline measured in the same run, or an absolute time
where the issue names one; each group's figures follow a ``# <group>`` line. ``--only
engine|sweep|notices|pages|pcc`` runs one group. Each group builds its own temporary SQLite
database through the migrations.
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
    measures = {
        "engine": lambda: engine.measure(bench_app()),
        "sweep": lambda: sweep.measure(bench_app),
        "notices": lambda: notices.measure(bench_app()),
        "pages": lambda: pages.measure(bench_app()),
        "pcc": pcc_surge.measure,
    }
    for group in (name for name in measures if name in groups):
        # Each group prints its own figures as it ends: two groups may name a figure alike
        # (the worklist's p95 on 100k cases, and quiet beside the PCC surge on 20k).
        print(f"# {group}", flush=True)
        for name, value in measures[group]().items():
            print(f"{name}: {value:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
