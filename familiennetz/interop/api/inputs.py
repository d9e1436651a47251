"""Request bodies of the write operations and their translation into workspace form data.

The API does not validate or save entries itself: a body becomes the data a browser would
post to the workspace form (``directory/entry_forms.py``, ``events/entry_forms.py``), so the
same form checks it and ``moderation.services.entry_save`` saves it. Missing fields keep the
entry's current value (PATCH) or the form's default (POST): the form data starts from what the
unbound form would show. Related entries are named by slug (languages by code), as in the
read API; the form's errors are reported under the API's field names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.db import models
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import model_validator

from familiennetz.directory.list_fields import LinesField
from familiennetz.directory.models import Category, Language, Location, Offer, Organisation
from familiennetz.events.models import EventStatus
from familiennetz.socialspace.models import District

from .common import IsoDateTime

OrganisationKind = Literal[tuple(Organisation.Kind.values)]
Participation = Literal[tuple(Offer.Participation.values)]
PublicationStatus = Literal["draft", "published", "archived"]
EventState = Literal[tuple(EventStatus.values)]


def text(max_length: int, description: str = ""):
    return Field(None, max_length=max_length, description=description or None)


# --- bodies ---------------------------------------------------------------------------------


class Body(Schema):
    """A JSON object (ninja's Schema would read any value's attributes: ``[]`` would pass as
    an empty change)."""

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, value):
        if not isinstance(getattr(value, "_obj", value), dict):  # ninja wraps it: DjangoGetter
            raise ValueError("expected a JSON object")
        return value


class AddressIn(Body):
    street: str = text(200)
    postal_code: str = text(10)
    city: str = text(100)


class AgeIn(Body):
    min_months: int | None = Field(None, ge=0, le=32767)
    max_months: int | None = Field(None, ge=0, le=32767, description="Inclusive.")
    for_pregnancy: bool = None


class IdentifierIn(Body):
    identifier_scheme: str | None = Field(
        None, max_length=100, description="Register code, e.g. DE-VR, DE-CR, GB-COH."
    )
    identifier: str = Field(..., min_length=1, max_length=200)
    identifier_type: str = Field("", max_length=100)


class OrganisationPatch(Body):
    """Changes to an organisation; fields left out keep their value."""

    name: str = text(300)
    kind: OrganisationKind = None
    operator: str = text(300)
    description: str = text(20_000)
    website: str = text(200)
    email: str = text(254)
    phone: str = text(50)
    identifiers: list[IdentifierIn] = Field(
        None, max_length=20, description="Register numbers (replace the current ones)."
    )
    funding: list[str] = Field(
        None, max_length=20, description="Who funds it (replaces the current list)."
    )


class OrganisationCreate(OrganisationPatch):
    name: str = Field(..., max_length=300)


class LocationPatch(Body):
    """Changes to a place; opening hours are kept (they are edited in the workspace)."""

    organisation: str | None = Field(None, description="Slug of the organisation.")
    name: str = text(300)
    description: str = text(20_000)
    address: AddressIn = None
    district: str | None = Field(None, description="Slug of the district.")
    latitude: float | None = Field(None, ge=-90, le=90, allow_inf_nan=False)
    longitude: float | None = Field(None, ge=-180, le=180, allow_inf_nan=False)
    is_wheelchair_accessible: bool = None
    is_pram_accessible: bool = None
    accessibility_notes: str = text(20_000)
    transport_notes: str = text(300)
    country: str = Field(None, max_length=2, description="ISO 3166-1 alpha-2; empty: DE.")
    state_province: str = text(100)
    external_identifier: str = text(100, "e.g. a UPRN.")
    external_identifier_type: str = text(50)


class LocationCreate(LocationPatch):
    name: str = Field(..., max_length=300)


class ForWhomIn(Body):
    categories: list[str] = Field(None, description="Category slugs (replace the current ones).")
    languages: list[str] = Field(None, description="Language codes (replace the current ones).")
    age: AgeIn = None
    is_free: bool = None
    costs: str = text(300)
    accessibility_notes: str = text(20_000)


class ServiceAreaIn(Body):
    districts: list[str] = Field(None, description="District slugs (replace the current ones).")
    description: str = text(300, "The area served, in words.")


class OfferPatch(ForWhomIn):
    """Changes to an offer; regular sessions are kept (they are edited in the workspace)."""

    fee_amount: Decimal | None = Field(
        None, ge=0, max_digits=9, decimal_places=2, description="0 means free of charge."
    )
    fee_currency: str = Field(None, max_length=3, description="ISO 4217; default EUR.")
    service_area: ServiceAreaIn = None
    funding: list[str] = Field(
        None, max_length=20, description="Who funds it (replaces the current list)."
    )

    organisation: str = Field(None, description="Slug of the organisation.")
    name: str = text(300)
    summary: str = text(400)
    description: str = text(20_000)
    participation: Participation = None
    participation_notes: str = text(20_000)
    is_online: bool = None
    email: str = text(254)
    phone: str = text(50)
    website: str = text(200)
    places: list[str] = Field(None, description="Slugs of the places (replace the current ones).")
    publication_status: PublicationStatus = Field(
        None,
        description="Who may not publish gets 202: the coordination is asked to publish.",
    )


class OfferCreate(OfferPatch):
    organisation: str = Field(..., description="Slug of the organisation.")
    name: str = Field(..., max_length=300)


class EventPatch(ForWhomIn):
    """Changes to an event (a single date or a series)."""

    organisation: str = Field(None, description="Slug of the organisation.")
    offer: str | None = Field(None, description="Slug of the offer these are the dates of.")
    title: str = text(300)
    summary: str = text(400)
    description: str = text(20_000)
    location: str | None = Field(None, description="Slug of the place.")
    online_url: str = text(200)
    starts_at: IsoDateTime = Field(None, description="Start of the first date (ISO 8601).")
    ends_at: IsoDateTime | None = None
    is_all_day: bool = None
    rrule: str = text(300, "RFC 5545 recurrence rule, empty for a single date.")
    skips_school_holidays: bool = None
    status: EventState = None
    status_note: str = text(300)
    requires_registration: bool = None
    capacity: int | None = Field(None, ge=0, le=2_147_483_647)
    has_waiting_list: bool = None
    registration_closes_hours: int | None = Field(None, ge=0, le=2_147_483_647)
    publication_status: PublicationStatus = Field(
        None,
        description="Who may not publish gets 202: the coordination is asked to publish.",
    )


class EventCreate(EventPatch):
    organisation: str = Field(..., description="Slug of the organisation.")
    title: str = Field(..., max_length=300)
    starts_at: IsoDateTime = Field(..., description="Start of the first date (ISO 8601).")


# --- API field → form field -------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A related entry named by slug (``key``) in the API and by primary key in the form."""

    model: type[models.Model]
    key: str = "slug"
    tenant: bool = True


