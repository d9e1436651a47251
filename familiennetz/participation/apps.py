from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Families and children have a say: surveys, topic boards for parents' evenings, the
    children's complaint procedure and needs reported from practice (issue 11)."""

    name = "familiennetz.participation"
    verbose_name = _("Participation")

    def ready(self) -> None:
        # Rows of a Kita's survey, board or complaint procedure belong to that organisation:
        # its provider editors see and edit them (alliances.predicates.is_organisation_editor,
        # alliances.scoping.scope_q). Registered here so that the tenancy layer needs no
        # knowledge of this app.
        from familiennetz.alliances.content_version import IGNORED_MODELS
        from familiennetz.alliances.predicates import ORGANISATION_PATHS

        from . import personal_data

        personal_data.register()  # e-mail addresses on topic boards: purge_personal_data

        ORGANISATION_PATHS.update(
            {
                "participation.survey": "organisation",
                "participation.topicboard": "organisation",
                "participation.topic": "board__organisation",
                "participation.complaintprocedure": "organisation",
                "participation.complaint": "organisation",
            }
        )
        # No cached public page shows participation rows (survey, board, result and kiosk
        # pages are never cached): an answer must not empty the guide's page cache, and 200
        # people answering at once must not all wait for the alliance row's lock.
        IGNORED_MODELS.update(
            f"participation.{model._meta.model_name}" for model in self.get_models()
        )
