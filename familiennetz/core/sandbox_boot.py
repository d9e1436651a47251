"""Preloaded by the forkserver of ``core.sandbox``: Django set up once, so that every parser
child starts with translations and the app registry ready (a fork of this process)."""

import contextlib
import os

if os.environ.get("DJANGO_SETTINGS_MODULE"):
    import django

    # A broken configuration must not kill the forkserver: the child sets Django up itself
    # and its error reaches the caller.
    with contextlib.suppress(Exception):
        django.setup()
