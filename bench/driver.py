"""A small HTTP load driver (stdlib asyncio): loopback only, bounded in time and count.

``run()`` keeps ``concurrency`` requests in flight for at most ``duration`` seconds and at most
``max_requests`` requests, cycling through a list of paths. Each request opens its own
connection (gunicorn's sync workers close every connection anyway) and reads the whole
response. Latency is measured from connect to the last byte. A path may contain ``{n}``,
replaced by a running number (cache busting). The driver records its own CPU time, so a run
where the client, not the server, was the limit can be recognised (``client_cpu_share``).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import statistics
import time
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# {n} must never repeat, also across runs and against a shared cache (Redis) that outlives a
# server: a random prefix per driver process, then a running number.
_RUN_TOKEN = os.urandom(3).hex()
_NUMBERS = itertools.count()


class NotLoopback(ValueError):
    pass


def check_loopback(host: str) -> None:
    if host not in LOOPBACK:
        raise NotLoopback(f"refusing to load a non-loopback host: {host}")


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


@dataclass
class Response:
    status: int
    size: int  # body bytes
    latency: float  # seconds
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class RunResult:
    concurrency: int
    requests: int
    errors: int  # connection errors, timeouts, unexpected status codes
    duration_s: float
    rps: float
    p50_ms: float | None
    p95_ms: float | None
    p99_ms: float | None
    mean_ms: float | None
    max_ms: float | None
    bytes_mean: int
    status: dict[str, int]
    queries_median: float | None  # X-Bench-Queries
    queries_max: int | None
    client_cpu_share: float  # client CPU seconds / wall seconds (1.0 = one core busy)
    error_samples: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


async def fetch(
    host: str, port: int, path: str, *, headers: dict | None = None, timeout: float = 60
) -> Response:
    started = time.perf_counter()
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        raw = await asyncio.wait_for(reader.read(-1), timeout)
    finally:
        writer.close()
    latency = time.perf_counter() - started
    head, _sep, body = raw.partition(b"\r\n\r\n")
    if not head:
        raise ConnectionError("empty response")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parsed = {}
    for line in header_lines:
        name, _colon, value = line.partition(":")
        parsed[name.strip().lower()] = value.strip()
    if "chunked" in parsed.get("transfer-encoding", ""):
        body = _dechunk(body)
    return Response(int(status_line.split()[1]), len(body), latency, parsed)


def _dechunk(data: bytes) -> bytes:
    out, rest = [], data
    while rest:
        size_line, _sep, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out.append(rest[:size])
        rest = rest[size + 2 :]
    return b"".join(out)


async def _run(
    base: str,
    paths: list[str],
    *,
    concurrency: int,
    duration: float,
    max_requests: int,
    headers: dict | None,
    expect: set[int],
    timeout: float,
) -> RunResult:
    parts = urlsplit(base)
    check_loopback(parts.hostname or "")
    host, port = parts.hostname, parts.port or 80
    cycle = itertools.cycle(paths)
    latencies: list[float] = []
    sizes: list[int] = []
    queries: list[int] = []
    statuses: dict[str, int] = {}
    errors: list[str] = []
    sent = [0]
    deadline = time.perf_counter() + duration

    async def worker():
        while time.perf_counter() < deadline:
            if sent[0] >= max_requests:
                return
            sent[0] += 1
            path = next(cycle).replace("{n}", f"{_RUN_TOKEN}{next(_NUMBERS)}")
            try:
                response = await fetch(host, port, path, headers=headers, timeout=timeout)
            except (TimeoutError, OSError, ConnectionError, ValueError) as exc:
                errors.append(f"{path}: {type(exc).__name__}: {exc}"[:200])
                continue
            statuses[str(response.status)] = statuses.get(str(response.status), 0) + 1
            if response.status not in expect:
                errors.append(f"{path}: HTTP {response.status}")
                continue
            latencies.append(response.latency)
            sizes.append(response.size)
            if "x-bench-queries" in response.headers:
                queries.append(int(response.headers["x-bench-queries"]))

    cpu0, wall0 = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0

    def ms(value):
        return None if value is None else round(value * 1000, 1)

    return RunResult(
        concurrency=concurrency,
        requests=len(latencies),
        errors=len(errors),
        duration_s=round(wall, 2),
        rps=round(len(latencies) / wall, 1) if wall else 0.0,
        p50_ms=ms(percentile(latencies, 50)),
        p95_ms=ms(percentile(latencies, 95)),
        p99_ms=ms(percentile(latencies, 99)),
        mean_ms=ms(statistics.fmean(latencies)) if latencies else None,
        max_ms=ms(max(latencies)) if latencies else None,
        bytes_mean=round(statistics.fmean(sizes)) if sizes else 0,
        status=statuses,
        queries_median=statistics.median(queries) if queries else None,
        queries_max=max(queries) if queries else None,
        client_cpu_share=round(cpu / wall, 2) if wall else 0.0,
        error_samples=errors[:5],
    )


def run(
    base: str,
    paths: list[str],
    *,
    concurrency: int = 1,
    duration: float = 10,
    max_requests: int = 100_000,
    headers: dict | None = None,
    expect: set[int] | None = None,
    timeout: float = 60,
) -> RunResult:
    """Load ``base`` + each of ``paths`` in turn; see the module docstring."""
    return asyncio.run(
        _run(
            base,
            paths,
            concurrency=concurrency,
            duration=duration,
            max_requests=max_requests,
            headers=headers,
            expect=expect or {200},
            timeout=timeout,
        )
    )


def get(base: str, path: str, *, headers: dict | None = None, timeout: float = 120) -> Response:
    """One request (warm-up, probing sizes and ETags)."""
    parts = urlsplit(base)
    check_loopback(parts.hostname or "")
    return asyncio.run(
        fetch(parts.hostname, parts.port or 80, path, headers=headers, timeout=timeout)
    )
