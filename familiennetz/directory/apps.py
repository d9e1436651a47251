from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "familiennetz.directory"
    verbose_name = _("Directory")

    def ready(self):
        from . import entry_kinds, search_index, translatable

        entry_kinds.register()  # organisations, places, offers in the review queue and history
        search_index.register()  # the offers are the search's documents; receivers connect
        translatable.register_kinds()  # offers, organisations, places, categories translated
