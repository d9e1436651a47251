from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .base import Checked, coordinate_constraints


class Location(Checked):
    """A place where offers happen: a building, a room, a playground (HSDS location)."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="locations",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("short name in URLs"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("town"), max_length=100, blank=True)
    district = models.ForeignKey(
        "socialspace.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("district"),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    is_wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    is_pram_accessible = models.BooleanField(_("accessible with a pram"), default=False)
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    transport_notes = models.CharField(_("getting there"), max_length=300, blank=True)
    # From open data (HSDS address and location); empty: Germany / derived from the postcode.
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2; empty: DE")
    )
    state_province = models.CharField(pgettext_lazy("address", "state"), max_length=100, blank=True)
    external_identifier = models.CharField(
        _("external identifier"), max_length=100, blank=True, help_text=_("e.g. a UPRN")
    )
    external_identifier_type = models.CharField(
        _("type of the external identifier"), max_length=50, blank=True
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="location_unique_slug"),
            *coordinate_constraints("location"),
        ]
        # Every coordinate query is per alliance (map viewports, proximity): the alliance
        # first, so a bounding box reads one network's range of the index.
        indexes = [
            models.Index(
                fields=["alliance", "latitude", "longitude"], name="location_alliance_coords_idx"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "directory:location-detail",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def address_line(self) -> str:
        town = " ".join(p for p in [self.postal_code, self.city] if p)
        return ", ".join(p for p in [self.street, town] if p)


def district_model():
    """The model of the districts places lie in (``Location.district``; the district analysis
    that owns it builds on the directory, so the directory reads districts through its own
    foreign key instead of importing that app)."""
    return Location._meta.get_field("district").related_model
