from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "familiennetz.events"
    verbose_name = _("Family calendar")

    def ready(self):
        from . import entry_kinds, guide_sections, personal_data, sessions, translatable  # noqa: F401

        entry_kinds.register()  # events in the review queue, history and review cycle
        guide_sections.register()  # the calendar's sections of the guide's pages
        personal_data.register()  # retention of registrations
        translatable.register_kinds()  # events in the content translations
        # sessions: receivers that put offers' regular sessions into the calendar
