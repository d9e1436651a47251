"""A draft report's live figures are computed by a background task (never in the web
request), kept with a "berechnet am" stamp and recomputed on request; a submitted report
keeps its frozen figures. The report page reads them in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from familiennetz.directory.models import Status
from familiennetz.directory.tests.factories import OfferFactory
from familiennetz.reports import services, tasks
from familiennetz.reports.models import DraftFigures
from familiennetz.reports.views import annual

from . import dataset

pytestmark = pytest.mark.django_db


def url(name, alliance, **kwargs):
    return reverse(f"reports:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


@pytest.fixture
def built(alliance):
    dataset.build(alliance)
    return alliance


@pytest.fixture
def queue(monkeypatch):
    """A task queue that has not run yet: it records what was enqueued."""
    calls: list[tuple] = []
    fake = SimpleNamespace(
        compute_draft_figures=SimpleNamespace(enqueue=lambda *args: calls.append(args)),
        build_report_pdf=tasks.build_report_pdf,
    )
    monkeypatch.setattr(annual, "tasks", fake)
    return calls


def test_the_page_does_not_compute_the_figures_it_queues_them_once(
    client, built, coordinator, queue
):
    client.force_login(coordinator.user)
    response = client.get(url("manage-report-detail", built, year=2025))
    assert response.status_code == 200
    html = response.content.decode()
    assert "werden im Hintergrund berechnet" in html
    assert "Kindertagesbetreuung" not in html  # no figures shown, and none computed
    assert "Quelle noch nicht vorhanden" not in html  # not mistaken for missing sources
    assert queue == [(built.pk, 2025, "de")]
    row = DraftFigures.objects.get(alliance=built, year=2025)
    assert row.computed_at is None and row.pending and row.data == {}
    # a reload while the task has not run does not queue it a second time
    client.get(url("manage-report-detail", built, year=2025))
    assert len(queue) == 1


def test_computed_figures_carry_the_stamp_and_stay_until_refreshed(client, built, coordinator):
    client.force_login(coordinator.user)
    html = client.get(url("manage-report-detail", built, year=2025)).content.decode()
    row = DraftFigures.objects.get(alliance=built, year=2025, language="de")
    stamp = timezone.localtime(row.computed_at)
    assert f"Berechnet am {stamp:%-d}." in html
    assert row.data["offers.total"]["value"] == 3
    # a new offer (live on 31 Dec 2025): the page keeps showing the computed figures …
    dataset.backdate(OfferFactory(alliance=built, status=Status.PUBLISHED), dataset.at(2025, 4, 1))
    client.get(url("manage-report-detail", built, year=2025))
    row.refresh_from_db()
    assert row.data["offers.total"]["value"] == 3
    # … until somebody asks for a new computation (a form: works without JavaScript)
    assert "neu-berechnen" in html
    response = client.post(url("manage-report-refresh", built, year=2025), follow=True)
    assert "werden neu berechnet" in response.content.decode()
    row.refresh_from_db()
    assert row.data["offers.total"]["value"] == 4
    assert row.computed_at >= stamp


def test_figures_older_than_a_day_are_recomputed_in_the_background(client, built, coordinator):
    services.draft_figures_compute(
        alliance=built, year=2025, language="de", now=timezone.now() - dt.timedelta(days=2)
    )
    DraftFigures.objects.update(data={"offers.total": {"value": 99}})  # what was computed then
    client.force_login(coordinator.user)
    client.get(url("manage-report-detail", built, year=2025))
    row = DraftFigures.objects.get(alliance=built, year=2025)
    assert row.data["offers.total"]["value"] == 3
    assert row.computed_at > timezone.now() - dt.timedelta(minutes=5)


def test_a_submitted_report_keeps_its_frozen_figures(client, built, coordinator):
    report = services.report_get_or_create(alliance=built, year=2025)
    services.report_submit(report=report, user=coordinator.user)
    dataset.backdate(OfferFactory(alliance=built, status=Status.PUBLISHED), dataset.at(2025, 4, 1))
    client.force_login(coordinator.user)
    html = client.get(url("manage-report-detail", built, year=2025)).content.decode()
    assert "Berechnet am" not in html and "neu-berechnen" not in html
    response = client.post(url("manage-report-refresh", built, year=2025), follow=True)
    assert "eingefroren" in response.content.decode()
    assert not DraftFigures.objects.exists()
    report.refresh_from_db()
    assert report.figures["offers.total"]["value"] == 3


def test_figures_are_computed_in_the_users_language(client, built, coordinator):
    client.force_login(coordinator.user)
    client.get(url("manage-report-detail", built, year=2025), HTTP_ACCEPT_LANGUAGE="de")
    german = DraftFigures.objects.get(alliance=built, year=2025, language="de")
    assert german.data["offers.total"]["label"] == "Veröffentlichte Angebote"
    english = services.draft_figures_compute(alliance=built, year=2025, language="en")
    assert english.data["offers.total"]["label"] == "Published offers"


def test_the_report_page_reads_its_figures_in_a_fixed_number_of_queries(
    client, built, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator.user)
    client.get(url("manage-report-detail", built, year=2025))  # computes (immediate backend)
    with django_assert_max_num_queries(20):
        response = client.get(url("manage-report-detail", built, year=2025))
    assert response.status_code == 200
    assert "Kindertagesbetreuung" in response.content.decode()
    # more data does not mean more queries: the figures are read, not computed
    for number in range(30):
        OfferFactory(alliance=built, status=Status.PUBLISHED, name=f"Angebot {number}")
    with django_assert_max_num_queries(20):
        client.get(url("manage-report-detail", built, year=2025))
