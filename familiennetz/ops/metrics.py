"""Prometheus metrics behind ``METRICS_ENABLED`` (ADR 1121).

Requests and latencies per view name (never per path: alliance slugs and ids would make a
series per page), and the task queue's depth per state read from django-tasks-db's table at
scrape time. Several gunicorn workers: set ``PROMETHEUS_MULTIPROC_DIR`` to an empty folder
before start (``deploy/gunicorn.conf.py`` does), each worker writes its own file and a scrape
adds them up.

``/metrics`` answers 404 while metrics are off and 403 unless the client sends
``Authorization: Bearer <METRICS_TOKEN>`` or comes from an address in ``METRICS_ALLOWED_IPS``.
"""

from __future__ import annotations

import hmac
import os
import time

from django.conf import settings
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django_tasks_db.models import DBTaskResult
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

REQUESTS = Counter(
    "familiennetz_http_requests",
    "HTTP requests answered, by method, view and status class.",
    ["method", "view", "status"],
)
LATENCY = Histogram(
    "familiennetz_http_request_duration_seconds",
    "Time from the request reaching Django to the response leaving it.",
    ["method", "view"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


class TaskQueueCollector:
    """``familiennetz_task_queue_tasks{queue, status}`` from django-tasks-db's table."""

    def collect(self):
        family = GaugeMetricFamily(
            "familiennetz_task_queue_tasks",
            "Tasks in the database queue by queue name and status (READY = waiting).",
            labels=["queue", "status"],
        )
        if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
            rows = (
                DBTaskResult.objects.order_by()
                .values("queue_name", "status")
                .annotate(n=Count("pk"))
            )
            for row in rows:
                family.add_metric([row["queue_name"], row["status"]], row["n"])
        yield family


_queue_registry = CollectorRegistry(auto_describe=False)
_queue_registry.register(TaskQueueCollector())


class MetricsMiddleware:
    """Counts and times every response while ``METRICS_ENABLED`` is on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.METRICS_ENABLED:
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = (match.view_name if match else "") or "unmatched"
        LATENCY.labels(request.method, view).observe(time.perf_counter() - started)
        REQUESTS.labels(request.method, view, f"{response.status_code // 100}xx").inc()
        return response


def allowed(request) -> bool:
    token = settings.METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header.removeprefix("Bearer ").strip(), token)
    return request.META.get("REMOTE_ADDR", "") in settings.METRICS_ALLOWED_IPS


def metrics_view(request):
    if not settings.METRICS_ENABLED:
        raise Http404
    if not allowed(request):
        return HttpResponseForbidden("metrics: token or allowed address required\n")
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    body = generate_latest(registry) + generate_latest(_queue_registry)
    response = HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response
