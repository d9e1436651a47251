"""Workspace views of governance: flows, errors that keep the input, visibility, 404s,
query budgets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from familiennetz.alliances.tests.factories import AllianceFactory

from .. import services
from ..models import ActionItem, Booking, BudgetLine, Decision, Minutes, QualityRating
from ..services.quality import active_criteria
from . import factories as f

pytestmark = pytest.mark.django_db


def url(name, alliance, **kwargs):
    return reverse(f"governance:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


def minutes_post(text="## Protokoll", decisions=(), actions=(), reason=""):
    data = {
        "text": text,
        "reason": reason,
        "decisions-TOTAL_FORMS": "2",
        "decisions-INITIAL_FORMS": "0",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
    }
    for index, decision in enumerate(decisions):
        data[f"decisions-{index}-text"] = decision
    for index, (title, owner, due_on) in enumerate(actions):
        data |= {
            f"actions-{index}-title": title,
            f"actions-{index}-owner": owner.pk if owner else "",
            f"actions-{index}-due_on": due_on,
        }
    return data


def test_minutes_flow_decision_two_actions_approve_and_dashboard(
    client, alliance, coordinator, provider, provider_contact
):
    body = f.BodyFactory(alliance=alliance, name="Steuerungsgruppe", kind="steering")
    f.MembershipFactory(body=body, contact=provider_contact)
    meeting = f.MeetingFactory(body=body, starts_at=f.in_days(-1))
    due = (timezone.localdate() - dt.timedelta(days=1)).isoformat()  # = the meeting day
    client.force_login(coordinator.user)
    response = client.post(
        url("manage-minutes-update", alliance, pk=meeting.pk),
        minutes_post(
            "## Bericht\n\nAlles gut. <script>alert(1)</script>",
            decisions=["Das St.-Martins-Fest findet am 11.11. statt."],
            actions=[("Laternen bestellen", provider_contact, due), ("Flyer", None, "")],
        ),
    )
    assert response.status_code == 302
    assert Decision.objects.get().reference.endswith("-01")
    assert ActionItem.objects.filter(meeting=meeting).count() == 2
    page = client.get(url("manage-meeting-detail", alliance, pk=meeting.pk)).content.decode()
    assert "<h3>Bericht</h3>" in page and "<script>alert" not in page
    assert client.post(url("manage-minutes-approve", alliance, pk=meeting.pk)).status_code == 302
    assert Minutes.objects.get().is_locked
    # The owner sees the action (overdue tomorrow; due today now) on her dashboard.
    ActionItem.objects.filter(title="Laternen bestellen").update(
        due_on=timezone.localdate() - dt.timedelta(days=1)
    )
    client.force_login(provider.user)
    dashboard = client.get(
        reverse("workspace:manage-dashboard", kwargs={"alliance_slug": alliance.slug})
    ).content.decode()
    assert "Laternen bestellen" in dashboard


def test_a_due_date_before_the_meeting_keeps_the_input_and_names_the_row(
    client, alliance, coordinator
):
    meeting = f.MeetingFactory(body=f.BodyFactory(alliance=alliance), starts_at=f.in_days(3))
    client.force_login(coordinator.user)
    response = client.post(
        url("manage-minutes-update", alliance, pk=meeting.pk),
        minutes_post("Mein Text", decisions=["Beschluss"], actions=[("Flyer", None, "2020-01-01")]),
    )
    assert response.status_code == 200
    assert response.context["actions"].forms[0].errors["due_on"]
    assert "Mein Text" in response.content.decode()
    assert not Minutes.objects.exists() and not Decision.objects.exists()


def test_amending_approved_minutes_needs_a_reason(client, alliance, coordinator):
    meeting = f.MeetingFactory(body=f.BodyFactory(alliance=alliance))
    services.minutes_save(meeting=meeting, text="Alt", actor=None)
    services.minutes_approve(meeting=meeting, actor=coordinator.user)
    client.force_login(coordinator.user)
    response = client.post(
        url("manage-minutes-update", alliance, pk=meeting.pk), minutes_post("Neu")
    )
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    response = client.post(
        url("manage-minutes-update", alliance, pk=meeting.pk), minutes_post("Neu", reason="Name")
    )
    assert response.status_code == 302
    history = client.get(url("manage-minutes-history", alliance, pk=meeting.pk)).content.decode()
    assert "Name" in history


def test_plan_a_recurring_meeting_through_the_form(client, alliance, coordinator):
    body = f.BodyFactory(alliance=alliance)
    f.ActionFactory(alliance=alliance, body=body, title="Offen")
    client.force_login(coordinator.user)
    start = f.in_days(3)
    response = client.post(
        url("manage-meeting-create", alliance),
        {
            "body": body.pk,
            "title": "Monatstreffen",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "repeat": "monthly-weekday",
        },
    )
    assert response.status_code == 302
    assert body.meetings.count() == 12
    first = body.meetings.order_by("starts_at").first()
    assert first.agenda.filter(from_action__title="Offen").exists()


def test_an_end_before_the_start_keeps_the_input(client, alliance, coordinator):
    body = f.BodyFactory(alliance=alliance)
    client.force_login(coordinator.user)
    response = client.post(
        url("manage-meeting-create", alliance),
        {
            "body": body.pk,
            "title": "Treffen X",
            "starts_at": "2027-03-01T18:00",
            "ends_at": "2027-03-01T17:00",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"]
    assert 'value="Treffen X"' in response.content.decode()


def test_a_member_of_another_alliance_is_refused_on_the_contact_field(
    client, alliance, coordinator
):
    body = f.BodyFactory(alliance=alliance)
    stranger = f.ContactPersonFactory(alliance=AllianceFactory())
    client.force_login(coordinator.user)
    response = client.post(
        url("manage-member-create", alliance, pk=body.pk),
        {"contact": stranger.pk, "role": "member", "label": "Gast"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["contact"]
    assert 'value="Gast"' in response.content.decode()
    assert not body.memberships.exists()


def test_another_alliances_rows_are_404(client, alliance, coordinator):
    other = AllianceFactory()
    rows = {
        "manage-body-detail": f.BodyFactory(alliance=other),
        "manage-meeting-detail": f.MeetingFactory(body=f.BodyFactory(alliance=other)),
        "manage-project-detail": f.ProjectFactory(alliance=other),
        "manage-room-detail": f.RoomFactory(alliance=other),
        "manage-pot-detail": f.PotFactory(alliance=other),
        "manage-action-update": f.ActionFactory(alliance=other),
    }
    client.force_login(coordinator.user)
    for name, row in rows.items():
        assert client.get(url(name, alliance, pk=row.pk)).status_code == 404, name


def test_closed_bodies_are_for_their_members(client, alliance, provider, viewer, provider_contact):
    closed = f.BodyFactory(alliance=alliance, is_open=False)
    meeting = f.MeetingFactory(body=closed)
    for user in (provider.user, viewer.user):
        client.force_login(user)
        assert client.get(url("manage-meeting-detail", alliance, pk=meeting.pk)).status_code == 404
        assert client.get(url("manage-body-detail", alliance, pk=closed.pk)).status_code == 404
    f.MembershipFactory(body=closed, contact=provider_contact)
    client.force_login(provider.user)
    assert client.get(url("manage-meeting-detail", alliance, pk=meeting.pk)).status_code == 200
    # A plain member reads, the chair also prepares the meeting.
    assert client.get(url("manage-minutes-update", alliance, pk=meeting.pk)).status_code == 403
    closed.memberships.update(role="chair")
    assert client.get(url("manage-minutes-update", alliance, pk=meeting.pk)).status_code == 200


def test_owner_marks_her_action_done_in_one_click(client, alliance, provider, provider_contact):
    action = f.ActionFactory(alliance=alliance, owner=provider_contact)
    other = f.ActionFactory(alliance=alliance)
    client.force_login(provider.user)
    response = client.post(url("manage-action-status", alliance, pk=action.pk), {"status": "done"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.done_at is not None
    assert (
        client.post(
            url("manage-action-status", alliance, pk=other.pk), {"status": "done"}
        ).status_code
        == 403
    )


def test_provider_books_and_the_rooms_provider_approves(client, alliance, provider, coordinator):
    from familiennetz.directory.tests.factories import OrganisationFactory

    room = f.RoomFactory(alliance=alliance, organisation=OrganisationFactory(alliance=alliance))
    client.force_login(provider.user)
    start = f.in_days(4, 10)
    data = {
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "title": "Elternabend",
        "organisation": provider.organisation.pk,
    }
    assert client.post(url("manage-room-detail", alliance, pk=room.pk), data).status_code == 302
    booking = Booking.objects.get()
    assert booking.status == "requested"
    # The same slot again: the error names the start and the input stays.
    response = client.post(url("manage-room-detail", alliance, pk=room.pk), data)
    assert response.status_code == 200 and response.context["form"].errors["starts_at"]
    # The provider may not decide on another organisation's room …
    decide = url("manage-booking-decide", alliance, pk=booking.pk)
    assert client.post(decide, {"decision": "approve"}).status_code == 403
    # … the room's own provider editor may.
    from familiennetz.alliances.models import Membership

    Membership.objects.filter(user=provider.user).first().organisations.add(room.organisation)
    client.force_login(provider.user)
    assert client.post(decide, {"decision": "approve"}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == "approved"


def test_room_feed_with_token_for_calendar_apps(client, alliance, coordinator):
    room = f.RoomFactory(alliance=alliance)
    services.booking_request(
        room=room,
        starts_at=f.in_days(1, 9),
        ends_at=f.in_days(1, 10),
        title="Krabbelgruppe",
        user=coordinator.user,
    )
    feed = url("manage-room-feed", alliance, pk=room.pk)
    assert client.get(feed).status_code == 302
    assert client.get(feed + "?token=falsch").status_code == 302
    response = client.get(feed + f"?token={room.feed_token}")
    assert response.status_code == 200 and b"Krabbelgruppe" in response.content


def test_budget_line_beyond_the_pot_keeps_the_input(client, alliance, coordinator):
    pot = f.PotFactory(alliance=alliance)
    f.contribution(pot, "500")
    client.force_login(coordinator.user)
    response = client.post(
        url("manage-pot-detail", alliance, pk=pot.pk),
        {"kind": "line", "line-kind": "cost", "line-label": "Bühne", "line-planned": "600"},
    )
    assert response.status_code == 200
    assert response.context["line_form"].errors["planned"]
    assert not BudgetLine.objects.exists()
    export = client.get(url("manage-pot-export", alliance, pk=pot.pk))
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd")


def test_member_rates_alone_and_sees_only_her_own(client, alliance, provider, steering_member):
    assessment = services.assessment_open(alliance=alliance, year=2026)
    criteria = list(active_criteria(alliance))
    services.ratings_save(
        assessment=assessment, rater=steering_member.user, scores={criteria[0]: (1, "Geheim")}
    )
    client.force_login(provider.user)
    page = client.get(url("manage-quality-rate", alliance, year=2026))
    assert "Geheim" not in page.content.decode()
    data = {f"s{c.pk}": "3" for c in criteria}
    assert client.post(url("manage-quality-rate", alliance, year=2026), data).status_code == 302
    assert QualityRating.objects.filter(rater=provider.user).count() == len(criteria)


def test_personal_meetings_feed(client, alliance, provider, provider_contact):
    body = f.BodyFactory(alliance=alliance, name="AG Kita-Schule")
    f.MembershipFactory(body=body, contact=provider_contact)
    f.MeetingFactory(body=body, title="Übergangstreffen")
    f.MeetingFactory(body=f.BodyFactory(alliance=alliance), title="Fremdes Treffen")
    client.force_login(provider.user)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("governance:meetings-feed-settings") in profile
    response = client.post(reverse("governance:meetings-feed-settings"))
    link = response.context["link"]
    client.logout()
    feed = client.get(link)
    assert feed.status_code == 200
    assert b"Ubergangstreffen" in feed.content.replace("Ü".encode(), b"U")
    assert b"Fremdes" not in feed.content
    assert (
        client.get(reverse("governance:meetings-feed", kwargs={"token": "x" * 40})).status_code
        == 404
    )


def test_dashboard_query_budget(client, alliance, coordinator):
    """Governance's dashboard parts cost a fixed number of queries, however many meetings,
    actions and bookings there are (other apps' panels are measured by their own tests)."""
    client.force_login(coordinator.user)
    dashboard = reverse("workspace:manage-dashboard", kwargs={"alliance_slug": alliance.slug})

    def queries() -> tuple[int, str]:
        client.get(dashboard)  # warm caches (session, alliance config)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(dashboard)
        return len(captured), page.content.decode()

    body = f.BodyFactory(alliance=alliance, kind="steering")
    pot = f.PotFactory(alliance=alliance)
    f.contribution(pot, "100")
    BudgetLine.objects.create(alliance=alliance, pot=pot, label="X", planned=Decimal("95"))
    room = f.RoomFactory(alliance=alliance)

    def add_rows(days_range, title):
        for days in days_range:
            meeting = f.MeetingFactory(body=body, starts_at=f.in_days(days))
            f.ActionFactory(
                alliance=alliance, body=body, meeting=meeting, due_on=timezone.localdate()
            )
        services.booking_request(
            room=room,
            starts_at=f.in_days(len(title)),
            ends_at=f.in_days(len(title), 18),
            title=title,
            user=coordinator.user,
            approve=False,
        )

    add_rows(range(-30, 30, 30), "Anfrage")
    few, _html = queries()
    add_rows(range(-300, 300, 20), "Zweite Anfrage")
    many, html = queries()
    assert many == few, "the dashboard's queries grow with governance rows"
    assert many <= 40  # the whole dashboard, every app's parts included
    assert "Anfrage" in html and "Verfügungsfonds" in html


def test_meeting_page_query_budget(client, alliance, coordinator, django_assert_max_num_queries):
    body = f.BodyFactory(alliance=alliance)
    meeting = f.MeetingFactory(body=body)
    for n in range(8):
        member = f.MembershipFactory(body=body)
        services.agenda_item_add(meeting=meeting, title=f"TOP {n}", owner=member.contact)
        f.ActionFactory(alliance=alliance, body=body, meeting=meeting, owner=member.contact)
        services.attendance_save(meeting=meeting, statuses={member.contact: "present"})
    services.minutes_save(meeting=meeting, text="x", actor=None, decisions=["a", "b", "c"])
    client.force_login(coordinator.user)
    with django_assert_max_num_queries(22):  # independent of the number of rows
        assert client.get(url("manage-meeting-detail", alliance, pk=meeting.pk)).status_code == 200
