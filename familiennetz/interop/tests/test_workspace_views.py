"""The coordinators' import and export pages (/manage/<alliance>/daten/…), journey 10."""

import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from familiennetz.directory.models import Offer, Organisation, Status
from familiennetz.interop.models import ImportUpload
from familiennetz.interop.sheets import CONTENT_TYPES

from .conftest import FIXTURES, SHARED_DATA

BAD = (FIXTURES / "kitas_three_bad_rows.csv").read_bytes()
FIXED = (FIXTURES / "kitas_fixed.csv").read_bytes()
CHEMNITZ = SHARED_DATA / "chemnitz" / "chemnitz_Kindertageseinrichtungen.csv"


def url(name, alliance, **kwargs):
    return reverse(f"interop:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


def file(data: bytes, name: str):
    handle = io.BytesIO(data)
    handle.name = name
    return handle


@pytest.fixture
def categories(alliance, category_factory):
    category_factory(alliance=alliance, code="betreuung.kita", slug="kita", name="Kita")
    category_factory(alliance=alliance, code="betreuung.hort", slug="hort", name="Hort & Ganztag")


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator.user)
    return client


def upload_sheet(client, alliance, data=FIXED, name="kitas.csv", status="draft"):
    return client.post(
        url("manage-import", alliance),
        {"kind": "sheet", "sheet-file": file(data, name), "sheet-status": status},
    )


def test_preview_shows_exactly_the_three_bad_rows_and_imports_nothing(
    as_coordinator, alliance, categories
):
    response = upload_sheet(as_coordinator, alliance, BAD)
    assert response.status_code == 302
    upload = ImportUpload.objects.get()
    assert response["Location"] == url("manage-import-preview", alliance, pk=upload.pk)

    page = as_coordinator.get(response["Location"])

    check = page.context["check"]
    assert check.problem_lines == [4, 5, 6]
    html = page.content.decode()
    assert html.count('class="ws-report__row ws-report__row--error"') == 3
    for line, column, value in [
        (4, "Straße und Hausnummer", ""),
        (5, "Breitengrad", "51,3397"),
        (6, "Kategorien", "Kinderkrippe XY"),
    ]:
        assert (line, column, value) in {
            (i["row"], i["column"], i["value"]) for i in check.issues if i["level"] == "error"
        }
    assert "Fehler" in html and ">error<" not in html  # the level in German
    assert "Zeilen mit Fehlern: 4, 5, 6" in html
    assert 'type="submit" disabled' in html  # no import while errors exist
    assert not Offer.objects.exists() and not Organisation.objects.exists()


def test_commit_with_errors_saves_nothing(as_coordinator, alliance, categories):
    upload_sheet(as_coordinator, alliance, BAD)
    upload = ImportUpload.objects.get()
    response = as_coordinator.post(url("manage-import-commit", alliance, pk=upload.pk))
    assert response["Location"] == url("manage-import-preview", alliance, pk=upload.pk)
    assert not Offer.objects.exists()


