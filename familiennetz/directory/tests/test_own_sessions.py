"""An offer's own regular sessions (no place, ADR 1540) as rows of the workspace offer form:
a row without a place is a session of the offer itself; it can be added, changed and removed
like a session at a place, through the same save path (review, history, calendar)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from familiennetz.directory.models import Schedule
from familiennetz.directory.tests.factories import LocationFactory, OfferFactory
from familiennetz.directory.tests.test_schedule_rows import form_data
from familiennetz.events.models import Event
from familiennetz.moderation.models import ChangeRequest

pytestmark = pytest.mark.django_db


def edit_url(offer) -> str:
    return reverse(
        "directory:manage-offer-update",
        kwargs={"alliance_slug": offer.alliance.slug, "pk": offer.pk},
    )


def own_session(offer, rrule="FREQ=WEEKLY;BYDAY=TU", opens=dt.time(10), closes=dt.time(12)):
    """An own session as the HSDS import writes it (a service schedule without a place)."""
    return Schedule.objects.create(
        alliance=offer.alliance,
        offer=offer,
        kind=Schedule.Kind.SESSION,
        rrule=rrule,
        opens_at=opens,
        closes_at=closes,
        description="per Video",
    )


def sessions_of(offer) -> list[tuple]:
    return sorted(
        Schedule.objects.filter(offer=offer).values_list("rrule", "opens_at", "closes_at")
    )


def test_an_imported_own_session_is_a_prefilled_row_without_a_place(client, coordinator):
    offer = OfferFactory(alliance=coordinator.alliance)
    own_session(offer)
    client.force_login(coordinator.user)
    response = client.get(edit_url(offer))
    data = form_data(response)
    assert data["sessions_0_days"] == ["TU"]
    assert data["sessions_0_from"] == "10:00" and data["sessions_0_to"] == "12:00"
    assert data["sessions_0_note"] == "per Video"
    assert "sessions_0_place" not in data  # no place chosen
    assert "(kein Ort – Termin des Angebots)" in response.text


def test_coordinator_changes_and_removes_an_own_session(client, coordinator):
    offer = OfferFactory(alliance=coordinator.alliance)
    session = own_session(offer)
    client.force_login(coordinator.user)
    data = form_data(client.get(edit_url(offer)))
    data.update({"sessions_0_days": ["WE", "FR"], "sessions_0_from": "16:00"})
    data.pop("sessions_0_to")
    assert client.post(edit_url(offer), data).status_code == 302
    # Changed, not duplicated, still the offer's own (no place).
    assert sessions_of(offer) == [("FREQ=WEEKLY;BYDAY=WE,FR", dt.time(16), None)]
    assert not Schedule.objects.filter(offer_location__offer=offer).exists()
    assert not Schedule.objects.filter(pk=session.pk).exists()
    # Saving again unchanged keeps exactly one.
    data = form_data(client.get(edit_url(offer)))
    assert client.post(edit_url(offer), data).status_code == 302
    assert sessions_of(offer) == [("FREQ=WEEKLY;BYDAY=WE,FR", dt.time(16), None)]
    # Emptying the row removes it.
    for key in [k for k in data if k.startswith("sessions_0_")]:
        del data[key]
    assert client.post(edit_url(offer), data).status_code == 302
    assert sessions_of(offer) == []


def test_provider_adds_an_own_session_next_to_a_session_at_a_place(client, provider):
    place = LocationFactory(alliance=provider.alliance)
    offer = OfferFactory(
        alliance=provider.alliance,
        organisation=provider.organisation,
        locations=[place],
        status="draft",
        published_at=None,
    )
    client.force_login(provider.user)
    data = form_data(client.get(edit_url(offer)))
    data.update(
        {
            "sessions_0_days": ["MO"],
            "sessions_0_from": "09:00",
            "sessions_0_place": str(place.pk),
            "sessions_1_days": ["TH"],
            "sessions_1_week": "2",
            "sessions_1_from": "19:00",
            "sessions_1_to": "20:00",
            "sessions_1_note": "online",
        }
    )
    assert client.post(edit_url(offer), data).status_code == 302
    at_place = Schedule.objects.get(offer_location__offer=offer)
    assert (at_place.rrule, at_place.offer_location.location) == ("FREQ=WEEKLY;BYDAY=MO", place)
    own = Schedule.objects.get(offer=offer)
    assert (own.rrule, own.opens_at, own.description) == (
        "FREQ=MONTHLY;BYDAY=2TH",
        dt.time(19),
        "online",
    )
    assert own.offer_location_id is None and own.kind == Schedule.Kind.SESSION


def test_a_place_row_still_needs_the_place_ticked_and_the_input_stays(client, coordinator):
    place = LocationFactory(alliance=coordinator.alliance)
    offer = OfferFactory(alliance=coordinator.alliance)
    client.force_login(coordinator.user)
    data = form_data(client.get(edit_url(offer)))
    data.update(
        {
            "sessions_0_days": ["MO"],
            "sessions_0_from": "09:00",
            "sessions_0_place": str(place.pk),  # not ticked under "Places"
            "sessions_1_days": ["TU"],
            "sessions_1_from": "18:00",
        }
    )
    response = client.post(edit_url(offer), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["sessions_0_place"]
    assert response.context["form"]["sessions_1_from"].value() == "18:00"  # nothing lost
    assert not Schedule.objects.filter(offer=offer).exists()


def test_own_rules_the_rows_cannot_show_are_kept(client, coordinator):
    offer = OfferFactory(alliance=coordinator.alliance)
    fortnightly = own_session(offer, rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=SA")
    own_session(offer)
    client.force_login(coordinator.user)
    response = client.get(edit_url(offer))
    assert response.context["form"].other_schedules == [fortnightly]
    data = form_data(response)
    for key in [k for k in data if k.startswith("sessions_0_")]:
        del data[key]
    assert client.post(edit_url(offer), data).status_code == 302
    assert list(Schedule.objects.filter(offer=offer)) == [fortnightly]


def test_providers_own_session_for_a_published_offer_waits_for_review(
    client, provider, coordinator
):
    offer = OfferFactory(alliance=provider.alliance, organisation=provider.organisation)
    own_session(offer)
    client.force_login(provider.user)
    data = form_data(client.get(edit_url(offer)))
    data.update({"sessions_1_days": ["FR"], "sessions_1_from": "17:00", "sessions_1_to": "18:00"})
    assert client.post(edit_url(offer), data).status_code == 302
    assert sessions_of(offer) == [("FREQ=WEEKLY;BYDAY=TU", dt.time(10), dt.time(12))]

    item = ChangeRequest.objects.get(object_id=offer.pk)
    client.force_login(coordinator.user)
    rows = client.get(item.get_absolute_url()).context["diff"]
    diff = {row.name: (row.old, row.new) for row in rows if row.changed}
    assert diff["sessions_1_from"] == ("—", "17:00")
    assert "sessions_0_from" not in diff  # the imported session is unchanged
    assert client.post(item.get_absolute_url(), {"action": "accept"}).status_code == 302
    assert sessions_of(offer) == [
        ("FREQ=WEEKLY;BYDAY=FR", dt.time(17), dt.time(18)),
        ("FREQ=WEEKLY;BYDAY=TU", dt.time(10), dt.time(12)),
    ]
    assert not Schedule.objects.filter(offer_location__offer=offer).exists()
    # The history records the new session with the reviewer.
    new = Schedule.objects.get(offer=offer, byday="FR")
    assert new.history.get().history_type == "+"


def test_provider_cannot_edit_another_organisations_offer(client, provider):
    offer = OfferFactory(alliance=provider.alliance)  # another organisation's
    session = own_session(offer)
    client.force_login(provider.user)
    assert client.get(edit_url(offer)).status_code in (403, 404)
    response = client.post(
        edit_url(offer), {"name": offer.name, "sessions_0_days": ["MO"], "sessions_0_from": "08:00"}
    )
    assert response.status_code in (403, 404)
    assert list(Schedule.objects.filter(offer=offer)) == [session]
    assert not ChangeRequest.objects.exists()


def test_a_new_own_session_shows_on_the_offer_page_and_in_the_calendar_week(
    client, coordinator, django_capture_on_commit_callbacks
):
    offer = OfferFactory(alliance=coordinator.alliance, name="Elternberatung per Video")
    today = timezone.localdate()
    thursday = today + dt.timedelta(days=(3 - today.weekday()) % 7 or 7)
    client.force_login(coordinator.user)
    data = form_data(client.get(edit_url(offer)))
    data.update({"sessions_0_days": ["TH"], "sessions_0_from": "19:00", "sessions_0_to": "20:00"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url(offer), data).status_code == 302
    assert Event.objects.filter(schedule__offer=offer, location__isnull=True).count() == 1
    client.logout()

    page = client.get(offer.get_absolute_url())
    assert "Regelmäßige Zeiten" in page.text
    assert formats.date_format(thursday, "MONTH_DAY_FORMAT") in page.text
    week = client.get(
        reverse("events:calendar", kwargs={"alliance_slug": offer.alliance.slug}),
        {"ansicht": "woche", "von": thursday.isoformat()},
    )
    day = next(d for d in week.context["days"] if d.date == thursday)
    assert [e.event.title for e in day.entries] == ["Elternberatung per Video"]
    assert "19:00" in week.text


def test_removing_an_own_session_takes_its_dates_out_of_the_calendar(
    client, coordinator, django_capture_on_commit_callbacks
):
    offer = OfferFactory(alliance=coordinator.alliance)
    with django_capture_on_commit_callbacks(execute=True):
        own_session(offer)
    assert Event.objects.filter(offer=offer).count() == 1
    client.force_login(coordinator.user)
    data = form_data(client.get(edit_url(offer)))
    for key in [k for k in data if k.startswith("sessions_0_")]:
        del data[key]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url(offer), data).status_code == 302
    assert not Event.objects.filter(offer=offer).exists()
