"""The district analysis (Sozialraum): districts with boundaries, indicators per district and
year, composite indices, district walks, and the files uploaded for an import.

``District`` is also what the family guide filters by ("Ortsteil") and what places belong to
(``directory.Location.district``); its fields stay as the guide uses them. See
docs/dev/socialspace.md.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned, AllianceOwnedQuerySet, AllianceScopedManager
from familiennetz.core.files import private_storage


class DistrictQuerySet(AllianceOwnedQuerySet):
    def by_code(self, code: str):
        """The district with this source code (hand-made districts without one: by slug)."""
        return self.filter(Q(code=code) | Q(code="", slug=code))


class District(AllianceOwned):
    class Kind(models.TextChoices):
        TOWN = "town", _("Town or municipality")
        BOROUGH = "borough", _("Borough (Bezirk)")
        REGION = "region", _("District region")
        ORTSTEIL = "ortsteil", _("Ortsteil (village or part of town)")
        STADTTEIL = "stadtteil", _("Stadtteil (city district)")
        STATISTICAL_AREA = "statistical_area", _("Statistical area")
        PLANNING_AREA = "planning_area", _("Planning area")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="districts",
        verbose_name=_("alliance"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in URLs"), max_length=100)
    code = models.CharField(
        _("code"),
        max_length=60,
        blank=True,
        help_text=_(
            "The district's code in the source data (e.g. 01011101); re-imports match on it."
        ),
    )
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
    area_km2 = models.FloatField(_("area (km²)"), null=True, blank=True)

    objects = AllianceScopedManager.from_queryset(DistrictQuerySet)()

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="district_unique_slug"),
            models.UniqueConstraint(
                fields=["alliance", "code"],
                condition=~Q(code=""),
                name="district_unique_code",
            ),
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
    def key(self) -> str:
        """What the workspace's URLs use: the source code, else the slug."""
        return self.code or self.slug

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


# --- indicators ------------------------------------------------------------------------------


class AgeGroup(models.TextChoices):
    """Age groups indicators and coverage refer to (the guide's bands plus "under 6")."""

    NONE = "", _("not about an age group")
    ALL = "all", _("whole population")
    U3 = "0-3", _("children under 3")
    U6 = "0-6", _("children under 6")
    A3_6 = "3-6", _("children 3 to under 6")
    A6_10 = "6-10", _("children 6 to under 10")
    A10_14 = "10-14", _("children 10 to under 14")
    A14_18 = "14-18", _("young people 14 to under 18")
    U18 = "0-18", _("children and young people under 18")


# Months of age (inclusive) per group, for matching offers' age ranges.
AGE_GROUP_MONTHS: dict[str, tuple[int, int]] = {
    "0-3": (0, 35),
    "0-6": (0, 71),
    "3-6": (36, 71),
    "6-10": (72, 119),
    "10-14": (120, 167),
    "14-18": (168, 215),
    "0-18": (0, 215),
}


class Indicator(AllianceOwned):
    """What is measured per district and year (definition); values in ``IndicatorValue``."""

    class Direction(models.TextChoices):
        HIGHER_IS_WORSE = "worse", _("higher means more need")
        HIGHER_IS_BETTER = "better", _("higher means less need")
        NEUTRAL = "neutral", _("neither (context)")

    class Measure(models.TextChoices):
        PEOPLE = "people", _("number of people")
        COUNT = "count", _("number (not of people)")
        PERCENT = "percent", _("share in per cent")
        RATE = "rate", _("rate (per 1,000)")
        VALUE = "value", _("other value")

    class Formula(models.TextChoices):
        IMPORTED = "imported", _("imported or entered")
        SUM = "sum", _("sum of other indicators")
        PER_1000 = "per_1000", _("per 1,000 of another indicator")
        SHARE = "share", _("share (per cent) of another indicator")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("alliance"),
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction, default=Direction.HIGHER_IS_WORSE
    )
    measure = models.CharField(
        _("kind of figure"), max_length=10, choices=Measure, default=Measure.VALUE
    )
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup, default=AgeGroup.NONE, blank=True
    )
    is_population = models.BooleanField(
        _("population of the age group"),
        default=False,
        help_text=_(
            "The number of inhabitants of the age group: coverage per 1,000 children uses it."
        ),
    )
    formula = models.CharField(
        _("how it is obtained"), max_length=10, choices=Formula, default=Formula.IMPORTED
    )
    numerator = models.ForeignKey(
        "self",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("numerator"),
    )
    denominator = models.ForeignKey(
        "self",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("denominator"),
    )
    summands = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="+", verbose_name=_("summands")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "code"], name="indicator_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_derived(self) -> bool:
        return self.formula != self.Formula.IMPORTED

    @property
    def is_about_people(self) -> bool:
        """Counts of people are suppressed below 5 (docs/dev/socialspace.md, data protection)."""
        return self.measure == self.Measure.PEOPLE


class IndicatorValue(AllianceOwned):
    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="indicator_values",
        verbose_name=_("alliance"),
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    district = models.ForeignKey(
        District,
        on_delete=models.CASCADE,
        related_name="indicator_values",
        verbose_name=_("district"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    value = models.FloatField(_("value"))

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "district", "year"], name="indicatorvalue_unique"
            ),
        ]
        indexes = [models.Index(fields=["alliance", "year"], name="indicatorvalue_alliance_year")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.district} {self.year}: {self.value}"


