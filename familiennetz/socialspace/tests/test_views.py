"""Workspace pages of the district analysis: what they show, forms that keep input on error,
imports through the UI, walks with private photos, another alliance is a 404."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from familiennetz.directory.models import Category
from familiennetz.directory.services import taxonomy_install
from familiennetz.directory.tests.factories import (
    LocationFactory,
    OfferFactory,
    OrganisationFactory,
)
from familiennetz.socialspace.models import (
    CompositeIndex,
    DataImport,
    District,
    Indicator,
    IndicatorValue,
    WalkNote,
)
from familiennetz.socialspace.tests.factories import (
    IndicatorFactory,
    index_with,
    point,
    square,
    square_grid,
    values,
)

pytestmark = pytest.mark.django_db


def url(alliance, name, **kwargs):
    return reverse(f"socialspace:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


@pytest.fixture
def town(alliance):
    alliance.latitude, alliance.longitude = 51.0, 13.0
    alliance.save()
    taxonomy_install(alliance=alliance)
    districts = square_grid(alliance, ["Nord", "Mitte", "Süd", "West", "Ost", "Fern"])
    children = IndicatorFactory(
        alliance=alliance,
        code="u6",
        name="Kinder unter 6",
        measure=Indicator.Measure.PEOPLE,
        is_population=True,
        age_group="0-6",
    )
    for year, base in ((2023, 100), (2024, 110)):
        values(
            children, year, {d: base + 10 * n for n, d in enumerate(districts)} | {districts[-1]: 3}
        )
    poverty = IndicatorFactory(alliance=alliance, code="sgb2", name="SGB-II-Quote", unit="%")
    values(poverty, 2024, {d: 5.0 + n for n, d in enumerate(districts)})
    index = index_with(alliance, "planning_area", [(poverty, 1.0, 1)])
    return districts, children, poverty, index


@pytest.fixture
def logged_in(client, coordinator):
    client.force_login(coordinator.user)
    return client


def test_map_shows_legend_svg_table_and_map_data(
    logged_in, alliance, town, django_assert_max_num_queries
):
    _districts, _children, _poverty, _index = town
    with django_assert_max_num_queries(30):  # constant: no query per district
        page = logged_in.get(url(alliance, "manage-district-map"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'class="choropleth-svg"' in html and html.count("<path ") == 6
    assert "Legende" in html and 'id="district-table"' in html
    data = json.loads(page.context["map_data"].__class__ and json.dumps(page.context["map_data"]))
    assert data["areas"]["06"]["v"].startswith("Rang 1 von 6")
    assert data["geojson"].endswith("karte.geojson?ebene=planning_area")


def test_map_of_a_people_count_hides_small_values_and_a_complement(logged_in, alliance, town):
    _districts, children, _poverty, _index = town
    page = logged_in.get(
        url(alliance, "manage-district-map"), {"anzeige": f"indicator:{children.pk}", "jahr": 2024}
    )
    rows = {row["district"].name: row["text"] for row in page.context["rows"]}
    assert rows["Fern"] == "<5"
    # The parent total could give Fern back: the smallest other value is hidden as well.
    assert rows["Nord"] == "<5"
    assert rows["Mitte"] == "120"


def test_geojson_is_small_cached_and_simplified(logged_in, alliance, town):
    response = logged_in.get(url(alliance, "manage-district-geojson"), {"ebene": "planning_area"})
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert [f["properties"]["code"] for f in data["features"]] == [
        "01",
        "02",
        "03",
        "04",
        "05",
        "06",
    ]
    again = logged_in.get(
        url(alliance, "manage-district-geojson"),
        {"ebene": "planning_area"},
        HTTP_IF_NONE_MATCH=response["ETag"],
    )
    assert again.status_code == 304
    assert (
        logged_in.get(url(alliance, "manage-district-geojson"), {"ebene": "mond"}).status_code
        == 404
    )


def test_profile_shows_time_series_and_index_rank(logged_in, alliance, town):
    _districts, _children, _poverty, _index = town
    page = logged_in.get(url(alliance, "manage-district-profile", code="05"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Ost</h1>" in html
    assert "Rang 2 von 6" in html
    assert [indicator.code for indicator, _chart in page.context["charts"]] == ["u6"]
    # Ost's 150 children in 2024 are shown; Fern's 3 and its complement are not.
    assert "150" in html
    fern = logged_in.get(url(alliance, "manage-district-profile", code="06")).content.decode()
    assert "&lt;5" in fern


def test_profile_of_another_alliance_is_404(logged_in, other_alliance, alliance, town):
    District.objects.create(alliance=other_alliance, name="Fremd", slug="fremd", code="99")
    assert logged_in.get(url(alliance, "manage-district-profile", code="99")).status_code == 404
    assert logged_in.get(url(alliance, "manage-district-profile", code="fremd")).status_code == 404
    # Not a member there: the whole workspace of the other alliance is a 404.
    assert (
        logged_in.get(url(other_alliance, "manage-district-profile", code="99")).status_code == 404
    )


def test_compare_two_districts_side_by_side(logged_in, alliance, town):
    page = logged_in.get(url(alliance, "manage-district-compare"), {"a": "01", "b": "05"})
    assert page.status_code == 200
    rows = {row["indicator"].name: (row["a"], row["b"]) for row in page.context["rows"]}
    assert rows["SGB-II-Quote"] == ("5", "9")
    assert len(page.context["charts"]) == 1


def test_index_page_shows_formula_and_ranking(logged_in, alliance, town):
    _districts, _children, _poverty, index = town
    page = logged_in.get(url(alliance, "manage-index-detail", pk=index.pk))
    html = page.content.decode()
    assert "Index = (1 · z(sgb2)) / 1" in html
    assert [r["row"].district.name for r in page.context["rows"]][:2] == ["Fern", "Ost"]


def test_index_form_saves_weights_and_directions_and_keeps_input_on_error(
    logged_in, alliance, town
):
    _districts, _children, poverty, _index = town
    data = {
        "name": "",
        "district_kind": "planning_area",
        "classes": 4,
        "trend_years": 2,
        f"w{poverty.pk}": "2",
        f"r{poverty.pk}": "-1",
    }
    page = logged_in.post(url(alliance, "manage-index-create"), data)
    assert page.status_code == 200 and page.context["form"].errors["name"]
    assert f'name="w{poverty.pk}" value="2"' in page.content.decode()
    data["name"] = "Bildungsindex"
    response = logged_in.post(url(alliance, "manage-index-create"), data)
    assert response.status_code == 302, response.context["form"].errors
    created = CompositeIndex.objects.get(name="Bildungsindex")
    assert response.status_code == 302
    assert [(c.indicator, c.weight, c.direction) for c in created.components.all()] == [
        (poverty, 2.0, -1)
    ]


def test_indicator_form_requires_numerator_for_a_rate(logged_in, alliance, town):
    page = logged_in.post(
        url(alliance, "manage-indicator-create"),
        {
            "name": "Quote",
            "code": "quote",
            "measure": "rate",
            "direction": "worse",
            "formula": "per_1000",
            "position": 1,
        },
    )
    assert page.status_code == 200
    assert page.context["form"].errors["numerator"] == ["Eine Quote braucht einen Zähler."]
    assert 'value="Quote"' in page.content.decode()


def test_values_are_edited_by_hand_in_german_format(logged_in, alliance, town):
    districts, _children, poverty, _index = town
    target = (
        url(alliance, "manage-indicator-values", pk=poverty.pk) + "?year=2024&ebene=planning_area"
    )
    fields = {f"d{d.pk}": "" for d in districts}
    response = logged_in.post(
        target, fields | {f"d{districts[0].pk}": "1.234,5", f"d{districts[1].pk}": "viel"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors[f"d{districts[1].pk}"] == ["„viel“ ist keine Zahl."]
    response = logged_in.post(target, fields | {f"d{districts[0].pk}": "1.234,5"})
    assert response.status_code == 302
    assert (
        IndicatorValue.objects.get(indicator=poverty, district=districts[0], year=2024).value
        == 1234.5
    )
    assert not IndicatorValue.objects.filter(
        indicator=poverty, district=districts[1], year=2024
    ).exists()


def geojson_file(name="gebiete.geojson", features=None):
    features = features or [
        {
            "type": "Feature",
            "properties": {"schluessel": "99", "name": "Neuland"},
            "geometry": square(20, 0, 2),
        }
    ]
    data = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    return SimpleUploadedFile(name, data, content_type="application/geo+json")


def test_district_import_through_the_ui_check_then_commit(logged_in, alliance, town):
    start = url(alliance, "manage-dataimport-start")
    page = logged_in.post(
        start,
        {
            "art": "gebiete",
            "gebiete-code_property": "schluessel",
            "gebiete-name_property": "name",
            "gebiete-kind": "planning_area",
        },
    )
    assert (
        page.status_code == 200 and "gebiete-file" in str(page.context["district_form"].errors)
    ) or page.context["district_form"].errors["file"]
    assert 'value="schluessel"' in page.content.decode()
    response = logged_in.post(
        start,
        {
            "art": "gebiete",
            "gebiete-file": geojson_file(),
            "gebiete-code_property": "schluessel",
            "gebiete-name_property": "name",
            "gebiete-kind": "planning_area",
        },
    )
    upload = DataImport.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/import/{upload.pk}/")
    assert not District.objects.filter(code="99").exists()
    check = logged_in.get(response.url)
    assert "Jetzt importieren" in check.content.decode()
    logged_in.post(url(alliance, "manage-dataimport-commit", pk=upload.pk))
    assert District.objects.get(alliance=alliance, code="99").name == "Neuland"
    result = logged_in.get(response.url).content.decode()
    assert "Import abgeschlossen" in result
    # Another user (even a coordinator) does not see the upload.
    assert (
        logged_in.post(url(alliance, "manage-dataimport-commit", pk=upload.pk)).status_code == 302
    )


def test_bad_district_file_shows_errors_and_cannot_be_committed(logged_in, alliance, town):
    start = url(alliance, "manage-dataimport-start")
    bad = geojson_file(
        features=[
            {
                "type": "Feature",
                "properties": {"schluessel": "1", "name": "Punkt"},
                "geometry": {"type": "Point", "coordinates": [13, 51]},
            }
        ]
    )
    response = logged_in.post(
        start,
        {
            "art": "gebiete",
            "gebiete-file": bad,
            "gebiete-code_property": "schluessel",
            "gebiete-name_property": "name",
            "gebiete-kind": "planning_area",
        },
    )
    check = logged_in.get(response.url)
    html = check.content.decode()
    assert "Objekt 1 (Code 1)" in html and "disabled" in html
    upload = DataImport.objects.get()
    logged_in.post(url(alliance, "manage-dataimport-commit", pk=upload.pk))
    assert not District.objects.filter(code="1").exists()


def test_wrong_file_type_is_refused_by_the_form(logged_in, alliance, town):
    response = logged_in.post(
        url(alliance, "manage-dataimport-start"),
        {
            "art": "indikatoren",
            "werte-file": SimpleUploadedFile("bild.png", b"\x89PNG"),
            "werte-layout": "wide",
            "werte-match": "auto",
            "werte-duplicates": "reject",
            "werte-decimal": "auto",
        },
    )
    assert response.status_code == 200
    assert response.context["indicator_form"].errors["file"] == [
        "Bitte laden Sie eine CSV- oder XLSX-Datei hoch."
    ]


def test_gap_list_csv_and_pdf(logged_in, alliance, town):
    _districts, _children, _poverty, _index = town
    group = Category.objects.get(alliance=alliance, code="elternbildung.eltern-kind-gruppe")
    organisation = OrganisationFactory(alliance=alliance)
    lat, lon = point(1, 1)
    place = LocationFactory(
        alliance=alliance, organisation=organisation, latitude=lat, longitude=lon
    )
    OfferFactory(
        alliance=alliance,
        organisation=organisation,
        categories=[group],
        age_min_months=0,
        age_max_months=36,
        locations=[place],
    )
    query = {"kategorie": group.slug, "alter": "0-6", "umkreis": "1.0", "ebene": "planning_area"}
    page = logged_in.get(url(alliance, "manage-gap-list"), query)
    assert page.status_code == 200
    first = page.context["gaps"][0]["gap"]
    assert first.row.district.name == "Ost"  # 150 children, rank 2, nothing in reach
    csv_text = logged_in.get(url(alliance, "manage-gap-export"), query).content.decode("utf-8-sig")
    lines = csv_text.splitlines()
    assert lines[0].startswith("Position;Code;Gebiet;Kinder")
    fern = next(line for line in lines if ";Fern;" in line)
    cells = fern.split(";")
    # Three children: hidden, and so are the figures that would give them back.
    assert cells[3] == "<5" and cells[5] == "–" and cells[8] == "–"
    pdf = logged_in.get(url(alliance, "manage-gap-report"), query)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "green")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 0.0, 0.0), 3: "E", 4: (13.0, 0.0, 0.0)}  # GPSInfo
    exif[0x010F] = "Telefon"  # Make
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_walk_with_checklist_note_and_private_photo_without_location(
    logged_in, alliance, town, client, viewer, state_office_user
):
    response = logged_in.post(
        url(alliance, "manage-walk-create"),
        {
            "title": "Rundgang Nord",
            "walked_on": "2026-05-04",
            "district": town[0][0].pk,
            "rating_playgrounds": "poor",
            "note_playgrounds": "Kein Schatten",
        },
    )
    walk_url = response.url
    walk = WalkNote.objects.none().model._meta.apps.get_model("socialspace", "Walk").objects.get()
    assert walk.ratings.get(topic="playgrounds").note == "Kein Schatten"
    lat, lon = point(1, 1)
    photo = SimpleUploadedFile("foto.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = logged_in.post(
        url(alliance, "manage-walk-note", pk=walk.pk),
        {
            "topic": "playgrounds",
            "text": "Spielplatz ohne Schatten",
            "latitude": lat,
            "longitude": lon,
            "photo": photo,
        },
    )
    assert response.status_code == 302
    note = WalkNote.objects.get()
    with note.photo.open("rb") as file:
        assert Image.open(file).getexif() == {}
    download = logged_in.get(url(alliance, "manage-walk-photo", pk=note.pk))
    assert download["Content-Disposition"].startswith("attachment") and b"".join(
        download.streaming_content
    )
    assert "Spielplatz ohne Schatten" in logged_in.get(walk_url).content.decode()
    client.force_login(state_office_user.user)
    assert client.get(url(alliance, "manage-walk-photo", pk=note.pk)).status_code == 403


def test_walk_photo_keeps_location_only_when_ticked(logged_in, alliance, town):
    from familiennetz.socialspace.models import Walk

    walk = Walk.objects.create(alliance=alliance, title="Rundgang", walked_on="2026-05-04")
    photo = SimpleUploadedFile("foto.jpg", jpeg_with_gps(), content_type="image/jpeg")
    logged_in.post(
        url(alliance, "manage-walk-note", pk=walk.pk),
        {"text": "Treppe ohne Rampe", "photo": photo, "keep_location": "on"},
    )
    note = WalkNote.objects.get()
    assert note.photo_keeps_location
    with note.photo.open("rb") as file:
        assert 0x8825 in Image.open(file).getexif()


def test_walk_note_rejects_a_fake_photo_and_keeps_the_text(logged_in, alliance, town):
    from familiennetz.socialspace.models import Walk

    walk = Walk.objects.create(alliance=alliance, title="Rundgang", walked_on="2026-05-04")
    fake = SimpleUploadedFile("foto.jpg", b"not a picture", content_type="image/jpeg")
    page = logged_in.post(
        url(alliance, "manage-walk-note", pk=walk.pk), {"text": "Bank kaputt", "photo": fake}
    )
    assert page.status_code == 200 and page.context["form"].errors["photo"]
    assert "Bank kaputt" in page.content.decode()
    assert not WalkNote.objects.exists()


@pytest.mark.parametrize(
    "name",
    [
        "manage-indicator-list",
        "manage-index-list",
        "manage-walk-list",
        "manage-overlap-list",
        "manage-gap-list",
    ],
)
def test_list_pages_keep_a_constant_query_budget(
    logged_in, alliance, town, name, django_assert_max_num_queries
):
    from familiennetz.socialspace.models import Walk

    for number in range(5):
        walk = Walk.objects.create(
            alliance=alliance,
            title=f"Rundgang {number}",
            walked_on="2026-05-04",
            district=town[0][number],
        )
        WalkNote.objects.create(alliance=alliance, walk=walk, text="Notiz")
        extra = IndicatorFactory(alliance=alliance, code=f"x{number}")
        values(extra, 2024, dict.fromkeys(town[0], number))
    # The workspace shell's own queries are included; its translations badge is cached per
    # content version (the first visit counts it), so the page is measured on the second.
    assert logged_in.get(url(alliance, name)).status_code == 200
    with django_assert_max_num_queries(30):
        assert logged_in.get(url(alliance, name)).status_code == 200


def test_another_alliances_indicator_index_and_walk_are_404(
    logged_in, alliance, other_alliance, town
):
    from familiennetz.socialspace.models import Walk

    foreign = IndicatorFactory(alliance=other_alliance)
    index = index_with(other_alliance, "planning_area", [(foreign, 1.0, 1)])
    walk = Walk.objects.create(alliance=other_alliance, title="Fremd", walked_on="2026-05-04")
    assert logged_in.get(url(alliance, "manage-indicator-update", pk=foreign.pk)).status_code == 404
    assert logged_in.get(url(alliance, "manage-index-detail", pk=index.pk)).status_code == 404
    assert logged_in.get(url(alliance, "manage-walk-detail", pk=walk.pk)).status_code == 404


def test_expired_uploads_are_deleted_when_the_next_file_comes(alliance, coordinator):
    import datetime as dt

    from django.utils import timezone

    from familiennetz.socialspace.services import data_import_create

    def upload():
        return data_import_create(
            alliance=alliance,
            user=coordinator.user,
            kind=DataImport.Kind.INDICATORS,
            filename="werte.csv",
            data=b"Gebiet;Kinder\nNord;5\n",
            options={"match": "name", "year": 2025},
        )

    old = upload()
    DataImport.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    new = upload()
    assert list(DataImport.objects.values_list("pk", flat=True)) == [new.pk]
