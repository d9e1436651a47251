"""Templates, the year, submitting and accepting: bad input is a clear error, nothing changed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from familiennetz.reports import services
from familiennetz.reports.models import AnnualReport, ReportTemplate

from . import dataset

pytestmark = pytest.mark.django_db


def test_a_template_naming_an_unknown_figure_is_an_error_naming_it():
    with pytest.raises(ValidationError) as error:
        services.template_save(
            name="Landesvorlage",
            sections=[{"title": "Partner", "figures": ["partners.total", "partners.shoe_size"]}],
        )
    assert "partners.shoe_size" in str(error.value)
    assert not ReportTemplate.objects.filter(name="Landesvorlage").exists()


def test_the_default_template_names_known_figures_only():
    template = services.default_template()
    template.full_clean()
    assert "partners.total" in template.figure_keys()
    assert services.default_template() == template


def test_a_future_year_is_an_error(alliance):
    next_year = timezone.localdate().year + 1
    with pytest.raises(ValidationError) as error:
        services.report_get_or_create(alliance=alliance, year=next_year)
    assert str(next_year) in str(error.value)
    assert not AnnualReport.objects.exists()


def test_submit_freezes_the_figures_and_a_second_submission_changes_nothing(alliance, coordinator):
    dataset.build(alliance)
    report = services.report_get_or_create(alliance=alliance, year=dataset.YEAR)
    services.report_update_narrative(report=report, values={"goals": "Übergänge stärken"})
    report = services.report_submit(report=report, user=coordinator.user)
    assert report.status == "submitted"
    assert report.figures["partners.total"]["value"] == 5
    assert str(report.figures_as_of) == "2025-12-31"
    submitted_at = report.submitted_at
    with pytest.raises(ValidationError, match=r"bereits|already"):
        services.report_submit(report=report, user=coordinator.user)
    report.refresh_from_db()
    assert report.submitted_at == submitted_at
    # the frozen figures stay as they were when live data changes
    dataset.OrganisationFactory(alliance=alliance)
    assert services.report_figures(report)["partners.total"]["value"] == 5
    with pytest.raises(ValidationError):
        services.report_update_narrative(report=report, values={"goals": "anders"})
    report.refresh_from_db()
    assert report.goals == "Übergänge stärken"


def test_only_a_submitted_report_can_be_accepted(alliance, state_office_user):
    report = services.report_get_or_create(alliance=alliance, year=2025)
    with pytest.raises(ValidationError):
        services.report_accept(report=report, user=state_office_user.user)
    report.refresh_from_db()
    assert report.status == "draft"


def test_a_saved_offer_refreshes_the_state_overview_summary(alliance, state_office_user, committed):
    from familiennetz.directory.tests.factories import OfferFactory
    from familiennetz.reports.models import AllianceSummary

    with committed():
        OfferFactory(alliance=alliance)
    assert AllianceSummary.objects.get(alliance=alliance).data["offers"] == 1
    with committed():
        OfferFactory(alliance=alliance)
    assert AllianceSummary.objects.get(alliance=alliance).data["offers"] == 2


def test_a_state_office_request_uses_its_own_template(alliance, state_office_user):
    import datetime as dt

    office = state_office_user.user.state_offices.get()
    services.template_save(
        name="Thüringer Sachbericht",
        state_office=office,
        sections=[{"title": "Partner", "figures": ["partners.total", "network.agreements"]}],
    )
    report = services.report_request(
        office=office,
        alliance=alliance,
        year=2025,
        due_on=timezone.localdate() + dt.timedelta(days=10),
    )
    assert report.template.name == "Thüringer Sachbericht"
    assert list(services.live_figures(report)) == ["partners.total", "network.agreements"]
    with pytest.raises(ValidationError):
        services.report_request(
            office=office, alliance=alliance, year=2025, due_on=dt.date(2020, 1, 1)
        )
