"""Factories of the network area."""

from __future__ import annotations

import factory

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.tests.factories import OrganisationFactory

from ..models import ContactPerson, Contribution, Partner, Sector, Tie


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("alliance", "code")

    alliance = factory.SubFactory(AllianceFactory)
    code = factory.Sequence(lambda n: f"sektor-{n}")
    name = factory.Sequence(lambda n: f"Sektor {n}")


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


def partner(alliance, name: str, sector: str = "", **kwargs) -> Partner:
    """A partner called ``name`` with the sector of code ``sector`` (created if needed)."""
    organisation = OrganisationFactory(alliance=alliance, name=name)
    if sector:
        kwargs["sector"] = SectorFactory(alliance=alliance, code=sector, name=sector.title())
    return PartnerFactory(alliance=alliance, organisation=organisation, **kwargs)


def tie(a: Partner, b: Partner, intensity: int = 2, **kwargs) -> Tie:
    a, b = (a, b) if a.pk < b.pk else (b, a)
    return Tie.objects.create(
        alliance_id=a.alliance_id, partner_a=a, partner_b=b, intensity=intensity, **kwargs
    )


def contribution(p: Partner, **kwargs) -> Contribution:
    values = {"kind": "rooms", "description": "Saal", "year": 2026} | kwargs
    return Contribution.objects.create(alliance_id=p.alliance_id, partner=p, **values)
