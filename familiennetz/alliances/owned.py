"""The base of every tenant-owned row: it belongs to exactly one alliance.

Query through ``Model.objects.for_alliance(alliance)``; another alliance's row is a 404.
``visible_to(user)`` / ``editable_by(user)`` narrow a queryset to what the user's roles allow
(``scoping.py``, the same rules as the predicates).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.core.models import TimeStampedModel

from .scoping import scope_q


class AllianceOwnedQuerySet(models.QuerySet):
    def for_alliance(self, alliance):
        return self.filter(alliance=alliance)

    def visible_to(self, user):
        """Rows ``user`` may see in the workspace (roles: docs/dev/roles.md)."""
        return self.filter(scope_q(user, self.model))

    def editable_by(self, user):
        """Rows ``user`` may change."""
        return self.filter(scope_q(user, self.model, edit=True))


class AllianceOwned(TimeStampedModel):
    """A row that belongs to exactly one alliance (the tenant)."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("alliance"),
    )

    objects = AllianceOwnedQuerySet.as_manager()

    class Meta:
        abstract = True
