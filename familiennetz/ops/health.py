"""Readiness: can this process serve requests? (``/readyz``, ADR 1121)

``/healthz`` (core) answers as long as the process runs; ``/readyz`` checks what a request
needs: the database, the cache (rate limits, sessions and the page cache live there) and the
task queue (the database backend's table). A load balancer takes a server out of rotation on
503; the JSON body names the failing part, never an address or a password.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def database_check() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_check() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def tasks_check() -> None:
    backend = settings.TASKS["default"]["BACKEND"]
    if backend.startswith("django_tasks_db."):
        list(DBTaskResult.objects.order_by().values_list("pk", flat=True)[:1])


CHECKS: dict[str, Callable[[], None]] = {
    "database": database_check,
    "cache": cache_check,
    "tasks": tasks_check,
}


def readiness() -> dict[str, str]:
    """``{"database": "ok", "cache": "error: ConnectionError", …}``."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:
            logger.warning(
                "readiness check failed", extra={"check": name, "error": type(error).__name__}
            )
            results[name] = f"error: {type(error).__name__}"
        else:
            results[name] = "ok"
    return results
