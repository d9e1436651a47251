"""The deployment files in deploy/ stay true to the code: every timer runs a command that
exists, the compose file has the documented layout, gunicorn's limits are the stated ones."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands
from gunicorn.config import Config

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"


def test_every_timer_runs_a_command_that_exists():
    commands = get_commands()
    timers = sorted((DEPLOY / "systemd").glob("familiennetz-job@*.timer"))
    names = [path.name.removeprefix("familiennetz-job@").removesuffix(".timer") for path in timers]
    assert {
        "refresh_occurrences",
        "purge_registrations",
        "purge_personal_data",
        "send_event_reminders",
        "send_review_reminders",
        "send_action_reminders",
        "refresh_calendar_sources",
    } <= set(names)
    assert all(name in commands for name in names)
    for unit in (DEPLOY / "systemd").glob("*.service"):
        for command in ("backup", "requeue_stale_tasks", "db_worker", "task_worker"):
            if f"manage.py {command}" in unit.read_text():
                assert command in commands


def test_compose_has_the_documented_layout():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"postgres", "redis", "migrate", "app1", "app2", "worker", "caddy"} <= set(services)
    app = services["app1"]
    assert app["environment"]["CACHE_URL"].startswith("redis://")
    assert app["environment"]["TASKS_BACKEND"] == "database"
    assert "media:/srv/familiennetz/media" in app["volumes"]


def test_gunicorn_limits_and_timeouts():
    config = Config()
    namespace: dict = {"__file__": str(DEPLOY / "gunicorn.conf.py")}
    exec(compile((DEPLOY / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)
    for key in ("limit_request_line", "limit_request_fields", "timeout", "max_requests"):
        config.set(key, namespace[key])
    assert config.limit_request_line == 8190
    assert config.timeout == 30
    assert config.worker_class_str == "sync"
    assert callable(namespace["child_exit"])


def test_systemd_units_pass_systemd_analyze_verify(tmp_path):
    """Unit syntax, sections and directives as systemd reads them; the templates are checked
    as an instance. Only the missing /srv/familiennetz executables are expected here."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    for unit in (DEPLOY / "systemd").iterdir():
        name = unit.name.replace("@.service", "@1.service")
        shutil.copy(unit, tmp_path / name)
    result = subprocess.run(
        [analyze, "verify", "--man=no", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "is not executable: No such file or directory" not in line
    ]
    assert not problems


# The system libraries Python dependencies load with ctypes/cffi (not pulled in by pip).
SYSTEM_LIBRARIES = {
    "weasyprint": ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"),
    "cairosvg": ("libcairo2",),
}


def test_the_image_installs_the_libraries_the_python_dependencies_load():
    """A try of the image found CairoSVG without Cairo: no command could start."""
    import tomllib

    project = tomllib.loads((DEPLOY.parent / "pyproject.toml").read_text())
    dependencies = " ".join(project["project"]["dependencies"]).lower()
    containerfile = (DEPLOY / "Containerfile").read_text()
    installed = containerfile.split("apt-get install", 1)[1].split("&& rm", 1)[0].split()
    for package, libraries in SYSTEM_LIBRARIES.items():
        if package in dependencies:
            missing = [library for library in libraries if library not in installed]
            assert not missing, (package, missing)
    assert "ARG PYTHON_IMAGE=" in containerfile and "FROM ${PYTHON_IMAGE}" in containerfile
