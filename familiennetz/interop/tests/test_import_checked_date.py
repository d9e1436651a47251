"""Issue 16: the coordinator chooses in the preview which checked date imported entries get."""

import datetime as dt

import pytest
from django.utils import timezone

from familiennetz.directory.models import Location, Offer
from familiennetz.interop.models import ImportUpload

from .test_workspace_views import (  # noqa: F401 (fixtures)
    FIXED,
    as_coordinator,
    categories,
    upload_sheet,
    url,
)


def _commit(client, alliance, **data):
    upload = ImportUpload.objects.get()
    return client.post(url("manage-import-commit", alliance, pk=upload.pk), data)


def test_preview_offers_the_choice(as_coordinator, alliance, categories):  # noqa: F811
    upload_sheet(as_coordinator, alliance, FIXED, status="published")
    upload = ImportUpload.objects.get()
    html = as_coordinator.get(url("manage-import-preview", alliance, pk=upload.pk)).content
    assert b'name="pruefdatum"' in html and b'name="quelldatum"' in html


def test_source_date_becomes_the_checked_date(as_coordinator, alliance, categories):  # noqa: F811
    upload_sheet(as_coordinator, alliance, FIXED, status="published")
    response = _commit(as_coordinator, alliance, pruefdatum="quelle", quelldatum="2026-10-01")
    assert response["Location"].endswith("/")
    offers = Offer.objects.for_alliance(alliance)
    assert offers.exists()
    for row in [*offers, *Location.objects.for_alliance(alliance)]:
        assert timezone.localtime(row.last_checked_at).date() == dt.date(2026, 10, 1), row


def test_import_date_is_the_default(as_coordinator, alliance, categories):  # noqa: F811
    upload_sheet(as_coordinator, alliance, FIXED, status="published")
    _commit(as_coordinator, alliance)
    offer = Offer.objects.for_alliance(alliance).first()
    assert offer.last_checked_at and offer.last_checked_at.date() == timezone.now().date()


@pytest.mark.parametrize("day", ["", "2999-01-01"])
def test_source_date_missing_or_in_the_future_is_refused(
    as_coordinator,  # noqa: F811
    alliance,
    categories,  # noqa: F811
    day,
):
    upload_sheet(as_coordinator, alliance, FIXED, status="published")
    upload = ImportUpload.objects.get()
    response = _commit(as_coordinator, alliance, pruefdatum="quelle", quelldatum=day)
    assert response["Location"] == url("manage-import-preview", alliance, pk=upload.pk)
    assert not Offer.objects.exists()
