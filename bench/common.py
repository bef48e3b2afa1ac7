"""A throw-away migrated database and bulk-loaded fixtures for the benchmarks."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import insert

from backoffice import create_app
from backoffice.audit import event_hash
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline, Office, Party, User
from backoffice.models.case import GENESIS_HASH
from workflows import clock
from workflows.roles import Role


def bench_app(database_url: str | None = None):
    """An app on a fresh database built by the migrations (SQLite in a temp folder by default)."""
    folder = Path(tempfile.mkdtemp(prefix="gwanse-bench-"))
    url = database_url or f"sqlite:///{folder / 'bench.sqlite'}"
    app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url,
                      "SESSION_COOKIE_SECURE": False},
                     instance_path=str(folder / "instance"))
    with app.app_context():
        upgrade()
    return app


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def seed_people():
    office = Office(code="SEOUL", name_ko="서울본부세관", name_en="Seoul Main Customs")
    party = Party(kind="company", name="Bench Trading", identifier_kind="business_registration",
                  identifier="1208147521")
    db.session.add_all([office, party])
    db.session.flush()
    officer = User(username="officer", display_name="Officer", role=Role.OFFICER,
                   office=office, password_hash="x")
    supervisor = User(username="supervisor", display_name="Supervisor", role=Role.SUPERVISOR,
                      office=office, password_hash="x")
    db.session.add_all([officer, supervisor])
    db.session.commit()
    return office, party, officer


def bulk_applications(count: int, due: int, now: datetime, office, party, officer) -> None:
    """Insert ``count`` received applications with their opening event and processing deadline;
    the first ``due`` of them are past their deadline at ``now``. Bulk inserts, not the engine:
    this is fixture data."""
    today = clock.seoul_date(now)
    cases, events, deadlines = [], [], []
    for n in range(count):
        overdue = n < due
        received = today - timedelta(days=30 if overdue else 1)
        due_date = received + timedelta(days=10)
        due_at = clock.end_of_legal_day(due_date)
        reference = f"DPA-2026-{n + 1:06d}"
        opened = now - timedelta(days=30)
        event = CaseEvent(case_id=n + 1, seq=1, occurred_at=opened, effective_at=opened,
                          actor_id=officer.id, actor_label="officer", trigger="receive",
                          from_state=None, to_state="received", reason=None,
                          article="Art. 161(1)", payload={}, prev_hash=GENESIS_HASH)
        digest = event_hash(event, reference)
        cases.append({"id": n + 1, "reference": reference, "procedure": "deemed_permission",
                      "state": "received", "party_id": party.id, "office_id": office.id,
                      "assigned_officer_id": officer.id, "version": 1, "event_count": 1,
                      "event_head_hash": digest, "opened_at": opened, "updated_at": opened,
                      "data": {"permission_kind": "161", "received_on": received.isoformat(),
                               "application": "samples"}})
        events.append({"case_id": n + 1, "seq": 1, "occurred_at": opened, "effective_at": opened,
                       "actor_id": officer.id, "actor_label": "officer", "trigger": "receive",
                       "from_state": None, "to_state": "received", "article": "Art. 161(1)",
                       "payload": {}, "prev_hash": GENESIS_HASH, "hash": digest})
        deadlines.append({"case_id": n + 1, "kind": "processing", "article": "Art. 161(2)",
                          "start_event": "receipt of the application", "starts_on": received,
                          "due_date": due_date, "due_at": due_at, "status": "open",
                          "on_expiry": "transition:deem_grant", "explanation": [],
                          "opened_at": opened, "period": "10d", "rollover": True,
                          "backward": False, "suspensions": [], "reminders": []})
    for table, rows in ((Case, cases), (CaseEvent, events), (Deadline, deadlines)):
        for start in range(0, len(rows), 5000):
            db.session.execute(insert(table), rows[start:start + 5000])
    db.session.commit()


def legal_now() -> datetime:
    return datetime.combine(date(2026, 11, 20), datetime.min.time(), tzinfo=clock.SEOUL) \
        + timedelta(hours=10)
