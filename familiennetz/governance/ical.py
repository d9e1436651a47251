"""iCalendar (RFC 5545) for meetings and room bookings, built with the icalendar library."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from familiennetz.core.mail import absolute_url

PRODID = "-//familiennetz//governance//DE"


def _calendar(name: str, *, method: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    if method:
        calendar.add("method", method)
    return calendar


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1] or "familiennetz"


def meeting_event(meeting, *, url: str = "") -> VEvent:
    event = VEvent()
    event.add("uid", f"meeting-{meeting.pk}@{_host()}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", f"{meeting.title} ({meeting.body.name})")
    event.add("sequence", int(meeting.updated_at.timestamp()) % 2_000_000_000)
    location = meeting.place or meeting.video_url
    if location:
        event.add("location", location)
    description = []
    if meeting.video_url:
        description.append(meeting.video_url)
    if url:
        description.append(url)
        event.add("url", url)
    if description:
        event.add("description", "\n".join(description))
    if meeting.status == meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def meeting_url(meeting) -> str:
    from django.urls import reverse

    return absolute_url(
        reverse(
            "governance:manage-meeting-detail",
            kwargs={"alliance_slug": meeting.alliance.slug, "pk": meeting.pk},
        )
    )


def meetings_calendar(meetings: Iterable, *, name: str, method: str | None = None) -> bytes:
    calendar = _calendar(name, method=method)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, url=meeting_url(meeting)))
    return calendar.to_ical()


def bookings_calendar(room, bookings: Iterable) -> bytes:
    calendar = _calendar(room.name)
    for booking in bookings:
        event = VEvent()
        event.add("uid", f"booking-{booking.pk}@{_host()}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", booking.starts_at)
        event.add("dtend", booking.ends_at)
        event.add("summary", booking.title)
        event.add("location", room.name)
        event.add("status", "CONFIRMED" if booking.status == "approved" else "TENTATIVE")
        calendar.add_component(event)
    return calendar.to_ical()


def ics_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
