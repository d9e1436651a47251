"""Stored uploads between check and commit (interop/services.py): the check writes nothing,
the commit imports exactly what was checked, all or nothing, once."""

import datetime as dt
import io

import pytest
from django.utils import timezone, translation

from familiennetz.directory.models import Offer, Organisation, Status
from familiennetz.interop.geocoding import Geocoder, Place
from familiennetz.interop.models import ImportUpload
from familiennetz.interop.report import Level
from familiennetz.interop.services import (
    ImportRefused,
    import_upload_check,
    import_upload_commit,
    import_upload_create,
    import_upload_get,
    import_upload_purge,
)

from .conftest import FIXTURES, HSDS_EXAMPLES

BAD = (FIXTURES / "kitas_three_bad_rows.csv").read_bytes()
FIXED = (FIXTURES / "kitas_fixed.csv").read_bytes()


@pytest.fixture(autouse=True)
def english_messages():
    """The assertions below quote the (English) message ids."""
    with translation.override("en"):
        yield


@pytest.fixture
def categories(alliance, category_factory):
    category_factory(alliance=alliance, code="betreuung.kita", slug="kita", name="Kita")
    category_factory(alliance=alliance, code="betreuung.hort", slug="hort", name="Hort & Ganztag")


def upload(alliance, user, data=FIXED, name="kitas.csv", **options):
    return import_upload_create(
        alliance=alliance, user=user, kind="sheet", filename=name, data=data, **options
    )


def test_check_names_the_three_bad_rows_and_writes_nothing(alliance, coordinator, categories):
    stored = upload(alliance, coordinator.user, BAD)
    check = import_upload_check(upload=stored)

    assert check.problem_lines == [4, 5, 6]
    assert {(i["row"], i["column"]) for i in check.issues if i["level"] == Level.ERROR} == {
        (4, "Straße und Hausnummer"),
        (5, "Breitengrad"),
        (6, "Kategorien"),
    }
    assert [i["value"] for i in check.issues if i["row"] == 6] == ["Kinderkrippe XY"]
    assert not check.can_commit
    assert not Offer.objects.exists() and not Organisation.objects.exists()
    with pytest.raises(ImportRefused):
        import_upload_commit(upload=stored)
    assert not Offer.objects.exists()


def test_commit_imports_the_checked_file_once(alliance, coordinator, categories):
    stored = upload(alliance, coordinator.user, publish=True)
    check = import_upload_check(upload=stored)
    assert check.can_commit
    assert check.report.counts["offer"]["created"] == 6

    report = import_upload_commit(upload=stored)

    assert report.counts["offer"]["created"] == 6
    offers = Offer.objects.for_alliance(alliance)
    assert offers.filter(status=Status.PUBLISHED).count() == 6
    stored.refresh_from_db()
    assert stored.committed_at is not None and bytes(stored.data) == b""
    assert sorted(stored.result["created"]["offer"]) == sorted(offers.values_list("pk", flat=True))
    with pytest.raises(ImportRefused, match="imported already"):
        import_upload_commit(upload=stored)
    assert offers.count() == 6


def test_without_publish_new_offers_are_drafts(alliance, coordinator, categories):
    stored = upload(alliance, coordinator.user)
    import_upload_check(upload=stored)
    import_upload_commit(upload=stored)
    assert set(Offer.objects.values_list("status", flat=True)) == {Status.DRAFT}


def test_commit_refuses_when_the_data_changed_since_the_check(
    alliance, coordinator, categories, organisation_factory
):
    stored = upload(alliance, coordinator.user)
    import_upload_check(upload=stored)
    organisation_factory(alliance=alliance, name="Diakonie Hainichen")  # now "known", not new

    with pytest.raises(ImportRefused, match="changed since the check"):
        import_upload_commit(upload=stored)
    assert not Offer.objects.exists()

    stored.refresh_from_db()  # the coordinator looks at the new check and confirms
    import_upload_commit(upload=stored)
    assert Offer.objects.count() == 6


class CountingGeocoder(Geocoder):
    calls: list = []

    def geocode(self, *, street, postal_code, city, country="de"):
        CountingGeocoder.calls.append(street)
        return Place(50.9666, 13.1222, "Hainichen")


def test_geocoder_answers_of_the_check_are_replayed_at_the_commit(
    alliance, coordinator, categories, settings
):
    settings.GEOCODER_BACKEND = f"{__name__}.CountingGeocoder"
    CountingGeocoder.calls = []
    text = (
        "Angebot;Träger;Straße und Hausnummer;PLZ;Ort\n"
        "Spielkreis;Diakonie;Markt 1;09661;Hainichen\n"
    )
    stored = upload(alliance, coordinator.user, text.encode(), geocode=True)

    import_upload_check(upload=stored)
    import_upload_check(upload=stored)  # the preview page again
    import_upload_commit(upload=stored)

    assert CountingGeocoder.calls == ["Markt 1"]
    place = Offer.objects.get().offer_locations.get().location
    assert (place.latitude, place.longitude) == (50.9666, 13.1222)


def test_only_the_uploader_gets_an_unexpired_upload(alliance, coordinator, steering_member):
    stored = upload(alliance, coordinator.user)
    get = import_upload_get
    assert get(alliance=alliance, user=coordinator.user, pk=stored.pk) == stored
    assert get(alliance=alliance, user=steering_member.user, pk=stored.pk) is None
    ImportUpload.objects.filter(pk=stored.pk).update(expires_at=timezone.now())
    assert get(alliance=alliance, user=coordinator.user, pk=stored.pk) is None


def test_purge_deletes_expired_uploads_only(alliance, coordinator):
    old, fresh = upload(alliance, coordinator.user), upload(alliance, coordinator.user)
    ImportUpload.objects.filter(pk=old.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert import_upload_purge(dry_run=True) == 1
    assert import_upload_purge() == 1
    assert list(ImportUpload.objects.all()) == [fresh]


def test_hsds_upload_is_checked_then_imported(alliance, coordinator):
    data = (HSDS_EXAMPLES / "service_full.json").read_bytes()
    stored = import_upload_create(
        alliance=alliance, user=coordinator.user, kind="hsds", filename="x.json", data=data
    )
    check = import_upload_check(upload=stored)
    assert check.report.errors == [] and check.can_commit
    assert check.report.counts["offer"]["created"] == 1
    assert not Offer.objects.exists()

    import_upload_commit(upload=stored)
    assert Offer.objects.for_alliance(alliance).count() == 1


def test_the_daily_retention_job_deletes_expired_uploads(alliance, coordinator):
    from django.core.management import call_command

    old = upload(alliance, coordinator.user)
    ImportUpload.objects.filter(pk=old.pk).update(expires_at=timezone.now())
    call_command("purge_personal_data", stdout=io.StringIO())
    assert not ImportUpload.objects.exists()
