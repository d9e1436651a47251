from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialspaceConfig(AppConfig):
    name = "familiennetz.socialspace"
    verbose_name = _("Districts")
