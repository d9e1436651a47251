from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The coordinators' shell (/manage/…): navigation, dashboard, access checks, list helpers.

    Domain apps plug into it from a ``workspace.py`` module of their own, found here at start-up
    (as the admin finds ``admin.py``); the shell never imports a domain app by name.
    """

    name = "familiennetz.workspace"
    verbose_name = _("Workspace")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from . import shell_pages

        shell_pages.register()
        autodiscover_modules("workspace")
