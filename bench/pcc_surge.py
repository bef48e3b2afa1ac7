"""(f) A surge of PCC requests against the PCC service while an officer reads the worklist
(issue 19): the back office and the PCC service as ``make run`` serves them (two gunicorn
servers, each with its own sync workers; the PCC workers at a lower CPU priority, as the README
advises for one machine), on one SQLite database with 20k cases.

- ``worklist_p95_ms``: the officer's worklist, quiet;
- ``worklist_p95_during_surge_ms``: the same requests while PCC_DRIVERS processes issue codes
  and look them up end to end (real-name check, mobile check, the code from the SMS outbox,
  the form) as fast as the service answers, for SURGE_SECONDS;
- ``pcc_issuances_per_s``, ``pcc_lookups_per_s``: the codes issued, and looked up again (one
  for every second issued), per second during the surge;
- ``worklist_surge_ratio``: during ÷ quiet (target ≤ 1.5).

Rate limits are off in this run: a real surge comes from many addresses, and the loopback
driver is one; the limits are tested in tests/pcc/test_pcc_limits.py.
"""

from __future__ import annotations

import http.cookiejar
import json
import multiprocessing
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import select

from backoffice import create_app
from backoffice.extensions import db
from backoffice.models import User
from bench.common import bulk_applications, seed_people
from workflows import clock
from workflows.roles import Role

