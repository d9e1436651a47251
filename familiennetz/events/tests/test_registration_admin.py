"""The organisers' participant list in the Django admin: filters, CSV export, actions."""

import csv
import io

import pytest
from django.contrib import admin
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext

from familiennetz.events import registration_admin
from familiennetz.events.models import Registration

from .factories import RegistrationFactory
from .registration_support import confirmed, registration_date

State = Registration.State
pytestmark = pytest.mark.django_db
CHANGELIST = "admin:events_registration_changelist"


def test_registration_admin_is_registered():
    assert isinstance(admin.site._registry[Registration], registration_admin.RegistrationAdmin)


def test_changelist_filters_by_event_date_and_state(admin_client, alliance):
    parents_evening = registration_date(alliance=alliance, title="Elternabend")
    cafe = registration_date(alliance=alliance, title="Elterncafé")
    anna = confirmed(parents_evening, name="Anna")
    confirmed(cafe, name="Ben")
    response = admin_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert "Elternabend" in response.text and "Elterncafé" in response.text

    response = admin_client.get(
        reverse(CHANGELIST),
        {"event": parents_evening.event_id, "occurrence": parents_evening.pk, "state": "confirmed"},
    )
    assert list(response.context["cl"].result_list) == [anna]


def test_no_add_button_and_seats_are_read_only(admin_client, alliance):
    registration = confirmed(registration_date(alliance=alliance))
    assert admin_client.get(reverse("admin:events_registration_add")).status_code == 403
    page = admin_client.get(reverse("admin:events_registration_change", args=[registration.pk]))
    assert page.status_code == 200
    assert 'name="adults"' not in page.text and 'name="state"' not in page.text
    assert 'name="name"' in page.text


def export(admin_client, registrations):
    return admin_client.post(
        reverse(CHANGELIST),
        {"action": "export_csv", "_selected_action": [r.pk for r in registrations]},
    )


def test_csv_export_for_excel(admin_client, alliance):
    date = registration_date(
        alliance=alliance, capacity=3, title="Elternabend Schulstart", slug="elternabend"
    )
    anna = confirmed(date, name="Anna Müller", adults=1, children=2, note="=HYPERLINK()")
    ben = confirmed(date, name="Ben", email="ben@example.org")  # waiting
    pending = RegistrationFactory(occurrence=date, name="Cleo")
    response = export(admin_client, [pending, ben, anna])

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="teilnehmende-elternabend-'
    )
    raw = response.content
    assert raw.startswith("\ufeff".encode())  # BOM for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    with translation.override("de"):
        assert rows[0][:2] == [gettext("Event"), pgettext("event", "Date")]
    assert len(rows) == 4
    # Confirmed first, then waiting, then pending.
    assert [row[4] for row in rows[1:]] == ["Anna Müller", "Ben", "Cleo"]
    assert rows[1][0] == "Elternabend Schulstart"
    assert rows[1][6:9] == ["1", "2", "3"]
    assert rows[1][9] == "'=HYPERLINK()"  # no formula injection
    assert rows[2][5] == "ben@example.org"


def test_cancel_action_frees_seats_and_promotes(admin_client, alliance):
    date = registration_date(alliance=alliance, capacity=1)
    holder = confirmed(date)
    waiting = confirmed(date, email="w@example.org")
    mail.outbox.clear()
    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "cancel_registrations", "_selected_action": [holder.pk]},
        follow=True,
    )
    assert response.status_code == 200
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.state == State.CANCELLED
    assert waiting.state == State.CONFIRMED


def test_deleting_a_registration_promotes(admin_client, alliance):
    date = registration_date(alliance=alliance, capacity=1)
    holder = confirmed(date)
    waiting = confirmed(date)
    response = admin_client.post(
        reverse("admin:events_registration_delete", args=[holder.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == State.CONFIRMED


def test_fill_from_waiting_list_action(admin_client, alliance):
    date = registration_date(alliance=alliance, capacity=1)
    holder = confirmed(date)
    waiting = confirmed(date)
    date.event.capacity = 2
    date.event.save()
    admin_client.post(
        reverse(CHANGELIST),
        {"action": "fill_from_waiting_list", "_selected_action": [holder.pk]},
    )
    waiting.refresh_from_db()
    assert waiting.state == State.CONFIRMED
