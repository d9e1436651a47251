"""schema.org JSON-LD for offer, organisation and place pages (search engines, assistants)."""

from __future__ import annotations

from django.utils.translation import get_language

from .models import Location, Offer, Organisation


def place_jsonld(location: Location, absolute) -> dict:
    """A place as schema.org Place (the calendar's events use it too)."""
    data = {
        "@type": "Place",
        "name": location.name,
        "url": absolute(location.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.street,
            "postalCode": location.postal_code,
            "addressLocality": location.city,
            "addressCountry": "DE",
        },
    }
    if location.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    return data


def _organisation(organisation: Organisation, absolute) -> dict:
    data = {
        "@type": "Organization",
        "name": organisation.name,
        "url": absolute(organisation.get_absolute_url()),
    }
    for key, value in (
        ("email", organisation.email),
        ("telephone", organisation.phone),
        ("sameAs", organisation.website),
        ("description", organisation.description),
    ):
        if value:
            data[key] = value
    return data


def offer_jsonld(offer: Offer, absolute) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": offer.name,
        "description": offer.summary or offer.description[:300],
        "url": absolute(offer.get_absolute_url()),
        "inLanguage": get_language() or "de",
        "provider": _organisation(offer.organisation, absolute),
        "serviceType": [c.name for c in offer.categories.all()],
        "availableLanguage": [lang.name_en for lang in offer.languages.all()],
        "areaServed": offer.alliance.region or offer.alliance.name,
        "isAccessibleForFree": offer.is_free,
        "audience": {"@type": "PeopleAudience", "audienceType": offer.age_label},
    }
    places = [place_jsonld(ol.location, absolute) for ol in offer.offer_locations.all()]
    if places:
        data["availableChannel"] = [
            {"@type": "ServiceChannel", "serviceLocation": place} for place in places
        ]
    if offer.phone or offer.email:
        data["provider"]["contactPoint"] = {
            "@type": "ContactPoint",
            **({"telephone": offer.phone} if offer.phone else {}),
            **({"email": offer.email} if offer.email else {}),
        }
    if offer.last_checked_at:
        data["dateModified"] = offer.last_checked_at.date().isoformat()
    return data


def organisation_jsonld(organisation: Organisation, absolute) -> dict:
    data = {"@context": "https://schema.org", **_organisation(organisation, absolute)}
    locations = list(organisation.locations.all())
    if locations:
        data["location"] = [place_jsonld(location, absolute) for location in locations]
    return data


def location_jsonld(location: Location, absolute) -> dict:
    return {"@context": "https://schema.org", **place_jsonld(location, absolute)}
