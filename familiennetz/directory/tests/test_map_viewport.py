"""The map's viewport data: offers grouped into cells on the server, details on a tap (issue 16,
ADR 1202)."""

import json
import random

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from familiennetz.directory.map_selectors import (
    MAX_CELLS_ACROSS,
    ViewportError,
    cell_size,
    grid_key,
    parse_viewport,
)
from familiennetz.directory.models import Location, Status

from . import factories as f

BOX = "13.0,50.9,13.3,51.05"


def viewport_url(alliance, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("directory:map-viewport", kwargs={"alliance_slug": alliance.slug}) + "?" + query


def place_url(alliance, pk, query=""):
    url = reverse("directory:map-place", kwargs={"alliance_slug": alliance.slug, "pk": pk})
    return url + (f"?{query}" if query else "")


def test_far_out_the_towns_places_are_one_cluster_with_every_offer(client, alliance, guide):
    data = client.get(viewport_url(alliance, bbox=BOX, zoom=8)).json()
    assert len(data["cells"]) == 1
    lat, lon, offers, places, place = data["cells"][0]
    published = {o for o in guide.values() if getattr(o, "status", None) == Status.PUBLISHED}
    assert offers == data["offers"] >= 3
    assert offers == len({o.pk for o in published if o.offer_locations.exists()})
    assert places == 3 and place == 0  # a cluster names no place
    assert 50.97 < lat < 50.991 and 13.12 < lon < 13.161


def test_close_up_every_place_is_its_own_cell_with_its_id(client, alliance, guide):
    data = client.get(viewport_url(alliance, bbox="13.12,50.965,13.165,50.995", zoom=16)).json()
    by_place = {cell[4]: cell for cell in data["cells"]}
    names = Location.objects.filter(pk__in=by_place).values_list("name", flat=True)
    assert set(names) == {"Rathaus", "Familienzentrum Regenbogen", "Dorfgemeinschaftshaus"}
    for cell in data["cells"]:
        assert cell[3] == 1 and cell[4] > 0


def test_a_viewport_outside_the_town_is_empty_and_a_filter_narrows_the_count(
    client, alliance, guide
):
    empty = client.get(viewport_url(alliance, bbox="10.0,48.0,10.1,48.1", zoom=12)).json()
    assert empty["cells"] == [] and empty["offers"] == 0
    everything = client.get(viewport_url(alliance, bbox=BOX, zoom=8)).json()["offers"]
    free = client.get(viewport_url(alliance, bbox=BOX, zoom=8, kostenlos="on")).json()["offers"]
    assert 0 < free < everything


def test_drafts_and_other_networks_never_show(client, alliance, other_alliance, guide):
    place = f.LocationFactory(alliance=alliance, latitude=50.98, longitude=13.2)
    f.OfferFactory(alliance=alliance, status=Status.DRAFT, locations=[place])
    foreign = f.LocationFactory(alliance=other_alliance, latitude=50.98, longitude=13.21)
    f.OfferFactory(alliance=other_alliance, locations=[foreign])
    data = client.get(viewport_url(alliance, bbox=BOX, zoom=18)).json()
    ids = {cell[4] for cell in data["cells"]}
    assert place.pk not in ids and foreign.pk not in ids
    assert client.get(place_url(alliance, place.pk)).status_code == 404
    assert client.get(place_url(alliance, foreign.pk)).status_code == 404


def test_a_tapped_place_lists_its_offers_with_links(client, alliance, guide):
    rathaus = Location.objects.get(alliance=alliance, slug="rathaus")
    data = client.get(place_url(alliance, rathaus.pk)).json()
    assert data["name"] == "Rathaus"
    assert data["url"].endswith("/orte/rathaus/") or "rathaus" in data["url"]
    names = [offer["name"] for offer in data["offers"]]
    assert names == sorted(names) and names
    for offer in data["offers"]:
        assert client.get(offer["url"]).status_code == 200


def test_a_tapped_place_keeps_the_search_filters(client, alliance, guide):
    rathaus = Location.objects.get(alliance=alliance, slug="rathaus")
    all_offers = client.get(place_url(alliance, rathaus.pk)).json()["offers"]
    query = "q=Gruppe"
    matching = client.get(place_url(alliance, rathaus.pk, query))
    if matching.status_code == 404:
        assert all("Gruppe" not in offer["name"] for offer in all_offers)
    else:
        assert len(matching.json()["offers"]) <= len(all_offers)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "bbox"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "13.3,50.9,13.0,51.0"}, "bbox"),
        ({"bbox": "13.0,50.9,13.3,95"}, "bbox"),
        ({"bbox": "nan,50.9,13.3,51"}, "bbox"),
        ({"bbox": BOX, "zoom": "x"}, "zoom"),
        ({"bbox": BOX, "zoom": "21"}, "zoom"),
    ],
)
def test_bad_viewports_get_an_error_naming_the_parameter(client, alliance, params, field):
    response = client.get(viewport_url(alliance, **params))
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_huge_box_at_a_high_zoom_cannot_ask_for_millions_of_cells():
    viewport = parse_viewport("-180,-90,180,90", "20")
    dlon, dlat = cell_size(viewport, 51.0)
    assert 360 / dlon <= MAX_CELLS_ACROSS + 1e-9 and 180 / dlat <= MAX_CELLS_ACROSS + 1e-9
    with pytest.raises(ViewportError):
        parse_viewport("", "3")


