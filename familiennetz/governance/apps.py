from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "familiennetz.governance"
    label = "governance"
    verbose_name = _("Bodies and projects")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import (
            account,  # noqa: F401  (the feed section of the account page)
            evaluation_sources,
        )

        evaluation_sources.register()
