from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "familiennetz.outreach"
    label = "outreach"
    verbose_name = _("Outreach")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import guide_sections, retention, translatable, workspace  # noqa: F401

        retention.register()  # expired notice-board sheets in the daily retention job

        guide_sections.register()
        translatable.register_kinds()  # Erste-Hilfe-Box and news in the content translations
