import factory

from familiennetz.alliances.models import Alliance


class AllianceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alliance
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Bündnis für Familie {n}")
    slug = factory.Sequence(lambda n: f"buendnis-{n}")
    region = "Sachsen"
    latitude = 50.97
    longitude = 13.12


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "alliances.Membership"
        skip_postgeneration_save = True

    user = factory.SubFactory("familiennetz.accounts.tests.factories.UserFactory")
    alliance = factory.SubFactory(AllianceFactory)
    role = "coordinator"

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)
