"""Every figure of the annual report against the hand-built data set (dataset.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils.translation import gettext as _

from familiennetz.directory.models import Location, OfferLocation, Status
from familiennetz.directory.tests.factories import (
    DistrictFactory,
    LocationFactory,
    OfferFactory,
)
from familiennetz.reports import figures
from familiennetz.reports.figures import Period
from familiennetz.socialspace.models import District

from . import dataset

pytestmark = pytest.mark.django_db

END_OF_2026 = dt.date(2026, 12, 7)


@pytest.fixture
def period(alliance):
    dataset.build(alliance)
    return Period.of(alliance, dataset.YEAR, today=END_OF_2026)


def value(key, period):
    return figures.evaluate(key, period)


def rows(key, period):
    return dict(map(tuple, figures.evaluate(key, period)["rows"]))


def test_period_ends_today_while_the_year_runs(alliance):
    assert Period.of(alliance, 2026, today=END_OF_2026).end == END_OF_2026
    assert Period.of(alliance, 2025, today=END_OF_2026).end == dt.date(2025, 12, 31)


def test_partners_in_total_by_sector_and_role(period):
    assert value("partners.total", period)["value"] == 5
    assert rows("partners.by_sector", period) == {
        "Kindertagesbetreuung": 2,
        "Jugendhilfe": 2,
        _("without sector"): 1,
    }
    assert rows("partners.by_role", period)["Partner"] == 5


def test_partners_new_and_left_within_the_year(period):
    assert value("partners.new", period)["value"] == 1
    assert value("partners.left", period)["value"] == 1
    listed = [row.label for row in figures.registry["partners.new"].listing(period)]
    assert listed == ["Kita Sonnenblume"]


def test_meetings_by_type_count_held_meetings_of_the_year(period):
    figure = value("meetings.by_type", period)
    assert figure["value"] == 3
    assert rows("meetings.by_type", period) == {"Steuerungsgruppe": 2, "Arbeitsgruppe": 1}


def test_attendance_is_suppressed_below_five(period):
    figure = value("meetings.attendance", period)
    assert figure["about_people"]
    assert figure["value"] == 8
    # 2 people at the working group are hidden, and the 6 with them (else 8 − 6 = 2)
    assert rows("meetings.attendance", period) == {"Steuerungsgruppe": None, "Arbeitsgruppe": None}
    assert value("meetings.partners_present", period)["value"] == 3


def test_offers_as_of_the_reporting_date(period):
    assert value("offers.total", period)["value"] == 3
    assert rows("offers.by_category", period) == {"Beratung": 2, "Familienbildung": 2}
    assert value("offers.free", period)["value"] == 1
    assert rows("offers.by_district", period) == {"Altstadt": 2, _("no district"): 1}
    assert rows("offers.by_language", period) == {"Deutsch": 2, "Arabisch": 1}
    by_age = rows("offers.by_target_group", period)
    assert by_age["Schwangerschaft"] == 0
    assert by_age["0–3 Jahre"] == 3
    assert by_age["3–6 Jahre"] == 2


def _change(entry, when, **fields):
    """Save a change to a tracked entry and date its history record ``when``."""
    for name, new in fields.items():
        setattr(entry, name, new)
    entry.save()
    record = type(entry).history.filter(id=entry.pk).order_by("-history_id").first()
    type(entry).history.filter(history_id=record.history_id).update(history_date=when)


def test_offers_count_what_was_live_on_the_reporting_date_not_what_is_now(period, alliance):
    a = OfferFactory(alliance=alliance, name="Spielkreis")  # live in 2025, archived since
    dataset.backdate(a, dataset.at(2025, 3, 1))
    _change(a, dataset.at(2026, 2, 1), status=Status.ARCHIVED)
    b = OfferFactory(alliance=alliance, name="Vätertreff")  # paused over New Year
    dataset.backdate(b, dataset.at(2024, 3, 1))
    _change(b, dataset.at(2025, 10, 1), status=Status.ARCHIVED)
    _change(b, dataset.at(2026, 1, 15), status=Status.PUBLISHED)
    c = OfferFactory(alliance=alliance, name="Familiencafé", status=Status.DRAFT)  # a draft
    dataset.backdate(c, dataset.at(2025, 5, 1))
    _change(c, dataset.at(2026, 2, 1), status=Status.PUBLISHED)  # published after the date
    assert value("offers.total", period)["value"] == 4  # the three of the data set and a
    listed = {row.label for row in figures.registry["offers.total"].listing(period)}
    assert "Spielkreis" in listed
    assert not listed & {"Vätertreff", "Familiencafé"}
    # … while the current year counts what is live now
    now = Period.of(alliance, 2026, today=END_OF_2026)
    listed_now = {row.label for row in figures.registry["offers.total"].listing(now)}
    assert {"Vätertreff", "Familiencafé"} <= listed_now and "Spielkreis" not in listed_now


def test_offers_by_district_use_the_places_of_the_reporting_date(period, alliance):
    moved = OfferFactory(alliance=alliance, name="Hebammensprechstunde")
    dataset.backdate(moved, dataset.at(2025, 1, 10))
    neustadt = DistrictFactory(alliance=alliance, name="Neustadt")
    place = LocationFactory(alliance=alliance, district=neustadt)
    Location.history.filter(id=place.pk).update(history_date=dataset.at(2024, 1, 1))
    link = OfferLocation.objects.create(alliance=alliance, offer=moved, location=place)
    OfferLocation.history.filter(id=link.pk).update(history_date=dataset.at(2025, 2, 1))
    later = LocationFactory(alliance=alliance, district=dataset_district(alliance))
    # in 2026 the offer moves to the Altstadt: its old place is removed, a new one added
    link_id = link.pk
    link.delete()
    OfferLocation.history.filter(id=link_id, history_type="-").update(
        history_date=dataset.at(2026, 3, 1)
    )
    new_link = OfferLocation.objects.create(alliance=alliance, offer=moved, location=later)
    OfferLocation.history.filter(id=new_link.pk).update(history_date=dataset.at(2026, 3, 1))
    assert rows("offers.by_district", period) == {
        "Altstadt": 2,
        "Neustadt": 1,
        _("no district"): 1,
    }


def dataset_district(alliance):
    return District.objects.get(alliance=alliance, name="Altstadt")


def test_new_and_closed_offers_within_the_year(period):
    assert value("offers.new", period)["value"] == 1
    assert value("offers.closed", period)["value"] == 1
    closed = [row.label for row in figures.registry["offers.closed"].listing(period)]
    assert closed == ["Babyschwimmen"]


def test_events_dates_and_participants(period):
    assert value("events.total", period)["value"] == 1
    assert value("events.dates", period)["value"] == 2
    participants = value("events.participants", period)
    assert participants["value"] == 7
    assert [count for _label, count in participants["rows"]] == [None, None]


def test_a_figure_without_a_source_is_not_available_never_zero(period):
    figures.register("test.missing", "Fehlt noch", "cooperation")
    try:
        figure = value("test.missing", period)
        assert figure["available"] is False
        assert figure["value"] is None
    finally:
        del figures.registry["test.missing"]


def test_plugging_in_a_source(period):
    old = figures.registry["network.ties"]
    try:
        figures.plug_in("network.ties", compute=lambda p: figures.Result(12))
        assert value("network.ties", period) | {} == value("network.ties", period)
        assert value("network.ties", period)["value"] == 12
        assert value("network.ties", period)["available"]
    finally:
        figures.registry["network.ties"] = old


def test_other_alliances_rows_are_not_counted(period, other_alliance):
    dataset.build(other_alliance)
    assert value("offers.total", period)["value"] == 3
    assert value("partners.total", period)["value"] == 5
