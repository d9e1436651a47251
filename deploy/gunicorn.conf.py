"""gunicorn settings for familiennetz (docs/howto/production.md).

Used by deploy/systemd/familiennetz-web@.service and the Containerfile:
    gunicorn -c deploy/gunicorn.conf.py config.wsgi:application
Environment: PORT (8000), WEB_CONCURRENCY (workers, default 2 × cores + 1, at most 8),
GUNICORN_TIMEOUT (30 s), PROMETHEUS_MULTIPROC_DIR (metrics of all workers, optional).
"""

import multiprocessing
import os

bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
worker_class = "sync"  # the reverse proxy buffers slow clients
# A request that takes longer is killed and its worker replaced (a 502 at the proxy, never a
# hung worker). Exports and imports that take longer run as background tasks.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then: bounds memory growth of long-lived processes.
max_requests = 2000
max_requests_jitter = 200
# Request line and headers: the same limits as the proxy (deploy/caddy/Caddyfile) and the
# app. 8190 is gunicorn's maximum request line; the API states its query limits itself.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# The proxy on the same machine or network sets X-Forwarded-*; only trust it from there.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = None  # the proxy logs requests; the app logs JSON without query strings
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
preload_app = False  # each worker opens its own database connections


def child_exit(server, worker):
    """Prometheus multiprocess mode: forget the live gauges of a dead worker."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
