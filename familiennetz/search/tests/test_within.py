"""Searching within a set of offers (the guide's filters): the same order as filtering the
whole result, complete beyond MAX_RESULTS, and the same partial-match fallback."""

import pytest

from familiennetz.directory.models import Offer
from familiennetz.directory.tests import factories as f
from familiennetz.search import api
from familiennetz.search.api import search_offers


@pytest.fixture
def groups(alliance, committed):
    """Eight "Krabbelgruppe" offers; the two in Nord rank last (the word only in the text)."""
    with committed():
        offers = [
            f.OfferFactory(alliance=alliance, name=f"Krabbelgruppe {n}", summary="Krabbelgruppe")
            for n in range(6)
        ]
        offers += [
            f.OfferFactory(alliance=alliance, name=f"Nord {n}", summary="Eine Krabbelgruppe.")
            for n in range(2)
        ]
        f.OfferFactory(alliance=alliance, name="Mond und Sterne", summary="Krabbelgruppe Mond")
    return offers


def test_within_keeps_the_order_of_the_whole_result(alliance, groups):
    whole = search_offers(alliance=alliance, query="Krabbelgruppe").offer_ids
    odd = Offer.objects.filter(pk__in=[o.pk for o in groups[1::2]])
    within = search_offers(alliance=alliance, query="Krabbelgruppe", within=odd).offer_ids
    assert within == [pk for pk in whole if pk in set(odd.values_list("pk", flat=True))]
    assert len(within) == 4


def test_within_is_complete_beyond_the_result_limit(alliance, groups, monkeypatch):
    monkeypatch.setattr(api, "MAX_RESULTS", 3)
    nord = Offer.objects.filter(name__startswith="Nord")
    # The whole result stops after 3 offers, before the two in Nord …
    assert not set(search_offers(alliance=alliance, query="Krabbelgruppe").offer_ids) & set(
        nord.values_list("pk", flat=True)
    )
    # … a search within Nord ranks only those and finds both.
    found = search_offers(alliance=alliance, query="Krabbelgruppe", within=nord).offer_ids
    assert sorted(found) == sorted(nord.values_list("pk", flat=True))


def test_partial_matches_only_if_no_offer_has_every_word(alliance, groups):
    nord = Offer.objects.filter(name__startswith="Nord")
    # "Mond und Sterne" has both words but is outside: nothing, as when filtering afterwards.
    result = search_offers(alliance=alliance, query="Krabbelgruppe Mond", within=nord)
    assert result.offer_ids == [] and not result.is_partial
    # No offer has both words: the offers inside with one of them.
    result = search_offers(alliance=alliance, query="Krabbelgruppe Pferd", within=nord)
    assert sorted(result.offer_ids) == sorted(nord.values_list("pk", flat=True))
    assert result.is_partial
