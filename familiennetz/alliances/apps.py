from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlliancesConfig(AppConfig):
    name = "familiennetz.alliances"
    verbose_name = _("Alliances")

    def ready(self):
        from . import content_version

        content_version.connect()
