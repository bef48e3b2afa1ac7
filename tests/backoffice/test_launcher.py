"""What `make run` starts: the back office, the PCC service and the scheduler together, all
stopped by one Ctrl-C."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback only)
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def _wait_for_healthy(base: str, timeout: float = 40) -> dict:
    deadline, body = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            status, text, _ = _get(f"{base}/healthz")
            body = json.loads(text)
            if status == 200 and body["scheduler"]["ok"]:
                return body
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
            pass  # not up yet, or too busy to answer within the probe's time-out: ask again
        time.sleep(0.5)
    raise AssertionError(f"web and scheduler did not come up: {body}")


def _pcc_start(base: str, timeout: float = 40) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            status, page, _ = _get(f"{base}/")
            return status, page
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)  # its workers are still starting: ask again


def test_run_serves_the_login_page_with_the_scheduler_and_ctrl_c_stops_both(
    database_url, tmp_path
):
    port, pcc_port = _free_port(), _free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "launcher-test",
           "GWANSE_INSTANCE_PATH": str(tmp_path / "instance"),
           "GWANSE_SCHEDULER_HEARTBEAT_SECONDS": "1"}
    launcher = subprocess.Popen(
        [sys.executable, "-m", "backoffice.launcher", "--port", str(port), "--workers", "1",
         "--pcc-port", str(pcc_port), "--pcc-workers", "1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        health = _wait_for_healthy(base)
        assert health["status"] == "ok"
        status, page, headers = _get(f"{base}/login")
        assert status == 200
        assert "Sign in" in page
        assert "Secure" not in headers.get("Set-Cookie", "")
        status, page = _pcc_start(f"http://127.0.0.1:{pcc_port}")
        assert status == 200 and "개인통관고유부호" in page  # the PCC service, on its own port
        os.killpg(launcher.pid, signal.SIGINT)
        output, _ = launcher.communicate(timeout=30)
    finally:
        if launcher.poll() is None:
            os.killpg(launcher.pid, signal.SIGKILL)
            launcher.communicate(timeout=10)  # reap it and close its pipe
    assert launcher.returncode == 0, output
    assert "scheduler stopped" in output
    assert "Shutting down: Master" in output
    for listening in (port, pcc_port):
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", listening)) != 0, "a web server still listens"


def test_launcher_refuses_a_bad_port():
    result = subprocess.run([sys.executable, "-m", "backoffice.launcher", "--port", "70000"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "--port must be between 1 and 65535" in result.stderr


def test_launcher_refuses_one_port_for_both_services():
    result = subprocess.run([sys.executable, "-m", "backoffice.launcher", "--port", "5000",
                             "--pcc-port", "5000"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "--pcc-port must differ from --port" in result.stderr
