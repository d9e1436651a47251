from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .health import readiness
from .metrics import metrics_view

__all__ = ["metrics_view", "readyz"]


@never_cache
def readyz(request):
    """200 when the database, the cache and the task queue answer; 503 naming what fails."""
    checks = readiness()
    failing = sorted(name for name, result in checks.items() if result != "ok")
    status = 503 if failing else 200
    body = {"status": "unavailable" if failing else "ready", "checks": checks}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=status)
