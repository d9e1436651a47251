"""Meetings of bodies: agenda, attachments, attendance, minutes, decisions, action items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from familiennetz.alliances.owned import AllianceOwned
from familiennetz.core.files import private_storage


class MeetingSeries(AllianceOwned):
    """A recurring meeting (RFC 5545 rule, expanded with events.occurrences.expand)."""

    body = models.ForeignKey(
        "governance.Body", on_delete=models.CASCADE, related_name="series", verbose_name=_("body")
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("first meeting"))
    ends_at = models.DateTimeField(_("end of the first meeting"))
    rrule = models.CharField(_("repeats"), max_length=300)
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), blank=True)

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self) -> str:
        return self.title


class Meeting(AllianceOwned):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    body = models.ForeignKey(
        "governance.Body", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("body")
    )
    series = models.ForeignKey(
        MeetingSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("series"),
    )
    original_start = models.DateTimeField(null=True, blank=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)
    invitation_sent_at = models.DateTimeField(_("invitation sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["alliance", "starts_at"], name="meeting_alliance_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after"
            ),
            models.UniqueConstraint(
                fields=["series", "original_start"], name="meeting_unique_series_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%d.%m.%Y})"


class AgendaItem(AllianceOwned):
    class Outcome(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("dealt with")
        DEFERRED = "deferred", _("deferred to the next meeting")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("item"), max_length=300)
    description = models.TextField(_("notes"), blank=True)
    owner = models.ForeignKey(
        "network.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("presented by"),
    )
    minutes = models.PositiveSmallIntegerField(_("minutes planned"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, default=Outcome.OPEN)
    from_action = models.ForeignKey(
        "governance.ActionItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("open action item"),
    )
    from_item = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deferred from"),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return self.title


def attachment_path(instance, filename: str) -> str:
    return f"governance/{instance.alliance_id}/agenda/{instance.item_id}/{filename}"


class AgendaAttachment(AllianceOwned):
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("item")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage)
    filename = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


class Attendance(AllianceOwned):
    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("meeting")
    )
    contact = models.ForeignKey(
        "network.ContactPerson",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    # The partner the person came for, kept as it was on the day (feeds the annual report).
    partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("partner"),
    )
    status = models.CharField(_("attendance"), max_length=20, choices=Status)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "contact"], name="attendance_unique"),
        ]


class Minutes(AllianceOwned):
    """The minutes of one meeting, written in Markdown, shown sanitised.

    Approved minutes are locked: a later change is an amendment with a reason, recorded as a
    version in ``history`` (django-simple-history, ADR 0902)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        APPROVED = "approved", _("approved")

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="minutes", verbose_name=_("meeting")
    )
    text = models.TextField(_("minutes (Markdown)"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.APPROVED


class Decision(AllianceOwned):
    """A decision, numbered per alliance and year ("2026-07"), searchable across years."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("decision"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "year", "number"], name="decision_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.text[:60]}"

    @property
    def reference(self) -> str:
        return f"{self.year}-{self.number:02d}"


class ActionItem(AllianceOwned):
    """Something a person has to do: from a meeting, a project or the self-assessment."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    OPEN_STATES = (Status.OPEN, Status.IN_PROGRESS)

    title = models.CharField(_("action"), max_length=300)
    description = models.TextField(_("details"), blank=True)
    owner = models.ForeignKey(
        "network.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="governance_actions",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("body"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("meeting"),
    )
    project = models.ForeignKey(
        "governance.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("project"),
    )
    assessment = models.ForeignKey(
        "governance.QualityAssessment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("self-assessment"),
    )
    # Reminders (send_action_reminders): the last stage sent, so a rerun sends nothing twice.
    reminder_stage = models.CharField(max_length=10, blank=True, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["alliance", "status", "due_on"], name="action_alliance_due"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()
