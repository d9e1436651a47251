"""Shared personas and factories as fixtures (see STYLE.md §10)."""

import pytest

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.tests import factories as directory_factories


@pytest.fixture
def alliance(db):
    return AllianceFactory(slug="hainichen", name="Netzwerk Familie Hainichen")


@pytest.fixture
def other_alliance(db):
    return AllianceFactory(slug="prohlis", name="Bündnis Prohlis", latitude=51.0, longitude=13.8)


@pytest.fixture
def visitor(client):
    """An anonymous parent on the public guide."""
    return client


@pytest.fixture
def offer_factory(db):
    return directory_factories.OfferFactory


@pytest.fixture
def organisation_factory(db):
    return directory_factories.OrganisationFactory


@pytest.fixture
def location_factory(db):
    return directory_factories.LocationFactory


@pytest.fixture
def category_factory(db):
    return directory_factories.CategoryFactory


@pytest.fixture
def district_factory(db):
    return directory_factories.DistrictFactory


@pytest.fixture
def schedule_factory(db):
    return directory_factories.ScheduleFactory


@pytest.fixture(autouse=True)
def german_by_default():
    """Each test starts in German; a request to /en/… must not leak into the next test's
    reverse() calls (i18n_patterns prefix URLs with the active language)."""
    from django.utils import translation

    translation.activate("de")
    yield
    translation.activate("de")
