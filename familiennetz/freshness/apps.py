from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FreshnessConfig(AppConfig):
    name = "familiennetz.freshness"
    verbose_name = _("Data freshness")

    def ready(self):
        from familiennetz.moderation.signals import entry_confirmed

        from .services import close_reminders_after_confirmation

        entry_confirmed.connect(
            close_reminders_after_confirmation, dispatch_uid="freshness.close_reminders"
        )
