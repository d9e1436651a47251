from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The annual report from live data, the state office's overview, the social-planning
    export and the handover page (issue 13, docs/dev/reports.md)."""

    name = "familiennetz.reports"
    label = "reports"
    verbose_name = _("Reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import figures, receivers, sources  # noqa: F401  (figures; summary receivers)

        sources.register()  # the network's and participation's figures
