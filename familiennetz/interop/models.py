"""What the interop app owns: the identifiers other systems use for our records, and the
files coordinators upload for an import (kept between check and commit).

The directory models carry no foreign identifiers; an HSDS import keeps the ids of the
source here (one row per record and scheme), so a re-import updates the same records and an
export gives them back their original ids. See docs/adr/0200-open-data-interfaces.md.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned, AllianceOwnedQuerySet, AllianceScopedManager


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


class ImportUploadQuerySet(AllianceOwnedQuerySet):
    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())

    def usable_by(self, user, now=None):
        """The user's own uploads that have not expired (nobody sees another's upload)."""
        return self.filter(user=user, expires_at__gt=now or timezone.now())


class ImportUpload(AllianceOwned):
    """A file a coordinator uploaded for an import, kept between the check (preview) and the
    commit so that exactly the checked bytes are imported and nobody uploads twice. Only its
    uploader sees it; the daily retention job deletes it after ``expires_at``."""

    class Kind(models.TextChoices):
        SHEET = "sheet", _("spreadsheet (CSV, XLSX)")
        HSDS = "hsds", _("Open Referral HSDS (JSON, ZIP)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="import_uploads",
        verbose_name=_("alliance"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="import_uploads",
        verbose_name=_("uploaded by"),
    )
    kind = models.CharField(_("kind of file"), max_length=10, choices=Kind)
    filename = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(_("content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    # publish (bool), geocode (bool); for sheets also the geocoder's answers during the check,
    # replayed at the commit, and the planned counts the coordinator saw.
    options = models.JSONField(_("options"), default=dict, blank=True)
    checked = models.JSONField(_("result of the check"), default=dict, blank=True)
    result = models.JSONField(_("result of the import"), default=dict, blank=True)
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"))

    objects = AllianceScopedManager.from_queryset(ImportUploadQuerySet)()

    class Meta:
        verbose_name = _("uploaded import file")
        verbose_name_plural = _("uploaded import files")
        indexes = [models.Index(fields=["expires_at"], name="importupload_expires_at")]

    def __str__(self) -> str:
        return self.filename