CASES = 20_000
RESIDENTS = 20_000
SURGE_SECONDS = int(os.environ.get("BENCH_SURGE_SECONDS", 20))
PCC_DRIVERS = 2
PCC_NICENESS = int(os.environ.get("BENCH_PCC_NICENESS", 10))
WORKLIST_REQUESTS = 60
PASSWORD = "bench-password-1"  # noqa: S105 (a throw-away benchmark database)
CSRF = re.compile(r'name="((?:[a-z]+-)?csrf_token)" (?:type="hidden" )?value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _resident(n: int) -> dict:
    """A resident with a valid number (born 1 January 1990 + n days, a man, 7th digit 5)."""
    day = 1 + n % 28
    month = 1 + (n // 28) % 12
    year = 60 + (n // 336) % 40
    back = f"{n:06d}"
    letters = "".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n // 26 ** k) % 26] for k in range(4))
    return {"name": f"RESIDENT {letters}", "number": f"{year:02d}{month:02d}{day:02d}-5{back}",
            "mobile": f"0109{n:07d}", "carrier": "SKT"}


def _opener():
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def _post(opener, url: str, form: dict, page: str) -> str:
    tokens = dict(CSRF.findall(page))
    data = urllib.parse.urlencode({**tokens, **form}).encode()
    with opener.open(url, data=data, timeout=30) as response:
        return response.read().decode()


def _get(opener, url: str) -> str:
    with opener.open(url, timeout=30) as response:
        return response.read().decode()


def _verified(opener, base: str, database: str, resident: dict, start: str) -> str:
    """Through the real-name and mobile checks of ``start`` (/issue or /lookup); the page."""
    page = _get(opener, f"{base}{start}")
    page = _post(opener, f"{base}{start}", {"name": resident["name"],
                                            "registration_number": resident["number"]}, page)
    page = _post(opener, f"{base}/verify", {
        "carrier": "SKT", "name": resident["name"].replace(" ", ""),
        "birth_date": "19" + resident["number"][:6], "mobile": resident["mobile"]}, page)
    with sqlite3.connect(database, timeout=30) as connection:
        text = connection.execute("SELECT text FROM sms_messages WHERE \"to\" = ? "
                                  "ORDER BY id DESC LIMIT 1", (resident["mobile"],)).fetchone()[0]
    code = re.search(r"\b(\d{6})\b", text).group(1)
    return _post(opener, f"{base}/verify/code", {"code": code}, page)


def _issue_one(base: str, database: str, resident: dict) -> bool:
    """One foreigner, end to end: True when the page shows the code issued."""
    try:
        opener = _opener()
        page = _verified(opener, base, database, resident, "/issue")
        page = _post(opener, f"{base}/apply", {
            "address": "35208 대전광역시 서구 청사로 189", "telephone": "010-1234-5678",
            "mobile_owner": "self", "consents_to_viewing": "y"}, page)
        return "발급되었습니다" in page
    except (OSError, AttributeError, TypeError) as error:
        if os.environ.get("BENCH_DEBUG"):
            print(f"issuance failed: {error!r}", file=sys.stderr)
        return False


def _look_up_one(base: str, database: str, resident: dict) -> bool:
    """One look-up of a code issued before: True when the page shows it."""
    try:
        page = _verified(_opener(), base, database, resident, "/lookup")
        return "님의 개인통관고유부호는" in page
    except (OSError, AttributeError, TypeError):
        return False


def _driver(base: str, database: str, first: int, step: int, until: float, done) -> None:
    """Issue codes and, after every second one, look up the one issued before it."""
    n, issued, looked_up = first, 0, 0
    while time.monotonic() < until and n < RESIDENTS:
        if _issue_one(base, database, _resident(n)):
            issued += 1
            if issued % 2 == 0:
                looked_up += _look_up_one(base, database, _resident(n))
        n += step
    done.put((issued, looked_up))


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] * 1000


def _worklist_times(base: str, count: int) -> list[float]:
    opener = _opener()
    page = _get(opener, f"{base}/login")
    _post(opener, f"{base}/login", {"username": "supervisor", "password": PASSWORD}, page)
    _get(opener, f"{base}/worklist")  # warm
    times = []
    for _ in range(count):
        started = time.perf_counter()
        _get(opener, f"{base}/worklist")
        times.append(time.perf_counter() - started)
    return times


def _wait(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (loopback only)
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def measure() -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="gwanse-pcc-bench-"))
    database = folder / "bench.sqlite"
    residents = folder / "residents.json"
    residents.write_text(json.dumps([_resident(n) for n in range(RESIDENTS)]))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "bench",
           "GWANSE_INSTANCE_PATH": str(folder / "instance"),
           "GWANSE_SESSION_COOKIE_SECURE": "false", "GWANSE_RATELIMIT_ENABLED": "false",
           "GWANSE_PCC_RESIDENTS_FILE": str(residents)}
    app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"},
                     instance_path=str(folder / "instance"))
    now = clock.now()
    with app.app_context():
        upgrade()
        office, party, officer = seed_people()
        bulk_applications(CASES, CASES // 20, now, office, party, officer)
        supervisor = db.session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        supervisor.set_password(PASSWORD)
        db.session.commit()
        db.engine.dispose()
    bin_dir = Path(sys.executable).parent
    web_port, pcc_port = _free_port(), _free_port()
    servers = [
        subprocess.Popen([str(bin_dir / "gunicorn"), "--bind", f"127.0.0.1:{web_port}",
                          "--workers", "2", "backoffice:create_app()"], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        subprocess.Popen([str(bin_dir / "gunicorn"), "--bind", f"127.0.0.1:{pcc_port}",
                          "--workers", "2", "backoffice.pcc.app:create_pcc_app()"], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         preexec_fn=lambda: os.nice(PCC_NICENESS)),
    ]
    web, pcc = f"http://127.0.0.1:{web_port}", f"http://127.0.0.1:{pcc_port}"
    try:
        _wait(f"{web}/login")
        _wait(f"{pcc}/")
        quiet = _worklist_times(web, WORKLIST_REQUESTS)
        done = multiprocessing.Queue()
        until = time.monotonic() + SURGE_SECONDS
        drivers = [multiprocessing.Process(target=_driver, args=(
            pcc, str(database), first, PCC_DRIVERS, until, done), daemon=True)
            for first in range(PCC_DRIVERS)]
        started = time.monotonic()
        for driver in drivers:
            driver.start()
        time.sleep(1)  # the surge is running
        during = _worklist_times(web, WORKLIST_REQUESTS)
        counts = [done.get(timeout=SURGE_SECONDS + 60) for _ in drivers]
        issued, looked_up = sum(c[0] for c in counts), sum(c[1] for c in counts)
        elapsed = time.monotonic() - started
        for driver in drivers:
            driver.join(timeout=10)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)
    return {"worklist_p95_ms": _p95(quiet),
            "worklist_p95_during_surge_ms": _p95(during),
            "worklist_surge_ratio": _p95(during) / _p95(quiet),
            "pcc_issuances_per_s": issued / elapsed,
            "pcc_lookups_per_s": looked_up / elapsed}
