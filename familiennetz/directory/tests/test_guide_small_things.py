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
