"""The index follows every change that alters what an offer is found by."""

from unittest import mock

import pytest
from django.db import transaction

from familiennetz.directory.models import Category, Language, Offer, OfferLocation
from familiennetz.search import indexing
from familiennetz.search.api import deferred_indexing, index_offer, search_offers
from familiennetz.search.models import SearchDocument, SearchTerm
from familiennetz.search.text import split_compound

from .conftest import names


def document(offer) -> SearchDocument:
    return SearchDocument.objects.get(offer=offer)


def indexed_name(offer) -> str:
    """The offer name as indexed, without the compound parts appended to it."""
    return document(offer).name.removesuffix(" ".join(split_compound(offer.name))).strip()


def lexicon(alliance) -> set[str]:
    return set(SearchTerm.objects.filter(alliance=alliance).values_list("folded", flat=True))


def test_new_offer_is_indexed_on_commit(alliance, offer_factory, committed):
    with committed():
        offer = offer_factory(alliance=alliance, name="Babyschwimmen")
        assert not SearchDocument.objects.filter(offer=offer).exists()
    assert indexed_name(offer) == "Babyschwimmen"
    assert "babyschwimmen" in lexicon(alliance)


def test_offer_changed_many_times_in_a_transaction_is_indexed_once(
    alliance, offer_factory, category_factory, location_factory, committed
):
    spy = mock.patch.object(indexing, "_index_one", wraps=indexing._index_one)
    with spy as index_one, committed():
        offer = offer_factory(
            alliance=alliance,
            categories=[category_factory(alliance=alliance)],
            locations=[location_factory(alliance=alliance)],
        )
        offer.name = "Neuer Name"
        offer.save()
    assert index_one.call_count == 1


def test_renamed_offer_is_found_by_its_new_name_only(alliance, offer_factory, committed):
    with committed():
        offer = offer_factory(alliance=alliance, name="Krabbelkäfer")
    with committed():
        offer.name = "Rasselbande"
        offer.save()
    assert names(alliance, "Rasselbande") == ["Rasselbande"]
    assert names(alliance, "Krabbelkäfer") == []
    assert "krabbelkafer" not in lexicon(alliance)


def test_deleted_offer_leaves_no_document_and_no_words(alliance, offer_factory, committed):
    with committed():
        offer = offer_factory(alliance=alliance, name="Spielkreis Wirbelwind")
        offer_factory(alliance=alliance, name="Spielkreis Löwenzahn")
    with committed():
        offer.delete()
    assert names(alliance, "Wirbelwind") == []
    assert names(alliance, "Spielkreis") == ["Spielkreis Löwenzahn"]
    assert "wirbelwind" not in lexicon(alliance)
    assert SearchTerm.objects.get(alliance=alliance, folded="spielkreis").document_count == 1


def test_category_added_and_removed_changes_what_finds_the_offer(
    alliance, offer_factory, category_factory, committed
):
    category = category_factory(alliance=alliance, name="Schwimmen")
    with committed():
        offer = offer_factory(alliance=alliance, name="Wasserratten")
    with committed():
        offer.categories.add(category)
    assert names(alliance, "Schwimmen") == ["Wasserratten"]
    with committed():
        offer.categories.remove(category)
    assert names(alliance, "Schwimmen") == []


def test_offers_added_from_the_category_side_are_reindexed(
    alliance, offer_factory, category_factory, committed
):
    category = category_factory(alliance=alliance, name="Schwimmen")
    with committed():
        offer = offer_factory(alliance=alliance, name="Wasserratten")
    with committed():
        category.offers.add(offer)
    assert names(alliance, "Schwimmen") == ["Wasserratten"]
    with committed():
        category.offers.clear()
    assert names(alliance, "Schwimmen") == []


def test_language_added_makes_the_offer_findable_by_it(alliance, offer_factory, committed):
    with committed():
        offer = offer_factory(alliance=alliance, name="Elterncafé")
    with committed():
        offer.languages.add(Language.objects.get(code="ar"))
    assert names(alliance, "Arabisch") == ["Elterncafé"]


def test_category_rename_and_new_synonyms_reach_the_documents(
    alliance, offer_factory, category_factory, committed
):
    category = category_factory(alliance=alliance, name="Spielgruppe")
    with committed():
        offer = offer_factory(alliance=alliance, name="Zwerge", categories=[category])
    with committed():
        category.name = "Krabbelgruppe"
        category.synonyms = "Purzelbaum"
        category.save()
    assert "Krabbelgruppe" in document(offer).categories
    assert names(alliance, "Krabbelgruppe") == ["Zwerge"]
    assert names(alliance, "Purzelbaum") == ["Zwerge"]  # through the synonym


def test_deleted_category_disappears_from_its_offers(
    alliance, offer_factory, category_factory, committed
):
    category = category_factory(alliance=alliance, name="Schwimmen")
    with committed():
        offer = offer_factory(alliance=alliance, name="Wasserratten", categories=[category])
    with committed():
        category.delete()
    assert "Schwimmen" not in document(offer).categories
    assert names(alliance, "Schwimmen") == []


def test_organisation_rename_reindexes_its_offers(
    alliance, offer_factory, organisation_factory, committed
):
    organisation = organisation_factory(alliance=alliance, name="Verein Alpha")
    with committed():
        offer_factory(alliance=alliance, name="Kinderturnen", organisation=organisation)
    with committed():
        organisation.name = "Sportfreunde Beta"
        organisation.save()
    assert names(alliance, "Sportfreunde") == ["Kinderturnen"]
    assert names(alliance, "Alpha") == []


