import pytest

from . import factories as f


@pytest.fixture
def steering_body(alliance):
    return f.BodyFactory(alliance=alliance, name="Steuerungsgruppe", kind="steering")


@pytest.fixture
def closed_body(alliance):
    return f.BodyFactory(
        alliance=alliance, name="Elternbeirat", kind="parents_council", is_open=False
    )


@pytest.fixture
def provider_contact(alliance, provider):
    """The provider editor as a contact person of her Kita, linked to her account."""
    partner = f.PartnerFactory(alliance=alliance, organisation=provider.organisation)
    contact = f.ContactPersonFactory(alliance=alliance, partner=partner, name="Frau Sonne")
    f.link(contact, provider.user)
    return contact
