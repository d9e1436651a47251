import datetime as dt
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.models import Status
from familiennetz.directory.tests.factories import OrganisationFactory
from familiennetz.events.models import Event, HolidayPeriod, Occurrence, Registration

BERLIN = ZoneInfo("Europe/Berlin")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    alliance = factory.SubFactory(AllianceFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, alliance=factory.SelfAttribute("..alliance")
    )
    title = factory.Sequence(lambda n: f"Elterncafé {n}")
    slug = factory.Sequence(lambda n: f"termin-{n}")
    starts_at = factory.LazyFunction(
        lambda: (
            (timezone.now() + dt.timedelta(days=7))
            .astimezone(BERLIN)
            .replace(hour=15, minute=0, second=0, microsecond=0)
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    status = Status.PUBLISHED
    last_checked_at = factory.LazyFunction(timezone.now)


class OccurrenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occurrence

    event = factory.SubFactory(EventFactory)
    alliance = factory.SelfAttribute("event.alliance")
    original_start = factory.SelfAttribute("event.starts_at")
    starts_at = factory.SelfAttribute("event.starts_at")
    ends_at = factory.SelfAttribute("event.ends_at")


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    occurrence = factory.SubFactory(OccurrenceFactory)
    alliance = factory.SelfAttribute("occurrence.alliance")
    name = factory.Sequence(lambda n: f"Teilnehmer:in {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class HolidayPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HolidayPeriod

    alliance = factory.SubFactory(AllianceFactory)
    name = "Winterferien"
    starts_on = dt.date(2027, 2, 15)
    ends_on = dt.date(2027, 2, 26)
