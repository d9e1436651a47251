"""Factories of governance (and of the network's partners and contact persons it needs)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.tests.factories import OrganisationFactory
from familiennetz.network.models import ContactPerson, Partner

from .. import models


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    alliance = factory.SubFactory(AllianceFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, alliance=factory.SelfAttribute("..alliance")
    )


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    alliance = factory.SubFactory(AllianceFactory)
    partner = factory.SubFactory(PartnerFactory, alliance=factory.SelfAttribute("..alliance"))
    name = factory.Sequence(lambda n: f"Fachkraft {n}")
    function = "Leitung"
    email = factory.Sequence(lambda n: f"fachkraft{n}@example.org")


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Body

    alliance = factory.SubFactory(AllianceFactory)
    name = factory.Sequence(lambda n: f"Arbeitsgruppe {n}")
    kind = models.Body.Kind.WORKING_GROUP


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.BodyMembership

    body = factory.SubFactory(BodyFactory)
    alliance = factory.SelfAttribute("body.alliance")
    contact = factory.SubFactory(ContactPersonFactory, alliance=factory.SelfAttribute("..alliance"))
    role = models.BodyMembership.Role.MEMBER


def in_days(days: float, hour: int = 16) -> dt.datetime:
    moment = timezone.localtime() + dt.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Meeting

    body = factory.SubFactory(BodyFactory)
    alliance = factory.SelfAttribute("body.alliance")
    title = "Sitzung der Steuerungsgruppe"
    starts_at = factory.LazyFunction(lambda: in_days(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    place = "Rathaus, Raum 2"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ActionItem

    alliance = factory.SubFactory(AllianceFactory)
    title = factory.Sequence(lambda n: f"Aufgabe {n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Project

    alliance = factory.SubFactory(AllianceFactory)
    title = "St.-Martins-Fest"
    goal = "Ein gemeinsames Fest aller Kitas"


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Room

    alliance = factory.SubFactory(AllianceFactory)
    name = factory.Sequence(lambda n: f"Gruppenraum {n}")


class PotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.BudgetPot

    alliance = factory.SubFactory(AllianceFactory)
    name = "Verfügungsfonds"
    starts_on = factory.LazyFunction(lambda: timezone.localdate().replace(month=1, day=1))
    ends_on = factory.LazyFunction(lambda: timezone.localdate().replace(month=12, day=31))


def contribution(pot, amount: str = "1000.00", source: str = "Stadt"):
    return models.PotContribution.objects.create(
        alliance=pot.alliance, pot=pot, amount=Decimal(amount), source=source
    )


def link(contact, user):
    """Link a contact person to a workspace account."""
    return models.ContactAccount.objects.create(
        alliance=contact.alliance, contact=contact, user=user
    )
