"""The network pages as a coordinator, a provider editor and a viewer see them."""

from __future__ import annotations

import datetime as dt
import io

import networkx as nx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from familiennetz.directory.tests.factories import OrganisationFactory

from .. import services
from ..models import Partner, Snapshot, Tie
from . import factories as f

pytestmark = pytest.mark.django_db


def url(alliance, name, **kwargs):
    return reverse(f"network:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


@pytest.fixture
def net(alliance):
    services.ensure_default_sectors(alliance)
    kita = f.partner(alliance, "Kita Pusteblume", "kita")
    fz = f.partner(alliance, "Familienzentrum Regenbogen", "familienzentrum", role="core")
    asd = f.partner(alliance, "ASD Mitte", "jugendhilfe-asd")
    lonely = f.partner(alliance, "Bibliothek am Markt", "bibliothek")
    f.tie(kita, fz, 3, topics="Übergang Kita–Schule")
    f.tie(fz, asd, 1, topics="Kinderschutz")
    return {"kita": kita, "fz": fz, "asd": asd, "lonely": lonely}


def test_coordinator_creates_a_partner(client, coordinator, alliance):
    org = OrganisationFactory(alliance=alliance, name="Hebammenpraxis Storchennest")
    services.ensure_default_sectors(alliance)
    sector = alliance_sector(alliance, "gesundheit-hebamme")
    client.force_login(coordinator.user)
    response = client.post(
        url(alliance, "manage-partner-create"),
        {
            "organisation": org.pk,
            "sector": sector.pk,
            "role": "partner",
            "member_since": "2024-03-01",
        },
    )
    partner = Partner.objects.get(organisation=org)
    assert response.status_code == 302
    assert response["Location"] == url(alliance, "manage-partner-detail", pk=partner.pk)
    page = client.get(response["Location"]).content.decode()
    assert "Hebammenpraxis Storchennest" in page and "Hebamme" in page


def alliance_sector(alliance, code):
    from ..models import Sector

    return Sector.objects.get(alliance=alliance, code=code)


def test_partner_list_filters_by_sector_and_search(client, viewer, alliance, net):
    client.force_login(viewer.user)
    sector = alliance_sector(alliance, "kita")
    page = client.get(url(alliance, "manage-partner-list"), {"sektor": sector.pk}).content.decode()
    assert "Kita Pusteblume" in page and "ASD Mitte" not in page
    page = client.get(url(alliance, "manage-partner-list"), {"q": "regenbogen"}).content.decode()
    assert "Familienzentrum Regenbogen" in page and "Kita Pusteblume" not in page
    page = client.get(url(alliance, "manage-partner-list"), {"rolle": "core"}).content.decode()
    assert "Familienzentrum Regenbogen" in page and "Kita Pusteblume" not in page


def test_provider_edits_only_their_own_partner_and_not_its_role(client, provider, alliance, net):
    own = f.PartnerFactory(alliance=alliance, organisation=provider.organisation, role="contact")
    client.force_login(provider.user)
    form = client.get(url(alliance, "manage-partner-update", pk=own.pk)).content.decode()
    assert 'name="notes"' in form and 'name="role"' not in form
    response = client.post(
        url(alliance, "manage-partner-update", pk=own.pk),
        {"notes": "Wir haben einen Saal.", "role": "core"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.notes == "Wir haben einen Saal." and own.role == "contact"
    assert client.get(url(alliance, "manage-partner-update", pk=net["kita"].pk)).status_code == 403
    response = client.post(
        url(alliance, "manage-partner-contact-create", pk=net["kita"].pk), {"name": "X"}
    )
    assert response.status_code == 403


def test_contact_persons_are_never_public(client, coordinator, alliance, net):
    kita = net["kita"]
    client.force_login(coordinator.user)
    client.post(
        url(alliance, "manage-partner-contact-create", pk=kita.pk),
        {"name": "Frau Sonnig", "function": "Leitung", "phone": "0371 1", "is_active": "on"},
    )
    assert (
        "Frau Sonnig"
        in client.get(url(alliance, "manage-partner-detail", pk=kita.pk)).content.decode()
    )
    client.logout()
    kita.organisation.status = "published"
    kita.organisation.save()
    public = client.get(kita.organisation.get_absolute_url())
    assert public.status_code == 200
    assert "Frau Sonnig" not in public.content.decode()


def test_contribution_of_a_company(client, coordinator, alliance):
    company = f.partner(alliance, "Autohaus Meier", "wirtschaft")
    client.force_login(coordinator.user)
    response = client.post(
        url(alliance, "manage-partner-contribution-create", pk=company.pk),
        {
            "kind": "rooms",
            "description": "Schulungsraum für Elternabende",
            "amount": "12",
            "unit": "Abende",
            "year": "2026",
        },
    )
    assert response.status_code == 302
    page = client.get(url(alliance, "manage-partner-detail", pk=company.pk)).content.decode()
    assert "Schulungsraum für Elternabende" in page and "Räume" in page


def test_tie_form_names_the_field_of_a_self_tie(client, coordinator, alliance, net):
    client.force_login(coordinator.user)
    kita = net["kita"]
    response = client.post(
        url(alliance, "manage-tie-create"),
        {"partner_a": kita.pk, "partner_b": kita.pk, "intensity": 2},
    )
    assert response.status_code == 200
    assert "sich selbst" in response.content.decode() or "itself" in response.content.decode()
    assert Tie.objects.count() == 2


def test_tie_with_agreement_and_renewal_on_the_dashboard(client, coordinator, alliance, net):
    client.force_login(coordinator.user)
    renewal = timezone.localdate() + dt.timedelta(days=20)
    response = client.post(
        url(alliance, "manage-tie-create"),
        {
            "partner_a": net["asd"].pk,
            "partner_b": net["kita"].pk,
            "intensity": 4,
            "topics": "Kinderschutz, Fallberatung",
            "has_agreement": "on",
            "renewal_on": renewal.isoformat(),
            "agreement_file": SimpleUploadedFile("vereinbarung.txt", b"Wir vereinbaren ..."),
        },
    )
    assert response.status_code == 302
    tie = Tie.objects.get(intensity=4)
    download = client.get(url(alliance, "manage-tie-agreement", pk=tie.pk))
    assert download.status_code == 200 and download["Cache-Control"] == "private, no-store"
    dashboard = client.get(
        reverse("workspace:manage-dashboard", kwargs={"alliance_slug": alliance.slug})
    )
    text = dashboard.content.decode()
    assert "ASD Mitte" in text and renewal.strftime("%d.%m.%Y") in text


def test_map_renders_svg_with_links_and_filters_server_side(client, viewer, alliance, net):
    client.force_login(viewer.user)
    page = client.get(url(alliance, "manage-map")).content.decode()
    assert "<svg" in page and 'class="network-map"' in page
    assert url(alliance, "manage-partner-detail", pk=net["kita"].pk) in page
    assert "Bibliothek am Markt" in page  # the isolated partner is drawn too
    filtered = client.get(url(alliance, "manage-map"), {"sektor": "kita"}).content.decode()
    assert 'data-label="Kita Pusteblume"' in filtered
    assert 'data-label="ASD Mitte"' not in filtered
    table = client.get(url(alliance, "manage-map"), {"ansicht": "tabelle"}).content.decode()
    assert "<table" in table and "Übergang Kita–Schule" in table


def test_graph_json_nodes_and_edges(client, viewer, alliance, net):
    client.force_login(viewer.user)
    data = client.get(url(alliance, "manage-map-graph")).json()
    by_label = {n["label"]: n for n in data["nodes"]}
    assert by_label["Familienzentrum Regenbogen"]["degree"] == 2
    assert by_label["Familienzentrum Regenbogen"]["sector"] == "familienzentrum"
    assert by_label["Familienzentrum Regenbogen"]["role"] == "core"
    assert {e["intensity"] for e in data["edges"]} == {1, 3}
    assert {e["kind"] for e in data["edges"]} == {"declared"}
    only_strong = client.get(url(alliance, "manage-map-graph"), {"intensitaet": 3}).json()
    assert [e["intensity"] for e in only_strong["edges"]] == [3]


def test_graphml_is_read_back_by_networkx(client, viewer, alliance, net):
    client.force_login(viewer.user)
    response = client.get(url(alliance, "manage-map-graphml"))
    graph = nx.read_graphml(io.BytesIO(response.content))
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert "Kita Pusteblume" in labels and graph.number_of_edges() == 2
    svg = client.get(url(alliance, "manage-map-svg"))
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content


def test_map_downloads_as_a_png_picture(client, viewer, alliance, net):
    client.force_login(viewer.user)
    page = client.get(url(alliance, "manage-map")).content.decode()
    assert url(alliance, "manage-map-png") in page
    response = client.get(url(alliance, "manage-map-png"))
    assert response["Content-Type"] == "image/png"
    picture = Image.open(io.BytesIO(response.content))
    assert picture.format == "PNG" and picture.width >= 600 and picture.height >= 400
    # not an empty canvas: the partners are drawn in more than one colour
    assert len(picture.convert("RGB").getcolors(maxcolors=1 << 16) or []) > 3


def test_analysis_page_explains_in_sentences(client, viewer, alliance, net):
    client.force_login(viewer.user)
    page = client.get(url(alliance, "manage-analysis")).content.decode()
    assert "Familienzentrum Regenbogen" in page
    assert "Bibliothek am Markt" in page  # isolated
    assert "Schwangerschaftsberatung" in page  # missing against the reference
    assert "NZFH" in page  # the source is cited


def test_snapshot_in_the_future_is_an_error_on_the_form(client, coordinator, alliance, net):
    client.force_login(coordinator.user)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        url(alliance, "manage-snapshot-list"), {"taken_on": tomorrow.isoformat()}
    )
    assert response.status_code == 200 and not Snapshot.objects.exists()
    response = client.post(url(alliance, "manage-snapshot-list"), {"taken_on": "2025-12-31"})
    assert response.status_code == 302
    snap = Snapshot.objects.get()
    f.partner(alliance, "Neue Kita", "kita")
    page = client.get(url(alliance, "manage-snapshot-compare", pk=snap.pk)).content.decode()
    assert "Neue Kita" in page


def test_viewer_cannot_change_anything(client, viewer, alliance, net):
    client.force_login(viewer.user)
    response = client.post(
        url(alliance, "manage-tie-create"),
        {"partner_a": net["asd"].pk, "partner_b": net["kita"].pk, "intensity": 4},
    )
    assert response.status_code == 403
    assert (
        client.post(url(alliance, "manage-snapshot-list"), {"taken_on": "2025-01-01"}).status_code
        == 403
    )
    assert not Snapshot.objects.exists()
