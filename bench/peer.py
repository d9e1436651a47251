"""The peer side by side: pretix (installed from PyPI by ../shared/bench/peer_pretix.sh into its
own virtualenv outside the repository) and our endpoints, measured with the same
``../shared/bench/measure.py``, the same worker count, concurrency and duration, in one run.

Nothing of pretix is copied into this repository; the shared scripts are called as they are.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared/bench beside the checkout; a git worktree one level deeper (wt/<name>) finds it
# two levels up.
_CANDIDATES = [ROOT.parent / "shared" / "bench", ROOT.parent.parent / "shared" / "bench"]
PEER_DIR = Path(
    os.environ.get("BENCH_PEER_DIR")
    or next((p for p in _CANDIDATES if (p / "peer_pretix.sh").exists()), _CANDIDATES[0])
)
PEER_PORT = int(os.environ.get("BENCH_PEER_PORT", "8116"))


def available() -> str | None:
    """None if the peer harness can run, else why not."""
    for name in ("peer_pretix.sh", "measure.py", "pretix_seed.py"):
        if not (PEER_DIR / name).exists():
            return f"{PEER_DIR / name} not found (set BENCH_PEER_DIR)"
    return None


def measure_ours(
    url: str, *, label: str, seq: int, duration: int, concurrency: int, out: Path
) -> dict | None:
    """Our endpoint through the peer's measure.py (same client as for pretix)."""
    command = [
        sys.executable,
        str(PEER_DIR / "measure.py"),
        "--label",
        label,
        "--url",
        url,
        "--seq",
        str(seq),
        "--duration",
        str(duration),
        "--concurrency",
        str(concurrency),
        "--timeout",
        "120",
        "--out",
        str(out),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 600)
    if done.returncode != 0:
        return {"error": done.stderr[-500:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_pretix(
    *, events: int, workers: int, concurrency: int, duration: int, seq: int, log
) -> dict:
    """Run peer_pretix.sh for one size; returns its result lines by endpoint name."""
    work = Path(os.environ.get("BENCH_PEER_WORK", Path(tempfile.gettempdir()) / "fn-peer-pretix"))
    results = work / "results-familiennetz.jsonl"
    env = dict(
        os.environ,
        WORK=str(work),
        PORT=str(PEER_PORT),
        SIZES=str(events),
        DURATION=str(duration),
        CONC=str(concurrency),
        WORKERS=str(workers),
        SEQ=str(seq),
        HEAVY_SEQ="1",
        RESULTS=str(results),
    )
    log(f"peer: pretix with {events} events in {work} (first run installs from PyPI, ~4 min)")
    process = subprocess.Popen(
        ["bash", str(PEER_DIR / "peer_pretix.sh")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    tail = []
    for line in process.stdout:
        line = line.rstrip()
        tail = [*tail[-30:], line]
        if line.startswith("[peer_pretix") or line.startswith("{"):
            log("  " + line[:160])
    code = process.wait(timeout=3600)
    if code != 0 or not results.exists():
        return {"error": f"peer_pretix.sh exited with {code}", "output_tail": tail}
    by_name = {}
    for raw in results.read_text().splitlines():
        row = json.loads(raw)
        by_name[row["label"].rsplit(" ", 1)[-1]] = row
    return {"events": events, "endpoints": by_name}


def rps(row: dict | None) -> float | None:
    if not row or "loaded" not in row:
        return None
    return row["loaded"].get("rps")
