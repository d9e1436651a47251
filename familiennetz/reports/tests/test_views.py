"""The workspace pages of the annual report, the PDF (read back with pdftotext), XLSX, the
state office's overview and its limits."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from familiennetz.alliances.models import Alliance
from familiennetz.reports import services
from familiennetz.reports.models import AnnualReport
from familiennetz.reports.views import annual

from . import dataset

pytestmark = pytest.mark.django_db


def url(name, alliance, **kwargs):
    return reverse(f"reports:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


@pytest.fixture
def built(alliance):
    dataset.build(alliance)
    return alliance


def test_the_web_view_shows_figures_and_missing_sources(client, built, coordinator):
    client.force_login(coordinator.user)
    response = client.get(url("manage-report-detail", built, year=2025))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quelle noch nicht vorhanden" not in html  # every source is there
    assert "Kindertagesbetreuung" in html
    assert "<svg" in html and "chart-table" in html
    assert not AnnualReport.objects.exists()  # looking does not create a report


def test_narrative_edit_and_submit(client, built, coordinator):
    client.force_login(coordinator.user)
    response = client.post(
        url("manage-report-detail", built, year=2025),
        {"goals": "Übergänge Kita–Schule stärken", "highlights": "Familienfest", "plans": ""},
    )
    assert response.status_code == 302
    client.post(url("manage-report-submit", built, year=2025))
    report = AnnualReport.objects.get()
    assert report.status == "submitted"
    assert report.submitted_by == coordinator.user
    assert report.figures["offers.total"]["value"] == 3
    # a second submission: an error message, nothing changed
    submitted_at = report.submitted_at
    response = client.post(url("manage-report-submit", built, year=2025), follow=True)
    assert "bereits eingereicht" in response.content.decode() or "already" in (
        response.content.decode()
    )
    report.refresh_from_db()
    assert report.submitted_at == submitted_at


def test_a_future_year_is_a_404_and_nothing_is_created(client, alliance, coordinator):
    client.force_login(coordinator.user)
    year = dt.date.today().year + 1
    assert client.get(url("manage-report-detail", alliance, year=year)).status_code == 404
    response = client.get(url("manage-report-list", alliance), {"year": year})
    assert response.status_code == 200
    assert str(year) in response.content.decode()
    assert not AnnualReport.objects.exists()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_the_pdf_has_umlauts_figures_charts_and_contents(client, built, coordinator, tmp_path):
    report = services.report_get_or_create(alliance=built, year=2025)
    services.report_update_narrative(
        report=report, values={"goals": "Übergänge gestalten, Väter erreichen"}
    )
    client.force_login(coordinator.user)
    response = client.get(url("manage-report-pdf", built, year=2025))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "bericht.pdf"
    pdf.write_bytes(b"".join(response.streaming_content))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Übergänge gestalten, Väter erreichen" in text
    assert "Inhalt" in text or "Contents" in text
    assert "Kindertagesbetreuung" in text
    assert "Erziehungssprechstunde" not in text  # figures, not lists of names
    assert "Quelle noch nicht vorhanden" not in text
    assert "<5" in text  # suppressed attendance
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "40",
                "-f",
                "1",
                "-l",
                "2",
                str(pdf),
                str(tmp_path / "page"),
            ],
            check=True,
        )
        assert list(tmp_path.glob("page*.png"))
    # the same content again: served from the stored file, no new build
    report.refresh_from_db()
    key = report.pdf_key
    assert client.get(url("manage-report-pdf", built, year=2025)).status_code == 200
    report.refresh_from_db()
    assert report.pdf_key == key


def test_the_pdf_page_says_it_is_being_built_until_ready(
    client, alliance, coordinator, monkeypatch
):
    queued = SimpleNamespace(
        build_report_pdf=SimpleNamespace(enqueue=lambda *args: None),
        compute_draft_figures=SimpleNamespace(enqueue=lambda *args: None),
    )
    monkeypatch.setattr(annual, "tasks", queued)  # a queue that has not run yet
    client.force_login(coordinator.user)
    # neither the draft's figures nor the PDF are there yet
    response = client.get(url("manage-report-pdf", alliance, year=2025))
    assert response.status_code == 202
    assert "Hintergrund" in response.content.decode()
    # the figures are computed, the PDF is not built yet
    services.draft_figures_compute(alliance=alliance, year=2025, language="de")
    response = client.get(url("manage-report-pdf", alliance, year=2025))
    assert response.status_code == 202
    assert "Hintergrund" in response.content.decode()


def test_xlsx_has_every_figure(client, built, coordinator):
    client.force_login(coordinator.user)
    response = client.get(url("manage-report-xlsx", built, year=2025))
    sheet = load_workbook(io.BytesIO(response.content)).active
    keys = {row[4] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert set(services.default_template().figure_keys()) <= keys
    ties = [row for row in sheet.iter_rows(min_row=3, values_only=True) if row[4] == "network.ties"]
    assert ties[0][2] == "insgesamt" and ties[0][3] == 0  # the data set declares no ties


def test_figure_list_shows_what_is_counted(client, built, coordinator):
    client.force_login(coordinator.user)
    response = client.get(url("manage-figure-list", built, year=2025, key="offers.closed"))
    assert "Babyschwimmen" in response.content.decode()


def test_state_office_sees_no_drafts_and_no_lists(client, built, state_office_user):
    services.report_get_or_create(alliance=built, year=2025)
    client.force_login(state_office_user.user)
    assert client.get(url("manage-report-detail", built, year=2025)).status_code == 404
    assert client.get(url("manage-report-pdf", built, year=2025)).status_code == 404
    assert (
        client.get(url("manage-figure-list", built, year=2025, key="offers.total")).status_code
        == 403
    )
    assert client.get(url("manage-handover", built)).status_code == 403


def test_state_overview_request_accept(client, built, state_office_user, coordinator):
    office = state_office_user.user.state_offices.get()
    client.force_login(state_office_user.user)
    detail = reverse("reports:state-office-detail", kwargs={"pk": office.pk})
    response = client.get(detail)
    assert response.status_code == 200
    html = response.content.decode()
    assert built.name in html and "<svg" in html
    due = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    client.post(
        reverse("reports:state-report-request", kwargs={"pk": office.pk}),
        {"alliance": built.pk, "year": 2025, "due_on": due},
    )
    report = AnnualReport.objects.get(alliance=built, year=2025)
    assert report.requested_by == office and str(report.due_on) == due
    services.report_submit(report=report, user=coordinator.user)
    client.post(
        reverse("reports:state-report-accept", kwargs={"pk": office.pk, "report_pk": report.pk})
    )
    report.refresh_from_db()
    assert report.status == "accepted"
    response = client.get(
        reverse("reports:state-report-xlsx", kwargs={"pk": office.pk, "year": 2025})
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = {(row[4], row[2]): row[3] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert (
        values.get(("partners.total", "insgesamt")) == 5
        or values.get(("partners.total", "total")) == 5
    )


def test_state_office_creates_an_alliance_and_invites(client, state_office_user, mailoutbox):
    office = state_office_user.user.state_offices.get()
    client.force_login(state_office_user.user)
    create = reverse("reports:state-alliance-create", kwargs={"pk": office.pk})
    values = {
        "name": "Netzwerk Frühe Hilfen Döbeln",
        "slug": "landesstelle",
        "region": "Sachsen",
        "latitude": "51.12",
        "longitude": "13.11",
        "coordinator_email": "koordination@doebeln.example",
    }
    response = client.post(create, values)
    assert response.status_code == 200  # the reserved slug is refused
    assert not Alliance.objects.filter(name=values["name"]).exists()
    assert response.context["form"].errors.get("slug")
    values["slug"] = "doebeln"
    response = client.post(create, values)
    assert response.status_code == 302
    alliance = Alliance.objects.get(slug="doebeln")
    assert office.alliances.filter(pk=alliance.pk).exists()


def test_another_office_is_a_404(client, alliance, coordinator):
    client.force_login(coordinator.user)
    assert client.get(reverse("reports:state-office-list")).status_code == 404
    assert client.get(reverse("reports:state-office-detail", kwargs={"pk": 999})).status_code == 404


def test_planning_export_csv(client, built, viewer):
    client.force_login(viewer.user)
    response = client.get(url("manage-planning-export", built, fmt="csv"))
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Ortsteil;") or text.splitlines()[0].startswith(
        "District;"
    )
    assert "Altstadt;Familienbildung;0;1;" in text


def test_planning_json_api(client, built):
    response = client.get(f"/api/v1/{built.slug}/social-planning")
    assert response.status_code == 200
    data = response.json()
    row = next(
        r
        for r in data["rows"]
        if r["district"] == "Altstadt" and r["category"] == "Familienbildung"
    )
    assert row["offers"]["0-3"] == 1
    assert "schwangerschaft" in row["gaps"]


def test_shared_documents_reach_every_alliance_of_the_office_only(
    client, alliance, state_office_user, coordinator, outsider
):
    from django.core.files.base import ContentFile

    office = state_office_user.user.state_offices.get()
    document = services.document_add(
        office=office,
        values={"title": "Gute Praxis: Elternlotsen"},
        file=ContentFile(b"Konzept", name="elternlotsen.txt"),
        user=state_office_user.user,
    )
    download = reverse(
        "reports:state-document-download", kwargs={"pk": office.pk, "document_pk": document.pk}
    )
    client.force_login(coordinator.user)
    page = client.get(url("manage-shared-documents", alliance))
    assert "Gute Praxis: Elternlotsen" in page.content.decode()
    assert client.get(download).status_code == 200
    client.force_login(outsider.user)
    assert client.get(download).status_code == 404


def test_state_office_defines_its_template(client, alliance, state_office_user):
    office = state_office_user.user.state_offices.get()
    client.force_login(state_office_user.user)
    page = reverse("reports:state-template", kwargs={"pk": office.pk})
    response = client.post(page, {"name": "Sachbericht Land", "figures": ["partners.total", "x.y"]})
    assert response.status_code == 200  # an unknown figure is refused by the form
    assert not office.report_templates.exists()
    response = client.post(
        page, {"name": "Sachbericht Land", "figures": ["offers.total", "partners.total"]}
    )
    assert response.status_code == 302
    template = office.report_templates.get()
    assert template.figure_keys() == ["partners.total", "offers.total"]
