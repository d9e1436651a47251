"""Serving the production way for the benchmark: ``collectstatic`` into a temporary directory,
then gunicorn (sync workers) on 127.0.0.1 with bench/settings.py (DEBUG off, WhiteNoise with
the compressed manifest storage). The server is stopped by its process id."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from . import driver

ROOT = Path(__file__).resolve().parent.parent


def bench_env(database_url: str, static_root: str | None = None, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        PYTHONPATH=str(ROOT),
        **extra,
    )
    if static_root:
        env["BENCH_STATIC_ROOT"] = static_root
    return env


def collectstatic(env: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )


def free_port(port: int = 0) -> int:
    """``port`` if nothing listens on it (0: any free port). A busy port is an error: with
    two benchmarks on one machine, the second one's client would measure the first one's
    server (and its data) without noticing."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise RuntimeError(
                f"port {port} on 127.0.0.1 is in use (another benchmark?); "
                "choose another with --port / BENCH_PORT, or 0 for any free port"
            ) from None
        return probe.getsockname()[1]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


class Gunicorn:
    """``with Gunicorn(env, port, workers) as server:`` … ``server.worker_rss()``."""

    def __init__(self, env: dict, *, port: int, workers: int, log_path: Path):
        self.env, self.workers, self.log_path = env, workers, log_path
        self.port = free_port(port)
        self.process: subprocess.Popen | None = None
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Gunicorn:
        self.log = open(self.log_path, "ab")
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            "sync",
            "--timeout",
            "300",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                if driver.get(self.base, "/healthz", timeout=5).status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        else:
            self.stop()
            raise RuntimeError(f"gunicorn did not answer on {self.base}; see {self.log_path}")
        # Every worker up (the first answer may come while others still import Django).
        deadline = time.monotonic() + 60
        while len(self.worker_pids()) < self.workers and time.monotonic() < deadline:
            time.sleep(0.2)
        return self

    def worker_pids(self) -> list[int]:
        return _children(self.process.pid) if self.process else []

    def worker_rss(self) -> list[float]:
        return [mb for pid in self.worker_pids() if (mb := rss_mb(pid)) is not None]

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def __exit__(self, *exc) -> None:
        self.stop()
        self.log.close()
