"""A place gets its district whenever it is saved with coordinates: ORM, forms, the API."""

import pytest

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.models import Location
from familiennetz.directory.tests.factories import LocationFactory, OrganisationFactory

from .factories import point, square_grid

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    alliance = AllianceFactory(slug="stadt", latitude=51.0, longitude=13.0)
    west, east = square_grid(alliance, ["West", "Ost"])
    return alliance, west, east


def test_orm_save_assigns_and_moving_reassigns(town):
    alliance, west, east = town
    lat, lon = point(1, 1)
    place = LocationFactory(alliance=alliance, latitude=lat, longitude=lon, district=None)
    assert place.district == west
    place.latitude, place.longitude = point(3, 1)
    place.save(update_fields=["latitude", "longitude"])
    place.refresh_from_db()
    assert place.district == east


def test_place_outside_every_boundary_is_not_forced_in(town):
    alliance, _west, _east = town
    lat, lon = point(1, 1)
    place = LocationFactory(alliance=alliance, latitude=lat, longitude=lon)
    place.latitude, place.longitude = point(30, 30)
    place.save()
    place.refresh_from_db()
    assert place.district is None


def test_hand_chosen_district_without_boundary_stays(town):
    alliance, _west, _east = town
    from familiennetz.socialspace.models import District

    village = District.objects.create(alliance=alliance, name="Dorf", slug="dorf")
    lat, lon = point(30, 30)
    place = LocationFactory(alliance=alliance, latitude=lat, longitude=lon, district=village)
    assert place.district == village


def test_places_of_another_alliance_never_get_its_districts(town, other_alliance):
    lat, lon = point(1, 1)
    place = LocationFactory(alliance=other_alliance, latitude=lat, longitude=lon, district=None)
    assert place.district is None


def test_place_created_through_the_api_gets_its_district(town, client):
    from familiennetz.accounts.tests.factories import UserFactory
    from familiennetz.alliances.tests.factories import MembershipFactory

    alliance, west, _east = town
    OrganisationFactory(alliance=alliance, slug="traeger")
    user = UserFactory()
    MembershipFactory(user=user, alliance=alliance, role="coordinator")
    from familiennetz.accounts.services import API_TOKEN_VALID_DAYS, api_token_create

    _token, raw = api_token_create(
        user=user, name="Test", valid_days=sorted(API_TOKEN_VALID_DAYS)[0]
    )
    lat, lon = point(1, 1)
    response = client.post(
        f"/api/v1/{alliance.slug}/locations",
        {"organisation": "traeger", "name": "Neuer Ort", "latitude": lat, "longitude": lon},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 201, response.content
    assert Location.objects.get(name="Neuer Ort").district == west