def test_coordinator_imports_the_fixed_file(as_coordinator, alliance, categories):
    upload_sheet(as_coordinator, alliance, FIXED, status="published")
    upload = ImportUpload.objects.get()
    preview = as_coordinator.get(url("manage-import-preview", alliance, pk=upload.pk))
    assert preview.context["check"].can_commit
    assert "Import now" not in preview.content.decode()  # German page
    assert "Jetzt importieren" in preview.content.decode()

    response = as_coordinator.post(url("manage-import-commit", alliance, pk=upload.pk))

    assert response["Location"] == url("manage-import-result", alliance, pk=upload.pk)
    offers = Offer.objects.for_alliance(alliance)
    assert offers.filter(status=Status.PUBLISHED).count() == 6
    result = as_coordinator.get(response["Location"])
    html = result.content.decode()
    for offer in offers:
        assert (
            reverse(
                "directory:manage-offer-update",
                kwargs={"alliance_slug": alliance.slug, "pk": offer.pk},
            )
            in html
        )
    assert reverse("directory:search", kwargs={"alliance_slug": alliance.slug}) in html
    table = {row["kind"]: row for row in result.context["check"].report.count_table()}
    assert (table["organisation"]["created"], table["offer"]["created"]) == (4, 6)
    assert "Organisationen" in html and "Angebote" in html
    # the preview of an imported file leads to its result, a second commit changes nothing
    again = as_coordinator.post(url("manage-import-commit", alliance, pk=upload.pk))
    assert again.status_code == 302 and offers.count() == 6


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.4 ...", "liste.pdf", "Laden Sie eine CSV-Datei"),
        (FIXED, "liste.xlsx", "keine Excel-Datei"),
        (b"PK\x03\x04 not really", "liste.csv", "keine CSV-Datei"),
        (b"", "liste.csv", "leer"),
    ],
)
def test_wrong_file_type_gives_a_clear_error(as_coordinator, alliance, data, name, message):
    response = upload_sheet(as_coordinator, alliance, data, name)
    assert response.status_code == 400
    errors = " ".join(response.context["sheet_form"].errors["file"])
    assert message in errors
    assert message in response.content.decode()
    assert not ImportUpload.objects.exists()


def test_wrong_hsds_file_type(as_coordinator, alliance):
    response = as_coordinator.post(
        url("manage-import", alliance), {"kind": "hsds", "hsds-file": file(b"{}", "daten.csv")}
    )
    assert response.status_code == 400
    assert "HSDS" in " ".join(response.context["hsds_form"].errors["file"])


def test_another_users_upload_is_404(client, alliance, coordinator, categories):
    from familiennetz.alliances.tests.factories import MembershipFactory

    client.force_login(coordinator.user)
    upload_sheet(client, alliance)
    upload = ImportUpload.objects.get()
    second = MembershipFactory(alliance=alliance, role="coordinator").user
    client.force_login(second)
    for name in ("manage-import-preview", "manage-import-result"):
        assert client.get(url(name, alliance, pk=upload.pk)).status_code == 404
    assert client.post(url("manage-import-commit", alliance, pk=upload.pk)).status_code == 404
    assert not Offer.objects.exists()


def test_expired_upload_is_404(as_coordinator, alliance, categories):
    from django.utils import timezone

    upload_sheet(as_coordinator, alliance)
    upload = ImportUpload.objects.get()
    ImportUpload.objects.filter(pk=upload.pk).update(expires_at=timezone.now())
    preview = url("manage-import-preview", alliance, pk=upload.pk)
    assert as_coordinator.get(preview).status_code == 404
    response = as_coordinator.post(url("manage-import-commit", alliance, pk=upload.pk))
    assert response.status_code == 404
    assert not Offer.objects.exists()


def test_forms_carry_a_csrf_token_and_posts_need_it(alliance, coordinator, categories):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator.user)
    page = client.get(url("manage-import", alliance))
    # the two upload forms and the logout button
    assert page.content.decode().count('name="csrfmiddlewaretoken"') == 3
    assert upload_sheet(client, alliance).status_code == 403
    assert not ImportUpload.objects.exists()


def test_template_downloads_have_german_headers(as_coordinator, alliance):
    xlsx = as_coordinator.get(url("manage-import-template", alliance, fmt="xlsx"))
    assert xlsx["Content-Type"] == CONTENT_TYPES["xlsx"]
    sheet = load_workbook(io.BytesIO(xlsx.content))["Angebote"]
    assert [cell.value for cell in sheet[1]][:2] == ["Kennung", "Angebot"]
    csv = as_coordinator.get(url("manage-import-template", alliance, fmt="csv"))
    assert csv.content.decode("utf-8-sig").startswith("Kennung;Angebot;")
    assert as_coordinator.get(url("manage-import-template", alliance, fmt="pdf")).status_code == 404


