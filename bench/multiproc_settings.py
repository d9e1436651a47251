"""Settings of the multi-process failure run (bench/multiproc.py): the benchmark's settings,
Redis as the cache, the database task queue, e-mails into files (counted, never printed)."""

import os

# A real backend at import time (production settings may refuse the console backend) …
os.environ.setdefault("EMAIL_URL", "smtp://127.0.0.1:1")

from bench.settings import *  # noqa: F403

# … replaced by files in the run's folder.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("MULTIPROC_MAIL_DIR", "/tmp/familiennetz-multiproc-mail")
