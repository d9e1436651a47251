"""The network's own public pages and print products (docs/dev/outreach.md).

- ``HelpContact``: one line of the Erste-Hilfe-Box (emergency and first contacts, night numbers),
  edited by the coordinator with history.
- ``Rally`` and ``RallyStation``: a Stadtteil-Rallye through the district; each station lies at
  a place of the directory and counts how often it was completed (a number, never a person).
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from familiennetz.alliances.owned import AllianceOwned
from familiennetz.core.files import private_storage


class HelpContact(AllianceOwned):
    class Group(models.TextChoices):
        EMERGENCY = "notfall", _("Emergency")
        ADVICE = "beratung", _("Advice and first contacts")
        NIGHT = "nachts", _("At night and at the weekend")

    group = models.CharField(_("group"), max_length=20, choices=Group, default=Group.EMERGENCY)
    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(
        _("phone number"), max_length=40, help_text=_("As it is dialled, e.g. 112 or 0351 123 45.")
    )
    hours = models.CharField(_("when it can be reached"), max_length=120, blank=True)
    note = models.CharField(_("note"), max_length=240, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("Erste-Hilfe-Box contact")
        verbose_name_plural = _("Erste-Hilfe-Box contacts")
        ordering = ["group", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class Rally(AllianceOwned):
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("short name in URLs"), max_length=100)
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    is_published = models.BooleanField(_("published"), default=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("rally")
        verbose_name_plural = _("rallies")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="outreach_rally_unique_slug")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_offer(self):
        """The contact offer if the public may see it (a draft or archived offer is left out)."""
        return self.offer if self.offer is not None and self.offer.is_published else None

    def get_absolute_url(self) -> str:
        return reverse(
            "outreach:rally-detail",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )


class RallyStation(AllianceOwned):
    rally = models.ForeignKey(
        Rally, on_delete=models.CASCADE, related_name="stations", verbose_name=_("rally")
    )
    # CASCADE, not PROTECT: deleting an alliance (or rebuilding the demo) deletes its places;
    # a place is archived rather than deleted in normal work.
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("place"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=80)
    task = models.CharField(_("task or question"), max_length=280)
    picture = models.ImageField(
        _("picture"), storage=private_storage, upload_to="outreach/rally/", blank=True
    )
    picture_text = models.CharField(
        _("what the picture shows"),
        max_length=160,
        blank=True,
        help_text=_("For people who cannot see the picture."),
    )
    completions = models.PositiveIntegerField(_("completed"), default=0)

    class Meta:
        verbose_name = _("rally station")
        verbose_name_plural = _("rally stations")
        ordering = ["rally", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["rally", "number"], name="outreach_station_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse(
            "outreach:rally-station",
            kwargs={
                "alliance_slug": self.rally.alliance.slug,
                "slug": self.rally.slug,
                "number": self.number,
            },
        )


class NewsItem(AllianceOwned):
    """A news item of the network (Aktuelles), public once published, also as an Atom feed."""

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("short name in URLs"), max_length=120)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    text = models.TextField(_("text"), max_length=6000)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="outreach_news_unique_slug")
        ]
        indexes = [models.Index(fields=["alliance", "published_at"], name="outreach_news_pub_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_offer(self):
        """The contact offer if the public may see it (a draft or archived offer is left out)."""
        return self.offer if self.offer is not None and self.offer.is_published else None

    def get_absolute_url(self) -> str:
        return reverse(
            "outreach:news-detail",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )


class TransitionStep(AllianceOwned):
    """A step of the Kita → school page (/<alliance>/uebergang-schule/): what happens when,
    with a contact among the network's offers or places (issue 14)."""

    class Phase(models.TextChoices):
        # In the order of the school year; the page shows the phases in this order.
        REGISTRATION = "anmeldung", _("School registration")
        HEALTH_CHECK = "untersuchung", _("School entry health check")
        PRESCHOOL = "vorschule", _("Pre-school year")
        FIRST_DAY = "einschulung", _("First school day")

    phase = models.CharField(_("phase"), max_length=20, choices=Phase, default=Phase.REGISTRATION)
    when = models.CharField(
        _("when"), max_length=120, help_text=_("e.g. in September a year before school")
    )
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("what parents should know"), max_length=600, blank=True)
    offer = models.ForeignKey(
        "directory.Offer",
        verbose_name=_("contact: offer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    location = models.ForeignKey(
        "directory.Location",
        verbose_name=_("contact: place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("transition step")
        verbose_name_plural = _("transition steps")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_offer(self):
        """The contact offer if the public may see it (a draft or archived offer is left out)."""
        return self.offer if self.offer is not None and self.offer.is_published else None
