"""(b) A sweep over 100k open deadlines of which 10k are due, against two baselines measured in
the same run; and (c) how long the scheduler takes to start with 100k open deadlines.

The bare baseline is one SQL update of the 10k due rows. The same-writes baseline
(:mod:`bench.same_writes`) writes every row the sweep writes (deadlines, cases, hash-chained
events, numbered notices, alerts) with hand-written bulk SQL: the fair measure of what the engine,
the batching and the per-case checks cost; it runs with Python's cyclic garbage collector paused,
as the sweep plans and writes each batch (:func:`jobs.bulk.collector_paused`), so that the ratio
does not credit the engine with the collector's work. Each run seeds its own fresh database.
"""

from __future__ import annotations

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import update

from backoffice.extensions import db
from backoffice.models import Deadline, DeadlineStatus
from bench.common import bulk_applications, legal_now, seed_people, timed
from bench.same_writes import write_same_rows, written
from jobs.bulk import collector_paused
from jobs.enforce import enforce_due_deadlines
from jobs.runner import build_scheduler
from workflows import clock

OPEN = 100_000
DUE = 10_000


def seeded(make_app, now):
    """A fresh app whose database holds the 100k applications, 10k of them due at ``now``."""
    app = make_app()
    with app.app_context():
        office, party, officer = seed_people()
        bulk_applications(OPEN, DUE, now, office, party, officer)
    return app


def measure(make_app) -> dict[str, float]:
    now = legal_now()
    results = {}

    bare_app = seeded(make_app, now)

    def bare_update() -> None:
        with bare_app.app_context():
            db.session.execute(
                update(Deadline)
                .where(Deadline.status == DeadlineStatus.OPEN, Deadline.due_at <= now)
                .values(status=DeadlineStatus.MISSED, processed_at=now, closed_at=now)
            )
            db.session.commit()

    bare = timed(bare_update)

    sweep_app = seeded(make_app, now)
    processed = {}

    def sweep() -> None:
        with sweep_app.app_context(), clock.frozen(now):
            processed["n"] = enforce_due_deadlines().fired

    swept = timed(sweep)
    assert processed["n"] == DUE, processed

    same_app = seeded(make_app, now)

    def same_writes() -> None:
        with same_app.app_context(), collector_paused():
            processed["same"] = write_same_rows(now)

    same = timed(same_writes)
    assert processed["same"] == DUE, processed
    by_sweep, by_baseline = written(sweep_app), written(same_app)
    assert by_baseline == by_sweep, f"the baseline wrote {by_baseline}, the sweep {by_sweep}"

    results["sweep_s"] = swept
    results["bare_update_s"] = bare
    results["sweep_vs_bare_ratio"] = swept / bare
    results["same_writes_s"] = same
    results["sweep_vs_same_writes_ratio"] = swept / same

    def start_scheduler() -> None:
        scheduler = build_scheduler(sweep_app, BackgroundScheduler)
        scheduler.start(paused=True)
        scheduler.shutdown(wait=False)

    results["scheduler_start_s"] = timed(start_scheduler)
    return results
