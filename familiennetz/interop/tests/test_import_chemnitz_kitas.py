"""manage.py import_chemnitz_kitas with small synthetic files in the Chemnitz format."""

import csv
import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Location, Offer, OfferLocation, Organisation, Status
from familiennetz.directory.services import taxonomy_install
from familiennetz.interop.connectors.chemnitz_kitas import services
from familiennetz.interop.connectors.chemnitz_kitas.mapping import ATTRIBUTION, SkipReason
from familiennetz.interop.connectors.chemnitz_kitas.services import chemnitz_kitas_import

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "chemnitz_kitas_sample.csv"
REAL_FILE = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "data"
    / "chemnitz"
    / "chemnitz_Kindertageseinrichtungen.csv"
)
IMPORTED_SLUGS = {
    "musterstrasse-197-fridolin",
    "schulgasse-5-hort-gs-beispiel",
    "parkallee-12-regenbogen-kinder-und-familienzentrum-kifaz",
    "carl-beispiel-hauptstr-85-hort-gs-beispieldorf",
    "rosenhof-4a",
}


def run(*args) -> str:
    out = StringIO()
    call_command("import_chemnitz_kitas", *map(str, args), stdout=out)
    return out.getvalue()


def write_variant(tmp_path, edit) -> Path:
    """A copy of the sample with ``edit(rows)`` applied, again with BOM and LF."""
    with open(SAMPLE, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    rows = edit(rows)
    path = tmp_path / "variant.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(rows)
    return path


@pytest.fixture
def chemnitz(db):
    alliance = Alliance.objects.create(slug="chemnitz", name="Chemnitz", latitude=50.83)
    taxonomy_install(alliance=alliance)
    return alliance


def test_import_creates_alliance_and_published_offers(db):
    out = run(SAMPLE, "--alliance", "chemnitz", "--create-alliance")
    alliance = Alliance.objects.get(slug="chemnitz")
    assert alliance.name == "Chemnitz (Kita-Verzeichnis, Open Data)"
    assert not alliance.is_demo
    assert (alliance.latitude, alliance.longitude) == (50.83, 12.92)
    offers = Offer.objects.for_alliance(alliance)
    assert set(offers.values_list("slug", flat=True)) == IMPORTED_SLUGS
    assert all(offer.status == Status.PUBLISHED for offer in offers)
    assert "imported:   5" in out
    assert "skipped:    6" in out


def test_offer_location_and_organisation_are_mapped(db):
    run(SAMPLE, "--alliance", "chemnitz", "--create-alliance", "--checked-on", "2024-06-25")
    offer = Offer.objects.get(slug="musterstrasse-197-fridolin")
    assert offer.name == "Kita „FRIDOLIN“"
    assert list(offer.categories.values_list("code", flat=True)) == ["betreuung.kita"]
    assert (offer.age_min_months, offer.age_max_months) == (0, 83)
    assert offer.description.endswith(ATTRIBUTION)
    assert offer.website == "https://www.kinderhilfe.example.org"
    assert timezone.localdate(offer.last_checked_at) == dt.date(2024, 6, 25)
    assert offer.organisation.name == "Kinderhilfe Beispiel e. V."
    location = offer.offer_locations.get().location
    assert location.street == "Musterstraße 197"
    assert location.is_wheelchair_accessible
    assert (location.latitude, location.longitude) == (50.8212346, 12.9012346)
    hort = Offer.objects.get(slug="schulgasse-5-hort-gs-beispiel")
    assert hort.organisation.kind == Organisation.Kind.PUBLIC_AUTHORITY
    assert list(hort.categories.values_list("code", flat=True)) == ["betreuung.hort"]


def test_private_childminders_are_never_imported(db):
    out = run(SAMPLE, "--alliance", "chemnitz", "--create-alliance")
    assert not Organisation.objects.filter(name="Privater Träger").exists()
    assert not Offer.objects.filter(name__icontains="Zwergenstube").exists()
    assert not Location.objects.filter(street__startswith="Beispielweg").exists()
    assert "Zwergenstube" not in out
    assert f"{SkipReason.PRIVATE}: 1" in out
    assert "rows 3" in out


def test_skip_report_lists_rows_and_reasons(db):
    out = run(SAMPLE, "--alliance", "chemnitz", "--create-alliance")
    assert f"{SkipReason.MISSING_COORDINATES}: 1" in out
    assert 'row 5: Lindenallee 7 "Sonnenblume"' in out
    assert 'row 6: Elbufer 1 "Fernweh"' in out
    assert f"{SkipReason.MISSING_NAME}: 1" in out
    assert "row 7:" in out
    assert 'row 9: Am Wald 2 "Zwischenhalt"' in out
    assert f"{SkipReason.DUPLICATE} (row 2): 1" in out
    assert "row 8: e-mail 'keine-mail' is not valid" in out


def test_reimport_is_idempotent(db):
    run(SAMPLE, "--alliance", "chemnitz", "--create-alliance")
    counts = (Offer.objects.count(), Location.objects.count(), Organisation.objects.count())
    out = run(SAMPLE, "--alliance", "chemnitz")
    assert (Offer.objects.count(), Location.objects.count(), Organisation.objects.count()) == counts
    assert OfferLocation.objects.count() == counts[0]
    assert "imported:   0" in out
    assert "updated:    0" in out
    assert "unchanged:  5" in out


def test_reimport_updates_changed_rows_by_their_stable_key(db, tmp_path):
    run(SAMPLE, "--alliance", "chemnitz", "--create-alliance")
    offer = Offer.objects.get(slug="rosenhof-4a")

    def new_phone_and_hort(rows):
        for row in rows:
            if row[5] == "Rosenhof 4a":
                row[15] = "0371 1234-599"
                row[12] = "1"  # now also a Hort
        return rows

    out = run(write_variant(tmp_path, new_phone_and_hort), "--alliance", "chemnitz")
    assert "updated:    1" in out
    offer.refresh_from_db()
    assert offer.phone == "0371 1234-599"
    assert offer.name == "Kita und Hort Rosenhof 4a"
    assert set(offer.categories.values_list("code", flat=True)) == {
        "betreuung.kita",
        "betreuung.hort",
    }
    assert Offer.objects.filter(slug__startswith="rosenhof").count() == 1


def test_rows_gone_from_the_file_are_archived_and_come_back(db, tmp_path):
    run(SAMPLE, "--alliance", "chemnitz", "--create-alliance")
    without = write_variant(tmp_path, lambda rows: [r for r in rows if r[5] != "Rosenhof 4a"])
    out = run(without, "--alliance", "chemnitz")
    assert "archived:   1" in out
    assert Offer.objects.get(slug="rosenhof-4a").status == Status.ARCHIVED
    run(SAMPLE, "--alliance", "chemnitz")
    assert Offer.objects.get(slug="rosenhof-4a").status == Status.PUBLISHED


def test_dry_run_writes_nothing(db):
    out = run(SAMPLE, "--alliance", "chemnitz", "--create-alliance", "--dry-run")
    assert "Dry run: nothing was saved." in out
    assert "imported:   5" in out
    assert not Alliance.objects.filter(slug="chemnitz").exists()
    assert not Offer.objects.exists()
    assert not Organisation.objects.exists()


def test_dry_run_on_an_existing_alliance_changes_nothing(chemnitz):
    run(SAMPLE, "--alliance", "chemnitz", "--dry-run")
    assert not Offer.objects.for_alliance(chemnitz).exists()


def test_unexpected_error_rolls_back_the_whole_file(db, monkeypatch):
    calls = []
    original = services._Writer._create

    def create_then_fail(self, record):
        calls.append(record.row)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(self, record)

    monkeypatch.setattr(services._Writer, "_create", create_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        chemnitz_kitas_import(path=SAMPLE, alliance_slug="chemnitz", create_alliance=True)
    assert not Alliance.objects.filter(slug="chemnitz").exists()
    assert not Offer.objects.exists()


def test_an_entry_not_from_the_import_is_never_overwritten(chemnitz, offer_factory):
    manual = offer_factory(
        alliance=chemnitz, slug="rosenhof-4a", name="Eigener Eintrag", description="Von Hand."
    )
    out = run(SAMPLE, "--alliance", "chemnitz")
    manual.refresh_from_db()
    assert manual.name == "Eigener Eintrag"
    assert f"{SkipReason.SLUG_TAKEN}: 1" in out
    # … and it is not archived as "gone from the file" either.
    assert manual.status == Status.PUBLISHED


def test_missing_alliance_needs_create_flag(db):
    with pytest.raises(CommandError, match="--create-alliance"):
        run(SAMPLE, "--alliance", "chemnitz")


def test_reserved_slug_is_refused(db):
    with pytest.raises(CommandError, match="cannot be used"):
        run(SAMPLE, "--alliance", "admin", "--create-alliance")


def test_other_csv_is_refused(db, tmp_path):
    other = tmp_path / "schulen.csv"
    other.write_text("\ufeffX,Y,TYP,ART\n12.9,50.8,GS,Grundschule\n", encoding="utf-8")
    with pytest.raises(CommandError, match="column"):
        run(other, "--alliance", "chemnitz", "--create-alliance")
    assert not Alliance.objects.filter(slug="chemnitz").exists()


def test_missing_file_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "nope.csv", "--alliance", "chemnitz")


@pytest.mark.skipif(not REAL_FILE.is_file(), reason=f"real Chemnitz file not found at {REAL_FILE}")
def test_real_chemnitz_file_imports_without_private_rows(db):
    with open(REAL_FILE, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    private = sum(row["TRAEGER"] == "Privater Träger" for row in rows)
    report = chemnitz_kitas_import(path=REAL_FILE, alliance_slug="chemnitz", create_alliance=True)
    assert report.rows_read == len(rows)
    assert len(report.created) >= 150
    assert len(report.created) + len(report.skipped) == len(rows)
    assert len(report.skipped_by_reason()[SkipReason.PRIVATE]) == private
    assert not Organisation.objects.filter(name="Privater Träger").exists()
    offers = Offer.objects.filter(alliance__slug="chemnitz")
    assert offers.count() == len(report.created)
    assert not offers.filter(categories__isnull=True).exists()
    again = chemnitz_kitas_import(path=REAL_FILE, alliance_slug="chemnitz")
    assert (len(again.created), len(again.updated)) == (0, 0)
    assert offers.count() == len(report.created)
