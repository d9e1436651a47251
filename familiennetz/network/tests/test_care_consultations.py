"""Anonymous case consultations: recording, who sees what, bad input, counts (ADR 0620)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from familiennetz.network.care_selectors import consultation_counts
from familiennetz.network.models import CaseConsultation

from .care_factories import ConsultationFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def url(alliance, name, **kwargs):
    return reverse(f"network:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


@pytest.fixture
def kita(provider):
    return PartnerFactory(alliance=provider.alliance, organisation=provider.organisation)


@pytest.fixture
def asd(alliance):
    return PartnerFactory(alliance=alliance, organisation__name="Allgemeiner Sozialer Dienst")


def form_data(requesting, counsellor, **extra):
    data = {
        "consulted_on": (dt.date.today() - dt.timedelta(days=2)).isoformat(),
        "requesting_partner": requesting.pk,
        "counsellor_partner": counsellor.pk,
        "topic": "neglect",
        "outcome": "refer",
        "needs_follow_up": "on",
        "note": "Kind wirkt oft hungrig; Gespräch mit den Eltern geplant.",
    }
    return data | extra


def test_provider_records_a_consultation_for_her_organisation(client, provider, kita, asd):
    client.force_login(provider.user)
    page = client.get(url(provider.alliance, "manage-consultation-create"))
    assert "no data that identifies a family" in page.content.decode().lower() or (
        "keine daten" in page.content.decode().lower()
    )
    response = client.post(
        url(provider.alliance, "manage-consultation-create"), form_data(kita, asd)
    )
    assert response.status_code == 302
    row = CaseConsultation.objects.get()
    assert (row.requesting_partner, row.counsellor_partner) == (kita, asd)
    assert row.needs_follow_up and row.topic == "neglect"


def test_provider_sees_only_her_organisations_consultations(client, provider, kita, asd, alliance):
    other = PartnerFactory(alliance=alliance, organisation__name="Kita Pusteblume")
    mine = ConsultationFactory(requesting_partner=kita, counsellor_partner=asd)
    theirs = ConsultationFactory(requesting_partner=other, counsellor_partner=asd)
    client.force_login(provider.user)
    page = client.get(url(alliance, "manage-consultation-list"))
    assert list(page.context["consultations"]) == [mine]
    edit = url(alliance, "manage-consultation-update", pk=theirs.pk)
    assert client.get(edit).status_code == 404


def test_coordinator_sees_all_consultations(client, coordinator, kita, asd, alliance):
    other = PartnerFactory(alliance=alliance)
    ConsultationFactory(requesting_partner=kita, counsellor_partner=asd)
    ConsultationFactory(requesting_partner=other, counsellor_partner=asd)
    client.force_login(coordinator.user)
    page = client.get(url(alliance, "manage-consultation-list"))
    assert len(page.context["consultations"]) == 2


def test_provider_cannot_record_for_another_organisation(client, provider, kita, asd, alliance):
    other = PartnerFactory(alliance=alliance)
    client.force_login(provider.user)
    response = client.post(url(alliance, "manage-consultation-create"), form_data(other, asd))
    assert response.status_code == 200
    assert "requesting_partner" in response.context["form"].errors
    assert not CaseConsultation.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("future", "consulted_on"),
        ("same", "counsellor_partner"),
        ("other_alliance", "counsellor_partner"),
        ("email", "note"),
        ("phone", "note"),
        ("birth", "note"),
        ("name", "note"),
        ("long", "note"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    client, coordinator, kita, asd, other_alliance, change, field
):
    data = form_data(kita, asd)
    if change == "future":
        data["consulted_on"] = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    elif change == "same":
        data["counsellor_partner"] = kita.pk
    elif change == "other_alliance":
        data["counsellor_partner"] = PartnerFactory(alliance=other_alliance).pk
    elif change == "email":
        data["note"] = "Mutter erreichbar unter mutter.k@example.org"
    elif change == "phone":
        data["note"] = "Rückruf unter 0351 4567890"
    elif change == "birth":
        data["note"] = "Kind geb. 03.04.2021"
    elif change == "name":
        data["note"] = "Familie Yilmaz wirkt überfordert"
    elif change == "long":
        data["note"] = "x" * 301
    client.force_login(coordinator.user)
    response = client.post(url(coordinator.alliance, "manage-consultation-create"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert field in response.content.decode() or errors[field]
    assert not CaseConsultation.objects.exists()


def test_service_refuses_a_partner_of_another_alliance(coordinator, kita, other_alliance):
    from django.core.exceptions import ValidationError

    from familiennetz.network.care_services import consultation_save

    stranger = PartnerFactory(alliance=other_alliance)
    with pytest.raises(ValidationError) as caught:
        consultation_save(
            alliance=coordinator.alliance,
            user=coordinator.user,
            values={
                "consulted_on": dt.date.today(),
                "requesting_partner": kita,
                "counsellor_partner": stranger,
                "topic": "other",
                "outcome": "other",
            },
        )
    assert "counsellor_partner" in caught.value.message_dict
    assert not CaseConsultation.objects.exists()


def test_counts_suppress_small_numbers(alliance, kita, asd):
    year = dt.date.today().year - 1
    other = PartnerFactory(alliance=alliance, organisation__name="Kita Pusteblume")
    for day in range(7):
        ConsultationFactory(
            requesting_partner=kita,
            counsellor_partner=asd,
            consulted_on=dt.date(year, 3, day + 1),
            topic="neglect",
        )
    for day in range(2):
        ConsultationFactory(
            requesting_partner=other,
            counsellor_partner=asd,
            consulted_on=dt.date(year, 5, day + 1),
            topic="domestic",
            needs_follow_up=True,
        )
    counts = consultation_counts(alliance, year)
    assert counts.total == 9
    assert counts.follow_up is None  # 2: below 5
    # 2 × domestic violence is hidden, and the 7 × neglect with it (else 9 − 7 gives it away)
    assert sorted(v for v in counts.by_topic.values() if v) == []
    assert sum(v is None for v in counts.by_topic.values()) == 2
    assert counts.by_partner["Allgemeiner Sozialer Dienst"]["counselled"] == 9
    assert counts.by_partner["Kita Pusteblume"]["requested"] is None
    assert counts.by_month[3] == 7 or counts.by_month[3] is None  # complement may hide it
    assert counts.by_month[5] is None


def test_counts_page_shows_less_than_five(client, viewer, kita, asd):
    ConsultationFactory(requesting_partner=kita, counsellor_partner=asd)
    client.force_login(viewer.user)
    assert client.get(url(viewer.alliance, "manage-consultation-list")).status_code == 302
    page = client.get(url(viewer.alliance, "manage-consultation-counts"))
    assert page.status_code == 200
    assert "&lt;5" in page.content.decode()
    assert "Sonnenschein" in page.content.decode()  # partner names; counts hidden


def test_the_counselling_provider_sees_but_cannot_change_a_request(
    client, provider, kita, alliance
):
    """A provider editor of the counselling partner (here: the Kita's head is asked) sees the
    record, but only the requesting organisation corrects it."""
    other = PartnerFactory(alliance=alliance, organisation__name="Kita Pusteblume")
    asked = ConsultationFactory(requesting_partner=other, counsellor_partner=kita)
    client.force_login(provider.user)
    page = client.get(url(alliance, "manage-consultation-list"))
    assert list(page.context["consultations"]) == [asked]
    assert not page.context["consultations"][0].can_change
    assert client.get(url(alliance, "manage-consultation-update", pk=asked.pk)).status_code == 403