def test_the_grid_stays_put_while_panning(client, alliance, guide):
    """The same place is in the same cell whatever the viewport's edges (the grid is anchored
    at 0/0), so markers do not jump when a parent drags the map a little."""
    first = client.get(viewport_url(alliance, bbox="13.1,50.96,13.17,51.0", zoom=13)).json()
    moved = client.get(viewport_url(alliance, bbox="13.11,50.965,13.175,51.002", zoom=13)).json()
    assert first["cells"] == moved["cells"]


@pytest.mark.slow
def test_a_state_scale_viewport_is_small_and_needs_one_query(client, alliance):
    """3,000 offers at 1,500 places in one town: the viewport stays far below the 40 KB budget
    and costs one query for the cells whatever the number of places."""
    rng = random.Random(16)
    organisation = f.OrganisationFactory(alliance=alliance)
    places = [
        f.LocationFactory(
            alliance=alliance,
            organisation=organisation,
            latitude=50.9 + rng.random() * 0.15,
            longitude=13.0 + rng.random() * 0.3,
        )
        for _ in range(1500)
    ]
    for number in range(3000):
        f.OfferFactory(
            alliance=alliance, organisation=organisation, locations=[places[number % 1500]]
        )
    for zoom in (10, 12, 13, 14):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(viewport_url(alliance, bbox=BOX, zoom=zoom))
        body = response.content
        assert response.status_code == 200
        assert len(body) <= 40_000, (zoom, len(body))
        data = json.loads(body)
        assert data["offers"] == 3000
        selects = [
            q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")
        ]
        # The alliance, the filter form's choices (cached per alliance in production) and
        # one query for the cells, whatever the number of places.
        cells = [q for q in selects if "FLOOR(" in q["sql"].upper()]
        assert len(cells) == 1 and len(selects) <= 6, [q["sql"][:120] for q in selects]


@override_settings(PAGE_CACHE_SECONDS=300)
def test_a_small_pan_is_answered_from_the_cache_until_the_network_changes(client, alliance, guide):
    cache.clear()
    here, there = "13.1,50.96,13.17,51.0", "13.1002,50.9601,13.1702,51.0001"
    assert grid_key(alliance, parse_viewport(here, "13")) == grid_key(
        alliance, parse_viewport(there, "13")
    )
    first = client.get(viewport_url(alliance, bbox=here, zoom=13)).json()
    with CaptureQueriesContext(connection) as queries:
        moved = client.get(viewport_url(alliance, bbox=there, zoom=13))
    assert moved.json() == first
    assert not [q for q in queries.captured_queries if "FLOOR(" in q["sql"].upper()]
    # A new offer changes the alliance's content version: the next answer counts it.
    place = Location.objects.get(alliance=alliance, slug="rathaus")
    f.OfferFactory(alliance=alliance, locations=[place])
    after = client.get(viewport_url(alliance, bbox=there, zoom=13)).json()
    assert after["offers"] == first["offers"] + 1
