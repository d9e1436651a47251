"""Response shapes of the JSON API (``/api/v1/``); they are also its OpenAPI document."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str


class ValidationProblem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    detail: list[ValidationProblem]


class AllianceOut(Schema):
    slug: str
    name: str
    region: str
    about: str
    website: str
    latitude: float
    longitude: float
    is_demo: bool
    url: str = Field(description="The public family guide of this network.")
    api_url: str
    hsds_url: str


class CategoryOut(Schema):
    slug: str
    code: str
    name: str
    name_en: str
    description: str
    parent: str | None = Field(description="Slug of the parent category.")
    synonyms: list[str]


class DistrictOut(Schema):
    slug: str
    name: str
    kind: str
    parent: str | None
    latitude: float | None
    longitude: float | None


class LanguageOut(Schema):
    code: str = Field(description="BCP 47; de-x-ls is Leichte Sprache.")
    name: str


class ScheduleOut(Schema):
    kind: str = Field(description="opening_hours or session")
    rrule: str = Field(description="RFC 5545 recurrence rule, local time (Europe/Berlin).")
    weekdays: list[str]
    opens_at: str | None = Field(description="HH:MM, local time")
    closes_at: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    description: str
    text: str = Field(description="The rule in words (German).")


class AddressOut(Schema):
    street: str
    postal_code: str
    city: str


class PlaceBrief(Schema):
    slug: str
    name: str
    address: AddressOut
    latitude: float | None
    longitude: float | None
    district: str | None = Field(description="Slug of the district.")
    url: str


class LocationOut(PlaceBrief):
    description: str
    organisation: str | None = Field(description="Slug of the organisation.")
    is_wheelchair_accessible: bool
    is_pram_accessible: bool
    accessibility_notes: str
    transport_notes: str
    opening_hours: list[ScheduleOut]
    country: str = Field(description="ISO 3166-1 alpha-2 (DE where the record gives none).")
    external_identifier: str = Field(description="e.g. a UPRN (HSDS location identifier).")
    external_identifier_type: str
    updated_at: dt.datetime
    hsds_id: str


class OrganisationBrief(Schema):
    slug: str
    name: str
    url: str


class IdentifierOut(Schema):
    identifier_scheme: str = Field(description="e.g. DE-CR (Handelsregister), GB-COH")
    identifier_type: str
    identifier: str


class OrganisationOut(OrganisationBrief):
    kind: str
    operator: str
    description: str
    website: str
    email: str
    phone: str
    identifiers: list[IdentifierOut] = Field(
        description="Register numbers and the like (HSDS organization_identifier)."
    )
    funding: list[str] = Field(description="Who funds the organisation.")
    updated_at: dt.datetime
    hsds_id: str


class AgeOut(Schema):
    min_months: int | None
    max_months: int | None = Field(description="Inclusive.")
    for_pregnancy: bool
    bands: list[str] = Field(description="Age bands of the guide: schwangerschaft, 0-3, …")
    label: str


class OfferPlaceOut(Schema):
    location: PlaceBrief
    notes: str
    sessions: list[ScheduleOut]


class ServiceAreaOut(Schema):
    districts: list[str] = Field(description="Slugs of the districts served.")
    description: str = Field(description="The area served, in words.")


class TranslationOut(Schema):
    language: str = Field(description="BCP 47; de-x-ls is Leichte Sprache (German).")
    field: str = Field(description="The offer's field: name, summary, description, …")
    text: str
    is_machine: bool = Field(description="Machine-translated and not yet checked by a person.")
    is_current: bool = Field(description="False when the German text changed since.")


class OfferOut(Schema):
    slug: str
    name: str
    summary: str
    description: str
    url: str
    organisation: OrganisationBrief
    categories: list[str] = Field(description="Category slugs.")
    languages: list[str] = Field(description="Language codes.")
    age: AgeOut
    is_free: bool
    costs: str
    fee_amount: str | None = Field(description="Decimal amount, e.g. '3.50' (no amount: none).")
    fee_currency: str = Field(description="ISO 4217, e.g. EUR")
    service_area: ServiceAreaOut
    funding: list[str] = Field(description="Who funds the offer.")
    participation: str = Field(description="open, registration or referral")
    participation_notes: str
    is_online: bool
    accessibility_notes: str
    email: str
    phone: str
    website: str
    places: list[OfferPlaceOut]
    sessions: list[ScheduleOut] = Field(description="The offer's own times (no place).")
    distance_km: float | None = Field(description="From the origin of a proximity search.")
    last_checked_at: dt.datetime | None
    updated_at: dt.datetime
    hsds_id: str
    translations: list[TranslationOut] = Field(
        default_factory=list,
        description="Only in the single offer: its published translations (a field missing "
        "for a language is not translated: show the German text).",
    )


class OfferPage(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    suggestion: str | None = Field(description="'Did you mean' query for a misspelt search.")
    results: list[OfferOut]


class OrganisationPage(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[OrganisationOut]


class LocationPage(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[LocationOut]


class EventOut(Schema):
    slug: str
    title: str
    summary: str
    description: str
    url: str
    organisation: OrganisationBrief
    location: PlaceBrief | None
    offer: str | None = Field(description="Slug of the offer these are the dates of.")
    starts_at: dt.datetime = Field(description="Start of the first date.")
    ends_at: dt.datetime | None
    is_all_day: bool
    rrule: str
    status: str = Field(description="scheduled, cancelled, postponed or moved_online")
    status_note: str
    categories: list[str]
    languages: list[str]
    age: AgeOut
    is_free: bool
    costs: str
    requires_registration: bool
    online_url: str
    updated_at: dt.datetime


class EventPage(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[EventOut]


class OccurrenceOut(Schema):
    id: int
    event: str = Field(description="Slug of the event.")
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    is_all_day: bool
    status: str
    status_note: str
    url: str
    location: PlaceBrief | None


class OccurrencePage(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[OccurrenceOut]


# --- write operations (write.py) ---------------------------------------------------------------


class OfferWriteOut(OfferOut):
    publication_status: str = Field(description="draft, published or archived")


class EventWriteOut(EventOut):
    publication_status: str = Field(description="draft, published or archived")


class QueuedOut(Schema):
    detail: str
    change_request: int = Field(description="Id of the item in the coordination's review queue.")
    slug: str = Field(description="Slug of the entry the item is about.")
