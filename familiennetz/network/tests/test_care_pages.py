"""Contact matrix, stakeholder grid and "Unser Netzwerk": what users see and change."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from familiennetz.directory.tests.factories import DistrictFactory, LocationFactory
from familiennetz.network.care_selectors import contact_matrix, stakeholder_suggestions
from familiennetz.network.models import MatrixContact, Partner, StakeholderRating, Tie

from .care_factories import (
    ConsultationFactory,
    ContactPersonFactory,
    PartnerFactory,
    RatingFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db


def url(alliance, name, **kwargs):
    return reverse(f"network:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


@pytest.fixture
def net(alliance, provider):
    kitas = SectorFactory(alliance=alliance, code="kita", name="Kindertagesbetreuung")
    asd = SectorFactory(alliance=alliance, code="jugendhilfe-asd", name="Jugendhilfe/ASD")
    health = SectorFactory(alliance=alliance, code="gesundheit-kinderarzt", name="Kinderarzt")
    SectorFactory(alliance=alliance, code="gesundheit-oegd", name="ÖGD")
    advice = SectorFactory(alliance=alliance, code="erziehungsberatung", name="Familienberatung")
    kita = PartnerFactory(alliance=alliance, organisation=provider.organisation, sector=kitas)
    other_kita = PartnerFactory(
        alliance=alliance, organisation__name="Kita Pusteblume", sector=kitas
    )
    asd_partner = PartnerFactory(
        alliance=alliance, organisation__name="Allgemeiner Sozialer Dienst", sector=asd
    )
    doctor = PartnerFactory(alliance=alliance, organisation__name="Kinderarztpraxis", sector=health)
    return {
        "kitas": kitas,
        "asd": asd,
        "health": health,
        "advice": advice,
        "kita": kita,
        "other_kita": other_kita,
        "asd_person": ContactPersonFactory(partner=asd_partner, name="Anna Amt"),
        "doctor_person": ContactPersonFactory(partner=doctor, name="Dr. Dora Doc"),
    }


def test_matrix_shows_named_contacts_and_gaps_in_words(client, coordinator, net):
    MatrixContact.objects.create(
        alliance=coordinator.alliance,
        partner=net["kita"],
        counterpart_sector=net["asd"],
        contact=net["asd_person"],
    )
    client.force_login(coordinator.user)
    page = client.get(url(coordinator.alliance, "manage-matrix-show"))
    html = page.content.decode()
    assert "Anna Amt" in html
    matrix = page.context["matrix"]
    assert [c.key for c in matrix.columns] == ["asd", "health", "counselling"]
    assert {s.code for s in matrix.columns[1].sectors} == {
        "gesundheit-oegd",
        "gesundheit-kinderarzt",
    }
    assert matrix.gap_count == 5  # 2 Kitas × 3 columns, one named
    assert html.count('class="nc-gap"') == 5  # a gap is written out, not only coloured


def test_matrix_is_split_into_parts_by_district(coordinator, net):
    alliance = coordinator.alliance
    north, south = (
        DistrictFactory(alliance=alliance, name="Nord"),
        DistrictFactory(alliance=alliance, name="Süd"),
    )
    LocationFactory(alliance=alliance, organisation=net["kita"].organisation, district=north)
    LocationFactory(alliance=alliance, organisation=net["other_kita"].organisation, district=south)
    matrix = contact_matrix(alliance=alliance, sector=net["kitas"])
    assert [(p.name, len(p.rows)) for p in matrix.parts] == [("Nord", 1), ("Süd", 1)]


def test_coordinator_names_contacts_and_leaves_a_gap(client, coordinator, net):
    client.force_login(coordinator.user)
    edit = url(coordinator.alliance, "manage-matrix-edit", pk=net["kita"].pk)
    data = {
        "column_asd": net["asd_person"].pk,
        "column_health": net["doctor_person"].pk,
        "column_counselling": "",
    }
    assert client.post(edit, data).status_code == 302
    named = dict(
        MatrixContact.objects.filter(partner=net["kita"]).values_list(
            "counterpart_sector__code", "contact__name"
        )
    )
    assert named == {"jugendhilfe-asd": "Anna Amt", "gesundheit-kinderarzt": "Dr. Dora Doc"}
    # clearing a cell makes it a gap again
    data["column_health"] = ""
    client.post(edit, data)
    assert MatrixContact.objects.filter(partner=net["kita"]).count() == 1


def test_matrix_refuses_a_contact_of_the_wrong_sector(client, coordinator, net):
    client.force_login(coordinator.user)
    edit = url(coordinator.alliance, "manage-matrix-edit", pk=net["kita"].pk)
    response = client.post(edit, {"column_asd": net["doctor_person"].pk})
    assert response.status_code == 200
    assert "column_asd" in response.context["form"].errors
    assert not MatrixContact.objects.exists()


def test_matrix_pdf_is_a_pdf(client, viewer, net):
    client.force_login(viewer.user)
    response = client.get(url(viewer.alliance, "manage-matrix-pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_matrix_page_keeps_its_query_budget(
    client, coordinator, net, django_assert_max_num_queries
):
    for _n in range(15):
        PartnerFactory(alliance=coordinator.alliance, sector=net["kitas"])
    client.force_login(coordinator.user)
    client.get(url(coordinator.alliance, "manage-matrix-show"))
    with django_assert_max_num_queries(25):
        client.get(url(coordinator.alliance, "manage-matrix-show"))


def test_steering_places_a_partner_by_form_and_by_drag(client, steering_member, net):
    alliance = steering_member.alliance
    client.force_login(steering_member.user)
    rate = url(alliance, "manage-stakeholder-rate", pk=net["kita"].pk)
    assert client.post(rate, {"relevance": "5", "influence": "2"}).status_code == 302
    rating = StakeholderRating.objects.get(partner=net["kita"])
    assert (rating.relevance, rating.influence, rating.interest) == (5, 2, None)
    response = client.post(
        rate, {"relevance": "4", "influence": "5", "interest": "3"}, HTTP_ACCEPT="application/json"
    )
    assert response.json()["ok"] is True
    rating.refresh_from_db()
    assert (rating.relevance, rating.influence, rating.interest) == (4, 5, 3)
    grid = client.get(url(alliance, "manage-stakeholder-grid")).content.decode()
    assert f'data-partner="{net["kita"].pk}" data-relevance="4" data-influence="5"' in grid


def test_out_of_range_rating_names_the_field(client, coordinator, net):
    client.force_login(coordinator.user)
    rate = url(coordinator.alliance, "manage-stakeholder-rate", pk=net["kita"].pk)
    response = client.post(rate, {"relevance": "9", "influence": "2"})
    assert list(response.context["form"].errors) == ["relevance"]
    bad = client.post(rate, {"relevance": "0", "influence": "2"}, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400 and "relevance" in bad.json()["errors"]
    assert not StakeholderRating.objects.exists()


def test_partner_of_another_alliance_is_404(client, coordinator, other_alliance):
    stranger = PartnerFactory(alliance=other_alliance)
    client.force_login(coordinator.user)
    for name in ("manage-stakeholder-rate", "manage-matrix-edit"):
        assert client.get(url(coordinator.alliance, name, pk=stranger.pk)).status_code == 404


def test_suggestions_name_relevant_partners_to_approach(alliance, net):
    to_approach = PartnerFactory(alliance=alliance, role=Partner.Role.TO_APPROACH)
    ContactPersonFactory(partner=to_approach)
    RatingFactory(partner=to_approach, relevance=5, influence=4)
    no_contact = PartnerFactory(alliance=alliance)
    RatingFactory(partner=no_contact, relevance=4, influence=1)
    well_tied = PartnerFactory(alliance=alliance, role=Partner.Role.CORE)
    ContactPersonFactory(partner=well_tied)
    RatingFactory(partner=well_tied, relevance=5, influence=5)
    low = PartnerFactory(alliance=alliance, role=Partner.Role.TO_APPROACH)
    RatingFactory(partner=low, relevance=2, influence=5)
    found = {s.partner: s.reasons for s in stakeholder_suggestions(alliance=alliance)}
    assert found == {to_approach: ["role"], no_contact: ["no_contact"]}
    with_degrees = stakeholder_suggestions(
        alliance=alliance, degrees={well_tied.pk: 1, to_approach.pk: 6}
    )
    assert {s.partner: s.reasons for s in with_degrees}[well_tied] == ["few_ties"]


def test_provider_sees_her_own_network(client, provider, net):
    alliance = provider.alliance
    MatrixContact.objects.create(
        alliance=alliance,
        partner=net["kita"],
        counterpart_sector=net["asd"],
        contact=net["asd_person"],
    )
    ContactPersonFactory(partner=net["kita"], name="Carla Kita")
    asd_partner = net["asd_person"].partner
    for _ in range(6):
        ConsultationFactory(requesting_partner=net["kita"], counsellor_partner=asd_partner)
    ConsultationFactory(requesting_partner=net["other_kita"], counsellor_partner=asd_partner)
    Tie.objects.create(
        alliance=alliance,
        partner_a=net["kita"],
        partner_b=asd_partner,
        intensity=3,
        topics="Kinderschutz",
    )
    Tie.objects.create(
        alliance=alliance, partner_a=net["other_kita"], partner_b=asd_partner, intensity=1
    )
    client.force_login(provider.user)
    page = client.get(url(alliance, "manage-ownnetwork-show"))
    html = page.content.decode()
    assert "Carla Kita" in html and "Anna Amt" in html
    assert "Pusteblume" not in html  # another Kita's tie and consultation stay hidden
    ties = html[html.index('id="our-ties"') :]
    ties = ties[: ties.index("</section>")]
    assert asd_partner.organisation.name in ties and "Kinderschutz" in ties
    assert list(page.context["network"].consultations_per_year.values()) == [6]


@pytest.mark.parametrize(
    "name",
    [
        "manage-consultation-list",
        "manage-consultation-counts",
        "manage-stakeholder-grid",
        "manage-matrix-show",
    ],
)
def test_care_pages_keep_a_fixed_query_budget(
    client, coordinator, net, name, django_assert_max_num_queries
):
    """Twice the rows, not more queries: no query per partner, record or rating."""
    alliance = coordinator.alliance
    asd_partner = net["asd_person"].partner

    def add_rows(n):
        for _ in range(n):
            partner = PartnerFactory(alliance=alliance, sector=net["kitas"])
            ContactPersonFactory(partner=partner)
            RatingFactory(partner=partner, relevance=5, influence=2)
            ConsultationFactory(requesting_partner=partner, counsellor_partner=asd_partner)

    client.force_login(coordinator.user)
    add_rows(5)
    page = url(alliance, name)
    client.get(page)
    with CaptureQueriesContext(connection) as few:
        client.get(page)
    budget = len(few)  # now: the next request clears the connection's query log
    add_rows(10)
    client.get(page)  # the rows changed the content version: per-version caches fill again
    with django_assert_max_num_queries(budget):
        client.get(page)


def test_grid_suggests_relevant_partners_with_few_declared_ties(client, coordinator, net):
    """The grid counts the network's declared cooperation ties: a relevant core partner with
    one tie is suggested for more contact; once it has three, it is not."""
    alliance = coordinator.alliance
    core = PartnerFactory(alliance=alliance, role=Partner.Role.CORE)
    ContactPersonFactory(partner=core)
    RatingFactory(partner=core, relevance=5, influence=5)
    others = [PartnerFactory(alliance=alliance) for _ in range(3)]
    Tie.objects.create(alliance=alliance, partner_a=core, partner_b=others[0], intensity=2)
    client.force_login(coordinator.user)
    grid = url(alliance, "manage-stakeholder-grid")

    def suggestions() -> str:
        page = client.get(grid).content.decode()
        start = page.find('id="suggestions"')
        return "" if start < 0 else page[start : page.index("</section>", start)]

    assert core.organisation.name in suggestions()
    assert "wenige Kooperationsbeziehungen" in suggestions()
    for other in others[1:]:
        Tie.objects.create(alliance=alliance, partner_a=core, partner_b=other, intensity=3)
    assert core.organisation.name not in suggestions()
