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
