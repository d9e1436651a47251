"""Building blocks of the permission matrix (tests/test_permission_matrix.py).

A domain app adds its workspace URLs to the matrix from ``familiennetz/<app>/tests/permissions.py``
without editing the central test: that module defines

- ``MATRIX``: ``{url name: (method, kwargs(world) -> dict, {role: expected status})}``,
- optionally ``POST_DATA``: ``{url name: data}`` (valid input for the allowed roles), and
- optionally ``extend_world(world)``: adds the rows its URLs need to the shared ``world``
  (``world.alliance``, ``world.organisation``, ``world.offer``, ``world.users[role]`` …).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from django.apps import apps

ROLES = [
    "anonymous",
    "coordinator",
    "steering",
    "provider",
    "viewer",
    "state_office",
    "outsider",
    "admin",
]
ALL = dict.fromkeys(ROLES, 200) | {"anonymous": 302, "outsider": 404}


def only(allowed: set[str], *, ok: int = 200, denied: int = 403) -> dict[str, int]:
    statuses = {role: (ok if role in allowed else denied) for role in ROLES}
    return statuses | {"anonymous": 302, "outsider": 404}


COORDINATION = {"coordinator", "admin"}
EDITORS = {"coordinator", "steering", "provider", "admin"}
WHOLE_EDITORS = {"coordinator", "steering", "admin"}
ORGANISERS = {"coordinator", "provider", "admin"}
READERS = {"coordinator", "steering", "provider", "viewer", "state_office", "admin"}


def app_matrix_modules() -> list[ModuleType]:
    """The ``tests.permissions`` modules of the installed familiennetz apps."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("familiennetz."):
            continue
        name = f"{config.name}.tests.permissions"
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name not in (f"{config.name}.tests", name):
                raise
    return modules
