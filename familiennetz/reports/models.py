"""Annual reports of an alliance, report templates, the state office's report requests,
documents and cached overview figures (docs/dev/reports.md)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned
from familiennetz.core.files import private_storage
from familiennetz.core.models import TimeStampedModel

from .figures import SECTIONS, registry


class ReportTemplateManager(models.Manager["ReportTemplate"]):
    def get_by_natural_key(self, name: str) -> ReportTemplate:
        """The template of that name (the default one first): moving an alliance to another
        instance links its reports to the template there (ops.transfer)."""
        template = self.filter(name=name).order_by("-is_default", "pk").first()
        if template is None:
            raise self.model.DoesNotExist(name)
        return template


class ReportTemplate(TimeStampedModel):
    """Which sections and figures a funder asks for. ``sections`` is a list of
    ``{"title": str, "figures": [figure key, …]}``; the instance's default template has no
    state office, a state office may define its own."""

    name = models.CharField(_("name"), max_length=200)
    state_office = models.ForeignKey(
        "alliances.StateOffice",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_templates",
        verbose_name=_("state office"),
    )
    is_default = models.BooleanField(_("default template"), default=False)
    sections = models.JSONField(_("sections"), default=list)

    objects = ReportTemplateManager()

    class Meta:
        verbose_name = _("report template")
        verbose_name_plural = _("report templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.name,)

    def figure_keys(self) -> list[str]:
        return [key for section in self.sections for key in section.get("figures", [])]

    def clean(self) -> None:
        if not isinstance(self.sections, list) or not self.sections:
            raise ValidationError({"sections": _("A template needs at least one section.")})
        for section in self.sections:
            if not isinstance(section, dict) or not (
                str(section.get("title", "")).strip() or section.get("section") in SECTIONS
            ):
                raise ValidationError({"sections": _("Every section needs a title.")})
        unknown = [key for key in self.figure_keys() if key not in registry]
        if unknown:
            raise ValidationError(
                {
                    "sections": _("Unknown figure: %(keys)s")
                    % {"keys": ", ".join(sorted(set(unknown)))}
                }
            )


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    ACCEPTED = "accepted", _("accepted")


class AnnualReport(AllianceOwned):
    """The annual report (Jahres-/Sachbericht) of one alliance for one year: live figures
    while it is a draft, frozen when it is submitted."""

    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus, default=ReportStatus.DRAFT
    )
    template = models.ForeignKey(
        ReportTemplate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("template"),
    )
    goals = models.TextField(_("goals"), blank=True)
    highlights = models.TextField(_("highlights"), blank=True)
    plans = models.TextField(_("plans for next year"), blank=True)
    figures = models.JSONField(_("frozen figures"), default=dict, blank=True, editable=False)
    figures_as_of = models.DateField(_("figures as of"), null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    # A state office's request: who asked, by when.
    requested_by = models.ForeignKey(
        "alliances.StateOffice",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_requests",
        verbose_name=_("requested by"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    # The PDF, built in a background task; ``pdf_key`` says which content it shows.
    pdf = models.FileField(
        _("PDF"), upload_to="reports/pdf/", storage=private_storage, blank=True, editable=False
    )
    pdf_key = models.CharField(max_length=64, blank=True, editable=False)
    pdf_requested_key = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "year"], name="annualreport_unique_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year}"

    def get_absolute_url(self) -> str:
        return reverse(
            "reports:manage-report-detail",
            kwargs={"alliance_slug": self.alliance.slug, "year": self.year},
        )

    @property
    def is_draft(self) -> bool:
        return self.status == ReportStatus.DRAFT


class StateDocument(TimeStampedModel):
    """A working aid or good example the state office shares with all its alliances."""

    class Kind(models.TextChoices):
        WORKING_AID = "working_aid", _("Working aid")
        GOOD_EXAMPLE = "good_example", _("Good example")

    office = models.ForeignKey(
        "alliances.StateOffice",
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("state office"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.WORKING_AID)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(_("file"), upload_to="reports/documents/", storage=private_storage)
    filename = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        verbose_name = _("shared document")
        verbose_name_plural = _("shared documents")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class AllianceSummary(models.Model):
    """Cached aggregates of one alliance for the state overview (kept current by a task)."""

    alliance = models.OneToOneField(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    data = models.JSONField(default=dict)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("alliance summary")
        verbose_name_plural = _("alliance summaries")

    def __str__(self) -> str:
        return f"{self.alliance_id}"


class DraftFigures(AllianceOwned):
    """The live figures of a draft report, computed in a background task (never in a web
    request) and kept with the time they were computed ("berechnet am"). One row per
    alliance, year and interface language (labels are translated when computed). A submitted
    report shows its frozen figures instead (``AnnualReport.figures``)."""

    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=10)
    data = models.JSONField(_("figures"), default=dict, blank=True)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)

    class Meta:
        verbose_name = _("draft figures")
        verbose_name_plural = _("draft figures")
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "year", "language"], name="draftfigures_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} ({self.language})"

    @property
    def pending(self) -> bool:
        """A computation was asked for and has not finished since."""
        return self.requested_at is not None and (
            self.computed_at is None or self.computed_at < self.requested_at
        )
