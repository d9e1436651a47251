"""The demo's care work: a year of case consultations, a contact matrix with a few gaps,
stakeholder ratings with suggestions, for both demo alliances."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from familiennetz.alliances.models import Alliance
from familiennetz.demo.content import DEMO_ALLIANCES
from familiennetz.demo.content.reports import remove_generated
from familiennetz.demo.services import DEMO_ADMIN_EMAIL
from familiennetz.network import care_selectors
from familiennetz.network.anonymity import personal_data_problems
from familiennetz.network.models import CaseConsultation, StakeholderRating

SLUGS = [spec.slug for spec in DEMO_ALLIANCES]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--quiet")
        yield
        with transaction.atomic():
            Alliance.objects.filter(slug__in=SLUGS).delete()
            remove_generated()  # the state office's generated demo networks
            get_user_model().objects.filter(email=DEMO_ADMIN_EMAIL).delete()


@pytest.mark.parametrize("slug", SLUGS)
def test_each_demo_alliance_has_its_care_work(seeded, db, slug):
    alliance = Alliance.objects.get(slug=slug)
    consultations = CaseConsultation.objects.filter(alliance=alliance)
    assert consultations.count() >= 30
    oldest = consultations.order_by("consulted_on").first().consulted_on
    assert (dt.date.today() - oldest).days > 300  # about a year
    assert not any(personal_data_problems(c.note) for c in consultations)
    matrix = care_selectors.contact_matrix(
        alliance=alliance, sector=care_selectors.matrix_default_sector(alliance=alliance)
    )
    assert [c.key for c in matrix.columns] == ["asd", "health", "counselling"]
    assert matrix.rows and 0 < matrix.gap_count < len(matrix.rows) * 3
    assert StakeholderRating.objects.filter(alliance=alliance).count() >= 30
    assert care_selectors.stakeholder_suggestions(alliance=alliance)
