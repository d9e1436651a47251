"""schema.org Event as JSON-LD for event pages (search engines, assistants, event portals)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import get_language

from familiennetz.directory.jsonld import place_jsonld

from .models import EventStatus
from .selectors import Entry

SCHEMA = "https://schema.org/"
_EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}


def _moment(entry: Entry, value) -> str:
    local = value.astimezone(entry.local_start.tzinfo)
    if entry.is_all_day:
        return local.date().isoformat()
    return local.replace(microsecond=0).isoformat()


def event_jsonld(entry: Entry, absolute: Callable[[str], str]) -> dict:
    """One date of an event (the selected or next one) as schema.org Event."""
    event = entry.event
    status = _EVENT_STATUS[entry.status]
    if entry.is_moved and entry.status == EventStatus.SCHEDULED:
        status = "EventRescheduled"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or event.description[:500],
        "url": absolute(entry.url),
        "startDate": _moment(entry, entry.starts_at),
        "eventStatus": SCHEMA + status,
        "inLanguage": get_language() or "de",
        "isAccessibleForFree": event.is_free,
        "organizer": {
            "@type": "Organization",
            "name": event.organisation.name,
            "url": absolute(event.organisation.get_absolute_url()),
        },
    }
    if entry.ends_at:
        data["endDate"] = _moment(entry, entry.ends_at)
    if entry.is_moved:
        data["previousStartDate"] = _moment(entry, entry.original_start)

    online = event.online_url and (
        entry.status == EventStatus.MOVED_ONLINE or event.location is None
    )
    places = []
    if event.location is not None and entry.status != EventStatus.MOVED_ONLINE:
        places.append(place_jsonld(event.location, absolute))
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    if online:
        mode = "OnlineEventAttendanceMode"
    elif event.online_url:
        mode = "MixedEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    data["eventAttendanceMode"] = SCHEMA + mode

    offer = {"@type": "Offer", "url": absolute(entry.url), "priceCurrency": "EUR"}
    if event.is_free:
        offer["price"] = 0
    elif event.fee_description:
        offer["description"] = event.fee_description
    data["offers"] = offer

    audience = {"@type": "PeopleAudience"}
    if event.age_min_months is not None:
        audience["suggestedMinAge"] = round(event.age_min_months / 12, 1)
    if event.age_max_months is not None:
        audience["suggestedMaxAge"] = round(event.age_max_months / 12, 1)
    if len(audience) > 1:
        data["audience"] = audience
    if event.image:
        data["image"] = absolute(event.image.url)
    languages = [lang.code for lang in event.languages.all()]
    if languages:
        data["inLanguage"] = languages if len(languages) > 1 else languages[0]
    return data
