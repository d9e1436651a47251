from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Liveness: the process answers. No database or cache: a database outage must not make
    the orchestrator restart every app server; readiness is ``/readyz`` (familiennetz.ops)."""
    return JsonResponse({"status": "ok"})
