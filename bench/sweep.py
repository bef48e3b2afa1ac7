"""(b) A sweep over 100k open deadlines of which 10k are due, against a bare SQL update of the
same 10k rows; and (c) how long the scheduler takes to start with 100k open deadlines."""

from __future__ import annotations

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import update

from backoffice.extensions import db
from backoffice.models import Deadline, DeadlineStatus
from bench.common import bulk_applications, legal_now, seed_people, timed
from jobs.enforce import enforce_due_deadlines
from jobs.runner import build_scheduler
from workflows import clock

OPEN = 100_000
DUE = 10_000


def measure(make_app) -> dict[str, float]:
    now = legal_now()
    results = {}

    bare_app = make_app()
    with bare_app.app_context():
        office, party, officer = seed_people()
        bulk_applications(OPEN, DUE, now, office, party, officer)

    def bare_update() -> None:
        with bare_app.app_context():
            db.session.execute(
                update(Deadline)
                .where(Deadline.status == DeadlineStatus.OPEN, Deadline.due_at <= now)
                .values(status=DeadlineStatus.MISSED, processed_at=now, closed_at=now)
            )
            db.session.commit()

    bare = timed(bare_update)

    sweep_app = make_app()
    with sweep_app.app_context():
        office, party, officer = seed_people()
        bulk_applications(OPEN, DUE, now, office, party, officer)

    processed = {}

    def sweep() -> None:
        with sweep_app.app_context(), clock.frozen(now):
            processed["n"] = enforce_due_deadlines().fired

    swept = timed(sweep)
    assert processed["n"] == DUE, processed
    results["sweep_s"] = swept
    results["bare_update_s"] = bare
    results["sweep_vs_bare_ratio"] = swept / bare

    def start_scheduler() -> None:
        scheduler = build_scheduler(sweep_app, BackgroundScheduler)
        scheduler.start(paused=True)
        scheduler.shutdown(wait=False)

    results["scheduler_start_s"] = timed(start_scheduler)
    return results
