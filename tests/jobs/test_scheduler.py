"""The scheduler process: fixed jobs, a heartbeat, a clean stop."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import SchedulerHeartbeat
from jobs.cli import jobs as jobs_cli
from jobs.heartbeat import beat, instance_name
from jobs.runner import build_scheduler
from workflows import clock


def test_scheduler_declares_fixed_jobs_that_coalesce_and_never_overlap(app):
    scheduler = build_scheduler(app, BackgroundScheduler)
    scheduler.start(paused=True)
    try:
        jobs = scheduler.get_jobs()
        assert sorted(job.id for job in jobs) == ["enforce_deadlines", "heartbeat",
                                                   "pcc_housekeeping", "render_notices",
                                                   "send_reminders"]
        for job in jobs:
            assert job.coalesce is True
            assert job.max_instances == 1
            assert job.misfire_grace_time is None
        assert str(scheduler.timezone) == "Asia/Seoul"
    finally:
        scheduler.shutdown(wait=False)


def test_heartbeat_records_this_process_once(app_ctx):
    started = clock.now()
    beat(started_at=started)
    beat(started_at=started)
    beats = db.session.scalars(select(SchedulerHeartbeat)).all()
    assert [b.name for b in beats] == [instance_name()]
    assert beats[0].pid == os.getpid()


def test_scheduler_process_beats_and_stops_on_sigterm(app, database_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "x",
           "GWANSE_INSTANCE_PATH": str(tmp_path / "instance"),
           "GWANSE_SCHEDULER_HEARTBEAT_SECONDS": "1"}
    flask = Path(sys.executable).parent / "flask"
    process = subprocess.Popen([str(flask), "--app", "backoffice", "jobs", "run"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        seen = None
        while time.monotonic() < deadline and seen is None:
            time.sleep(0.3)
            with app.app_context():
                seen = db.session.scalar(
                    select(SchedulerHeartbeat).where(SchedulerHeartbeat.pid == process.pid)
                )
        assert seen is not None, "the scheduler wrote no heartbeat"
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert "scheduler stopped" in output


def test_the_number_of_jobs_does_not_grow_with_the_deadlines(app, make):
    from datetime import date

    from backoffice.workflow import open_procedure_case
    from workflows.roles import Role

    office = make.office()
    officer = make.user("officer", Role.OFFICER, office=office)
    party = make.party()
    with app.app_context():
        for n in range(30):
            open_procedure_case("deemed_permission", party=party, office=office, actor=officer,
                                values={"permission_kind": "161", "application": f"lot {n}",
                                        "received_on": date(2026, 3, 2).isoformat()})
        db.session.commit()
    scheduler = build_scheduler(app, BackgroundScheduler)
    scheduler.start(paused=True)
    try:
        assert len(scheduler.get_jobs()) == 5
    finally:
        scheduler.shutdown(wait=False)


def test_jobs_status_reports_the_backlog_and_the_last_sweep(app, make, runner):
    from datetime import date

    from backoffice.workflow import open_procedure_case
    from workflows.roles import Role

    office = make.office()
    officer = make.user("officer", Role.OFFICER, office=office)
    party = make.party()
    with app.app_context():
        open_procedure_case("deemed_permission", party=party, office=office, actor=officer,
                            values={"permission_kind": "161", "application": "lot",
                                    "received_on": date(2026, 3, 2).isoformat()})
        db.session.commit()
    before = runner.invoke(jobs_cli, ["status"]).output
    assert "due now: 1 deadline(s) waiting" in before
    assert "enforce_deadlines: never run" in before
    swept = runner.invoke(jobs_cli, ["sweep", "--as-of", "2026-03-13T00:01"])
    assert swept.exit_code == 0, swept.output
    assert "1 took effect" in swept.output
    after = runner.invoke(jobs_cli, ["status"]).output
    assert "due now: 0 deadline(s) waiting; lag 0 s" in after
    assert "enforce_deadlines: last run" in after
    assert "(1 processed)" in after


def test_jobs_sweep_refuses_a_bad_date(runner):
    result = runner.invoke(jobs_cli, ["sweep", "--as-of", "2026-02-30"])
    assert result.exit_code == 2
    assert "is not a date" in result.output
