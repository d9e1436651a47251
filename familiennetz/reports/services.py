"""Writes of the reports app: annual reports (draft, narrative, submit, accept), report
requests of a state office, templates and shared documents (docs/dev/reports.md)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from familiennetz.accounts.services import invitation_create
from familiennetz.alliances.models import Alliance, Role
from familiennetz.core.files import check_upload

from . import figures
from .models import AnnualReport, DraftFigures, ReportStatus, ReportTemplate, StateDocument

NARRATIVE_FIELDS = ("goals", "highlights", "plans")
FIRST_YEAR = 2000


def check_year(year: int, *, today: dt.date | None = None) -> None:
    """A reporting year must have begun (a future year is an error naming it)."""
    today = today or timezone.localdate()
    if year > today.year:
        raise ValidationError(
            {
                "year": _("%(year)s lies in the future: reports are for this year or earlier.")
                % {"year": year}
            }
        )
    if year < FIRST_YEAR:
        raise ValidationError({"year": _("%(year)s is not a reporting year.") % {"year": year}})


def default_template() -> ReportTemplate:
    template = ReportTemplate.objects.filter(is_default=True, state_office=None).first()
    if template is None:
        template = ReportTemplate.objects.create(
            name="Jahresbericht (Standard)", is_default=True, sections=figures.DEFAULT_SECTIONS
        )
    return template


def template_save(*, template: ReportTemplate | None = None, **values) -> ReportTemplate:
    """Create or change a template; a figure that does not exist is an error naming it."""
    template = template or ReportTemplate()
    for name, value in values.items():
        setattr(template, name, value)
    template.full_clean()
    template.save()
    return template


def template_of(report: AnnualReport) -> ReportTemplate:
    return report.template or default_template()


def report_get_or_create(*, alliance, year: int) -> AnnualReport:
    check_year(year)
    report = AnnualReport.objects.for_alliance(alliance).filter(year=year).first()
    if report is None:
        report = AnnualReport.objects.create(alliance=alliance, year=year)
    return report


def report_update_narrative(*, report: AnnualReport, values: dict) -> AnnualReport:
    if not report.is_draft:
        raise ValidationError(_("This report has been submitted and can no longer be changed."))
    for name in NARRATIVE_FIELDS:
        if name in values:
            setattr(report, name, values[name])
    report.save()
    return report


def live_figures(report: AnnualReport, *, today: dt.date | None = None) -> dict[str, dict]:
    period = figures.Period.of(report.alliance, report.year, today=today)
    return figures.evaluate_all(template_of(report).figure_keys(), period)


def report_figures(report: AnnualReport) -> dict[str, dict]:
    """What the report shows: the frozen figures once submitted, live ones while a draft
    (computed now: for background tasks; web requests read ``draft_figures_of``)."""
    if report.is_draft:
        return live_figures(report)
    return report.figures


# --- a draft's live figures, computed in a task (reports.tasks.compute_draft_figures) --------

DRAFT_MAX_AGE = dt.timedelta(hours=24)  # older figures are shown and recomputed in the background
DRAFT_RETRY_AFTER = dt.timedelta(minutes=10)  # a request still pending is not enqueued again


def draft_figures_of(report: AnnualReport, *, language: str) -> DraftFigures | None:
    return (
        DraftFigures.objects.for_alliance(report.alliance)
        .filter(year=report.year, language=language)
        .first()
    )


def draft_figures_outdated(
    row: DraftFigures | None, report: AnnualReport, *, now: dt.datetime | None = None
) -> bool:
    """No figures yet, older than a day, or not those the report's template asks for."""
    now = now or timezone.now()
    if row is None or row.computed_at is None:
        return True
    if row.computed_at < now - DRAFT_MAX_AGE:
        return True
    return set(row.data) != set(template_of(report).figure_keys()) & set(figures.registry)


def draft_figures_request(
    *, alliance, year: int, language: str, force: bool = False, now: dt.datetime | None = None
) -> bool:
    """Note that the figures should be (re)computed; True when the caller must enqueue the
    task (False while an earlier request is still pending, unless it is old)."""
    check_year(year)
    now = now or timezone.now()
    row, _created = DraftFigures.objects.get_or_create(
        alliance=alliance, year=year, language=language
    )
    if (
        not force
        and row.pending
        and row.requested_at
        and row.requested_at > now - DRAFT_RETRY_AFTER
    ):
        return False
    row.requested_at = now
    row.save(update_fields=["requested_at", "updated_at"])
    return True