ORGANISATION = Ref(Organisation)
LOCATION = Ref(Location)
OFFER = Ref(Offer)
DISTRICT = Ref(District)
CATEGORY = Ref(Category)
LANGUAGE = Ref(Language, key="code", tenant=False)

FOR_WHOM = {
    ("categories",): ("categories", CATEGORY),
    ("languages",): ("languages", LANGUAGE),
    ("age", "min_months"): ("age_min_months", None),
    ("age", "max_months"): ("age_max_months", None),
    ("age", "for_pregnancy"): ("for_pregnancy", None),
    ("is_free",): ("is_free", None),
    ("costs",): ("fee_description", None),
    ("accessibility_notes",): ("accessibility_notes", None),
}
# Per form model: API path → (form field, reference or None).
FIELDS: dict[str, dict[tuple[str, ...], tuple[str, Ref | None]]] = {
    "directory.organisation": {
        (name,): (name, None)
        for name in (
            *("name", "kind", "operator", "description", "website", "email", "phone"),
            *("identifiers", "funding"),
        )
    },
    "directory.location": {
        ("organisation",): ("organisation", ORGANISATION),
        ("name",): ("name", None),
        ("description",): ("description", None),
        ("address", "street"): ("street", None),
        ("address", "postal_code"): ("postal_code", None),
        ("address", "city"): ("city", None),
        ("district",): ("district", DISTRICT),
        ("latitude",): ("latitude", None),
        ("longitude",): ("longitude", None),
        ("is_wheelchair_accessible",): ("is_wheelchair_accessible", None),
        ("is_pram_accessible",): ("is_pram_accessible", None),
        ("accessibility_notes",): ("accessibility_notes", None),
        ("transport_notes",): ("transport_notes", None),
        **{
            (name,): (name, None)
            for name in (
                "country",
                "state_province",
                "external_identifier",
                "external_identifier_type",
            )
        },
    },
    "directory.offer": {
        ("organisation",): ("organisation", ORGANISATION),
        **{(name,): (name, None) for name in ("name", "summary", "description")},
        **FOR_WHOM,
        ("fee_amount",): ("fee_amount", None),
        ("fee_currency",): ("fee_currency", None),
        ("service_area", "districts"): ("service_districts", DISTRICT),
        ("service_area", "description"): ("service_area", None),
        ("funding",): ("funding", None),
        **{
            (name,): (name, None)
            for name in (
                *("participation", "participation_notes", "is_online"),
                *("email", "phone", "website"),
            )
        },
        ("places",): ("places", LOCATION),
        ("publication_status",): ("status", None),
    },
    "events.event": {
        ("organisation",): ("organisation", ORGANISATION),
        ("offer",): ("offer", OFFER),
        ("title",): ("title", None),
        ("summary",): ("summary", None),
        ("description",): ("description", None),
        ("location",): ("location", LOCATION),
        **{
            (name,): (name, None)
            for name in (
                *("online_url", "starts_at", "ends_at", "is_all_day", "rrule"),
                "skips_school_holidays",
            )
        },
        **FOR_WHOM,
        ("status",): ("event_status", None),
        **{
            (name,): (name, None)
            for name in (
                *("status_note", "requires_registration", "capacity", "has_waiting_list"),
                "registration_closes_hours",
            )
        },
        ("publication_status",): ("status", None),
    },
}
# Schedule rows of the workspace form are not part of the API: their errors are reported here.
ROW_FIELDS = {"hours": ("opening_hours",), "sessions": ("places",)}


