from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "familiennetz.interop"
    verbose_name = _("Import and export")

    def ready(self):
        from . import personal_data

        personal_data.register()
