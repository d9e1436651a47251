"""A small German corpus for the search tests (alliance "hainichen")."""

from functools import partial

import pytest

from familiennetz.directory.models import Offer
from familiennetz.directory.services import taxonomy_install
from familiennetz.directory.tests import factories as f
from familiennetz.search.api import search_offers


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): …`` runs the block's on-commit hooks at its end, like a commit."""
    return partial(django_capture_on_commit_callbacks, execute=True)


def names(alliance, query: str) -> list[str]:
    """Names of the offers found for ``query``, best first."""
    ids = search_offers(alliance=alliance, query=query).offer_ids
    by_id = dict(Offer.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [by_id[pk] for pk in ids]


@pytest.fixture
def corpus(alliance, committed):
    with committed():
        taxonomy_install(alliance=alliance)
        cat = {c.code: c for c in alliance.categories.all()}
        friedensstrasse = f.LocationFactory(
            alliance=alliance, name="Stadtteilhaus", street="Straße des Friedens 5"
        )
        markt = f.LocationFactory(alliance=alliance, name="Rathaus", street="Markt 1")
        sued = f.OrganisationFactory(alliance=alliance, name="Familienzentrum Süd e.V.")
        offers = {
            "sued": f.OfferFactory(
                alliance=alliance,
                organisation=sued,
                name="Familienzentrum Süd",
                summary="Offener Treff für Familien mit Elterncafé.",
                categories=[cat["elternbildung.familienzentrum"]],
                locations=[markt],
            ),
            "beratung": f.OfferFactory(
                alliance=alliance,
                name="Beratung für Eltern",
                summary="Hilfe bei Erziehungsfragen und Konflikten in der Familie.",
                categories=[cat["beratung.erziehung"]],
                locations=[markt],
            ),
            "hebamme": f.OfferFactory(
                alliance=alliance,
                name="Hebamme Anja Krause",
                summary="Vorsorge, Geburtsvorbereitung und Wochenbettbetreuung.",
                categories=[cat["schwangerschaft.hebamme"]],
            ),
            "zwerge": f.OfferFactory(
                alliance=alliance,
                name="Zwergentreff",
                summary="Für Eltern mit Babys von 0 bis 18 Monaten.",
                categories=[cat["elternbildung.eltern-kind-gruppe"]],
                locations=[friedensstrasse],
            ),
            "kita": f.OfferFactory(
                alliance=alliance,
                name="Kita Sonnenschein",
                summary="Betreuung für Kinder von 1 bis 6 Jahren.",
                categories=[cat["betreuung.kita"]],
            ),
            "pusteblume": f.OfferFactory(
                alliance=alliance,
                name="Kindergarten Pusteblume",
                summary="Ein Garten zum Spielen und Lernen.",
            ),
            "spielplatz": f.OfferFactory(
                alliance=alliance,
                name="Spielplatz am Teich",
                summary="Sandkasten, Schaukeln und Wasserspiel.",
                categories=[cat["freizeit.spielplatz"]],
            ),
            "kinderarztpraxis": f.OfferFactory(
                alliance=alliance,
                name="Kinderarztpraxis Dr. Lange",
                summary="Vorsorgeuntersuchungen und Impfungen.",
            ),
            "yilmaz": f.OfferFactory(
                alliance=alliance,
                name="Praxis Dr. Yilmaz",
                summary="Sprechstunde für Säuglinge und Kleinkinder.",
                categories=[cat["gesundheit.kinderarzt"]],
            ),
            "nachbarschaft": f.OfferFactory(
                alliance=alliance,
                name="Zentrum für Familien und Nachbarschaft",
                summary="Begegnung im Quartier.",
            ),
        }
    return offers
