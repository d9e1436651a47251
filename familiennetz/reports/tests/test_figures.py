"""Every figure of the annual report against the hand-built data set (dataset.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils.translation import gettext as _

from familiennetz.reports import figures
from familiennetz.reports.figures import Period

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
