from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Who works with whom: partners, their contact persons, cooperation ties (issue 9)."""

    name = "familiennetz.network"
    verbose_name = _("Network")
