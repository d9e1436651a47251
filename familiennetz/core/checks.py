"""Production refuses unsafe defaults (issue 18; docs/dev/configuration.md).

System checks of level Error, run by ``manage.py check`` (with or without ``--deploy``),
``runserver``, ``migrate`` and every management command such as ``db_worker``, and — because
gunicorn runs no system checks — by ``config/wsgi.py`` and ``config/asgi.py`` through
``refuse_unsafe_settings()`` before the first request:

- ``familiennetz.E001``: DEBUG off with the console e-mail backend. It prints every mail —
  registrants' addresses, names, signed confirmation links — to stdout, i.e. into the logs.
  Allowed only with ``EMAIL_CONSOLE_PRINTS_PERSONAL_DATA=true``.
- ``familiennetz.E002``: DEBUG off with a per-process cache (local memory, dummy). Rate limits
  and the page cache then count per worker: 4 workers accept 4× the registration limit.
  Allowed only with ``SINGLE_PROCESS=true`` (one process, e.g. ``gunicorn --workers 1``).
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

TAG = "familiennetz-production"
CONSOLE_BACKENDS = ("django.core.mail.backends.console.EmailBackend",)
PER_PROCESS_CACHES = ("LocMemCache", "DummyCache")


@checks.register(TAG, checks.Tags.security)
def unsafe_production_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return []
    errors: list[checks.CheckMessage] = []
    if settings.EMAIL_BACKEND in CONSOLE_BACKENDS and not getattr(
        settings, "EMAIL_CONSOLE_PRINTS_PERSONAL_DATA", False
    ):
        errors.append(
            checks.Error(
                "With DEBUG off the console e-mail backend would print e-mails with personal "
                "data (addresses, names, signed links) to stdout and the logs.",
                hint="Set EMAIL_URL=smtp://… (or EMAIL_CONSOLE_PRINTS_PERSONAL_DATA=true if "
                "printing them is really wanted).",
                id="familiennetz.E001",
            )
        )
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith(PER_PROCESS_CACHES) and not getattr(settings, "SINGLE_PROCESS", False):
        errors.append(
            checks.Error(
                "With DEBUG off a per-process cache would count rate limits and keep the page "
                "cache separately in every worker process (N workers: N times the limit).",
                hint="Set CACHE_URL=redis://host:6379/0 (shared by all processes), or "
                "SINGLE_PROCESS=true if the app really runs as one process.",
                id="familiennetz.E002",
            )
        )
    return errors


def refuse_unsafe_settings() -> None:
    """Raise ImproperlyConfigured (the server does not start) if a check above fails."""
    problems = [
        message
        for message in unsafe_production_settings()
        if message.is_serious() and not message.is_silenced()
    ]
    if problems:
        raise ImproperlyConfigured(
            "Refusing to start: "
            + " ".join(f"{message.id}: {message.msg} {message.hint}" for message in problems)
        )