class InputError(Exception):
    """Problems with a body, as ``(API path, message)`` pairs."""

    def __init__(self, problems: list[tuple[tuple[str, ...], str]]):
        super().__init__(problems)
        self.problems = problems

    def detail(self) -> list[dict]:
        return [
            {"loc": ["body", *path], "msg": message, "type": "invalid"}
            for path, message in self.problems
        ]


def _flatten(body: dict, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], object]:
    flat = {}
    for key, value in body.items():
        path = (*prefix, key)
        if isinstance(value, dict):
            flat.update(_flatten(value, path))
        else:
            flat[path] = value
    return flat


def _as_data(value) -> str | list[str] | None:
    """A Python value as a browser would post it (None: leave the key out)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list | tuple):
        return [str(getattr(v, "pk", v)) for v in value]
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dt.datetime):  # local time without offset, as the form shows it
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _field_data(field, value):
    """A list edited as lines of text (funding, identifiers) is posted as one text."""
    if isinstance(field, LinesField) and isinstance(value, list):
        return field.prepare_value(value) or None
    return _as_data(value)


def initial_data(form) -> dict[str, str | list[str]]:
    """What posting the unbound form unchanged would send: the entry as it is (or the
    defaults of a new one), including the schedule rows."""
    data = {}
    for name, field in form.fields.items():
        value = _field_data(field, form[name].value())
        if value not in (None, "", []):  # an empty field and a missing key read the same
            data[form.add_prefix(name)] = value
    return data


def _resolve(ref: Ref, alliance, value, path) -> str | list[str]:
    """Slugs (codes) → primary keys in the alliance; unknown ones are input errors."""
    if value is None:
        return ""
    values = value if isinstance(value, list) else [value]
    rows = ref.model._default_manager.all()
    if ref.tenant:
        rows = rows.filter(alliance=alliance)
    found = dict(rows.filter(**{f"{ref.key}__in": values}).values_list(ref.key, "pk"))
    unknown = [v for v in values if v not in found]
    if unknown:
        raise InputError(
            [(path, _("Unknown in this network: %(values)s") % {"values": ", ".join(unknown)})]
        )
    pks = [str(found[v]) for v in values]
    return pks if isinstance(value, list) else pks[0]


def form_data(form_class, unbound_form, body: Schema, *, alliance) -> MultiValueDict:
    """The form data for ``body`` on top of the entry's current state."""
    label = form_class._meta.model._meta.label_lower
    spec = FIELDS[label]
    data = initial_data(unbound_form)
    problems = []
    for path, value in _flatten(body.model_dump(exclude_unset=True)).items():
        if path not in spec:  # e.g. an object sent where a list was expected: schema said no
            continue
        name, ref = spec[path]
        if name not in unbound_form.fields:
            if name == "status":  # not publishing: handled by the caller
                continue
            problems.append((path, _("You may not set this field.")))
            continue
        try:
            field = unbound_form.fields[name]
            converted = _resolve(ref, alliance, value, path) if ref else _field_data(field, value)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        key = unbound_form.add_prefix(name)
        if converted in (None, ""):
            data.pop(key, None)
        else:
            data[key] = converted
    if problems:
        raise InputError(problems)
    return MultiValueDict(
        {key: value if isinstance(value, list) else [value] for key, value in data.items()}
    )


def api_path(label: str, form_field: str) -> tuple[str, ...]:
    """The API field that a form field's error belongs to."""
    for path, (name, _ref) in FIELDS[label].items():
        if name == form_field:
            return path
    prefix = form_field.split("_", 1)[0]
    return ROW_FIELDS.get(prefix, ())


def form_errors(form) -> InputError:
    label = form._meta.model._meta.label_lower
    problems = []
    for name, errors in form.errors.get_json_data().items():
        path = () if name == "__all__" else api_path(label, name)
        problems.extend((path, error["message"]) for error in errors)
    return InputError(problems)
