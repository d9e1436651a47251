"""The review queue: provider changes waiting for review, public suggestions, error reports.

One model for everything a coordinator decides on (docs/adr/0101-moderation.md):

- ``change``: a provider editor's edit of a published entry (alliance setting "review"); the
  entry stays as it is until the change is accepted. ``payload`` holds the submitted form data.
- ``publication``: a provider editor asks to publish a new entry (a draft).
- ``suggestion``: somebody from the public suggests an offer or an event (no account).
- ``report``: "Hier stimmt etwas nicht" about a public entry (no account).

Public authors may leave an e-mail address for follow-up; it is removed
SUGGESTION_CONTACT_RETENTION_DAYS after the decision (``moderation.retention.purge_contacts``).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned, AllianceOwnedQuerySet, AllianceScopedManager


class ChangeRequestQuerySet(AllianceOwnedQuerySet):
    def pending(self):
        return self.filter(state=ChangeRequest.State.PENDING)

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
        )


class ChangeRequest(AllianceOwned):
    class Kind(models.TextChoices):
        CHANGE = "change", _("Change by a provider")
        PUBLICATION = "publication", _("Request to publish")
        SUGGESTION = "suggestion", _("Suggestion from the public")
        REPORT = "report", _("Error report")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Subject(models.TextChoices):
        OFFER = "offer", _("Offer")
        EVENT = "event", _("Event")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="change_requests",
        verbose_name=_("alliance"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State, default=State.PENDING, db_index=True
    )
    # The entry concerned (changes, publications, reports; suggestions once accepted).
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entry type"),
    )
    object_id = models.PositiveBigIntegerField(_("entry id"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    subject = models.CharField(
        _("suggested"), max_length=20, choices=Subject, blank=True, help_text=_("Suggestions.")
    )
    payload = models.JSONField(_("proposed values"), default=dict, blank=True)
    base_updated_at = models.DateTimeField(
        _("entry version"),
        null=True,
        blank=True,
        help_text=_("When the entry was last changed before this proposal was made."),
    )
    message = models.TextField(_("message"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="change_requests",
        verbose_name=_("author"),
    )
    contact_name = models.CharField(_("name for follow-up"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail for follow-up"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="de")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_message = models.TextField(_("message to the author"), blank=True)
    contact_purged_at = models.DateTimeField(_("contact data removed at"), null=True, blank=True)

    objects = AllianceScopedManager.from_queryset(ChangeRequestQuerySet)()

    class Meta:
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["alliance", "state", "kind"], name="changerequest_queue_idx"),
            models.Index(fields=["content_type", "object_id"], name="changerequest_target_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        return reverse(
            "moderation:manage-review-detail",
            kwargs={"alliance_slug": self.alliance.slug, "pk": self.pk},
        )

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING

    @property
    def reply_address(self) -> str:
        """Where the decision goes: the author's account or the e-mail they left."""
        if self.author_id and self.author.is_active:
            return self.author.email
        return self.contact_email
