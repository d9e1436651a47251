"""For whom an offer or an event is: written once, shared by the directory and the calendar
(the guide's and the calendar's filters read the same fields)."""

from dataclasses import dataclass

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwnedQuerySet

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


class AudienceQuerySet(AllianceOwnedQuerySet):
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


class Audience(models.Model):
    """Categories, ages, pregnancy, costs, languages spoken and accessibility."""

    categories = models.ManyToManyField(
        "directory.Category", related_name="%(class)ss", blank=True, verbose_name=_("categories")
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
        "directory.Language",
        related_name="%(class)ss",
        blank=True,
        verbose_name=_("languages spoken"),
    )
    accessibility_notes = models.TextField(_("accessibility"), blank=True)

    class Meta:
        abstract = True
