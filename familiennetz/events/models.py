"""The family calendar: events, their materialised occurrences, holidays and registrations.

Recurrence follows RFC 5545 (RRULE, RDATE, EXDATE) in local time (Europe/Berlin). Occurrences are
materialised for a rolling window (see docs/adr/0008-occurrences.md) so that month views, feeds
and registrations work on plain rows; single occurrences can be changed or cancelled.
"""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from familiennetz.alliances.owned import AllianceOwned, AllianceScopedManager
from familiennetz.directory.models import Status
from familiennetz.directory.models.audience import Audience, AudienceQuerySet
from familiennetz.directory.models.base import Checked


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Takes place")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved_online", _("Moved online")


class EventQuerySet(AudienceQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Event(Audience, Checked):
    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("organiser"),
    )
    offer = models.ForeignKey(
        "directory.Offer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("offer"),
        help_text=_("If these are the sessions of an offer."),
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("short name in URLs"), max_length=120)
    summary = models.CharField(_("short description"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("place"),
    )
    online_url = models.URLField(_("online link"), blank=True)
    # First occurrence; later ones follow the rule. Aware datetimes, shown in Europe/Berlin.
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    is_all_day = models.BooleanField(_("all day"), default=False)
    rrule = models.CharField(
        _("recurrence rule (RFC 5545)"),
        max_length=300,
        blank=True,
        help_text=_("e.g. FREQ=MONTHLY;BYDAY=2TU — empty for a single event"),
    )
    rdates = models.JSONField(_("additional dates"), default=list, blank=True)
    exdates = models.JSONField(_("excluded dates"), default=list, blank=True)
    skips_school_holidays = models.BooleanField(_("not during school holidays"), default=False)
    # Set for the dates of an offer's regular session (events/sessions.py): kept in step with
    # the schedule, not edited as an event.
    schedule = models.OneToOneField(
        "directory.Schedule",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="calendar_event",
        verbose_name=_("regular session"),
    )
    image = models.ImageField(_("image"), upload_to="events/", blank=True)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=300,
        blank=True,
        help_text=_("Required with an image: what does it show?"),
    )
    event_status = models.CharField(
        _("event status"), max_length=20, choices=EventStatus, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(_("notice"), max_length=300, blank=True)
    status = models.CharField(
        _("publication status"),
        max_length=20,
        choices=Status,
        default=Status.DRAFT,
        db_index=True,
    )
    # Registration (optional)
    requires_registration = models.BooleanField(_("registration required"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Per date. Empty: no limit."),
    )
    has_waiting_list = models.BooleanField(_("waiting list"), default=True)
    registration_closes_hours = models.PositiveIntegerField(
        _("registration closes (hours before start)"), default=0
    )
    # iCalendar identity (export UID; import deduplication)
    uid = models.CharField(_("iCalendar UID"), max_length=255, blank=True)
    source = models.ForeignKey(
        "events.CalendarSource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("imported from"),
    )

    objects = AllianceScopedManager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="event_unique_slug"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""), name="event_image_needs_alt_text"
            ),
            models.CheckConstraint(
                condition=Q(age_min_months__isnull=True)
                | Q(age_max_months__isnull=True)
                | Q(age_min_months__lte=F("age_max_months")),
                name="event_age_min_lte_max",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "events:event-detail", kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug}
        )

    @property
    def ical_uid(self) -> str:
        return self.uid or f"event-{self.pk}@familiennetz"


class Occurrence(AllianceOwned):
    """One date of an event, materialised; may be changed or cancelled on its own."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="occurrences",
        verbose_name=_("alliance"),
    )
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("event")
    )
    original_start = models.DateTimeField(
        _("original start"), help_text=_("The start the rule gave (RECURRENCE-ID).")
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    event_status = models.CharField(
        _("status"), max_length=20, choices=EventStatus, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(_("notice"), max_length=300, blank=True)
    is_modified = models.BooleanField(
        _("changed individually"),
        default=False,
        help_text=_("Kept when the series is regenerated."),
    )

    class Meta:
        verbose_name = pgettext_lazy("event", "date")
        verbose_name_plural = _("dates")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"], name="occurrence_unique_original_start"
            ),
        ]
        indexes = [
            # For the calendar's range reads (selectors._in_range): in the order the views
            # show (starts_at, id), and covering the event check and the end of multi-day
            # dates, so no table lookups are needed (bench/calendar_bench.py).
            models.Index(
                fields=["alliance", "starts_at", "id", "event", "ends_at"],
                name="occurrence_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} – {self.starts_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        event = self.event
        # Feeds list many dates of one (shared) event: resolve its URL once per slug.
        slug, url = event.__dict__.get("_detail_url", (None, None))
        if slug != event.slug:
            url = reverse(
                "events:event-detail",
                kwargs={"alliance_slug": event.alliance.slug, "slug": event.slug},
            )
            event.__dict__["_detail_url"] = (event.slug, url)
        # An event older than the stored dates stands for itself with an unsaved date.
        return f"{url}?termin={self.pk}" if self.pk else url


class HolidayPeriod(AllianceOwned):
    """School holidays and other closures of an alliance (e.g. Saxon school holidays)."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="holiday_periods",
        verbose_name=_("alliance"),
    )
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    uid = models.CharField(_("iCalendar UID"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("holiday period")
        verbose_name_plural = _("holiday periods")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lte=F("ends_on")), name="holiday_starts_before_end"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("events:calendar", kwargs={"alliance_slug": self.alliance.slug})


class CalendarSource(AllianceOwned):
    """A partner's public .ics feed (or uploaded file) mapped to events of one organiser."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="calendar_sources",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="calendar_sources",
        verbose_name=_("organiser"),
    )
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("feed URL"), blank=True)
    publish_automatically = models.BooleanField(_("publish imported events"), default=True)
    last_imported_at = models.DateTimeField(_("last imported at"), null=True, blank=True)
    last_report = models.JSONField(_("last import report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("calendar source")
        verbose_name_plural = _("calendar sources")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.organisation.get_absolute_url()


class Registration(AllianceOwned):
    """A sign-up for one date. Personal data: deleted N days after the event (retention)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("alliance"),
    )
    occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=pgettext_lazy("event", "date"),
    )
    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    adults = models.PositiveSmallIntegerField(
        _("adults"), default=1, validators=[MaxValueValidator(20)]
    )
    children = models.PositiveSmallIntegerField(
        _("children"), default=0, validators=[MaxValueValidator(20)]
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=10, default="de")
    state = models.CharField(
        _("state"), max_length=20, choices=State, default=State.PENDING, db_index=True
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(adults__gt=0) | Q(children__gt=0),
                name="registration_at_least_one_place",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        return self.occurrence.get_absolute_url()

    @property
    def places(self) -> int:
        return self.adults + self.children
