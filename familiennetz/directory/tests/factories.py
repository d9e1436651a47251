import factory
from django.utils import timezone

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.models import (
    Category,
    Contact,
    Language,
    Location,
    Offer,
    OfferLocation,
    Organisation,
    Schedule,
    Status,
)
from familiennetz.socialspace.models import District


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    alliance = factory.SubFactory(AllianceFactory)
    name = factory.Sequence(lambda n: f"Ortsteil {n}")
    slug = factory.Sequence(lambda n: f"ortsteil-{n}")
    latitude = 50.97
    longitude = 13.12


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    alliance = factory.SubFactory(AllianceFactory)
    code = factory.Sequence(lambda n: f"test.category-{n}")
    slug = factory.Sequence(lambda n: f"kategorie-{n}")
    name = factory.Sequence(lambda n: f"Kategorie {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    alliance = factory.SubFactory(AllianceFactory)
    name = factory.Sequence(lambda n: f"Träger {n}")
    slug = factory.Sequence(lambda n: f"traeger-{n}")
    kind = Organisation.Kind.FAMILY_CENTRE
    last_checked_at = factory.LazyFunction(timezone.now)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    alliance = factory.SubFactory(AllianceFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, alliance=factory.SelfAttribute("..alliance")
    )
    name = factory.Sequence(lambda n: f"Haus {n}")
    slug = factory.Sequence(lambda n: f"haus-{n}")
    street = factory.Sequence(lambda n: f"Hauptstraße {n + 1}")
    postal_code = "09661"
    city = "Hainichen"
    latitude = 50.97
    longitude = 13.12
    last_checked_at = factory.LazyFunction(timezone.now)


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    alliance = factory.SubFactory(AllianceFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, alliance=factory.SelfAttribute("..alliance")
    )
    name = factory.Sequence(lambda n: f"Angebot {n}")
    slug = factory.Sequence(lambda n: f"angebot-{n}")
    summary = "Ein Angebot für Familien."
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    last_checked_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            codes = [lang if isinstance(lang, str) else lang.code for lang in extracted]
            self.languages.set(Language.objects.filter(code__in=codes))

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if create and extracted:
            for location in extracted:
                OfferLocation.objects.create(alliance=self.alliance, offer=self, location=location)


class OfferLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferLocation

    alliance = factory.SubFactory(AllianceFactory)
    offer = factory.SubFactory(OfferFactory, alliance=factory.SelfAttribute("..alliance"))
    location = factory.SubFactory(LocationFactory, alliance=factory.SelfAttribute("..alliance"))


class ScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schedule

    alliance = factory.SubFactory(AllianceFactory)
    offer_location = factory.SubFactory(
        OfferLocationFactory, alliance=factory.SelfAttribute("..alliance")
    )
    kind = Schedule.Kind.SESSION
    rrule = "FREQ=WEEKLY;BYDAY=TU"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    alliance = factory.SubFactory(AllianceFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, alliance=factory.SelfAttribute("..alliance")
    )
    role = "Leitung"
