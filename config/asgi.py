import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

# gunicorn and uvicorn run no system checks: refuse unsafe production settings here
# (console e-mail, per-process cache with DEBUG off; familiennetz/core/checks.py).
from familiennetz.core.checks import refuse_unsafe_settings  # noqa: E402

refuse_unsafe_settings()
