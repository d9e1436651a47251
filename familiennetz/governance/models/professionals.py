"""The professionals' side: events for professionals with registration, a versioned
document library, and announcements to members by e-mail with an archive."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned
from familiennetz.core.files import private_storage


class ProfessionalEvent(AllianceOwned):
    class Kind(models.TextChoices):
        TRAINING = "training", _("joint training")
        FACHTAG = "fachtag", _("Fachtag")
        EXCHANGE = "exchange", _("professional exchange")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.TRAINING)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"), null=True, blank=True)
    project = models.ForeignKey(
        "governance.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="professional_events",
        verbose_name=_("project"),
    )

    class Meta:
        verbose_name = _("event for professionals")
        verbose_name_plural = _("events for professionals")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="proevent_ends_after"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProfessionalRegistration(AllianceOwned):
    event = models.ForeignKey(
        ProfessionalEvent, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="proregistration_unique"),
        ]


class Document(AllianceOwned):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("body"),
        help_text=_("Empty: for the whole network."),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from organisation"),
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


def document_path(instance, filename: str) -> str:
    return f"governance/{instance.alliance_id}/documents/{instance.document_id}/{filename}"


class DocumentVersion(AllianceOwned):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=document_path, storage=private_storage)
    filename = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"), default=0)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="docversion_unique"),
        ]


class Announcement(AllianceOwned):
    title = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("text (Markdown)"))
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announcements",
        verbose_name=_("to the members of"),
        help_text=_("Empty: everybody with a role in the network's workspace."),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class MeetingFeedToken(models.Model):
    """The secret of a user's personal meetings feed (only its SHA-256 hash is stored)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_feed_token"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meetings feed")
        verbose_name_plural = _("meetings feeds")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"
