"""The search finds offers by their translated text (SQLite and PostgreSQL: the whole suite
runs on both, DATABASE_URL)."""

from functools import partial

import pytest
from django.utils import translation

from familiennetz.directory.models import Offer
from familiennetz.search.api import search_offers
from familiennetz.translations import services


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return partial(django_capture_on_commit_callbacks, execute=True)


def names(alliance, query):
    ids = search_offers(alliance=alliance, query=query).offer_ids
    by_id = dict(Offer.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [by_id[pk] for pk in ids]


@pytest.fixture
def offers(alliance, offer_factory, category_factory, committed, coordinator):
    with committed():
        category = category_factory(alliance=alliance, name="Beratung", slug="beratung")
        counselling = offer_factory(
            alliance=alliance, name="Erziehungsberatung", summary="Hilfe bei Sorgen."
        )
        cafe = offer_factory(alliance=alliance, name="Elterncafé", categories=[category])
        other = offer_factory(alliance=alliance, name="Spielplatz am Teich")
    with committed():
        services.translation_save(
            obj=counselling,
            language="ar",
            texts={"name": "استشارة تربوية", "summary": "مساعدة عند القلق."},
            user=coordinator.user,
        )
        services.translation_save(
            obj=counselling,
            language="uk",
            texts={"name": "Консультація з питань виховання"},
            user=coordinator.user,
        )
        services.translation_save(
            obj=category, language="ru", texts={"name": "Консультирование"}, user=coordinator.user
        )
    return {"counselling": counselling, "cafe": cafe, "other": other}


def test_arabic_query_finds_the_offer_by_its_arabic_name(alliance, offers):
    assert names(alliance, "استشارة") == ["Erziehungsberatung"]
    assert names(alliance, "القلق") == ["Erziehungsberatung"]  # from the summary


def test_ukrainian_query_finds_the_offer_by_its_ukrainian_name(alliance, offers):
    assert names(alliance, "консультація виховання") == ["Erziehungsberatung"]


def test_translated_category_name_finds_the_category_offers(alliance, offers):
    assert names(alliance, "Консультирование") == ["Elterncafé"]


def test_removed_translation_is_no_longer_found(alliance, offers, committed, coordinator):
    with committed():
        services.translation_save(
            obj=offers["counselling"], language="ar", texts={"name": ""}, user=coordinator.user
        )
    assert names(alliance, "استشارة") == []
    assert names(alliance, "القلق") == ["Erziehungsberatung"]


def test_search_page_in_arabic_lists_the_translated_name(client, alliance, offers, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with translation.override("ar"):
        url = f"/ar/{alliance.slug}/suche/"
    text = client.get(url, {"q": "استشارة"}).text
    assert "استشارة تربوية" in text


def test_german_search_is_unchanged(alliance, offers):
    assert names(alliance, "Erziehungsberatung") == ["Erziehungsberatung"]
