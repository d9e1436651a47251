"""Shared personas and factories as fixtures (see STYLE.md §10)."""

from dataclasses import dataclass

import pytest

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.tests import factories as directory_factories


@pytest.fixture
def alliance(db):
    return AllianceFactory(slug="hainichen", name="Netzwerk Familie Hainichen")


@pytest.fixture
def other_alliance(db):
    return AllianceFactory(slug="prohlis", name="Bündnis Prohlis", latitude=51.0, longitude=13.8)


@pytest.fixture
def visitor(client):
    """An anonymous parent on the public guide."""
    return client


@pytest.fixture
def offer_factory(db):
    return directory_factories.OfferFactory


@pytest.fixture
def organisation_factory(db):
    return directory_factories.OrganisationFactory


@pytest.fixture
def location_factory(db):
    return directory_factories.LocationFactory


@pytest.fixture
def category_factory(db):
    return directory_factories.CategoryFactory


@pytest.fixture
def district_factory(db):
    return directory_factories.DistrictFactory


@pytest.fixture
def schedule_factory(db):
    return directory_factories.ScheduleFactory


@pytest.fixture(autouse=True)
def hsds_export_dir(settings, tmp_path):
    """Built HSDS downloads go to the test's own folder, not the checkout's var/."""
    settings.HSDS_EXPORT_DIR = tmp_path / "hsds-exports"
    return settings.HSDS_EXPORT_DIR


@pytest.fixture(autouse=True, scope="session")
def unscoped_test_body():
    """Tests and their fixtures may create and read rows of several alliances; what they
    call through the test client runs scoped as in production (AllianceMiddleware, ADR 0501),
    and familiennetz/alliances/tests/test_scopes.py runs the jobs and commands enforced."""
    from familiennetz.alliances.scopes import all_alliances

    with all_alliances():
        yield


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Private uploads of a test go to its own folder (core/files.py)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "familiennetz.core.files.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.fixture(autouse=True)
def german_by_default():
    """Each test starts in German; a request to /en/… must not leak into the next test's
    reverse() calls (i18n_patterns prefix URLs with the active language)."""
    from django.utils import translation

    translation.activate("de")
    yield
    translation.activate("de")


# --- personas with roles (docs/dev/roles.md) ------------------------------------------------------

PASSWORD = "geheim-und-lang-2026"


@dataclass
class Persona:
    user: object
    alliance: object
    membership: object = None
    organisation: object = None


def _persona(alliance, role, *, email, organisations=()):
    from familiennetz.accounts.tests.factories import UserFactory
    from familiennetz.alliances.tests.factories import MembershipFactory

    user = UserFactory(email=email)
    membership = MembershipFactory(
        user=user, alliance=alliance, role=role, organisations=list(organisations)
    )
    return Persona(user, alliance, membership, organisations[0] if organisations else None)


@pytest.fixture
def provider_organisation(alliance):
    return directory_factories.OrganisationFactory(
        alliance=alliance, name="Kita Sonnenschein", slug="kita-sonnenschein"
    )


@pytest.fixture
def coordinator(alliance):
    return _persona(alliance, "coordinator", email="koordination@hainichen.example")


@pytest.fixture
def steering_member(alliance):
    return _persona(alliance, "steering", email="steuerung@hainichen.example")


@pytest.fixture
def viewer(alliance):
    return _persona(alliance, "viewer", email="lesen@hainichen.example")


@pytest.fixture
def provider(alliance, provider_organisation):
    return _persona(
        alliance,
        "provider",
        email="leitung@kita-sonnenschein.example",
        organisations=[provider_organisation],
    )


@pytest.fixture
def outsider(other_alliance):
    """A coordinator of another alliance."""
    return _persona(other_alliance, "coordinator", email="koordination@prohlis.example")


@pytest.fixture
def state_office_user(alliance):
    from familiennetz.accounts.tests.factories import UserFactory
    from familiennetz.alliances.models import StateOffice

    user = UserFactory(email="landesstelle@sachsen.example")
    office = StateOffice.objects.create(name="Landeskoordinierungsstelle")
    office.alliances.add(alliance)
    office.members.add(user)
    return Persona(user, alliance)


@pytest.fixture
def instance_admin(db):
    from familiennetz.accounts.models import User

    user = User.objects.create_superuser(email="admin@familiennetz.example", password=PASSWORD)
    return Persona(user, None)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): …`` runs the on-commit callbacks (e-mails, tasks) of the block,
    as a real request would when its transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
