from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned

from ..review_cycle import EXPIRED, OK, entry_state


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class Checked(AllianceOwned):
    """An entry whose correctness somebody confirms from time to time ("zuletzt geprüft")."""

    last_checked_at = models.DateTimeField(_("last checked on"), null=True, blank=True)
    last_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last checked by"),
    )

    class Meta:
        abstract = True

    @property
    def is_stale(self) -> bool:
        """Not confirmed within the alliance's review cycle (default 12 months)."""
        return entry_state(self) != OK

    @property
    def is_expired(self) -> bool:
        """Not confirmed within review cycle + grace period: "nicht mehr bestätigt seit …"."""
        return entry_state(self) == EXPIRED


def coordinate_constraints(prefix: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(
            condition=models.Q(latitude__isnull=True)
            | models.Q(latitude__gte=-90, latitude__lte=90),
            name=f"{prefix}_latitude_in_range",
        ),
        models.CheckConstraint(
            condition=models.Q(longitude__isnull=True)
            | models.Q(longitude__gte=-180, longitude__lte=180),
            name=f"{prefix}_longitude_in_range",
        ),
        models.CheckConstraint(
            condition=models.Q(latitude__isnull=True, longitude__isnull=True)
            | models.Q(latitude__isnull=False, longitude__isnull=False),
            name=f"{prefix}_coordinates_both_or_none",
        ),
    ]
