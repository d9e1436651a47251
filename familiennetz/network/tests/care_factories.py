"""Factories of the network's care work (partners, sectors, contact persons included)."""

from __future__ import annotations

import datetime as dt

import factory

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.tests.factories import OrganisationFactory
from familiennetz.network.models import (
    CaseConsultation,
    ContactPerson,
    Partner,
    Sector,
    StakeholderRating,
)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("alliance", "code")

    alliance = factory.SubFactory(AllianceFactory)
    code = factory.Sequence(lambda n: f"sektor-{n}")
    name = factory.LazyAttribute(lambda o: o.code.replace("-", " ").title())


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

    alliance = factory.SelfAttribute("partner.alliance")
    partner = factory.SubFactory(PartnerFactory)
    name = factory.Sequence(lambda n: f"Fachkraft {n}")
    function = "Fachberatung"
    email = factory.Sequence(lambda n: f"fachkraft{n}@example.org")


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseConsultation

    alliance = factory.SelfAttribute("requesting_partner.alliance")
    requesting_partner = factory.SubFactory(PartnerFactory)
    counsellor_partner = factory.SubFactory(
        PartnerFactory, alliance=factory.SelfAttribute("..requesting_partner.alliance")
    )
    consulted_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=10))
    topic = CaseConsultation.Topic.NEGLECT
    outcome = CaseConsultation.Outcome.TALK_TO_PARENTS


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderRating

    alliance = factory.SelfAttribute("partner.alliance")
    partner = factory.SubFactory(PartnerFactory)
    relevance = 3
    influence = 3