def draft_figures_compute(
    *, alliance, year: int, language: str, now: dt.datetime | None = None
) -> DraftFigures:
    """Compute the live figures of the year's report (draft or not yet created) in
    ``language`` and keep them with the moment they were computed."""
    now = now or timezone.now()
    report = AnnualReport.objects.for_alliance(alliance).filter(year=year).first()
    report = report or AnnualReport(alliance=alliance, year=year)
    with translation.override(language):
        data = live_figures(report, today=timezone.localdate(now))
    row, _created = DraftFigures.objects.update_or_create(
        alliance=alliance,
        year=year,
        language=language,
        defaults={"data": data, "computed_at": now},
    )
    return row


@transaction.atomic
def report_submit(*, report: AnnualReport, user, now: dt.datetime | None = None) -> AnnualReport:
    """Freeze the figures as of the reporting date; a second submission changes nothing."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_draft:
        raise ValidationError(_("This report has already been submitted."))
    now = now or timezone.now()
    period = figures.Period.of(report.alliance, report.year, today=timezone.localdate(now))
    report.template = template_of(report)
    report.figures = figures.evaluate_all(report.template.figure_keys(), period)
    report.figures_as_of = period.end
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = now
    report.submitted_by = user
    report.save()
    return report


@transaction.atomic
def report_accept(*, report: AnnualReport, user) -> AnnualReport:
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be accepted."))
    report.status = ReportStatus.ACCEPTED
    report.accepted_at = timezone.now()
    report.accepted_by = user
    report.save()
    return report


def report_request(*, office, alliance, year: int, due_on: dt.date) -> AnnualReport:
    """A state office asks one of its alliances for the report of ``year`` by ``due_on``."""
    check_year(year)
    if not office.alliances.filter(pk=alliance.pk).exists():
        raise ValidationError(_("This network does not belong to the state office."))
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": _("The due date lies in the past.")})
    report = AnnualReport.objects.for_alliance(alliance).filter(year=year).first()
    if report is not None and not report.is_draft:
        raise ValidationError(_("The report of this year has already been submitted."))
    template = office.report_templates.order_by("-is_default", "name").first()
    if report is None:
        report = AnnualReport(alliance=alliance, year=year)
    report.requested_by = office
    report.due_on = due_on
    if template is not None and report.is_draft:
        report.template = template
    report.save()
    return report


def document_add(*, office, values: dict, file, user) -> StateDocument:
    check_upload(file)
    document = StateDocument(
        office=office,
        title=values["title"],
        kind=values.get("kind") or StateDocument.Kind.WORKING_AID,
        description=values.get("description", ""),
        filename=file.name.rsplit("/", 1)[-1][:200],
        uploaded_by=user,
    )
    document.file.save(document.filename, file, save=False)
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def alliance_create_for_office(*, office, values: dict, invited_by) -> Alliance:
    """A new alliance of the state office and an invitation for its coordinator (the
    invitation e-mail goes out when the transaction commits)."""
    alliance = Alliance(
        name=values["name"],
        slug=values["slug"],
        region=values.get("region", ""),
        latitude=values["latitude"],
        longitude=values["longitude"],
    )
    alliance.full_clean()
    alliance.save()
    office.alliances.add(alliance)
    invitation_create(
        alliance=alliance,
        email=values["coordinator_email"],
        role=Role.COORDINATOR,
        invited_by=invited_by,
    )
    return alliance


def office_template_save(*, office, name: str, keys: list[str]) -> ReportTemplate:
    """The state office's template from the chosen figure keys, in the default sections'
    order; a key that is no figure is an error naming it."""
    chosen = set(keys)
    sections = [
        {"section": spec["section"], "figures": [k for k in spec["figures"] if k in chosen]}
        for spec in figures.DEFAULT_SECTIONS
    ]
    known = {k for spec in figures.DEFAULT_SECTIONS for k in spec["figures"]}
    extra = sorted(chosen - known)
    sections = [s for s in sections if s["figures"]]
    if extra:
        sections.append({"title": name, "figures": extra})
    template = office.report_templates.order_by("pk").first()
    return template_save(template=template, name=name, state_office=office, sections=sections)