def test_location_rename_reindexes_offers_there(
    alliance, offer_factory, location_factory, committed
):
    location = location_factory(alliance=alliance, name="Bürgerhaus")
    with committed():
        offer_factory(alliance=alliance, name="Kinderturnen", locations=[location])
    with committed():
        location.name = "Lindenhof"
        location.save()
    assert names(alliance, "Lindenhof") == ["Kinderturnen"]
    assert names(alliance, "Bürgerhaus") == []


def test_saving_without_relevant_changes_does_not_reindex(
    alliance, offer_factory, location_factory, committed
):
    location = location_factory(alliance=alliance, name="Bürgerhaus")
    with committed():
        offer_factory(alliance=alliance, locations=[location])
    with mock.patch.object(indexing, "index_offers") as index_offers, committed():
        location.latitude = 50.98
        location.save()
    index_offers.assert_not_called()


def test_offer_location_added_and_removed_changes_the_places(
    alliance, offer_factory, location_factory, committed
):
    location = location_factory(alliance=alliance, name="Lindenhof")
    with committed():
        offer = offer_factory(alliance=alliance, name="Kinderturnen")
    with committed():
        OfferLocation.objects.create(alliance=alliance, offer=offer, location=location)
    assert names(alliance, "Lindenhof") == ["Kinderturnen"]
    with committed():
        offer.offer_locations.all().delete()
    assert names(alliance, "Lindenhof") == []


def test_rolled_back_change_is_not_indexed(alliance, offer_factory, committed):
    with committed():
        offer = offer_factory(alliance=alliance, name="Rasselbande")
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        offer.name = "Seepferdchen"
        offer.save()
        raise RuntimeError
    assert indexed_name(offer) == "Rasselbande"


def test_deferred_indexing_reindexes_each_touched_alliance_once_at_the_end(
    alliance, other_alliance, offer_factory
):
    with mock.patch.object(
        indexing, "reindex_alliance_id", wraps=indexing.reindex_alliance_id
    ) as reindex:
        with deferred_indexing():
            offer_factory(alliance=alliance, name="Babytreff")
            offer_factory(alliance=alliance, name="Elterncafé")
            offer_factory(alliance=other_alliance, name="Krabbelgruppe")
            assert SearchDocument.objects.count() == 0
        assert sorted(call.args for call in reindex.call_args_list) == sorted(
            [(alliance.pk,), (other_alliance.pk,)]
        )
    assert SearchDocument.objects.count() == 3


def test_deferred_indexing_can_be_told_about_bulk_created_offers(alliance, offer_factory):
    organisation = offer_factory(alliance=alliance).organisation
    with deferred_indexing() as touched:
        Offer.objects.bulk_create(
            [Offer(alliance=alliance, organisation=organisation, name="Leseclub", slug="lese")]
        )
        touched.add(alliance.pk)
    assert SearchDocument.objects.filter(alliance=alliance).count() == 2


def test_offers_missing_from_the_index_are_indexed_on_the_next_search(alliance, offer_factory):
    # Without on-commit hooks (a test transaction, bulk_create, a database restored from
    # before the search existed), a search indexes the offers it is missing first.
    offer_factory(alliance=alliance, name="Leseclub")
    assert not SearchDocument.objects.exists()
    assert names(alliance, "Leseclub") == ["Leseclub"]


def test_many_missing_offers_are_indexed_by_one_rebuild(alliance, offer_factory):
    organisation = offer_factory(alliance=alliance).organisation
    Offer.objects.bulk_create(
        Offer(alliance=alliance, organisation=organisation, name=f"Kurs {n}", slug=f"kurs-{n}")
        for n in range(indexing.MAX_MISSING_ONE_BY_ONE + 1)
    )
    rebuild = mock.patch.object(indexing, "reindex_alliance_id", wraps=indexing.reindex_alliance_id)
    with rebuild as reindex:
        assert len(names(alliance, "Kurs")) == indexing.MAX_MISSING_ONE_BY_ONE + 1
    reindex.assert_called_once_with(alliance.pk)


def test_index_offer_indexes_at_once(alliance, offer_factory):
    offer = offer_factory(alliance=alliance, name="Leseclub")
    index_offer(offer)
    assert indexed_name(offer) == "Leseclub"


def test_reindex_rebuilds_documents_and_word_counts(alliance, offer_factory, committed):
    with committed():
        offer_factory(alliance=alliance, name="Spielkreis Nord")
        offer_factory(alliance=alliance, name="Spielkreis Süd")
    SearchTerm.objects.filter(alliance=alliance).delete()
    assert indexing.reindex_alliance_id(alliance.pk) == 2
    assert SearchTerm.objects.get(alliance=alliance, folded="spielkreis").document_count == 2


@pytest.mark.django_db(transaction=True)
def test_offer_saved_in_a_real_transaction_is_indexed_after_commit(alliance, offer_factory):
    with transaction.atomic():
        offer = offer_factory(alliance=alliance, name="Familienfrühstück")
        assert not SearchDocument.objects.filter(offer=offer).exists()
    assert indexed_name(offer) == "Familienfrühstück"
    assert search_offers(alliance=alliance, query="Familienfrühstück").offer_ids == [offer.pk]


@pytest.mark.django_db(transaction=True)
def test_category_deleted_in_a_real_transaction_is_removed_after_commit(
    alliance, offer_factory, category_factory
):
    category = category_factory(alliance=alliance, name="Schwimmen")
    offer = offer_factory(alliance=alliance, name="Wasserratten", categories=[category])
    assert "Schwimmen" in document(offer).categories
    Category.objects.filter(pk=category.pk).delete()
    assert "Schwimmen" not in document(offer).categories
