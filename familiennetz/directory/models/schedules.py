from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from familiennetz.directory.recurrence import (
    RecurrenceError,
    describe_schedule,
    parse_rule,
    weekday_codes,
)

from .base import Checked


class Schedule(Checked):
    """Opening hours of a location, regular sessions of an offer at a location, or an
    offer's own times (no place: HSDS schedules of a service without a location, ADR 1540).

    The rhythm is an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=TU", "FREQ=MONTHLY;BYDAY=2TU"),
    as in HSDS schedule. ``byday`` repeats the rule's weekdays ("TU") so the weekday
    filter can run in the database.
    """

    class Kind(models.TextChoices):
        OPENING_HOURS = "opening_hours", _("Opening hours")
        SESSION = "session", _("Regular session")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="schedules",
        verbose_name=_("alliance"),
    )
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
        verbose_name=_("location (opening hours)"),
    )
    offer_location = models.ForeignKey(
        "directory.OfferLocation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
        verbose_name=_("offer at location (sessions)"),
    )
    offer = models.ForeignKey(
        "directory.Offer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
        verbose_name=_("offer (times without a place)"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.SESSION)
    rrule = models.CharField(
        _("recurrence rule (RFC 5545)"),
        max_length=300,
        default="FREQ=WEEKLY",
        help_text=_("e.g. FREQ=WEEKLY;BYDAY=MO,WE or FREQ=MONTHLY;BYDAY=2TU"),
    )
    byday = models.CharField(_("weekdays"), max_length=40, blank=True, editable=False)
    opens_at = models.TimeField(_("from"), null=True, blank=True)
    closes_at = models.TimeField(_("until"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    description = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("e.g. bring indoor shoes")
    )
    # A rule, not a note: the calendar leaves out the state's school holidays (events'
    # holiday calendar) for sessions that pause then (issue 16).
    skips_school_holidays = models.BooleanField(_("not during school holidays"), default=False)

    class Meta:
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        ordering = ["kind", "byday", "opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(location__isnull=False, offer_location__isnull=True, offer__isnull=True)
                | Q(location__isnull=True, offer_location__isnull=False, offer__isnull=True)
                | Q(location__isnull=True, offer_location__isnull=True, offer__isnull=False),
                name="schedule_belongs_to_one_parent",
            ),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(opens_at__lt=F("closes_at")),
                name="schedule_opens_before_closes",
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=F("valid_to")),
                name="schedule_valid_from_before_to",
            ),
        ]

    def __str__(self) -> str:

        return describe_schedule(self)

    def get_absolute_url(self) -> str:
        target = self.location or self.offer_location or self.offer
        return target.get_absolute_url()

    def clean(self):
        try:
            parse_rule(self.rrule)
        except RecurrenceError as exc:
            raise ValidationError({"rrule": str(exc)}) from exc

    def save(self, *args, **kwargs):
        self.byday = ",".join(weekday_codes(self.rrule))
        super().save(*args, **kwargs)
