"""The APIs with every operation registered: the URL configuration includes these."""

from . import planning, v1, write  # noqa: F401  (importing them registers their operations)
from .hsds import api as hsds_api
from .v1_app import api as v1_api

__all__ = ["hsds_api", "v1_api"]
