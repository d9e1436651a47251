"""Issue 16's small things on the guide's pages."""

from django.utils import translation

from familiennetz.directory.tests import factories as f


def test_participation_is_said_once(alliance):
    offer = f.OfferFactory.build(
        participation="open", participation_notes="Einfach vorbeikommen, Hausschuhe mitbringen."
    )
    with translation.override("de"):
        assert offer.participation_lines == ["Einfach vorbeikommen, Hausschuhe mitbringen."]
        offer.participation_notes = "Hausschuhe mitbringen."
        assert offer.participation_lines == ["Einfach vorbeikommen", "Hausschuhe mitbringen."]


def test_english_pages_say_that_the_offers_are_in_german(client, alliance):
    note = "described by the providers in German"
    assert note in client.get(f"/en/{alliance.slug}/suche/").content.decode()
    assert note not in client.get(f"/{alliance.slug}/suche/").content.decode()


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[13.1, 50.9], [13.2, 50.9], [13.2, 51.0], [13.1, 51.0], [13.1, 50.9]]],
}


def test_map_base_layer_without_tiles_shows_districts_and_outline(client, alliance, settings):
    """Issue 16: no tile server → the districts with names and the outline, from our data
    (a same-origin GeoJSON the map loads; the page runs no query for it)."""
    settings.MAP_TILE_URL = ""
    town = f.DistrictFactory(alliance=alliance, name="Hainichen", boundary=SQUARE)
    f.DistrictFactory(
        alliance=alliance,
        name="Gersdorf",
        parent=town,
        boundary={**SQUARE, "coordinates": [[[13.123456789, 50.9], [13.2, 50.9], [13.2, 51.0]]]},
    )
    f.DistrictFactory(alliance=alliance, name="Ohne Grenze")
    f.OfferLocationFactory(
        alliance=alliance,
        offer__alliance=alliance,
        location__latitude=50.95,
        location__longitude=13.15,
    )
    base_url = f"/{alliance.slug}/karte/gebiete.geojson"
    assert f'data-base-url="{base_url}"' in client.get(f"/{alliance.slug}/").content.decode()
    data = client.get(base_url).json()
    by_name = {feature["properties"]["name"]: feature for feature in data["features"]}
    assert set(by_name) == {"Hainichen", "Gersdorf"}
    assert by_name["Hainichen"]["properties"]["outline"] is True
    assert by_name["Gersdorf"]["properties"]["outline"] is False
    assert by_name["Gersdorf"]["geometry"]["coordinates"][0][0] == [13.1235, 50.9]

    settings.MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    assert 'data-base-url="/' not in client.get(f"/{alliance.slug}/suche/").content.decode()
