"""The yearly quality self-assessment on the four dimensions (Deutscher Kita-Preis):
every member rates alone, the steering group consolidates, action items come out of it."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned

SCORE_MIN, SCORE_MAX = 1, 4
SCORE_VALIDATORS = [MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]


class QualityDimension(AllianceOwned):
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("quality dimension")
        verbose_name_plural = _("quality dimensions")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "code"], name="dimension_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name


class QualityCriterion(AllianceOwned):
    dimension = models.ForeignKey(
        QualityDimension,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("dimension"),
    )
    text = models.CharField(_("criterion"), max_length=400)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("quality criterion")
        verbose_name_plural = _("quality criteria")
        ordering = ["dimension__position", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class QualityAssessment(AllianceOwned):
    class Status(models.TextChoices):
        OPEN = "open", _("open for ratings")
        CONSOLIDATED = "consolidated", _("consolidated")

    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    consolidated_at = models.DateTimeField(_("consolidated at"), null=True, blank=True)
    consolidated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "year"], name="assessment_unique_year"),
        ]

    def __str__(self) -> str:
        return str(self.year)


class QualityRating(AllianceOwned):
    """One member's own rating of one criterion (never shown with the rater's name)."""

    assessment = models.ForeignKey(
        QualityAssessment, on_delete=models.CASCADE, related_name="ratings"
    )
    criterion = models.ForeignKey(QualityCriterion, on_delete=models.CASCADE, related_name="+")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion", "rater"], name="rating_unique_rater"
            ),
        ]


class QualityResult(AllianceOwned):
    """The steering group's consolidated rating of one criterion in one year."""

    assessment = models.ForeignKey(
        QualityAssessment, on_delete=models.CASCADE, related_name="results"
    )
    criterion = models.ForeignKey(QualityCriterion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("rating"), validators=SCORE_VALIDATORS)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("consolidated rating")
        verbose_name_plural = _("consolidated ratings")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="result_unique"),
        ]
