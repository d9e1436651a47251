"""Settings for benchmark runs: production-like (DEBUG off, all middleware, cached templates).

Differences from a production deployment, all outside the request path we measure:
plain static-file storage (no collectstatic manifest needed; resolving a manifest name is a
dictionary lookup), no security redirects, logs at WARNING. DATABASE_URL picks the database.
"""

import os

os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from config.settings import *  # noqa: F403

DEBUG = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
SECURE_SSL_REDIRECT = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
STATIC_ROOT = None  # nothing collected; WhiteNoise serves no files and looks up none per request
