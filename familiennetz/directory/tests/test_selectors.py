import datetime as dt
from zoneinfo import ZoneInfo

from familiennetz.directory.selectors import offer_search

BERLIN = ZoneInfo("Europe/Berlin")


def names(outcome):
    return [offer.name for offer in outcome.offers]


def test_search_without_filters_lists_published_offers_by_name(alliance, guide):
    outcome = offer_search(alliance=alliance, filters={})
    assert names(outcome) == [
        "Beratung bei Trennung und Scheidung",
        "Eltern-Kind-Gruppe Sonnenschein",
        "Elterntelefon",
        "Hebammensprechstunde",
        "Jugendclub Dorfhaus",
    ]


def test_drafts_and_archived_offers_are_never_listed(alliance, guide):
    outcome = offer_search(alliance=alliance, filters={"q": "Elterncafé Angebot"})
    assert "Entwurf Elterncafé" not in names(outcome)
    assert "Altes Angebot" not in names(offer_search(alliance=alliance, filters={}))


def test_age_band_filter_includes_offers_for_all_ages(alliance, guide):
    outcome = offer_search(alliance=alliance, filters={"alter": "0-3"})
    assert set(names(outcome)) == {
        "Eltern-Kind-Gruppe Sonnenschein",
        "Beratung bei Trennung und Scheidung",
        "Elterntelefon",  # for all ages
    }


def test_pregnancy_band_finds_midwife(alliance, guide):
    assert names(offer_search(alliance=alliance, filters={"alter": "schwangerschaft"})) == [
        "Hebammensprechstunde"
    ]


def test_free_language_and_district_filters_combine(alliance, guide):
    filters = {"kostenlos": True, "sprache": "ar", "ortsteil": "zentrum"}
    assert names(offer_search(alliance=alliance, filters=filters)) == [
        "Eltern-Kind-Gruppe Sonnenschein"
    ]
    filters["ortsteil"] = "gersdorf"
    assert names(offer_search(alliance=alliance, filters=filters)) == []


def test_accessibility_filter_uses_the_places(alliance, guide):
    wheelchair = offer_search(alliance=alliance, filters={"barrierefrei": ["rollstuhl"]})
    assert names(wheelchair) == ["Beratung bei Trennung und Scheidung"]
    pram = offer_search(alliance=alliance, filters={"barrierefrei": ["kinderwagen"]})
    assert set(names(pram)) == {"Eltern-Kind-Gruppe Sonnenschein", "Hebammensprechstunde"}


def test_weekday_filter_uses_sessions_and_opening_hours(alliance, guide):
    friday = names(offer_search(alliance=alliance, filters={"wochentag": "fr"}))
    assert "Jugendclub Dorfhaus" in friday
    assert "Beratung bei Trennung und Scheidung" in friday  # Rathaus is open on Fridays
    assert "Eltern-Kind-Gruppe Sonnenschein" not in friday  # meets on Tuesdays only


def test_open_now_filter(alliance, guide):
    tuesday_morning = dt.datetime(2026, 11, 24, 9, 30, tzinfo=BERLIN)
    open_now = names(
        offer_search(alliance=alliance, filters={"jetzt_offen": True}, now=tuesday_morning)
    )
    assert "Eltern-Kind-Gruppe Sonnenschein" in open_now
    assert "Jugendclub Dorfhaus" not in open_now
    sunday = dt.datetime(2026, 11, 22, 10, 0, tzinfo=BERLIN)
    assert names(offer_search(alliance=alliance, filters={"jetzt_offen": True}, now=sunday)) == []


def test_distance_sort_from_a_district(alliance, guide):
    outcome = offer_search(
        alliance=alliance, filters={"nahe": "ortsteil:gersdorf", "sortierung": "entfernung"}
    )
    assert names(outcome)[0] == "Jugendclub Dorfhaus"
    assert outcome.origin.label == "Gersdorf"
    distances = [offer.distance_km for offer in outcome.offers]
    assert distances[-1] is None  # the telephone line has no place: last
    assert distances[:-1] == sorted(distances[:-1])
    assert distances[0] < 0.5


def test_device_location_is_an_origin(alliance, guide):
    outcome = offer_search(alliance=alliance, filters={"lat": 50.9702, "lon": 13.1251})
    assert outcome.sort == "entfernung"
    assert names(outcome)[0] == "Beratung bei Trennung und Scheidung"


def test_search_is_scoped_to_the_alliance(alliance, other_alliance, guide, offer_factory):
    offer_factory(alliance=other_alliance, name="Eltern-Kind-Gruppe Prohlis")
    assert "Eltern-Kind-Gruppe Prohlis" not in names(
        offer_search(alliance=alliance, filters={"q": "Eltern"})
    )
    assert "Eltern-Kind-Gruppe Prohlis" not in names(offer_search(alliance=alliance, filters={}))


def test_pagination(alliance, offer_factory):
    for i in range(25):
        offer_factory(alliance=alliance, name=f"Angebot {i:02d}")
    first = offer_search(alliance=alliance, filters={}, page_size=20)
    second = offer_search(alliance=alliance, filters={"seite": 2}, page_size=20)
    assert first.total == 25 and len(first.offers) == 20 and len(second.offers) == 5
    assert offer_search(alliance=alliance, filters={"seite": 99}).page.number == 2
