"""Filters that leave no offer at all (an empty id list) give an empty search result, not a
server error (found by schemathesis on /api/v1/<alliance>/offers, issue 18)."""

from familiennetz.directory.models import Offer
from familiennetz.directory.tests.factories import OfferFactory
from familiennetz.search.api import search_offers


def test_a_restriction_to_no_offers_finds_nothing(alliance):
    OfferFactory(alliance=alliance, name="Elterncafé")
    result = search_offers(
        alliance=alliance, query="Elterncafé", within=Offer.objects.filter(pk__in=[])
    )
    assert result.offer_ids == []
