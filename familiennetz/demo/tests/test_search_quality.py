"""Acceptance: German search quality on the demo corpus, through the public search selector.

Runs on SQLite and, in CI, again on PostgreSQL with the same expectations.
"""

import pytest
from django.core.management import call_command
from django.db import transaction

from familiennetz.alliances.models import Alliance
from familiennetz.demo.content.reports import remove_generated
from familiennetz.directory.selectors import offer_search

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("seeded")]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--quiet")
        yield
        with transaction.atomic():
            Alliance.objects.filter(slug__in=["hainichen", "prohlis"]).delete()
            remove_generated()  # the state office's generated demo networks


def search(slug: str, **filters):
    return offer_search(alliance=Alliance.objects.get(slug=slug), filters=filters)


def top(slug: str, n: int = 5, **filters) -> list[str]:
    return [offer.name for offer in search(slug, **filters).offers[:n]]


def test_synonym_krabbelgruppe_finds_parent_child_groups(db):
    names = top("hainichen", q="Krabbelgruppe")
    assert any(name.startswith("Eltern-Kind-Gruppe") for name in names), names


def test_stem_beratungen_finds_beratung(db):
    names = top("prohlis", n=10, q="Beratungen")
    assert sum("beratung" in name.lower() for name in names) >= 7, names


def test_umlaut_free_spelling_finds_sued(db):
    for query in ["Familienzentrum Sud", "Familienzentrum Sued"]:
        assert top("prohlis", n=1, q=query) == ["Familienzentrum Süd"] or any(
            "Familienzentrum Süd" in name for name in top("prohlis", n=3, q=query)
        ), query


def test_typo_hebame_finds_midwives_and_suggests_the_spelling(db):
    outcome = search("prohlis", q="Hebame")
    names = [offer.name for offer in outcome.offers[:5]]
    assert any("Hebamme" in name for name in names), names
    assert outcome.suggestion and "hebamme" in outcome.suggestion.lower()


def test_counselling_comes_first_for_trennung(db):
    names = top("hainichen", n=3, q="Trennung")
    assert names and "Trennung" in names[0], names


def test_text_and_filters_combine(db):
    free_toddler = search("hainichen", q="Krabbelgruppe", kostenlos=True, alter="0-3")
    assert free_toddler.total >= 1
    for offer in free_toddler.offers:
        assert offer.is_free
        assert offer.age_min_months is None or offer.age_min_months <= 36, offer.name
    # The same words for teenagers: no toddler group may slip through the age filter.
    teenagers = search("hainichen", q="Krabbelgruppe", alter="14-18")
    for offer in teenagers.offers:
        assert offer.age_max_months is None or offer.age_max_months >= 14 * 12, offer.name
    assert "Eltern-Kind-Gruppe Sonnenschein" not in [o.name for o in teenagers.offers]


def test_distance_ordering_from_a_district(db):
    alliance = Alliance.objects.get(slug="prohlis")
    district = alliance.districts.exclude(latitude=None).first()
    outcome = search("prohlis", q="Kita", nahe=f"ortsteil:{district.slug}", sortierung="entfernung")
    distances = [o.distance_km for o in outcome.offers if o.distance_km is not None]
    assert len(distances) >= 5
    assert distances == sorted(distances)


def test_drafts_and_archived_never_appear(db):
    from familiennetz.directory.models import Offer

    hidden = Offer.objects.filter(alliance__slug="hainichen").exclude(status="published")
    assert hidden.exists()
    shown = set(search("hainichen").page.paginator.object_list)
    assert not shown & set(hidden.values_list("pk", flat=True))
