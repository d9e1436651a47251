"""The home page's category tiles count published offers in a category or its children."""

from familiennetz.directory import selectors
from familiennetz.directory.models import Status
from familiennetz.directory.tests import factories as f


def test_counts_offers_of_children_once_and_only_published(alliance, other_alliance):
    top = f.CategoryFactory(alliance=alliance, name="Beratung", position=1)
    child = f.CategoryFactory(alliance=alliance, name="Erziehung", parent=top)
    other_top = f.CategoryFactory(alliance=alliance, name="Freizeit", position=2)
    f.CategoryFactory(alliance=alliance, name="Leer", position=3)  # no offers: no tile
    f.OfferFactory(alliance=alliance, categories=[top, child])  # counts once
    f.OfferFactory(alliance=alliance, categories=[child])
    f.OfferFactory(alliance=alliance, categories=[child], status=Status.DRAFT)
    f.OfferFactory(alliance=alliance, categories=[other_top])
    foreign = f.CategoryFactory(alliance=other_alliance, name="Beratung")
    f.OfferFactory(alliance=other_alliance, categories=[foreign])

    tiles = selectors.category_list_with_counts(alliance=alliance)

    assert [(c.name, c.offer_count) for c in tiles] == [("Beratung", 2), ("Freizeit", 1)]
