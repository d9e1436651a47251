"""Services of governance with hand-computed expectations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from familiennetz.alliances.tests.factories import AllianceFactory

from .. import selectors, services
from ..models import (
    ActionItem,
    AgendaAttachment,
    AgendaItem,
    Booking,
    BudgetLine,
    Decision,
    Meeting,
    Minutes,
    QualityCriterion,
    QualityDimension,
)
from ..reminders import action_reminders_run
from ..services.meetings import NewAction
from . import factories as f

pytestmark = pytest.mark.django_db


# --- meetings ------------------------------------------------------------------------------


def test_a_monthly_meeting_plans_twelve_months_with_the_calendars_recurrence(alliance):
    body = f.BodyFactory(alliance=alliance)
    start = timezone.make_aware(dt.datetime(2027, 1, 14, 16, 0))  # second Thursday
    first = services.meeting_create(
        body=body,
        title="Steuerungsgruppe",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        rrule="FREQ=MONTHLY;BYDAY=2TH",
    )
    dates = list(Meeting.objects.filter(series=first.series).order_by("starts_at"))
    assert len(dates) == 12
    assert [timezone.localtime(m.starts_at).day for m in dates[:4]] == [14, 11, 11, 8]
    # Local time stays 16:00 across the change to summer time (March 28, 2027).
    assert {timezone.localtime(m.starts_at).hour for m in dates} == {16}


def test_a_bad_rule_is_an_error_on_the_rule_and_nothing_is_saved(alliance):
    body = f.BodyFactory(alliance=alliance)
    start = f.in_days(5)
    with pytest.raises(ValidationError) as error:
        services.meeting_create(
            body=body,
            title="X",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            rrule="FREQ=HOURLY",
        )
    assert "rrule" in error.value.message_dict
    assert not Meeting.objects.exists()


def test_minutes_with_decisions_and_actions_number_decisions_per_year(alliance):
    body = f.BodyFactory(alliance=alliance)
    earlier = f.MeetingFactory(
        body=body, starts_at=timezone.make_aware(dt.datetime(2026, 3, 5, 16))
    )
    later = f.MeetingFactory(body=body, starts_at=timezone.make_aware(dt.datetime(2026, 4, 2, 16)))
    services.minutes_save(meeting=earlier, text="Text", actor=None, decisions=["A", "B"])
    services.minutes_save(meeting=later, text="Text", actor=None, decisions=["C"])
    refs = sorted(d.reference for d in Decision.objects.all())
    assert refs == ["2026-01", "2026-02", "2026-03"]


def test_an_action_due_before_the_meeting_is_refused_and_nothing_is_saved(alliance):
    meeting = f.MeetingFactory(body=f.BodyFactory(alliance=alliance))
    day_before = timezone.localtime(meeting.starts_at).date() - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.minutes_save(
            meeting=meeting,
            text="Protokoll",
            actor=None,
            decisions=["Beschluss"],
            actions=[NewAction("Flyer"), NewAction("Plakate", due_on=day_before)],
        )
    assert list(error.value.message_dict) == ["actions-1-due_on"]
    assert not Minutes.objects.exists()
    assert not Decision.objects.exists()
    assert not ActionItem.objects.exists()


def test_approved_minutes_change_only_with_a_reason_recorded_in_the_history(alliance, coordinator):
    meeting = f.MeetingFactory(body=f.BodyFactory(alliance=alliance))
    services.minutes_save(meeting=meeting, text="Erste Fassung", actor=coordinator.user)
    services.minutes_approve(meeting=meeting, actor=coordinator.user)
    with pytest.raises(ValidationError) as error:
        services.minutes_save(meeting=meeting, text="Geändert", actor=coordinator.user)
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.minutes_save(
            meeting=meeting,
            text="Erste Fassung",
            actor=None,
            decisions=["Nachträglich"],
            reason="x",
        )
    services.minutes_save(
        meeting=meeting, text="Korrigiert", actor=coordinator.user, reason="Tippfehler"
    )
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.is_locked and minutes.text == "Korrigiert"
    versions = list(minutes.history.order_by("history_date"))
    assert [v.text for v in versions] == ["Erste Fassung", "Erste Fassung", "Korrigiert"]
    assert versions[-1].history_change_reason == "Tippfehler"
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD


def test_the_next_agenda_starts_from_open_items_once(alliance):
    body = f.BodyFactory(alliance=alliance)
    previous = f.MeetingFactory(body=body, starts_at=f.in_days(-20))
    deferred = services.agenda_item_add(meeting=previous, title="Haushalt")
    deferred.outcome = AgendaItem.Outcome.DEFERRED
    deferred.save()
    services.agenda_item_add(meeting=previous, title="Erledigt")
    f.ActionFactory(alliance=alliance, body=body, title="Flyer drucken")
    f.ActionFactory(alliance=alliance, body=body, title="Fertig", status="done")
    meeting = f.MeetingFactory(body=body, starts_at=f.in_days(10))
    assert services.agenda_from_open_items(meeting=meeting) == 2
    assert services.agenda_from_open_items(meeting=meeting) == 0
    assert [i.title for i in meeting.agenda.all()] == ["Haushalt", "Stand: Flyer drucken"]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("virus.exe", b"MZ\x90\x00\x03\x00\x00\x00" * 10), "not allowed"),
        (SimpleUploadedFile("gross.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)), "too large"),
    ],
)
def test_a_bad_attachment_names_the_field_and_adds_no_item(alliance, upload, message, settings):
    settings.LANGUAGE_CODE = "en"
    meeting = f.MeetingFactory(body=f.BodyFactory(alliance=alliance))
    good = SimpleUploadedFile("top.pdf", b"%PDF-1.4\nok")
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.agenda_item_add(meeting=meeting, title="Bericht", files=[good, upload])
    assert message in " ".join(error.value.message_dict["files"])
    assert not AgendaItem.objects.exists()
    assert not AgendaAttachment.objects.exists()


def test_the_invitation_reaches_each_member_with_an_ics(alliance, committed):
    body = f.BodyFactory(alliance=alliance, name="AG Übergänge")
    f.MembershipFactory(body=body)
    f.MembershipFactory(body=body)
    f.MembershipFactory(body=body, left_on=timezone.localdate())  # former member
    meeting = f.MeetingFactory(body=body, title="AG-Treffen")
    with committed():
        services.invitation_send(meeting=meeting)
    assert len(mail.outbox) == 2
    assert all(len(m.to) == 1 for m in mail.outbox)
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert name == "einladung.ics" and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event["SUMMARY"] == "AG-Treffen (AG Übergänge)"
    assert event.decoded("DTSTART") == meeting.starts_at


# --- action reminders ----------------------------------------------------------------------


def test_reminders_are_sent_once_per_stage(alliance):
    contact = f.ContactPersonFactory(alliance=alliance, email="owner@example.org")
    today = timezone.localdate()
    soon = f.ActionFactory(alliance=alliance, owner=contact, due_on=today + dt.timedelta(days=2))
    late = f.ActionFactory(alliance=alliance, owner=contact, due_on=today - dt.timedelta(days=1))
    f.ActionFactory(alliance=alliance, owner=contact, due_on=today + dt.timedelta(days=30))
    f.ActionFactory(alliance=alliance, owner=contact, due_on=today, status="done")
    dry = action_reminders_run(dry_run=True)
    assert (dry.soon, dry.overdue, len(mail.outbox)) == (1, 1, 0)
    call_command("send_action_reminders")
    assert len(mail.outbox) == 2
    call_command("send_action_reminders")
    assert len(mail.outbox) == 2
    # Once the due date of the first has passed, it gets its overdue reminder.
    later = timezone.now() + dt.timedelta(days=3)
    result = action_reminders_run(now=later)
    assert (result.soon, result.overdue) == (0, 1)
    soon.refresh_from_db()
    late.refresh_from_db()
    assert soon.reminder_stage == late.reminder_stage == "overdue"


# --- rooms ---------------------------------------------------------------------------------


def test_an_overlapping_booking_is_refused_on_the_start_field(alliance, coordinator):
    room = f.RoomFactory(alliance=alliance)
    start = f.in_days(2, 10)
    services.booking_request(
        room=room,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        title="A",
        user=coordinator.user,
    )
    with pytest.raises(ValidationError) as error:
        services.booking_request(
            room=room,
            starts_at=start + dt.timedelta(hours=1),
            ends_at=start + dt.timedelta(hours=3),
            title="B",
            user=coordinator.user,
        )
    assert "starts_at" in error.value.message_dict
    # Back to back is fine; a declined request frees its slot.
    after = services.booking_request(
        room=room,
        starts_at=start + dt.timedelta(hours=2),
        ends_at=start + dt.timedelta(hours=3),
        title="C",
        user=coordinator.user,
    )
    services.booking_decide(booking=after, approve=False, actor=coordinator.user)
    services.booking_request(
        room=room,
        starts_at=start + dt.timedelta(hours=2),
        ends_at=start + dt.timedelta(hours=4),
        title="D",
        user=coordinator.user,
    )
    assert Booking.objects.filter(status__in=Booking.HOLDING).count() == 2


def test_a_booking_must_end_after_it_starts_and_lie_ahead(alliance, coordinator):
    room = f.RoomFactory(alliance=alliance)
    start = f.in_days(2)
    with pytest.raises(ValidationError) as error:
        services.booking_request(
            room=room, starts_at=start, ends_at=start, title="A", user=coordinator.user
        )
    assert "ends_at" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.booking_request(
            room=room,
            starts_at=f.in_days(-2),
            ends_at=f.in_days(-2, 18),
            title="A",
            user=coordinator.user,
        )
    assert "starts_at" in error.value.message_dict


# --- budgets -------------------------------------------------------------------------------


def test_lines_beyond_the_pot_are_refused_on_planned_and_nothing_is_saved(alliance):
    pot = f.PotFactory(alliance=alliance)
    f.contribution(pot, "600.00")
    f.contribution(pot, "400.00")
    project = f.ProjectFactory(alliance=alliance)
    values = {"project": project, "pot": pot, "kind": "cost", "label": "Laternen"}
    services.budget_line_save(alliance=alliance, values={**values, "planned": Decimal("700")})
    with pytest.raises(ValidationError) as error:
        services.budget_line_save(
            alliance=alliance, values={**values, "label": "Bühne", "planned": Decimal("300.01")}
        )
    assert "300,00 €" in error.value.message_dict["planned"][0]
    assert BudgetLine.objects.count() == 1
    services.budget_line_save(
        alliance=alliance, values={**values, "label": "Bühne", "planned": Decimal("300.00")}
    )
    pot = selectors.pots_with_figures(alliance=alliance).get()
    assert (pot.total, pot.allocated, pot.spent) == (Decimal("1000"), Decimal("1000"), 0)
    assert [p.pk for p in selectors.pots_near_limit(alliance=alliance)] == [pot.pk]


def test_a_pot_of_another_alliance_is_refused(alliance):
    other_pot = f.PotFactory(alliance=AllianceFactory())
    project = f.ProjectFactory(alliance=alliance)
    with pytest.raises(ValidationError) as error:
        services.budget_line_save(
            alliance=alliance,
            values={
                "project": project,
                "pot": other_pot,
                "kind": "cost",
                "label": "X",
                "planned": Decimal("1"),
            },
        )
    assert "pot" in error.value.message_dict


def test_project_budget_sums(alliance):
    project = f.ProjectFactory(alliance=alliance)
    for kind, planned, actual in [
        ("cost", "250", "240.50"),
        ("cost", "100", None),
        ("fee", "120", "95"),
        ("contribution", "80", "80"),
    ]:
        services.budget_line_save(
            alliance=alliance,
            values={
                "project": project,
                "kind": kind,
                "label": kind,
                "planned": Decimal(planned),
                "actual": Decimal(actual) if actual else None,
            },
        )
    budget = selectors.project_budget(project)
    assert budget["planned_costs"] == Decimal("350")
    assert budget["actual_costs"] == Decimal("240.50")
    assert budget["planned_balance"] == Decimal("-150")
    assert budget["actual_balance"] == Decimal("-65.50")


# --- quality -------------------------------------------------------------------------------


def test_the_default_set_has_the_four_dimensions(alliance):
    services.quality_install_defaults(alliance=alliance)
    names = list(QualityDimension.objects.filter(alliance=alliance).values_list("name", flat=True))
    assert names == [
        "Kindorientierung",
        "Sozialraumorientierung",
        "Partizipation",
        "Lernen im Prozess (Lernende Organisation)",
    ]
    assert QualityCriterion.objects.filter(alliance=alliance).count() == 13
    assert services.quality_install_defaults(alliance=alliance) == 0


def test_ratings_consolidation_and_year_over_year(alliance, coordinator, provider):
    for year, scores in [(2025, (2, 2)), (2026, (3, 4))]:
        assessment = services.assessment_open(alliance=alliance, year=year)
        criteria = list(QualityCriterion.objects.filter(alliance=alliance, dimension__position=1))
        services.ratings_save(
            assessment=assessment,
            rater=provider.user,
            scores={criteria[0]: (scores[0], ""), criteria[1]: (None, "")},
        )
        results = dict.fromkeys(QualityCriterion.objects.filter(alliance=alliance), (scores[0], ""))
        results[criteria[1]] = (scores[1], "")
        services.assessment_consolidate(
            assessment=assessment,
            results=results,
            actor=coordinator.user,
            actions=[NewAction("Kinder befragen")],
        )
    scores = selectors.quality_dimension_scores(alliance=alliance)
    # Kindorientierung has three criteria: (2+2+2)/3 and (3+4+3)/3.
    assert scores[2025]["Kindorientierung"] == 2.0
    assert scores[2026]["Kindorientierung"] == 3.33
    result = selectors.quality_result_for_year(alliance=alliance, year=2026)
    assert result["dimensions"][0]["mean"] == 3.33
    assert ActionItem.objects.filter(assessment__isnull=False).count() == 2
    with pytest.raises(ValidationError):
        services.ratings_save(assessment=assessment, rater=provider.user, scores={})


# --- reports' figures ----------------------------------------------------------------------


def test_attendance_by_partner_counts_meetings(alliance):
    body = f.BodyFactory(alliance=alliance)
    a, b = f.MembershipFactory(body=body), f.MembershipFactory(body=body)
    for days in (-40, -10):
        meeting = f.MeetingFactory(body=body, starts_at=f.in_days(days))
        services.attendance_save(
            meeting=meeting, statuses={a.contact: "present", b.contact: "excused"}
        )
    year = timezone.localtime(f.in_days(-10)).year
    rows = selectors.attendance_by_partner(alliance=alliance, year=year)
    counted = {r["partner_id"]: r["meetings"] for r in rows}
    assert counted.get(a.contact.partner_id) in (1, 2)  # both meetings may not share a year
    assert b.contact.partner_id not in counted


def test_feed_token_is_stored_hashed(alliance, coordinator):
    raw = services.feed_token_create(user=coordinator.user)
    token = coordinator.user.meeting_feed_token
    assert raw not in token.token_hash and len(token.token_hash) == 64
