"""Abstract base models shared by every domain app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AllianceOwnedQuerySet(models.QuerySet):
    def for_alliance(self, alliance):
        return self.filter(alliance=alliance)

    def visible_to(self, user):
        """Rows ``user`` may see in the workspace (roles: docs/dev/roles.md)."""
        from familiennetz.alliances.scoping import scope_q

        return self.filter(scope_q(user, self.model))

    def editable_by(self, user):
        """Rows ``user`` may change."""
        from familiennetz.alliances.scoping import scope_q

        return self.filter(scope_q(user, self.model, edit=True))


class AllianceOwned(TimeStampedModel):
    """A row that belongs to exactly one alliance (the tenant).

    Query through ``Model.objects.for_alliance(alliance)``; another alliance's row is a 404.
    """

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("alliance"),
    )

    objects = AllianceOwnedQuerySet.as_manager()

    class Meta:
        abstract = True
