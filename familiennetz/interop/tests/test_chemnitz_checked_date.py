"""Issue 16, honest freshness for the Chemnitz connector: the coordinator chooses whether the
imported entries count as checked on the day of the import or on the source's date (the
portal's date when given, otherwise the file's modification date); the public page says so."""

import datetime as dt
import os
import re
import shutil

import pytest
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.html import strip_tags

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Location, Offer

from .test_import_chemnitz_kitas import SAMPLE, run


def _checked_days(alliance) -> set[dt.date]:
    rows = [*Offer.objects.for_alliance(alliance), *Location.objects.for_alliance(alliance)]
    assert rows
    return {timezone.localdate(row.last_checked_at) for row in rows}


def _public_text(client, offer) -> str:
    response = client.get(offer.get_absolute_url())
    assert response.status_code == 200
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()))


def test_import_date_is_the_default(db):
    out = run(SAMPLE, "--alliance", "chemnitz", "--create-alliance")
    alliance = Alliance.objects.get(slug="chemnitz")
    assert _checked_days(alliance) == {timezone.localdate()}
    assert f"checked on: {timezone.localdate().isoformat()} (the day of the import)" in out


def test_source_date_as_given_becomes_the_checked_date(db):
    out = run(
        SAMPLE, "--alliance", "chemnitz", "--create-alliance",
        "--checked-date", "source", "--source-date", "2026-02-03",
    )  # fmt: skip
    assert _checked_days(Alliance.objects.get(slug="chemnitz")) == {dt.date(2026, 2, 3)}
    assert "checked on: 2026-02-03 (the source's date as given)" in out


def test_source_date_falls_back_to_the_files_modification_date(db, tmp_path):
    path = tmp_path / "chemnitz_Kindertageseinrichtungen.csv"
    shutil.copy(SAMPLE, path)
    modified = dt.datetime(2026, 5, 4, 10, 0, tzinfo=dt.UTC).timestamp()
    os.utime(path, (modified, modified))
    out = run(path, "--alliance", "chemnitz", "--create-alliance", "--checked-date", "source")
    assert _checked_days(Alliance.objects.get(slug="chemnitz")) == {dt.date(2026, 5, 4)}
    assert "checked on: 2026-05-04 (the file's modification date)" in out


def test_old_checked_on_option_still_means_the_source_date(db):
    run(SAMPLE, "--alliance", "chemnitz", "--create-alliance", "--checked-on", "2025-11-30")
    assert _checked_days(Alliance.objects.get(slug="chemnitz")) == {dt.date(2025, 11, 30)}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--checked-date", "source", "--source-date", "2999-01-01"], "is in the future"),
        (["--source-date", "2026-01-01"], "only counts with the checked date 'source'"),
        (["--checked-date", "source", "--source-date", "03.02.2026"], "is not a date"),
        (["--checked-date", "gestern"], "invalid choice"),
    ],
    ids=["future", "date-without-source", "german-date", "unknown-choice"],
)
def test_bad_checked_date_options_are_refused_and_nothing_is_imported(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(SAMPLE, "--alliance", "chemnitz", "--create-alliance", *args)
    assert not Offer.objects.exists()


def test_public_page_follows_the_chosen_date(db, client):
    """Imported today: "checked today". The source's date of two years ago: the calm notice
    that the details may have changed, with that date – never "checked today"."""
    run(SAMPLE, "--alliance", "chemnitz", "--create-alliance")
    offer = Offer.objects.get(slug="musterstrasse-197-fridolin")
    today = timezone.localdate()
    text = _public_text(client, offer)
    assert f"Zuletzt geprüft am {today.day}." in text
    assert "möglicherweise nicht mehr aktuell" not in text and "kurzer Anruf" not in text

    old = today - dt.timedelta(days=730)
    run(
        SAMPLE, "--alliance", "chemnitz",
        "--checked-date", "source", "--source-date", old.isoformat(),
    )  # fmt: skip
    text = _public_text(client, offer)
    assert "Zuletzt geprüft am" not in text
    assert f"Zuletzt bestätigt am {old.day}." in text
    assert str(old.year) in text and "kurzer Anruf vor Ihrem Besuch" in text
    assert "vom Anbieter bestätigt" not in text  # nobody of the provider confirmed it
