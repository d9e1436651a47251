from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from familiennetz.search.models import SearchDocument


def rebuild(*args) -> str:
    out = StringIO()
    call_command("rebuild_search_index", *args, stdout=out)
    return out.getvalue()


def test_rebuild_indexes_every_alliance_and_prints_a_summary(
    alliance, other_alliance, offer_factory
):
    offer_factory.create_batch(2, alliance=alliance)
    offer_factory(alliance=other_alliance)
    output = rebuild()
    assert "hainichen: indexed 2 offers" in output
    assert "prohlis: indexed 1 offers" in output
    assert "Indexed 3 offers in 2 alliances." in output
    assert SearchDocument.objects.count() == 3


def test_rebuild_of_one_alliance_leaves_the_others_alone(alliance, other_alliance, offer_factory):
    offer_factory(alliance=alliance)
    offer_factory(alliance=other_alliance)
    assert "Indexed 1 offers in 1 alliances." in rebuild("--alliance", "prohlis")
    assert list(SearchDocument.objects.values_list("alliance__slug", flat=True)) == ["prohlis"]


def test_dry_run_only_counts(alliance, offer_factory):
    offer_factory(alliance=alliance)
    assert "Would index 1 offers in 1 alliances." in rebuild("--dry-run")
    assert not SearchDocument.objects.exists()


def test_unknown_alliance_is_an_error(db):
    with pytest.raises(CommandError, match="no alliance"):
        rebuild("--alliance", "nirgendwo")