class CompositeIndex(AllianceOwned):
    """A composite index (e.g. "Sozialindex"): z-scores of its components, weighted, summed."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="composite_indices",
        verbose_name=_("alliance"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    district_kind = models.CharField(
        _("level"),
        max_length=20,
        choices=District.Kind,
        help_text=_("The index compares the districts of this level."),
    )
    classes = models.PositiveSmallIntegerField(
        _("number of classes"),
        default=4,
        validators=[MinValueValidator(2), MaxValueValidator(7)],
        help_text=_("The ranking is divided into this many classes of equal size (quantiles)."),
    )
    trend_years = models.PositiveSmallIntegerField(
        _("trend over years"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("The trend compares each value with the value this many years earlier."),
    )

    class Meta:
        verbose_name = _("composite index")
        verbose_name_plural = _("composite indices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class IndexComponent(AllianceOwned):
    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    index = models.ForeignKey(
        CompositeIndex, on_delete=models.CASCADE, related_name="components", verbose_name=_("index")
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="index_components",
        verbose_name=_("indicator"),
    )
    weight = models.FloatField(
        _("weight"), default=1.0, validators=[MinValueValidator(0.0), MaxValueValidator(100.0)]
    )
    direction = models.SmallIntegerField(
        _("direction"),
        choices=[(1, _("higher means more need")), (-1, _("higher means less need"))],
        default=1,
    )

    class Meta:
        verbose_name = _("index component")
        verbose_name_plural = _("index components")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["index", "indicator"], name="indexcomponent_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.index}: {self.indicator} × {self.weight}"


# --- imports ---------------------------------------------------------------------------------


class DataImportQuerySet(AllianceOwnedQuerySet):
    def usable_by(self, user, now=None):
        """The user's own uploads that have not expired (nobody sees another's upload)."""
        return self.filter(user=user, expires_at__gt=now or timezone.now())


class DataImport(AllianceOwned):
    """A boundary or indicator file kept between the check and the import, so that exactly
    the checked bytes are imported. Only its uploader sees it; it expires after a day."""

    class Kind(models.TextChoices):
        DISTRICTS = "districts", _("district boundaries (GeoJSON)")
        INDICATORS = "indicators", _("indicators (CSV, XLSX)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("alliance"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    kind = models.CharField(_("kind of file"), max_length=12, choices=Kind)
    filename = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(_("content"))
    options = models.JSONField(_("options"), default=dict, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"))

    objects = AllianceScopedManager.from_queryset(DataImportQuerySet)()

    class Meta:
        verbose_name = _("uploaded district data")
        verbose_name_plural = _("uploaded district data")

    def __str__(self) -> str:
        return self.filename


# --- district walks --------------------------------------------------------------------------


class WalkTopic(models.TextChoices):
    HOUSING = "housing", _("Housing")
    GREEN = "green", _("Green space and parks")
    PLAYGROUNDS = "playgrounds", _("Playgrounds")
    TRANSPORT = "transport", _("Public transport")
    MEETING = "meeting", _("Meeting places")
    BARRIERS = "barriers", _("Barriers")
    SAFETY = "safety", _("Safety")


class Walk(AllianceOwned):
    """A district walk (Sozialraumbegehung) with its checklist and notes."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="walks",
        verbose_name=_("alliance"),
    )
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="walks",
        verbose_name=_("district"),
    )
    title = models.CharField(_("title"), max_length=200)
    walked_on = models.DateField(_("date"))
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What the group saw; no names of families.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("district walk")
        verbose_name_plural = _("district walks")
        ordering = ["-walked_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class WalkRating(AllianceOwned):
    class Rating(models.TextChoices):
        GOOD = "good", _("good")
        FAIR = "fair", _("fair")
        POOR = "poor", _("poor")
        NOT_SEEN = "", _("not looked at")

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    walk = models.ForeignKey(Walk, on_delete=models.CASCADE, related_name="ratings")
    topic = models.CharField(_("topic"), max_length=20, choices=WalkTopic)
    rating = models.CharField(_("rating"), max_length=10, choices=Rating, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        constraints = [
            models.UniqueConstraint(fields=["walk", "topic"], name="walkrating_unique_topic"),
        ]


def walk_photo_path(instance, filename: str) -> str:
    return f"socialspace/walks/{instance.alliance_id}/{uuid.uuid4().hex}-{filename}"


class WalkNote(AllianceOwned):
    """A geotagged observation on a walk, with an optional photo (private file)."""

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    walk = models.ForeignKey(Walk, on_delete=models.CASCADE, related_name="notes")
    topic = models.CharField(_("topic"), max_length=20, choices=WalkTopic, blank=True)
    text = models.TextField(_("note"))
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
    photo = models.FileField(
        _("photo"), storage=private_storage, upload_to=walk_photo_path, blank=True
    )
    photo_keeps_location = models.BooleanField(_("photo keeps its location data"), default=False)

    class Meta:
        verbose_name = _("walk note")
        verbose_name_plural = _("walk notes")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="walknote_coordinates_both_or_none",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None
