"""Kita → school (/<alliance>/uebergang-schule/): the public timeline with contacts, editing in
the workspace with history, bad input as field errors."""

import pytest
from django.core.exceptions import ValidationError

from familiennetz.directory.tests import factories as f
from familiennetz.outreach import services
from familiennetz.outreach.models import TransitionStep

pytestmark = pytest.mark.django_db

URL = "/manage/hainichen/uebergang-schule/"


@pytest.fixture
def steps(alliance):
    school = f.LocationFactory(alliance=alliance, name="Grundschule am Park", slug="grundschule")
    office = f.OfferFactory(
        alliance=alliance, name="Schulärztlicher Dienst", slug="schularzt", phone="03731 1234"
    )
    save = services.transition_step_save
    save(
        alliance=alliance,
        values={"phase": "einschulung", "when": "im August", "title": "Erster Schultag"},
    )
    save(
        alliance=alliance,
        values={
            "phase": "anmeldung",
            "when": "im Oktober",
            "title": "Schulanmeldung",
            "location": school,
        },
    )
    save(
        alliance=alliance,
        values={
            "phase": "untersuchung",
            "when": "im Winter",
            "title": "Schuleingangsuntersuchung",
            "offer": office,
        },
    )
    return {"school": school, "office": office}


def test_the_page_shows_the_steps_in_the_order_of_the_school_year_with_contacts(client, steps):
    page = client.get("/hainichen/uebergang-schule/").content.decode()
    order = ["Schulanmeldung", "Schuleingangsuntersuchung", "Erster Schultag"]
    assert [page.index(t) for t in order] == sorted(page.index(t) for t in order)
    assert 'href="/hainichen/orte/grundschule/"' in page
    assert 'href="/hainichen/angebote/schularzt/"' in page
    assert 'dir="ltr">03731 1234</a>' in page
    arabic = client.get("/ar/hainichen/uebergang-schule/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'href="/ar/hainichen/angebote/schularzt/"' in arabic


def test_a_draft_offer_is_not_linked(client, steps):
    steps["office"].status = "draft"
    steps["office"].save()
    page = client.get("/hainichen/uebergang-schule/").content.decode()
    assert "Schulärztlicher Dienst" not in page


def test_an_empty_page_says_so(client, alliance):
    page = client.get("/hainichen/uebergang-schule/").content.decode()
    assert "noch nicht beschrieben" in page


def test_a_contact_of_another_network_is_a_field_error(alliance, other_alliance):
    foreign = f.LocationFactory(alliance=other_alliance)
    with pytest.raises(ValidationError) as exc:
        services.transition_step_save(
            alliance=alliance,
            values={"phase": "anmeldung", "when": "x", "title": "y", "location": foreign},
        )
    assert "location" in exc.value.message_dict


def test_the_coordinator_adds_and_changes_a_step_with_history(client, coordinator, steps):
    client.force_login(coordinator.user)
    response = client.post(
        URL,
        {
            "neu-phase": "vorschule",
            "neu-when": "im letzten Kita-Jahr",
            "neu-title": "Vorschulgruppe",
            "neu-text": "Schnuppertag in der Schule.",
            "neu-position": "0",
        },
    )
    assert response.status_code == 302
    step = TransitionStep.objects.get(title="Vorschulgruppe")
    response = client.post(
        f"{URL}{step.pk}/",
        {"phase": "vorschule", "when": "im Frühjahr", "title": "Vorschulgruppe", "position": "5"},
    )
    assert response.status_code == 302
    page = client.get(URL).content.decode()
    assert "Vorschulgruppe" in page
    assert step.history.count() == 2
    assert "geändert" in page or "changed" in page


def test_markup_is_a_field_error_not_stored(client, coordinator, alliance):
    client.force_login(coordinator.user)
    response = client.post(
        URL,
        {"neu-phase": "anmeldung", "neu-when": "x", "neu-title": "<script>x</script>"},
    )
    assert response.status_code == 200
    assert "ohne die Zeichen" in response.content.decode()
    assert not TransitionStep.objects.exists()
