from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "familiennetz.moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from . import personal_data

        personal_data.register()
