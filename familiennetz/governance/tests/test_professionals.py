"""The professionals' side, Markdown sanitising, announcements."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from familiennetz.accounts.tests.factories import UserFactory

from .. import services
from ..markdown import render_markdown
from ..models import Document, DocumentVersion, ProfessionalRegistration
from . import factories as f

pytestmark = pytest.mark.django_db


def url(name, alliance, **kwargs):
    return reverse(f"governance:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


def test_markdown_keeps_structure_and_drops_markup_and_scripts():
    html = render_markdown(
        "# Titel\n\n**fett** <b onclick=x>roh</b>\n\n[Link](javascript:alert(1)) "
        "[gut](https://example.org)\n\n<script>alert(1)</script>"
    )
    assert "<h2>Titel</h2>" in html and "<strong>fett</strong>" in html
    # Raw HTML is shown as text (escaped), never as markup.
    assert "<script" not in html and "<b " not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert 'href="https://example.org"' in html


def test_registration_respects_the_places(alliance):
    event = services.pro_event_save(
        alliance=alliance,
        values={
            "title": "Fachtag",
            "starts_at": f.in_days(5, 9),
            "ends_at": f.in_days(5, 15),
            "capacity": 2,
        },
    )
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    services.pro_event_register(event=event, user=first)
    services.pro_event_register(event=event, user=first)  # twice is once
    services.pro_event_register(event=event, user=second)
    with pytest.raises(ValidationError):
        services.pro_event_register(event=event, user=third)
    services.pro_event_unregister(event=event, user=first)
    services.pro_event_register(event=event, user=third)
    assert ProfessionalRegistration.objects.filter(event=event).count() == 2


def test_provider_registers_through_the_page(client, alliance, provider):
    event = services.pro_event_save(
        alliance=alliance,
        values={"title": "Fortbildung", "starts_at": f.in_days(5, 9), "ends_at": f.in_days(5, 12)},
    )
    client.force_login(provider.user)
    page = url("manage-proevent-detail", alliance, pk=event.pk)
    assert client.post(page).status_code == 302
    assert ProfessionalRegistration.objects.filter(user=provider.user).exists()
    assert client.post(page, {"action": "unregister"}).status_code == 302
    assert not ProfessionalRegistration.objects.exists()


def test_documents_keep_every_version_and_refuse_bad_files(client, alliance, provider):
    client.force_login(provider.user)
    response = client.post(
        url("manage-document-list", alliance),
        {"title": "Beschwerdekonzept", "file": SimpleUploadedFile("konzept.exe", b"MZ\x90\x00")},
    )
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert not Document.objects.exists()
    response = client.post(
        url("manage-document-list", alliance),
        {"title": "Beschwerdekonzept", "file": SimpleUploadedFile("konzept.txt", b"Fassung 1")},
    )
    document = Document.objects.get()
    assert response.status_code == 302
    detail = url("manage-document-detail", alliance, pk=document.pk)
    response = client.post(
        detail, {"note": "Krippe ergänzt", "file": SimpleUploadedFile("k.txt", b"Fassung 2")}
    )
    assert response.status_code == 302
    assert list(DocumentVersion.objects.values_list("number", flat=True)) == [2, 1]
    download = client.get(url("manage-document-download", alliance, pk=document.pk, number=1))
    assert b"".join(download.streaming_content) == b"Fassung 1"
    assert download["Content-Disposition"].startswith("attachment")


def test_documents_of_a_closed_body_are_for_its_members(client, alliance, provider):
    closed = f.BodyFactory(alliance=alliance, is_open=False)
    document = services.document_add(
        alliance=alliance,
        values={"title": "Intern", "body": closed},
        file=SimpleUploadedFile("i.txt", b"intern"),
        user=None,
    )
    client.force_login(provider.user)
    assert client.get(url("manage-document-detail", alliance, pk=document.pk)).status_code == 404
    assert "Intern" not in client.get(url("manage-document-list", alliance)).content.decode()


def test_announcement_reaches_every_member_once_and_is_archived(
    alliance, coordinator, provider, viewer, state_office_user, committed
):
    with committed():
        announcement = services.announcement_send(
            alliance=alliance, title="Fachtag", text="**Bitte anmelden**", actor=coordinator.user
        )
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([coordinator.user.email, provider.user.email, viewer.user.email])
    assert announcement.recipient_count == 3
    assert state_office_user.user.email not in recipients


def test_an_announcement_to_an_empty_body_is_refused(alliance, coordinator):
    body = f.BodyFactory(alliance=alliance)
    with pytest.raises(ValidationError) as error:
        services.announcement_send(
            alliance=alliance, title="x", text="y", body=body, actor=coordinator.user
        )
    assert "body" in error.value.message_dict


def test_series_dates_stay_unique(alliance):
    body = f.BodyFactory(alliance=alliance)
    start = f.in_days(2)
    first = services.meeting_create(
        body=body,
        title="Wöchentlich",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        rrule="FREQ=WEEKLY",
    )
    assert first.series.meetings.count() == 52