def test_exports_of_the_directory(as_coordinator, alliance, offer_factory):
    offer_factory(alliance=alliance, name="Babytreff", status=Status.PUBLISHED)
    offer_factory(alliance=alliance, name="Entwurf Krabbelgruppe", status=Status.DRAFT)
    page = as_coordinator.get(url("manage-export", alliance))
    assert page.status_code == 200

    csv = as_coordinator.get(url("manage-export-download", alliance, filename="angebote.csv"))
    text = csv.content.decode("utf-8-sig")
    assert "Babytreff" in text and "Entwurf Krabbelgruppe" in text  # drafts too
    assert "attachment" in csv["Content-Disposition"]
    xlsx = as_coordinator.get(url("manage-export-download", alliance, filename="angebote.xlsx"))
    assert xlsx["Content-Type"] == CONTENT_TYPES["xlsx"]

    documents = json.loads(
        as_coordinator.get(url("manage-export-download", alliance, filename="hsds.json")).content
    )
    names = {document.get("name") for document in documents}
    assert "Babytreff" in names and "Entwurf Krabbelgruppe" not in names  # published only
    for name in ("hsds-json.zip", "hsds-csv.zip"):
        archive = as_coordinator.get(url("manage-export-download", alliance, filename=name))
        assert archive["Cache-Control"] == "private, no-store"
        assert zipfile.ZipFile(io.BytesIO(archive.getvalue())).namelist()
    missing = url("manage-export-download", alliance, filename="geheim.txt")
    assert as_coordinator.get(missing).status_code == 404


def test_hsds_export_imports_into_another_alliance(
    client, alliance, other_alliance, offer_factory, outsider, coordinator
):
    offer_factory(alliance=alliance, name="Babytreff", status=Status.PUBLISHED)
    client.force_login(coordinator.user)
    data = client.get(url("manage-export-download", alliance, filename="hsds.json")).content
    client.force_login(outsider.user)  # coordinator of the other alliance
    response = client.post(
        url("manage-import", other_alliance),
        {"kind": "hsds", "hsds-file": file(data, "hsds.json")},
    )
    preview = client.get(response["Location"])
    assert preview.context["check"].can_commit, preview.context["check"].report.errors
    client.post(url("manage-import-commit", other_alliance, pk=ImportUpload.objects.get().pk))
    assert Offer.objects.for_alliance(other_alliance).get().name == "Babytreff"


def test_dashboard_and_navigation_link_to_the_import_for_coordinators_only(
    client, alliance, coordinator, steering_member
):
    dashboard = reverse("workspace:manage-dashboard", kwargs={"alliance_slug": alliance.slug})
    target = url("manage-import", alliance)
    client.force_login(coordinator.user)
    assert client.get(dashboard).content.decode().count(f'href="{target}"') == 2  # nav + panel
    client.force_login(steering_member.user)
    assert target not in client.get(dashboard).content.decode()


@pytest.mark.skipif(not CHEMNITZ.is_file(), reason=f"real Chemnitz file not found at {CHEMNITZ}")
def test_real_chemnitz_kita_list_through_the_workspace(as_coordinator, alliance):
    upload_sheet(as_coordinator, alliance, CHEMNITZ.read_bytes(), CHEMNITZ.name)
    upload = ImportUpload.objects.get()
    check = as_coordinator.get(url("manage-import-preview", alliance, pk=upload.pk)).context[
        "check"
    ]
    assert check.report.errors == [] and check.can_commit
    # the two web addresses read differently are reported with line and column
    assert [(i["row"], i["column"]) for i in check.issues if i["level"] == "warning"] == [
        (56, "URL"),
        (184, "URL"),
    ]
    as_coordinator.post(url("manage-import-commit", alliance, pk=upload.pk))
    assert Offer.objects.for_alliance(alliance).count() == 241
