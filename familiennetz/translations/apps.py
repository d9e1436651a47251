from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "familiennetz.translations"
    label = "translations"
    verbose_name = _("Content translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals, workspace  # noqa: F401  (receivers; the shell's page and tile)
