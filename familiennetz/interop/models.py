"""What the interop app owns: the identifiers other systems use for our records.

The directory models carry no foreign identifiers; an HSDS import keeps the ids of the
source here (one row per record and scheme), so a re-import updates the same records and an
export gives them back their original ids. See docs/adr/0200-open-data-interfaces.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.core.models import AllianceOwned


class ExternalId(AllianceOwned):
    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("organisation")
        LOCATION = "location", _("location")
        OFFER = "offer", _("offer")
        OFFER_LOCATION = "offer_location", _("offer at a location")
        SCHEDULE = "schedule", _("schedule")
        CONTACT = "contact", _("contact")
        CATEGORY = "category", _("category")
        EVENT = "event", _("event")

    class Scheme(models.TextChoices):
        HSDS = "hsds", _("Open Referral HSDS")
        SHEET = "sheet", _("spreadsheet import")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="external_ids",
        verbose_name=_("alliance"),
    )
    scheme = models.CharField(_("scheme"), max_length=20, choices=Scheme, default=Scheme.HSDS)
    kind = models.CharField(_("kind of record"), max_length=20, choices=Kind)
    object_id = models.PositiveBigIntegerField(_("record"))
    value = models.CharField(_("identifier"), max_length=255)

    class Meta:
        verbose_name = _("external identifier")
        verbose_name_plural = _("external identifiers")
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "scheme", "kind", "value"], name="externalid_unique_value"
            ),
            models.UniqueConstraint(
                fields=["alliance", "scheme", "kind", "object_id"], name="externalid_unique_object"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme}:{self.kind}:{self.value}"
