from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialspaceConfig(AppConfig):
    name = "familiennetz.socialspace"
    verbose_name = _("Districts")

    def ready(self):
        from . import signals  # noqa: F401  (receivers on directory.Location and District)
