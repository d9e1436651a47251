"""A hand-built data set for the figures of 2025 (every number in test_figures.py is counted
by hand from this module)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from familiennetz.directory.models import Offer, OfferLocation, Status
from familiennetz.directory.tests.factories import (
    CategoryFactory,
    DistrictFactory,
    LocationFactory,
    OfferFactory,
    OrganisationFactory,
)
from familiennetz.events.models import EventStatus, Registration
from familiennetz.events.tests.factories import (
    EventFactory,
    OccurrenceFactory,
    RegistrationFactory,
)
from familiennetz.governance.models import Attendance
from familiennetz.governance.tests import factories as gf
from familiennetz.network.models import Partner, Sector

BERLIN = ZoneInfo("Europe/Berlin")
YEAR = 2025


def at(year, month, day, hour=10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=BERLIN)


def backdate(entry, when: dt.datetime) -> None:
    """As if the entry (offer, place, an offer's place) had been created (and its history
    begun) at ``when``."""
    model = type(entry)
    model.objects.filter(pk=entry.pk).update(created_at=when)
    model.history.filter(id=entry.pk).update(history_date=when)


def build(alliance) -> dict:
    kita = Sector.objects.create(alliance=alliance, code="kita", name="Kindertagesbetreuung")
    jhilfe = Sector.objects.create(alliance=alliance, code="jugendhilfe", name="Jugendhilfe")

    def partner(name, sector, **kwargs):
        organisation = OrganisationFactory(alliance=alliance, name=name)
        return Partner.objects.create(
            alliance=alliance, organisation=organisation, sector=sector, **kwargs
        )

    p1 = partner("Kita Regenbogen", kita, member_since=dt.date(2020, 1, 1))
    p2 = partner("Kita Sonnenblume", kita, member_since=dt.date(2025, 3, 1))  # new
    partner("Kita Wirbelwind", kita, member_since=dt.date(2019, 1, 1), left_on=dt.date(2025, 6, 30))
    p4 = partner("Jugendamt", jhilfe)
    partner("Erziehungsberatung", jhilfe, left_on=dt.date(2026, 2, 1))  # still in at the end
    partner("Hebammenpraxis", None)
    partner("Autohaus Meier", kita, role=Partner.Role.TO_APPROACH)
    partner("Kita Neubau", kita, member_since=dt.date(2026, 1, 5))  # joins after the year

    steering = gf.BodyFactory(alliance=alliance, name="Steuerungsgruppe", kind="steering")
    group = gf.BodyFactory(alliance=alliance, name="AG Übergänge", kind="working_group")
    held = "held"
    m1 = gf.MeetingFactory(body=steering, starts_at=at(2025, 2, 10), status=held)
    gf.MeetingFactory(body=steering, starts_at=at(2025, 9, 8), status=held)
    gf.MeetingFactory(body=steering, starts_at=at(2025, 11, 3), status="cancelled")
    m4 = gf.MeetingFactory(body=group, starts_at=at(2025, 5, 5), status=held)
    gf.MeetingFactory(body=group, starts_at=at(2024, 5, 5), status=held)  # the year before
    for index in range(6):
        contact = gf.ContactPersonFactory(alliance=alliance, partner=p1 if index < 3 else p4)
        Attendance.objects.create(
            alliance=alliance,
            meeting=m1,
            contact=contact,
            partner=contact.partner,
            status="present",
        )
    excused = gf.ContactPersonFactory(alliance=alliance, partner=p2)
    Attendance.objects.create(
        alliance=alliance, meeting=m1, contact=excused, partner=p2, status="excused"
    )
    for _index in range(2):
        contact = gf.ContactPersonFactory(alliance=alliance, partner=p2)
        Attendance.objects.create(
            alliance=alliance, meeting=m4, contact=contact, partner=p2, status="present"
        )

    beratung = CategoryFactory(alliance=alliance, name="Beratung")
    erziehung = CategoryFactory(alliance=alliance, name="Erziehungsberatung", parent=beratung)
    bildung = CategoryFactory(alliance=alliance, name="Familienbildung")
    district = DistrictFactory(alliance=alliance, name="Altstadt")
    place = LocationFactory(alliance=alliance, district=district)
    backdate(place, at(2023, 6, 1))
    o1 = OfferFactory(
        alliance=alliance,
        name="Erziehungssprechstunde",
        categories=[erziehung],
        is_free=True,
        languages=["de", "ar"],
        locations=[place],
    )
    o2 = OfferFactory(
        alliance=alliance,
        name="Krabbelgruppe",
        categories=[bildung],
        age_min_months=0,
        age_max_months=35,
        languages=["de"],
        locations=[place],
    )
    o3 = OfferFactory(alliance=alliance, name="Elternkurs", categories=[beratung, bildung])
    o4 = OfferFactory(alliance=alliance, name="Entwurf", status=Status.DRAFT)
    o5 = OfferFactory(alliance=alliance, name="Babyschwimmen")
    o6 = OfferFactory(alliance=alliance, name="Neues 2026")
    o5.status = Status.ARCHIVED
    o5.save()
    Offer.history.filter(id=o5.pk, status=Status.ARCHIVED).update(history_date=at(2025, 8, 1))
    Offer.history.filter(id=o5.pk).exclude(status=Status.ARCHIVED).update(
        history_date=at(2023, 1, 1)
    )
    for offer, created in [
        (o1, at(2024, 1, 1)),
        (o2, at(2024, 2, 1)),
        (o3, at(2025, 5, 1)),
        (o4, at(2025, 6, 1)),
        (o5, at(2023, 1, 1)),
        (o6, at(2026, 3, 1)),
    ]:
        Offer.objects.filter(pk=offer.pk).update(created_at=created)
        for link in OfferLocation.objects.filter(offer=offer):  # its places since then
            backdate(link, created)

    e1 = EventFactory(alliance=alliance, title="Familienfest", starts_at=at(2025, 6, 1, 14))
    e1.occurrences.all().delete()
    d1 = OccurrenceFactory(event=e1)
    july, august = at(2025, 7, 1, 14), at(2025, 8, 1, 14)
    OccurrenceFactory(event=e1, starts_at=july, original_start=july)
    OccurrenceFactory(
        event=e1, starts_at=august, original_start=august, event_status=EventStatus.CANCELLED
    )
    RegistrationFactory(occurrence=d1, adults=2, children=3, state=Registration.State.CONFIRMED)
    RegistrationFactory(occurrence=d1, adults=1, children=1, state=Registration.State.CONFIRMED)
    RegistrationFactory(occurrence=d1, adults=4, children=0, state=Registration.State.CANCELLED)
    e2 = EventFactory(alliance=alliance, title="Laternenfest 2026", starts_at=at(2026, 11, 1, 17))
    e2.occurrences.all().delete()
    OccurrenceFactory(event=e2)
    return {"offers": [o1, o2, o3, o4, o5, o6], "district": district}
