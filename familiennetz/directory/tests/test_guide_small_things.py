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
