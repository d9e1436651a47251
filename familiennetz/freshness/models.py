"""Review-cycle reminders: one row per organisation and cycle (docs/adr/0102-freshness.md).

A reminder covers the organisation and its places and published offers that are due. It is
sent to the organisation's provider editors (or its public e-mail address), a second time
after ``second_reminder_after_days``, then escalated to the coordination. Its signed link
confirms every entry it lists ("Alles noch aktuell").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned, AllianceOwnedQuerySet, AllianceScopedManager


class ReviewReminderQuerySet(AllianceOwnedQuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)


class ReviewReminder(AllianceOwned):
    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed as still correct")
        CHANGES_REPORTED = "changes", _("Changes reported")
        CHECKED = "checked", _("Checked in the workspace")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="review_reminders",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="review_reminders",
        verbose_name=_("organisation"),
    )
    entries = models.JSONField(
        _("entries"), default=list, help_text=_("[app_label.model, id] of the entries asked about.")
    )
    recipients = models.JSONField(_("recipients"), default=list)
    first_sent_at = models.DateTimeField(_("first reminder sent at"), null=True, blank=True)
    second_sent_at = models.DateTimeField(_("second reminder sent at"), null=True, blank=True)
    escalated_at = models.DateTimeField(
        _("escalated to the coordination at"), null=True, blank=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )

    objects = AllianceScopedManager.from_queryset(ReviewReminderQuerySet)()

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(closed_at__isnull=True),
                name="reviewreminder_one_open_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.created_at:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return self.organisation.get_absolute_url()
