"""Opening hours and sessions as form rows: edit, review, keep rules the rows cannot show."""

import datetime as dt

import pytest
from django.urls import reverse

from familiennetz.directory.models import Schedule
from familiennetz.directory.schedule_fields import build_rule, simple_rule
from familiennetz.directory.tests.factories import LocationFactory, OfferFactory
from familiennetz.moderation.models import ChangeRequest

pytestmark = pytest.mark.django_db


def form_data(response) -> dict:
    """What a browser would send back for the rendered form."""
    data = {}
    for bound in response.context["form"]:
        value = bound.value()
        if value in (None, False, "", []):
            continue
        if isinstance(value, list | tuple):
            data[bound.name] = [str(v) for v in value]
        elif value is True:
            data[bound.name] = "on"
        elif isinstance(value, dt.time):
            data[bound.name] = value.strftime("%H:%M")
        else:
            data[bound.name] = str(value)
    return data


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=MO,WE", (["MO", "WE"], "")),
        ("FREQ=MONTHLY;BYDAY=2TU", (["TU"], "2")),
        ("FREQ=MONTHLY;BYDAY=-1FR", (["FR"], "-1")),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", None),
        ("FREQ=DAILY", None),
    ],
)
def test_simple_rules_round_trip(rule, expected):
    assert simple_rule(Schedule(rrule=rule)) == expected
    if expected:
        assert build_rule(*expected) == rule


def test_provider_changes_opening_hours_and_the_coordinator_sees_them_in_the_diff(
    client, provider, coordinator
):
    location = LocationFactory(alliance=provider.alliance, organisation=provider.organisation)
    Schedule.objects.create(
        alliance=location.alliance,
        location=location,
        kind="opening_hours",
        rrule="FREQ=WEEKLY;BYDAY=MO,TU",
        opens_at=dt.time(9),
        closes_at=dt.time(12),
    )
    kept = Schedule.objects.create(
        alliance=location.alliance,
        location=location,
        kind="opening_hours",
        rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
        opens_at=dt.time(10),
        closes_at=dt.time(12),
    )
    url = reverse(
        "directory:manage-location-update",
        kwargs={"alliance_slug": location.alliance.slug, "pk": location.pk},
    )
    client.force_login(provider.user)
    data = form_data(client.get(url))
    assert data["hours_0_days"] == ["MO", "TU"]
    data["hours_0_from"] = "10:00"
    data["hours_1_days"] = ["TH"]
    data["hours_1_week"] = "1"
    data["hours_1_from"] = "15:00"
    data["hours_1_to"] = "17:00"
    assert client.post(url, data).status_code == 302
    assert location.schedules.count() == 2  # unchanged until accepted

    item = ChangeRequest.objects.get()
    client.force_login(coordinator.user)
    rows = client.get(item.get_absolute_url()).context["diff"]
    diff = {row.name: (row.old, row.new) for row in rows if row.changed}
    assert diff["hours_0_from"] == ("09:00", "10:00")
    assert diff["hours_1_from"] == ("—", "15:00")
    assert set(diff) == {
        "hours_0_from",
        "hours_1_days",
        "hours_1_week",
        "hours_1_from",
        "hours_1_to",
    }
    client.post(item.get_absolute_url(), {"action": "accept"})
    rules = sorted(location.schedules.values_list("rrule", "opens_at"))
    assert rules == [
        ("FREQ=MONTHLY;BYDAY=1TH", dt.time(15)),
        ("FREQ=WEEKLY;BYDAY=MO,TU", dt.time(10)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", dt.time(10)),
    ]
    assert Schedule.objects.filter(pk=kept.pk).exists()


def test_session_needs_a_weekday_and_one_of_the_offers_places(client, coordinator):
    place = LocationFactory(alliance=coordinator.alliance)
    elsewhere = LocationFactory(alliance=coordinator.alliance)
    offer = OfferFactory(alliance=coordinator.alliance, locations=[place])
    url = reverse(
        "directory:manage-offer-update",
        kwargs={"alliance_slug": offer.alliance.slug, "pk": offer.pk},
    )
    client.force_login(coordinator.user)
    data = form_data(client.get(url))
    data.update({"sessions_0_from": "09:00", "sessions_0_place": str(elsewhere.pk)})
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "sessions_0_days" in errors and "sessions_0_place" in errors
    data.update(
        {"sessions_0_days": ["TU"], "sessions_0_place": str(place.pk), "sessions_0_to": "11:00"}
    )
    assert client.post(url, data).status_code == 302
    session = Schedule.objects.get(offer_location__offer=offer)
    assert (session.rrule, session.byday, session.opens_at) == (
        "FREQ=WEEKLY;BYDAY=TU",
        "TU",
        dt.time(9),
    )
