"""A search never sees another alliance's offers, words or taxonomy."""

from familiennetz.search.api import reindex_alliance, search_offers

from .conftest import names


def test_search_never_returns_another_alliances_offers(
    alliance, other_alliance, offer_factory, committed
):
    with committed():
        own = offer_factory(alliance=alliance, name="Hebamme Hainichen")
        foreign = offer_factory(alliance=other_alliance, name="Hebamme Prohlis")
    found = search_offers(alliance=alliance, query="Hebamme").offer_ids
    assert found == [own.pk]
    assert foreign.pk in search_offers(alliance=other_alliance, query="Hebamme").offer_ids


def test_other_alliances_words_are_not_used_for_corrections(
    alliance, other_alliance, offer_factory, committed
):
    with committed():
        offer_factory(alliance=alliance, name="Elterncafé")
        offer_factory(alliance=other_alliance, name="Hebamme Prohlis")
    result = search_offers(alliance=alliance, query="Hebame")
    assert result.offer_ids == []
    assert result.suggestion is None


def test_other_alliances_synonyms_are_not_used(
    alliance, other_alliance, offer_factory, category_factory, committed
):
    with committed():
        offer_factory(alliance=alliance, name="Kita Sonnenschein")
        category_factory(alliance=other_alliance, name="Kita", synonyms="Kindergarten")
    assert names(alliance, "Kindergarten") == []


def test_reindexing_one_alliance_leaves_the_other_alone(
    alliance, other_alliance, offer_factory, committed
):
    with committed():
        offer_factory(alliance=alliance, name="Babytreff")
        foreign = offer_factory(alliance=other_alliance, name="Babytreff Prohlis")
    assert reindex_alliance(alliance=alliance) == 1
    assert search_offers(alliance=other_alliance, query="Babytreff").offer_ids == [foreign.pk]
