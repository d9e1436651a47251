import factory

from familiennetz.accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@netzwerk.example")
    first_name = factory.Sequence(lambda n: f"Vorname{n}")
    last_name = "Beispiel"
    password = factory.PostGenerationMethodCall("set_password", "geheim-und-lang-2026")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()
