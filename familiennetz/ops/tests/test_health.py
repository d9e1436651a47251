"""/healthz (the process lives), /readyz (database, cache, task queue) and /metrics."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.utils import OperationalError
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from familiennetz.events.tasks import purge_registrations
from familiennetz.ops import health

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_liveness_needs_no_database(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
@override_settings(TASKS=DB_TASKS)
def test_ready_when_database_cache_and_queue_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "cache": "ok", "tasks": "ok"},
    }


@pytest.mark.django_db
def test_not_ready_names_the_cache_when_it_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failing"] == ["cache"]
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("error: ")
    assert "127.0.0.1" not in response.content.decode()


@pytest.mark.django_db
def test_not_ready_names_the_database_when_it_is_down(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database"]
    assert response.json()["checks"]["database"] == "error: OperationalError"


@pytest.mark.django_db
@override_settings(TASKS=DB_TASKS)
def test_not_ready_names_the_task_queue_when_its_table_is_missing(client, monkeypatch):
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE django_tasks_database_dbtaskresult")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["tasks"]


# --- metrics --------------------------------------------------------------------------------


def test_metrics_are_off_by_default(client, settings):
    assert settings.METRICS_ENABLED is False
    assert client.get("/metrics").status_code == 404


@pytest.fixture
def metrics_on(settings):
    settings.METRICS_ENABLED = True
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    settings.METRICS_ALLOWED_IPS = ["10.0.0.5"]
    settings.TASKS = DB_TASKS


def test_metrics_refuse_a_client_without_token_or_listed_address(client, metrics_on):
    assert client.get("/metrics").status_code == 403  # the test client is 127.0.0.1
    wrong = client.get("/metrics", headers={"authorization": "Bearer guessed"})
    assert wrong.status_code == 403


@pytest.mark.django_db
def test_metrics_count_requests_latency_and_queue_depth(client, metrics_on, alliance):
    purge_registrations.enqueue()
    assert DBTaskResult.objects.count() == 1
    client.get("/healthz")
    client.get(f"/{alliance.slug}/")

    response = client.get("/metrics", REMOTE_ADDR="10.0.0.5")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'familiennetz_http_requests_total{method="GET",status="2xx",view="healthz"}' in text
    assert 'familiennetz_http_request_duration_seconds_bucket{le="0.5",method="GET"' in text
    assert 'familiennetz_task_queue_tasks{queue="default",status="READY"} 1.0' in text
    assert alliance.slug not in text  # views, not paths

    with_token = client.get("/metrics", headers={"authorization": "Bearer s3cret-scrape-token"})
    assert with_token.status_code == 200


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=None, TASKS=DB_TASKS)
def test_plain_http_probes_are_not_redirected_to_https(client):
    """A load balancer probing over plain HTTP gets the answer, not a 301 it cannot follow;
    every other page still goes to https."""
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    redirected = client.get("/")
    assert redirected.status_code == 301
    assert redirected["Location"].startswith("https://")
    metrics = client.get("/metrics")
    assert metrics.status_code == 301
