"""Needs reported from practice (Bedarfsanzeige): a Kita or any partner reports a need it sees
— topic, age group, district, roughly how many families — without personal data. The network
sees them grouped, links them to surveys (here), to the district gap list (by district and
category) and to projects (governance links its projects to needs), and answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned
from familiennetz.directory.models.audience import AGE_BANDS


class NeedReport(AllianceOwned):
    class Families(models.TextChoices):
        FEW = "few", _("a few (fewer than 5)")
        SOME = "some", _("5 to 10")
        MANY = "many", _("11 to 25")
        LOTS = "lots", _("more than 25")
        UNKNOWN = "unknown", _("cannot say")

    class State(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("Being looked at")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    AGE_CHOICES = [(band.key, band.label) for band in AGE_BANDS]

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="need_reports",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="need_reports",
        verbose_name=_("reported by (institution)"),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    topic = models.CharField(_("need"), max_length=200)
    description = models.TextField(
        _("what you observe"),
        blank=True,
        max_length=3000,
        help_text=_("No names or details that identify a family."),
    )
    category = models.ForeignKey(
        "directory.Category",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind of offer missing"),
        help_text=_("Links the need to the coverage and gap analysis of this category."),
    )
    age_band = models.CharField(_("age group"), max_length=20, choices=AGE_CHOICES, blank=True)
    district = models.ForeignKey(
        "socialspace.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )
    families = models.CharField(
        _("how many families, roughly"),
        max_length=10,
        choices=Families,
        default=Families.UNKNOWN,
    )
    state = models.CharField(
        _("status"), max_length=12, choices=State, default=State.NEW, db_index=True
    )
    answer = models.TextField(_("answer of the network"), blank=True)
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    surveys = models.ManyToManyField(
        "participation.Survey",
        blank=True,
        related_name="need_reports",
        verbose_name=_("related surveys"),
    )

    class Meta:
        verbose_name = _("reported need")
        verbose_name_plural = _("reported needs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.topic
