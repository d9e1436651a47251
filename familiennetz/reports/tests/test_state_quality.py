"""The state's yearly coordination report averages the networks' quality self-assessment
(the mean rating per dimension of each submitted report), and every figure of the annual
report links to the list of what it counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from familiennetz.alliances.models import StateOffice
from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.governance.models import (
    QualityAssessment,
    QualityCriterion,
    QualityDimension,
    QualityResult,
)
from familiennetz.reports import figures, selectors, services
from familiennetz.reports.figures import Period

from . import dataset

pytestmark = pytest.mark.django_db


def self_assessment(alliance, year: int, scores: dict[str, list[int]]) -> None:
    """A consolidated self-assessment: per dimension name, the scores of its criteria."""
    assessment = QualityAssessment.objects.create(
        alliance=alliance, year=year, status=QualityAssessment.Status.CONSOLIDATED
    )
    for position, (name, values) in enumerate(scores.items()):
        dimension = QualityDimension.objects.create(
            alliance=alliance, code=f"d{position}", name=name, position=position
        )
        for number, score in enumerate(values):
            criterion = QualityCriterion.objects.create(
                alliance=alliance, dimension=dimension, text=f"{name} {number}", position=number
            )
            QualityResult.objects.create(
                alliance=alliance, assessment=assessment, criterion=criterion, score=score
            )


@pytest.fixture
def office():
    office = StateOffice.objects.create(name="Landeskoordinierungsstelle Thüringen")
    a = AllianceFactory(slug="apolda", name="Netzwerk Apolda")
    b = AllianceFactory(slug="sonneberg", name="Netzwerk Sonneberg")
    c = AllianceFactory(slug="gotha", name="Netzwerk Gotha")
    office.alliances.add(a, b, c)
    self_assessment(a, 2025, {"Steuerung": [4, 2], "Beteiligung": [3]})  # means 3.0, 3.0
    self_assessment(b, 2025, {"Steuerung": [4], "Beteiligung": [1, 2]})  # means 4.0, 1.5
    self_assessment(c, 2025, {"Steuerung": [1]})  # a draft: not in the state report
    for alliance in (a, b):
        report = services.report_get_or_create(alliance=alliance, year=2025)
        services.report_submit(report=report, user=None)
    services.report_get_or_create(alliance=c, year=2025)
    return office


def test_the_state_report_averages_the_networks_quality_means(office):
    reports, data = selectors.state_report_figures(office, 2025)
    assert len(reports) == 2
    quality = data["quality.summary"]
    assert quality["available"]
    # the mean of the two networks' means, each network weighing the same
    assert dict(map(tuple, quality["rows"])) == {"Steuerung": 3.5, "Beteiligung": 2.2}
    assert quality["networks"] == 2
    assert quality["value"] == 6  # criteria rated, added up (3 + 3)


def test_the_state_report_page_shows_the_means(client, office):
    from familiennetz.accounts.tests.factories import UserFactory

    user = UserFactory(email="lks@thueringen.example")
    office.members.add(user)
    client.force_login(user)
    response = client.get(reverse("reports:state-report", kwargs={"pk": office.pk, "year": 2025}))
    html = response.content.decode()
    assert "Mittelwert der Mittelwerte der Netzwerke (2 Netzwerke" in html
    assert "3,5" in html and "2,2" in html


# Figures without a list on purpose: complaints are the institutions' own (counted by
# category only, docs/dev/reports.md).
WITHOUT_LIST = {"participation.complaints"}


def test_every_figure_of_the_report_links_to_what_it_counts(client, alliance, coordinator):
    dataset.build(alliance)
    self_assessment(alliance, 2025, {"Steuerung": [4, 2]})
    keys = services.default_template().figure_keys()
    assert {key for key in keys if figures.registry[key].listing is None} == WITHOUT_LIST
    client.force_login(coordinator.user)
    html = client.get(
        reverse(
            "reports:manage-report-detail", kwargs={"alliance_slug": alliance.slug, "year": 2025}
        )
    ).content.decode()
    period = Period.of(alliance, 2025, today=dt.date(2026, 12, 7))
    for key in set(keys) - WITHOUT_LIST:
        link = reverse(
            "reports:manage-figure-list",
            kwargs={"alliance_slug": alliance.slug, "year": 2025, "key": key},
        )
        assert link in html, key
        assert client.get(link).status_code == 200
        # … and the list says what the figure counts (the lists of counts are the figure's)
        rows = figures.registry[key].listing(period)
        assert all(row.url.startswith(f"/manage/{alliance.slug}/") for row in rows), key
    quality = figures.registry["quality.summary"].listing(period)
    assert [row.label for row in quality] == ["Steuerung 0: 4", "Steuerung 1: 2"]
    districts = figures.registry["districts.total"].listing(period)
    assert [row.label for row in districts] == ["Altstadt"]
    assert client.get(districts[0].url).status_code == 200
