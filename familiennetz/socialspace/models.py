"""Districts (Ortsteile, Stadtteile, Planungsräume) of an alliance.

Indicators, coverage and gap analysis come with the district-analysis issue; the guide already
uses districts as a filter and as an origin for "near me".
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned


class District(AllianceOwned):
    class Kind(models.TextChoices):
        ORTSTEIL = "ortsteil", _("Ortsteil (village or part of town)")
        STADTTEIL = "stadtteil", _("Stadtteil (city district)")
        PLANNING_AREA = "planning_area", _("Planning area")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="districts",
        verbose_name=_("alliance"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in URLs"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ORTSTEIL)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    latitude = models.FloatField(
        _("centre latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("centre longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    boundary = models.JSONField(
        _("boundary (GeoJSON geometry)"), null=True, blank=True, help_text=_("WGS 84.")
    )

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="district_unique_slug"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="district_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="district_longitude_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("directory:search", kwargs={"alliance_slug": self.alliance.slug}) + (
            f"?ortsteil={self.slug}"
        )

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None
