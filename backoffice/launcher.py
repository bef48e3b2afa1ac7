"""Run the back office, the PCC service and the scheduler together; Ctrl-C stops them all.

``make run`` calls this after migrating and seeding. The back office and the PCC service are
two gunicorn servers with their own sync workers (the PCC service on the next port, its workers
at a lower CPU priority): a surge of PCC requests fills its own workers, never the officers', and
on one machine the officers' workers get the CPU first (``make bench``: the worklist's p95
during a surge is 1.3× the quiet one with the PCC workers at niceness 10, 2.4× without). The
scheduler is one ``flask jobs run`` process beside them, never inside a worker.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

STOP_GRACE_SECONDS = 10


def _commands(host: str, port: int, workers: int, pcc_port: int,
              pcc_workers: int) -> dict[str, list[str]]:
    bin_dir = Path(sys.executable).parent
    return {
        "web": [str(bin_dir / "gunicorn"), "--bind", f"{host}:{port}", "--workers", str(workers),
                "--access-logfile", "-", "backoffice:create_app()"],
        # No access log: its request lines would be the only trace of who asked for a code.
        "pcc": [str(bin_dir / "gunicorn"), "--bind", f"{host}:{pcc_port}", "--workers",
                str(pcc_workers), "backoffice.pcc.app:create_pcc_app()"],
        "scheduler": [str(bin_dir / "flask"), "--app", "backoffice", "jobs", "run"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pcc-port", type=int, default=None,
                        help="the PCC service's port (default: the next one)")
    parser.add_argument("--pcc-workers", type=int, default=2)
    parser.add_argument("--pcc-niceness", type=int, default=10, choices=range(0, 20),
                        metavar="0-19", help="the PCC workers' lower CPU priority on one "
                        "machine, so that a surge slows them before the officers' (default 10)")
    args = parser.parse_args(argv)
    pcc_port = args.pcc_port or args.port + 1
    for name, port in (("--port", args.port), ("--pcc-port", pcc_port)):
        if not 1 <= port <= 65535:
            parser.error(f"{name} must be between 1 and 65535")
    if pcc_port == args.port:
        parser.error("--pcc-port must differ from --port")
    if args.workers < 1 or args.pcc_workers < 1:
        parser.error("--workers and --pcc-workers must be at least 1")

    env = dict(os.environ)
    if args.host in ("127.0.0.1", "localhost", "::1"):
        # Plain HTTP on the loopback: a Secure session cookie would never come back.
        env.setdefault("GWANSE_SESSION_COOKIE_SECURE", "false")
        env.setdefault("GWANSE_REMEMBER_COOKIE_SECURE", "false")
    niceness = {"pcc": args.pcc_niceness}
    processes = {
        name: subprocess.Popen(command, env=env, preexec_fn=_niced(niceness.get(name, 0)))
        for name, command in _commands(args.host, args.port, args.workers, pcc_port,
                                       args.pcc_workers).items()
    }
    url = f"http://{args.host}:{args.port}/"
    print(f"Gwanse Back Office on {url}, PCC service on http://{args.host}:{pcc_port}/  "
          "(Ctrl-C stops them and the scheduler)", flush=True)
    signal.signal(signal.SIGTERM, lambda signum, frame: _raise_interrupt())
    exit_code = 0
    try:
        while True:
            for name, process in processes.items():
                if process.poll() is not None:
                    print(f"{name} exited with code {process.returncode}; stopping.", flush=True)
                    return process.returncode or 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("Stopping web, PCC service and scheduler...", flush=True)
    finally:
        _stop_all(processes.values())
    return exit_code


def _niced(increment: int):
    """Lower the child's CPU priority by ``increment`` before it starts (None: unchanged)."""
    if not increment:
        return None
    return lambda: os.nice(increment)


def _raise_interrupt() -> None:
    raise KeyboardInterrupt


def _stop_all(processes) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    sys.exit(main())
