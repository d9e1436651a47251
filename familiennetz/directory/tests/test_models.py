import pytest
from django.db import IntegrityError, transaction

from familiennetz.directory.models import Offer
from familiennetz.directory.services import taxonomy_install


def test_age_min_above_max_is_rejected_by_the_database(alliance, offer_factory):
    with pytest.raises(IntegrityError), transaction.atomic():
        offer_factory(alliance=alliance, age_min_months=48, age_max_months=12)


def test_slug_is_unique_per_alliance_only(alliance, other_alliance, offer_factory):
    offer_factory(alliance=alliance, slug="elterncafe")
    offer_factory(alliance=other_alliance, slug="elterncafe")
    with pytest.raises(IntegrityError), transaction.atomic():
        offer_factory(alliance=alliance, slug="elterncafe")


def test_coordinates_out_of_range_are_rejected(alliance, location_factory):
    with pytest.raises(IntegrityError), transaction.atomic():
        location_factory(alliance=alliance, latitude=123.0, longitude=13.0)


def test_schedule_stores_weekdays_of_its_rule(alliance, schedule_factory):
    schedule = schedule_factory(alliance=alliance, rrule="FREQ=MONTHLY;BYDAY=2TU,-1FR")
    assert schedule.byday == "TU,FR"


def test_age_label_reads_naturally(alliance, offer_factory):
    assert offer_factory(alliance=alliance, age_min_months=6, age_max_months=36).age_label == (
        "6 Monate bis 3 Jahre"
    )
    assert offer_factory(alliance=alliance, age_min_months=0, age_max_months=36).age_label == (
        "0–3 Jahre"
    )
    assert offer_factory(alliance=alliance, age_min_months=72).age_label == "ab 6 Jahren"
    pregnancy = offer_factory(alliance=alliance, for_pregnancy=True, age_max_months=12)
    assert pregnancy.age_label == "Schwangerschaft, bis 1 Jahr"
    assert offer_factory(alliance=alliance).age_label == "Alle Altersgruppen"


def test_default_taxonomy_installs_with_synonyms(alliance):
    count = taxonomy_install(alliance=alliance)
    assert count >= 40
    kita = alliance.categories.get(code="betreuung.kita")
    assert "Kindertagesstätte" in kita.synonym_list()
    assert kita.parent.code == "betreuung"
    # idempotent
    assert taxonomy_install(alliance=alliance) == count
    assert alliance.categories.count() == count


def test_published_queryset_hides_drafts_and_archived(alliance, offer_factory):
    shown = offer_factory(alliance=alliance)
    offer_factory(alliance=alliance, status="draft")
    offer_factory(alliance=alliance, status="archived")
    assert list(Offer.objects.for_alliance(alliance).published()) == [shown]
