"""HSDS ZIP downloads built into files: the same content as the in-memory serialisation,
memory-bounded while building, rebuilt after an edit."""

import io
import tracemalloc
import zipfile

import pytest
from django.utils import timezone

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Offer, OfferLocation, Status
from familiennetz.interop.hsds.export import (
    Scope,
    export_tables,
    files_for,
    members_for,
    write_zip,
    write_zip_stream,
)
from familiennetz.interop.hsds.storage import hsds_zip_path


def unzip(data) -> dict[str, bytes]:
    with zipfile.ZipFile(data if not isinstance(data, bytes) else io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.usefixtures("demo_alliances")
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_streamed_zip_has_the_members_of_the_in_memory_export(fmt, tmp_path):
    export = export_tables(alliance=Alliance.objects.get(slug="hainichen"))
    target = tmp_path / "export.zip"
    with target.open("wb") as out:
        write_zip_stream(members_for(export, fmt), out)

    expected = files_for(export, fmt)
    assert len(expected) > 20
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == sorted(expected)  # the order write_zip always had
    assert unzip(target) == expected


@pytest.fixture
def many_services(alliance, organisation_factory, location_factory):
    """300 published services with a page of text each and a place (bulk: no search index)."""
    org = organisation_factory(alliance=alliance)
    place = location_factory(alliance=alliance, organisation=org)
    now = timezone.now()
    text = "Offene Sprechstunde für Eltern mit Kindern von 0 bis 6 Jahren. " * 40
    offers = Offer.objects.bulk_create(
        Offer(
            alliance=alliance,
            organisation=org,
            name=f"Angebot {n:04}",
            slug=f"angebot-{n:04}",
            summary="Ein Angebot für Familien.",
            description=f"{n}: {text}",
            status=Status.PUBLISHED,
            published_at=now,
            last_checked_at=now,
        )
        for n in range(300)
    )
    OfferLocation.objects.bulk_create(
        OfferLocation(alliance=alliance, offer=offer, location=place) for offer in offers
    )
    return alliance


def peak_while(build) -> int:
    """Bytes allocated at the peak of ``build()`` beyond what was allocated before it."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        build()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_zip_is_written_without_holding_the_serialised_export(many_services, fmt, tmp_path):
    """What building the ZIP of 300 services allocates beyond the ZIP of one (the fixed part:
    the compressor's state, the data package descriptor) stays well below the size of the
    documents (it is the index for nesting and the ZIP's directory, per record, not per byte);
    the old download held all documents, and then the whole ZIP, in memory."""
    export = export_tables(alliance=many_services)
    one = Offer.objects.filter(alliance=many_services).values_list("pk", flat=True)[:1]
    single = export_tables(alliance=many_services, scope=Scope(offers=frozenset(one)))
    documents = sum(len(content) for content in files_for(export, fmt).values())
    assert documents > 1_000_000

    def streamed(export):
        with (tmp_path / "export.zip").open("wb") as out:
            write_zip_stream(members_for(export, fmt), out)

    def in_memory(export):  # the download before: all documents, then the ZIP, as bytes
        write_zip(files_for(export, fmt))

    streamed(export)  # once beforehand: caches that stay (schemas) are not the build's
    assert unzip(tmp_path / "export.zip") == files_for(export, fmt)
    bound = documents // 2
    assert peak_while(lambda: streamed(export)) - peak_while(lambda: streamed(single)) < bound
    assert peak_while(lambda: in_memory(export)) - peak_while(lambda: in_memory(single)) > bound


def test_download_is_built_once_and_rebuilt_after_an_edit(client, many_services):
    url = "/hainichen/offene-daten/hsds-csv.zip"
    response = client.get(url)
    assert response["Content-Type"] == "application/zip"
    first = response.getvalue()
    services = unzip(first)["services.csv"].decode()
    assert "Angebot 0007" in services
    built = hsds_zip_path(alliance=Alliance.objects.get(pk=many_services.pk), fmt="csv")
    stamp = built.stat().st_mtime_ns

    assert client.get(url).getvalue() == first
    assert built.stat().st_mtime_ns == stamp  # served from the file, not built again

    offer = Offer.objects.get(alliance=many_services, slug="angebot-0007")
    offer.name = "Eltern-Kind-Turnen"
    offer.save()

    services = unzip(client.get(url).getvalue())["services.csv"].decode()
    assert "Eltern-Kind-Turnen" in services and "Angebot 0007" not in services
    assert not built.exists()  # the old version was removed
    assert len(list(built.parent.glob("hsds-csv-*.zip"))) == 1
