"""Shared rooms and equipment, and their bookings.

No double booking: a request or an approved booking holds its slot. Writers lock the room
(``SELECT … FOR UPDATE``; SQLite: ``BEGIN IMMEDIATE``) and check overlaps; on PostgreSQL an
exclusion constraint (btree_gist, migration 0002) refuses overlaps even for writers that
bypass the service (ADR 0903)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class Room(AllianceOwned):
    class Kind(models.TextChoices):
        ROOM = "room", _("room")
        EQUIPMENT = "equipment", _("equipment")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ROOM)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="governance_rooms",
        verbose_name=_("offered by"),
        help_text=_("Its provider editors approve requests (and the coordination)."),
    )
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("place"),
    )
    capacity = models.PositiveSmallIntegerField(_("capacity (people)"), null=True, blank=True)
    is_wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    accessibility_notes = models.CharField(_("accessibility"), max_length=300, blank=True)
    rules = models.TextField(_("house rules"), blank=True)
    requires_approval = models.BooleanField(
        _("requests need approval"), default=True, help_text=_("Otherwise bookings are confirmed.")
    )
    is_active = models.BooleanField(_("can be booked"), default=True)
    feed_token = models.CharField(max_length=64, default=new_feed_token, editable=False)

    class Meta:
        verbose_name = _("room or equipment")
        verbose_name_plural = _("rooms and equipment")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class Booking(AllianceOwned):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")

    HOLDING = (Status.REQUESTED, Status.APPROVED)

    room = models.ForeignKey(
        Room, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("room")
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    title = models.CharField(_("purpose"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for"),
    )
    project = models.ForeignKey(
        "governance.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings",
        verbose_name=_("project"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["room", "starts_at"], name="booking_room_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="booking_ends_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room}: {self.title}"
