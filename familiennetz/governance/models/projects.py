"""Projects (a parents' evening, the St. Martin festival, a Fachtag) with their evaluation:
goals → indicators → results, and optionally a survey from another app (evaluation.py)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned


class Project(AllianceOwned):
    class Status(models.TextChoices):
        IDEA = "idea", _("idea")
        PLANNING = "planning", _("in planning")
        RUNNING = "running", _("running")
        DONE = "done", _("completed")
        CANCELLED = "cancelled", _("cancelled")

    title = models.CharField(_("title"), max_length=200)
    goal = models.TextField(_("goal"))
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNING)
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("responsible body"),
    )
    lead = models.ForeignKey(
        "network.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("project lead"),
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    partners = models.ManyToManyField(
        "network.Partner",
        blank=True,
        related_name="governance_projects",
        verbose_name=_("partners"),
    )
    events = models.ManyToManyField(
        "events.Event",
        blank=True,
        related_name="governance_projects",
        verbose_name=_("calendar events"),
    )
    # A survey (or other evaluation source) registered by another app: evaluation.py.
    evaluation_source = models.CharField(_("evaluation source"), max_length=50, blank=True)
    evaluation_ref = models.CharField(_("evaluation"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProjectGoal(AllianceOwned):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="goals", verbose_name=_("project")
    )
    text = models.CharField(_("goal"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("project goal")
        verbose_name_plural = _("project goals")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class ProjectIndicator(AllianceOwned):
    goal = models.ForeignKey(
        ProjectGoal, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("goal")
    )
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class IndicatorResult(AllianceOwned):
    indicator = models.ForeignKey(
        ProjectIndicator,
        on_delete=models.CASCADE,
        related_name="results",
        verbose_name=_("indicator"),
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("result"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["measured_on", "pk"]
