"""Settings for benchmark runs: production-like (DEBUG off, all middleware, cached templates).

``DATABASE_URL`` picks the database, ``CACHE_URL`` the cache (local memory by default).

* With ``BENCH_STATIC_ROOT`` (the HTTP harness, bench/run.py): the production static-file
  storage (WhiteNoise, compressed files with a manifest) over a ``collectstatic`` run into that
  directory, as deployed.
* Without it (the in-process search benchmark): plain static storage, nothing collected.

A bench-only middleware adds ``X-Bench-Queries`` (SQL statements of the request) to every
response; it is never part of the project's own settings.
"""

import os

os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from config.settings import *  # noqa: F403

DEBUG = False
SECURE_SSL_REDIRECT = False
# Not production: generated people's mails go nowhere; the default local-memory cache (one per
# worker) is what the single-machine figures measure (familiennetz.E001/E002 otherwise refuse).
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SINGLE_PROCESS = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False  # plain HTTP on loopback
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The load driver is one client: the API's per-client limit would answer 429 after 300
# requests a minute. The limit is still checked (a cache hit per request), just never hit.
API_RATE_LIMIT = 1_000_000_000

_static_root = os.environ.get("BENCH_STATIC_ROOT")
if _static_root:
    STATIC_ROOT = _static_root
    STORAGES["staticfiles"] = {  # noqa: F405
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    }
else:
    STORAGES["staticfiles"] = {  # noqa: F405
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    STATIC_ROOT = None  # nothing collected; WhiteNoise serves no files and looks up none

if os.environ.get("BENCH_COUNT_QUERIES", "1") != "0":
    MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
