"""Each deadline takes effect once: with two schedulers at once, and across a crash."""

import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from backoffice.extensions import db
from backoffice.models import CaseEvent, Deadline, DeadlineStatus
from backoffice.workflow import open_procedure_case
from tests.conftest import make_app
from tests.factories import Factories
from workflows.roles import Role

FLASK = str(Path(sys.executable).parent / "flask")
RECEIVED = date(2026, 3, 2)


def seed_due_applications(app, count: int) -> None:
    """``count`` applications received on different days in March 2026, all long overdue."""
    make = Factories(app)
    with app.app_context():
        office = make.office()
        officer = make.user("officer", Role.OFFICER, office=office)
        party = make.party()
        for n in range(count):
            open_procedure_case(
                "deemed_permission", party=party, office=office, actor=officer,
                values={"permission_kind": "161",
                        "received_on": (RECEIVED + timedelta(days=n % 20)).isoformat(),
                        "application": f"samples lot {n}"},
            )
        db.session.commit()


def env_for(database_url: str, tmp_path: Path, **extra) -> dict:
    return {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "x",
            "GWANSE_INSTANCE_PATH": str(tmp_path / "instance"), **extra}


def assert_each_fired_once(app, count: int) -> None:
    with app.app_context():
        per_case = db.session.execute(
            select(CaseEvent.case_id, func.count())
            .where(CaseEvent.trigger == "deem_grant").group_by(CaseEvent.case_id)
        ).all()
        assert len(per_case) == count
        assert {n for _, n in per_case} == {1}
        assert db.session.scalar(select(func.count()).select_from(Deadline).where(
            Deadline.status == DeadlineStatus.OPEN)) == 0
        for event in db.session.scalars(select(CaseEvent).where(CaseEvent.trigger == "deem_grant")):
            deadline = db.session.scalar(select(Deadline).where(
                Deadline.case_id == event.case_id, Deadline.kind == "processing"))
            assert event.effective_at == deadline.due_at
        assert db.session.scalar(select(func.count()).select_from(CaseEvent)) == 2 * count


def _fired(output: str) -> int:
    summary = next(line for line in output.splitlines() if line.startswith("as of "))
    return int(summary.split(": ")[1].split(" took effect")[0])


def run_two_sweeps_at_once(database_url: str, tmp_path: Path) -> list[str]:
    env = env_for(database_url, tmp_path, GWANSE_SCHEDULER_SWEEP_BATCH="7")
    command = [FLASK, "--app", "backoffice", "jobs", "sweep", "--as-of", "2026-05-01"]
    processes = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120)[0] for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    return outputs


def test_two_schedulers_at_once_fire_each_deadline_once(app, database_url, tmp_path):
    seed_due_applications(app, 60)
    outputs = run_two_sweeps_at_once(database_url, tmp_path)
    fired = [_fired(o) for o in outputs]
    assert sum(fired) == 60
    assert_each_fired_once(app, 60)


@pytest.mark.postgres
def test_two_schedulers_at_once_on_postgresql_skip_each_others_rows(postgres_database, tmp_path):
    app = make_app(postgres_database, tmp_path / "instance")
    seed_due_applications(app, 60)
    outputs = run_two_sweeps_at_once(postgres_database, tmp_path)
    fired = [_fired(o) for o in outputs]
    assert sum(fired) == 60
    assert_each_fired_once(app, 60)
    with app.app_context():
        db.engine.dispose()


def test_a_killed_scheduler_restarted_fires_each_deadline_once_with_its_legal_date(
    app, database_url, tmp_path
):
    seed_due_applications(app, 120)
    env = env_for(database_url, tmp_path, GWANSE_SCHEDULER_SWEEP_BATCH="5",
                  GWANSE_SCHEDULER_SWEEP_SECONDS="1", GWANSE_SCHEDULER_HEARTBEAT_SECONDS="1")
    command = [FLASK, "--app", "backoffice", "jobs", "run"]
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    with app.app_context():
        while time.monotonic() < deadline:
            fired = db.session.scalar(select(func.count()).select_from(CaseEvent).where(
                CaseEvent.trigger == "deem_grant"))
            db.session.rollback()
            if fired:
                break
            time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    with app.app_context():
        partial = db.session.scalar(select(func.count()).select_from(CaseEvent).where(
            CaseEvent.trigger == "deem_grant"))
        db.session.rollback()
    assert partial > 0
    second = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        with app.app_context():
            while time.monotonic() < deadline:
                remaining = db.session.scalar(select(func.count()).select_from(Deadline).where(
                    Deadline.status == DeadlineStatus.OPEN))
                db.session.rollback()
                if remaining == 0:
                    break
                time.sleep(0.2)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=15)
    assert_each_fired_once(app, 120)
