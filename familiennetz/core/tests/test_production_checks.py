"""Production refuses unsafe defaults (issue 18): the console e-mail backend and a
per-process cache with DEBUG off stop ``manage.py check``, runserver and gunicorn (wsgi.py);
the documented production environment passes ``check --deploy --fail-level WARNING``; rate
limits count once across processes on a shared Redis cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
KEY = "k3y-" + "Zq8#vL2@pW7!xR4$mN9%" * 3  # ≥ 50 characters, many different ones

# docs/dev/configuration.md, "Production environment" (keep the two in step).
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": KEY,
    "ALLOWED_HOSTS": "familien.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://familien.example.org",
    "SITE_URL": "https://familien.example.org",
    "DATABASE_URL": "postgres://familiennetz@127.0.0.1:5432/familiennetz",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp://mailer:secret@mail.example.org:587/?tls=True",
    "TASKS_BACKEND": "database",
    "BEHIND_TLS_PROXY": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_PRELOAD": "true",
}
MINIMAL = {"DEBUG": "false", "SECRET_KEY": KEY, "ALLOWED_HOSTS": "familien.example.org"}
OURS = {*PRODUCTION, "EMAIL_CONSOLE_PRINTS_PERSONAL_DATA", "SINGLE_PROCESS", "STATIC_ROOT"}


def run(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    """``args`` in a fresh Python with exactly ``env`` as the configuration (plus a static
    manifest: the URLconf resolves the favicon through it; collectstatic takes minutes)."""
    static = tmp_path / "static"
    static.mkdir(exist_ok=True)
    manifest = {"paths": {"img/favicon.svg": "img/favicon.0123456789ab.svg"}, "version": "1.1"}
    (static / "staticfiles.json").write_text(json.dumps(manifest))
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in OURS and not k.startswith(("DJANGO_", "SECURE_", "PYTEST", "EMAIL_"))
    }
    full = {**base, "DJANGO_SETTINGS_MODULE": "config.settings", "STATIC_ROOT": str(static)}
    return subprocess.run(
        [sys.executable, *args],
        env={**full, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_documented_production_environment_passes_check_deploy(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_hsts_is_on_by_default_with_debug_off(tmp_path):
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = run(["-c", script], PRODUCTION, tmp_path)
    assert result.stdout.split() == ["31536000", "True", "('HTTP_X_FORWARDED_PROTO',", "'https')"]


def test_console_email_with_debug_off_is_refused(tmp_path):
    env = {**MINIMAL, "CACHE_URL": "redis://127.0.0.1:6379/3"}
    result = run(["manage.py", "check"], env, tmp_path)
    assert result.returncode != 0
    assert "familiennetz.E001" in result.stderr and "E002" not in result.stderr

    allowed = run(
        ["manage.py", "check"], {**env, "EMAIL_CONSOLE_PRINTS_PERSONAL_DATA": "true"}, tmp_path
    )
    assert allowed.returncode == 0, allowed.stderr


def test_per_process_cache_with_debug_off_is_refused(tmp_path):
    env = {**MINIMAL, "EMAIL_URL": "smtp://mail.example.org:25"}
    result = run(["manage.py", "check"], env, tmp_path)
    assert result.returncode != 0
    assert "familiennetz.E002" in result.stderr and "E001" not in result.stderr

    allowed = run(["manage.py", "check"], {**env, "SINGLE_PROCESS": "true"}, tmp_path)
    assert allowed.returncode == 0, allowed.stderr


def test_gunicorn_application_refuses_to_load_with_unsafe_settings(tmp_path):
    """gunicorn imports config.wsgi and runs no system checks: wsgi.py refuses itself."""
    result = run(["-c", "import config.wsgi"], MINIMAL, tmp_path)
    assert result.returncode != 0
    assert "Refusing to start" in result.stderr
    assert "familiennetz.E001" in result.stderr and "familiennetz.E002" in result.stderr

    safe = {**MINIMAL, "EMAIL_URL": "smtp://mail.example.org:25", "SINGLE_PROCESS": "true"}
    assert run(["-c", "import config.wsgi"], safe, tmp_path).returncode == 0


def test_debug_mode_keeps_the_laptop_defaults(tmp_path):
    result = run(["manage.py", "check"], {"DEBUG": "true"}, tmp_path)
    assert result.returncode == 0, result.stderr


# --- rate limits across processes ---------------------------------------------------------

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")

HIT_SCRIPT = """
import sys, django
django.setup()
from django.test import RequestFactory
from familiennetz.core.ratelimit import RateLimit
scope, limit, attempts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
limiter = RateLimit(scope=scope, limit=limit, window=600)
sys.stdin.readline()  # start together
print(sum(not limiter.hit(request) for _ in range(attempts)))
"""


def redis_or_skip() -> None:
    """Redis at REDIS_URL, else skip — or fail where CI must have it (CI_REQUIRE_SERVICES)."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        if os.environ.get("CI_REQUIRE_SERVICES"):
            pytest.fail(f"Redis is required here (CI_REQUIRE_SERVICES) but {REDIS_URL}: {exc}")
        pytest.skip(f"no Redis at {REDIS_URL}")


@pytest.mark.redis
def test_rate_limit_counts_once_across_two_processes_on_redis():
    redis_or_skip()
    limit, attempts = 10, 15
    scope = f"test-{uuid.uuid4()}"
    env = {
        "DEBUG": "false",
        "SECRET_KEY": KEY,
        "ALLOWED_HOSTS": "x",
        "CACHE_URL": REDIS_URL,
        "EMAIL_URL": "smtp://mail.example.org:25",
    }
    # The same secret key in both: the client fingerprint must match across processes.
    workers = []
    for _ in range(2):
        base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        workers.append(
            subprocess.Popen(
                [sys.executable, "-c", HIT_SCRIPT, scope, str(limit), str(attempts)],
                env={**base, **env, "DJANGO_SETTINGS_MODULE": "config.settings"},
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    outputs = [worker.communicate("go\n", timeout=120) for worker in workers]
    allowed = [int(out.strip() or -1) for out, _err in outputs]
    assert all(count >= 0 for count in allowed), [err for _out, err in outputs]
    assert sum(allowed) == limit  # not 2 × 10: one counter for both processes
