from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "familiennetz.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import middleware  # noqa: F401  (connects the login-time receiver)
