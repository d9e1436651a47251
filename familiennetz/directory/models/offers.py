from dataclasses import dataclass

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from familiennetz.alliances.owned import AllianceOwnedQuerySet, scoped

from .base import Checked, Status

MAX_AGE_MONTHS = 27 * 12  # young adults still count as "children" of § 7 SGB VIII


@dataclass(frozen=True)
class AgeBand:
    key: str
    label: str
    min_months: int | None  # None: pregnancy
    max_months: int | None


AGE_BANDS = [
    AgeBand("schwangerschaft", _("Pregnancy"), None, None),
    AgeBand("0-3", _("0–3 years"), 0, 35),
    AgeBand("3-6", _("3–6 years"), 36, 71),
    AgeBand("6-10", _("6–10 years"), 72, 119),
    AgeBand("10-14", _("10–14 years"), 120, 167),
    AgeBand("14-18", _("14–18 years"), 168, 215),
]
AGE_BANDS_BY_KEY = {band.key: band for band in AGE_BANDS}


class OfferQuerySet(AllianceOwnedQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def for_age_band(self, band: AgeBand):
        if band.min_months is None:
            return self.filter(for_pregnancy=True)
        for_everyone = Q(age_min_months__isnull=True, age_max_months__isnull=True) & Q(
            for_pregnancy=False
        )
        overlaps = (Q(age_min_months__isnull=False) | Q(age_max_months__isnull=False)) & (
            (Q(age_min_months__isnull=True) | Q(age_min_months__lte=band.max_months))
            & (Q(age_max_months__isnull=True) | Q(age_max_months__gte=band.min_months))
        )
        return self.filter(for_everyone | overlaps)


class Offer(Checked):
    """An offer for families (Angebot; HSDS service)."""

    class Participation(models.TextChoices):
        OPEN = "open", _("Just come along")
        REGISTRATION = "registration", _("Registration needed")
        REFERRAL = "referral", _("By referral or appointment")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("short name in URLs"), max_length=120)
    summary = models.CharField(
        _("short description"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for the result list."),
    )
    description = models.TextField(_("description"), blank=True)
    categories = models.ManyToManyField(
        "directory.Category", related_name="offers", blank=True, verbose_name=_("categories")
    )
    locations = models.ManyToManyField(
        "directory.Location",
        through="directory.OfferLocation",
        related_name="offers",
        blank=True,
        verbose_name=_("locations"),
    )
    for_pregnancy = models.BooleanField(_("for pregnant people"), default=False)
    age_min_months = models.PositiveSmallIntegerField(
        _("minimum age (months)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE_MONTHS)],
    )
    age_max_months = models.PositiveSmallIntegerField(
        _("maximum age (months)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE_MONTHS)],
    )
    is_free = models.BooleanField(_("free of charge"), default=False)
    fee_description = models.CharField(_("costs"), max_length=300, blank=True)
    languages = models.ManyToManyField(
        "directory.Language", related_name="offers", blank=True, verbose_name=_("languages spoken")
    )
    accessibility_notes = models.TextField(_("accessibility"), blank=True)
    participation = models.CharField(
        _("how to take part"), max_length=20, choices=Participation, default=Participation.OPEN
    )
    participation_notes = models.TextField(_("how to take part (details)"), blank=True)
    is_online = models.BooleanField(_("also online"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = scoped(OfferQuerySet)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="offer_unique_slug"),
            models.CheckConstraint(
                condition=Q(age_min_months__isnull=True)
                | Q(age_max_months__isnull=True)
                | Q(age_min_months__lte=models.F("age_max_months")),
                name="offer_age_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(age_max_months__isnull=True) | Q(age_max_months__lte=MAX_AGE_MONTHS),
                name="offer_age_max_in_range",
            ),
        ]
        indexes = [models.Index(fields=["alliance", "status"], name="offer_alliance_status_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "directory:offer-detail",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )

    def get_print_url(self) -> str:
        return reverse(
            "directory:offer-print",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )

    def clean(self):
        from django.core.exceptions import ValidationError

        if (
            self.age_min_months is not None
            and self.age_max_months is not None
            and self.age_min_months > self.age_max_months
        ):
            raise ValidationError(
                {"age_max_months": _("The maximum age must not be below the minimum age.")}
            )

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def age_label(self) -> str:
        """Human-readable target group, e.g. "Schwangerschaft, 0–3 Jahre"."""
        parts = []
        if self.for_pregnancy:
            parts.append(str(_("Pregnancy")))
        lo, hi = self.age_min_months, self.age_max_months
        if lo is None and hi is None:
            if not self.for_pregnancy:
                parts.append(str(_("All ages")))
        else:
            parts.append(_age_range_label(lo, hi))
        return ", ".join(parts)


def _months_label(months: int) -> str:
    if months < 24 and months % 12:
        return ngettext("%(n)d month", "%(n)d months", months) % {"n": months}
    years = months // 12
    return ngettext("%(n)d year", "%(n)d years", years) % {"n": years}


def _age_range_label(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        if lo % 12 == 0 and hi % 12 == 0 and hi >= 24:
            return ngettext("%(lo)d–%(hi)d year", "%(lo)d–%(hi)d years", hi // 12) % {
                "lo": lo // 12,
                "hi": hi // 12,
            }
        return _("%(lo)s to %(hi)s") % {"lo": _months_label(lo), "hi": _months_label(hi)}
    if lo is not None:
        # German needs the dative here ("ab 6 Jahren"), so these are separate messages.
        if lo < 24 and lo % 12:
            return ngettext("from %(n)d month", "from %(n)d months", lo) % {"n": lo}
        return ngettext("from %(n)d year", "from %(n)d years", lo // 12) % {"n": lo // 12}
    return _("up to %(age)s") % {"age": _months_label(hi)}


class OfferLocation(Checked):
    """Where an offer takes place (HSDS service_at_location); schedules hang off it."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="offer_locations",
        verbose_name=_("alliance"),
    )
    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="offer_locations", verbose_name=_("offer")
    )
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        related_name="offer_locations",
        verbose_name=_("location"),
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("offer at a location")
        verbose_name_plural = _("offers at locations")
        constraints = [
            models.UniqueConstraint(fields=["offer", "location"], name="offerlocation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.offer} @ {self.location}"

    def get_absolute_url(self) -> str:
        return self.offer.get_absolute_url()
