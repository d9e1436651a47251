"""The children's complaint procedure: staff-taken and kiosk complaints, handling with the
answer to the child, who sees what (the institution its own; the network aggregates only),
adopting a template in one step."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from familiennetz.participation import services
from familiennetz.participation.models import Complaint, ComplaintProcedure
from familiennetz.participation.selectors import complaint_statistics

from .factories import kita

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def procedure(provider):
    procedure = services.procedure_create(
        alliance=provider.alliance,
        organisation=provider.organisation,
        title="Beschwerdeverfahren Kita Sonnenschein",
        description="Kinder können sich bei jeder Erzieherin beschweren.",
        steps="Zuhören\nBesprechen\nAntworten",
    )
    services.procedure_kiosk(procedure=procedure, enabled=True)
    return procedure


def kiosk_url(procedure):
    return procedure.kiosk_url()


def test_a_child_files_a_complaint_at_the_kiosk_in_three_taps(client, procedure):
    url = kiosk_url(procedure)
    page = client.get(url)
    assert page.status_code == 200 and not page.cookies
    assert "Worum geht es?" in page.content.decode()
    step = client.post(url, {"kategorie": "food"})
    assert "Wie fühlst du dich?" in step.content.decode()
    step = client.post(url, {"kategorie": "food", "gefuehl": "angry"})
    assert "Möchtest du mit einem Erwachsenen darüber sprechen?" in step.content.decode()
    assert Complaint.objects.count() == 0  # nothing stored before the last step
    done = client.post(url, {"kategorie": "food", "gefuehl": "angry", "reden": "ja"})
    assert "Danke!" in done.content.decode()
    complaint = Complaint.objects.get()
    assert (complaint.category, complaint.feeling, complaint.wants_talk, complaint.channel) == (
        "food",
        "angry",
        True,
        "kiosk",
    )
    assert complaint.organisation == procedure.organisation
    assert {f.name for f in Complaint._meta.get_fields()}.isdisjoint(
        {"created_at", "updated_at", "name", "child"}
    )


def test_the_kiosk_needs_its_key_and_can_be_switched_off(client, procedure):
    path = reverse(
        "participation:kiosk",
        kwargs={"alliance_slug": procedure.alliance.slug, "pk": procedure.pk},
    )
    assert client.get(path).status_code == 404
    assert client.get(path + "?schluessel=falsch").status_code == 404
    old = kiosk_url(procedure)
    services.procedure_kiosk(procedure=procedure, enabled=True, new_key=True)
    assert client.get(old).status_code == 404
    assert client.get(kiosk_url(procedure)).status_code == 200
    services.procedure_kiosk(procedure=procedure, enabled=False)
    assert client.get(kiosk_url(procedure)).status_code == 404


def test_the_kiosk_stops_a_child_pressing_again_and_again(client, procedure, settings):
    settings.KIOSK_RATE_LIMIT = 2
    url = kiosk_url(procedure)
    data = {"kategorie": "play", "gefuehl": "sad", "reden": "nein"}
    client.post(url, data)
    client.post(url, data)
    assert client.post(url, data).status_code == 429
    assert Complaint.objects.count() == 2


def test_unknown_kiosk_answers_start_over(client, procedure):
    page = client.post(kiosk_url(procedure), {"kategorie": "nonsense"})
    assert "Worum geht es?" in page.content.decode()
    assert not Complaint.objects.exists()


def test_closing_needs_the_answer_given_to_the_child(procedure):
    complaint = services.complaint_create(procedure=procedure, category="rules")
    with pytest.raises(ValidationError):
        services.complaint_handle(complaint=complaint, state=Complaint.State.SOLVED)
    today = dt.date(2026, 11, 3)
    services.complaint_handle(complaint=complaint, state=Complaint.State.DISCUSSED, today=today)
    assert complaint.discussed_on == today and complaint.closed_on is None
    services.complaint_handle(
        complaint=complaint,
        state=Complaint.State.EXPLAINED,
        answer="Wir haben erklärt, warum beim Essen nicht gespielt wird.",
        today=today + dt.timedelta(days=2),
    )
    assert complaint.closed_on == today + dt.timedelta(days=2)


def test_staff_write_down_a_complaint_and_handle_it(client, provider, procedure):
    client.force_login(provider.user)
    url = reverse(
        "participation:manage-complaint-create", kwargs={"alliance_slug": provider.alliance.slug}
    )
    bad = client.post(url, {"procedure": procedure.pk, "summary": "Ohne Kategorie"})
    assert bad.status_code == 200 and "Ohne Kategorie" in bad.content.decode()
    response = client.post(
        url,
        {
            "procedure": procedure.pk,
            "category": "unfair",
            "feeling": "sad",
            "wants_talk": "yes",
            "summary": "Beim Turnen durfte es nicht mitmachen.",
            "received_on": "2026-10-12",
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.channel == "staff" and complaint.wants_talk is True
    detail = response["Location"]
    page = client.post(detail, {"state": "solved", "answer": ""})
    assert 'href="#id_answer"' in page.content.decode()
    client.post(detail, {"state": "solved", "answer": "Es darf nächste Woche mitmachen."})
    complaint.refresh_from_db()
    assert complaint.state == "solved"


def test_the_network_sees_counts_per_category_and_year_never_single_complaints(
    client, coordinator, provider, procedure
):
    year = dt.date.today().year
    for n in range(7):
        services.complaint_create(
            procedure=procedure, category="food", received_on=dt.date(year, 1, 1 + n)
        )
    for n in range(6):
        services.complaint_create(
            procedure=procedure, category="rules", received_on=dt.date(year, 3, 1 + n)
        )
    services.complaint_create(procedure=procedure, category="play", received_on=dt.date(year, 2, 1))
    complaint = Complaint.objects.filter(category="play").get()
    client.force_login(coordinator.user)
    detail = reverse(
        "participation:manage-complaint-detail",
        kwargs={"alliance_slug": coordinator.alliance.slug, "pk": complaint.pk},
    )
    assert client.get(detail).status_code == 404
    stats = complaint_statistics(alliance=coordinator.alliance)
    rows = dict(stats.rows)
    assert rows["Essen"][-1] == 7
    assert rows["Spielen"][-1] is None  # 1: hidden …
    assert rows["Regeln"][-1] is None  # … and 6 with it, or 14 − 7 − 0 … would give it back
    assert stats.totals[-1] == 14
    # The year total is shown: another cell of the year's column is hidden with the 1.
    column = [values[-1] for values in rows.values()]
    assert column.count(None) != 1
    page = client.get(
        reverse(
            "participation:manage-complaint-list",
            kwargs={"alliance_slug": coordinator.alliance.slug},
        )
    ).content.decode()
    assert "&lt;5" in page and "Beschwerden Ihrer Einrichtung" not in page


def test_another_kita_adopts_the_template_in_one_step(client, alliance, coordinator):
    template = services.procedure_create(
        alliance=alliance,
        title="Beschwerdeverfahren des Eltern-Kind-Zentrums",
        description="So beschweren sich Kinder bei uns.",
        steps="Zuhören\nAntworten",
        categories=["food", "play", "unsafe"],
        is_template=True,
    )
    other = kita(alliance)
    from familiennetz.accounts.tests.factories import UserFactory
    from familiennetz.alliances.tests.factories import MembershipFactory

    leader = UserFactory(email="leitung@regenbogen.example")
    MembershipFactory(user=leader, alliance=alliance, role="provider", organisations=[other])
    client.force_login(leader)
    response = client.post(
        reverse(
            "participation:manage-procedure-adopt",
            kwargs={"alliance_slug": alliance.slug, "pk": template.pk},
        ),
        {"organisation": other.pk},
    )
    assert response.status_code == 302
    adopted = ComplaintProcedure.objects.get(organisation=other)
    assert adopted.adopted_from == template
    assert (adopted.description, adopted.steps, adopted.categories) == (
        template.description,
        template.steps,
        ["food", "play", "unsafe"],
    )
    with pytest.raises(ValidationError):
        services.procedure_adopt(template=template, organisation=other)  # one per institution
