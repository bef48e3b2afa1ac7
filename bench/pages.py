"""(e) The worklist and the supervisor's dashboard with 100k cases and 1M events: p95 response
times of the real pages (Flask, the queries, Jinja) against a bare query baseline in the same
run (the first 50 cases of the office by id, straight from SQLite)."""

from __future__ import annotations

import re
import statistics
import time
from datetime import timedelta

from sqlalchemy import insert, select, text

from backoffice.extensions import db
from backoffice.models import CaseEvent, User
from bench.common import bulk_applications, legal_now, seed_people
from workflows import clock
from workflows.roles import Role

CASES = 100_000
EVENTS_PER_CASE = 10
REQUESTS = 40
PASSWORD = "bench-password-1"  # noqa: S105 (a throw-away benchmark database)


def _more_events(now) -> None:
    """Nine more events per case (1M in all), some of them decisions, for the dashboard."""
    batch = []
    for case_id in range(1, CASES + 1):
        for seq in range(2, EVENTS_PER_CASE + 1):
            moment = now - timedelta(days=(case_id * 7 + seq) % 360)
            to_state = "decided" if seq == EVENTS_PER_CASE and case_id % 3 == 0 else "received"
            batch.append({"case_id": case_id, "seq": seq, "occurred_at": moment,
                          "effective_at": moment, "actor_id": None, "actor_label": "bench",
                          "trigger": "note", "from_state": "received", "to_state": to_state,
                          "payload": {}, "prev_hash": "0" * 64, "hash": "0" * 64})
            if len(batch) == 20_000:
                db.session.execute(insert(CaseEvent), batch)
                batch = []
    if batch:
        db.session.execute(insert(CaseEvent), batch)
    db.session.commit()


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] * 1000


def measure(app) -> dict[str, float]:
    now = legal_now()
    with app.app_context():
        office, party, officer = seed_people()
        bulk_applications(CASES, CASES // 20, now, office, party, officer)
        _more_events(now)
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        supervisor = db.session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        supervisor.set_password(PASSWORD)
        db.session.commit()
        username, office_id = supervisor.username, office.id

    client = app.test_client()
    login = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login).group(1)
    client.post("/login", data={"username": username, "password": PASSWORD,
                                "csrf_token": token})

    def timed_get(path: str) -> float:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, (path, response.status_code)
        return elapsed

    with clock.frozen(now):
        for path in ("/worklist", "/dashboard"):  # warm the caches and the templates
            timed_get(path)
        worklist = [timed_get("/worklist") for _ in range(REQUESTS)]
        filtered = [timed_get("/worklist?party=bench&due=week&page=3") for _ in range(REQUESTS)]
        dashboard = [timed_get("/dashboard") for _ in range(REQUESTS)]

    with app.app_context():
        bare = []
        connection = db.engine.raw_connection()
        try:
            for _ in range(REQUESTS):
                started = time.perf_counter()
                cursor = connection.cursor()
                cursor.execute("SELECT * FROM cases WHERE office_id = ? ORDER BY id LIMIT 50",
                               (office_id,))
                cursor.fetchall()
                bare.append(time.perf_counter() - started)
        finally:
            connection.close()
    return {
        "worklist_p95_ms": _p95(worklist),
        "worklist_filtered_p95_ms": _p95(filtered),
        "dashboard_p95_ms": _p95(dashboard),
        "bare_query_p95_ms": _p95(bare),
        "worklist_vs_bare_ratio": _p95(worklist) / _p95(bare),
    }
