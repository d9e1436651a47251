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
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from django.db import models
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import (
    BeforeValidator,
    StrictBool,
    StrictFloat,
    WithJsonSchema,
    model_validator,
)

from familiennetz.directory.list_fields import SCHEME, LinesField
from familiennetz.directory.models import Category, Language, Location, Offer, Organisation
from familiennetz.directory.models.audience import MAX_AGE_MONTHS
from familiennetz.events.models import EventStatus
from familiennetz.socialspace.models import District

from .common import CalendarDateTime

OrganisationKind = Literal[tuple(Organisation.Kind.values)]
Participation = Literal[tuple(Offer.Participation.values)]
PublicationStatus = Literal["draft", "published", "archived"]
EventState = Literal[tuple(EventStatus.values)]


# What the workspace forms accept, stated as patterns so that the OpenAPI document says it and
# the body is checked before any form sees it (issue 18: every valid body is accepted). The
# forms refuse NUL characters, strip Python's whitespace (``str.isspace``) and split lists at
# ``str.splitlines``'s line breaks.
SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
BREAK = r"\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
TEXT = r"^[^\x00]*$"
REQUIRED_TEXT = rf"^[^\x00]*[^\x00{SPACE}][^\x00]*$"
LINE = rf"^[^\x00{BREAK}]*$"
# ASCII subsets of Django's EmailValidator and URLValidator (http and https only).
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = rf"{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,63}}"
EMAIL = rf"^(?:|[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~-]+)*@{_HOST})$"
URL = rf"^(?:|https?://{_HOST}(?::[1-9][0-9]{{0,3}})?(?:[/?#][A-Za-z0-9._~%!$&'()*+,;=:@/?#-]*)?)$"


# One register number, funder or kind per line, without the "|" that separates its parts.
IDENTIFIER = rf"^[^\x00|{BREAK}]*[^\x00|{SPACE}][^\x00|{BREAK}]*$"
IDENTIFIER_TYPE = rf"^[^\x00|{BREAK}]*$"
Funder = Annotated[str, Field(max_length=300, pattern=LINE)]
# The shape of the recurrence rules the calendar evaluates (events/occurrences.py); whether
# the parts fit together (a real UNTIL date, a BYSETPOS in range) is checked by the form.
_DAY = r"(?:MO|TU|WE|TH|FR|SA|SU)"
_BYDAY = rf"[+-]?(?:[1-9]|[1-4][0-9]|5[0-3])?{_DAY}"
_MONTHDAY = r"[+-]?(?:[1-9]|[12][0-9]|3[01])"
_MONTH = r"(?:[1-9]|1[0-2])"
_SETPOS = r"[+-]?[1-9][0-9]{0,2}"
_PART = (
    r"(?:INTERVAL=[1-9][0-9]{0,2}|COUNT=[1-9][0-9]{0,3}|UNTIL=[0-9]{8}(?:T[0-9]{6}Z?)?"
    rf"|BYDAY={_BYDAY}(?:,{_BYDAY})*|BYMONTHDAY={_MONTHDAY}(?:,{_MONTHDAY})*"
    rf"|BYMONTH={_MONTH}(?:,{_MONTH})*|BYSETPOS={_SETPOS}(?:,{_SETPOS})*|WKST={_DAY})"
)
RRULE = rf"^(?:|(?:RRULE:)?FREQ=(?:DAILY|WEEKLY|MONTHLY|YEARLY)(?:;{_PART})*)$"


def _whole_number(value):
    """A JSON integer; 3.0 is one too (JSON Schema says so), "3" and true are not."""
    if isinstance(value, bool | str):
        raise ValueError("expected a whole number")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


MAX_INT = 2_147_483_647


def _whole_number_schema(minimum: int, maximum: int) -> WithJsonSchema:
    return WithJsonSchema({"type": "integer", "minimum": minimum, "maximum": maximum})


# (The bounds sit inside the type: on a field they would reach the schema as "ge"/"le".)
AgeMonths = Annotated[
    int,
    BeforeValidator(_whole_number),
    Field(ge=0, le=MAX_AGE_MONTHS),
    _whole_number_schema(0, MAX_AGE_MONTHS),
]
PlaceCount = Annotated[
    int, BeforeValidator(_whole_number), Field(ge=1, le=MAX_INT), _whole_number_schema(1, MAX_INT)
]
HourCount = Annotated[
    int, BeforeValidator(_whole_number), Field(ge=0, le=MAX_INT), _whole_number_schema(0, MAX_INT)
]


MONEY_TEXT = r"^[0-9]{1,7}(?:\.[0-9]{1,2})?$"


def _money(value):
    """A JSON number with at most two decimal places (a float's binary noise, such as
    0.30000000000000004, is read as the 0.30 it stands for), or such an amount written as
    text ("12.50"); nothing else, as the schema says."""
    if isinstance(value, str):
        if not re.match(MONEY_TEXT, value):
            raise ValueError("expected an amount such as 12.50")
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError("expected an amount such as 12.50")
    if isinstance(value, float):
        rounded = round(value, 2)
        if rounded and math.isclose(value, rounded, rel_tol=1e-12):
            return Decimal(f"{rounded:.2f}")
    return value


Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    Field(ge=0, max_digits=9, decimal_places=2),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 9_999_999.99, "multipleOf": 0.01},
                {"type": "string", "pattern": MONEY_TEXT},
            ]
        }
    ),
]


def text(max_length: int, description: str = "", *, pattern: str = TEXT):
    return Field(None, max_length=max_length, pattern=pattern, description=description or None)


def required_text(max_length: int, description: str = ""):
    return Field(..., max_length=max_length, pattern=REQUIRED_TEXT, description=description or None)


def email():
    return text(254, "An e-mail address (ASCII) or empty.", pattern=EMAIL)


def url(description: str = "A web address (http or https) or empty."):
    return text(200, description, pattern=URL)


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
    min_months: AgeMonths | None = None
    max_months: AgeMonths | None = Field(None, description="Inclusive; not below min_months.")
    for_pregnancy: StrictBool = None


class IdentifierIn(Body):
    # The workspace edits them as lines "scheme | identifier | type" of at most 300 characters.
    identifier_scheme: str | None = Field(
        None,
        max_length=50,
        pattern=f"^(?:|{SCHEME.pattern[1:-1]})$",
        description="Register code, e.g. DE-VR, DE-CR, GB-COH.",
    )
    identifier: str = Field(..., max_length=150, pattern=IDENTIFIER)
    identifier_type: str = Field("", max_length=90, pattern=IDENTIFIER_TYPE)


class OrganisationPatch(Body):
    """Changes to an organisation; fields left out keep their value."""

    name: str = text(300, pattern=REQUIRED_TEXT)
    kind: OrganisationKind = None
    operator: str = text(300)
    description: str = text(20_000)
    website: str = url()
    email: str = email()
    phone: str = text(50)
    identifiers: list[IdentifierIn] = Field(
        None, max_length=20, description="Register numbers (replace the current ones)."
    )
    funding: list[Funder] = Field(
        None, max_length=20, description="Who funds it (replaces the current list)."
    )


class OrganisationCreate(OrganisationPatch):
    name: str = required_text(300)


class LocationPatch(Body):
    """Changes to a place; opening hours are kept (they are edited in the workspace)."""

    organisation: str | None = Field(None, description="Slug of the organisation.")
    name: str = text(300, pattern=REQUIRED_TEXT)
    description: str = text(20_000)
    address: AddressIn = None
    district: str | None = Field(None, description="Slug of the district.")
    latitude: StrictFloat | None = Field(
        None, ge=-90, le=90, allow_inf_nan=False, description="Together with longitude."
    )
    longitude: StrictFloat | None = Field(
        None, ge=-180, le=180, allow_inf_nan=False, description="Together with latitude."
    )
    is_wheelchair_accessible: StrictBool = None
    is_pram_accessible: StrictBool = None
    accessibility_notes: str = text(20_000)
    transport_notes: str = text(300)
    country: str = Field(
        None,
        max_length=2,
        pattern=r"^(?:|[A-Za-z]{2})$",
        description="ISO 3166-1 alpha-2; empty: DE.",
    )
    state_province: str = text(100)
    external_identifier: str = text(100, "e.g. a UPRN.")
    external_identifier_type: str = text(50, "Only with an external_identifier.")


class LocationCreate(LocationPatch):
    name: str = required_text(300)


class ForWhomIn(Body):
    categories: list[str] = Field(None, description="Category slugs (replace the current ones).")
    languages: list[str] = Field(None, description="Language codes (replace the current ones).")
    age: AgeIn = None
    is_free: StrictBool = None
    costs: str = text(300)
    accessibility_notes: str = text(20_000)


class ServiceAreaIn(Body):
    districts: list[str] = Field(None, description="District slugs (replace the current ones).")
    description: str = text(300, "The area served, in words.")


class OfferPatch(ForWhomIn):
    """Changes to an offer; regular sessions are kept (they are edited in the workspace)."""

    fee_amount: Money | None = Field(
        None,
        description="0 means free of charge; above 0 not with is_free true.",
    )
    fee_currency: str = Field(
        None,
        max_length=3,
        pattern=r"^(?:|[A-Za-z]{3})$",
        description="ISO 4217; default EUR; only with a fee_amount.",
    )
    service_area: ServiceAreaIn = None
    funding: list[Funder] = Field(
        None, max_length=20, description="Who funds it (replaces the current list)."
    )

    organisation: str = Field(None, description="Slug of the organisation.")
    name: str = text(300, pattern=REQUIRED_TEXT)
    summary: str = text(400)
    description: str = text(20_000)
    participation: Participation = None
    participation_notes: str = text(20_000)
    is_online: StrictBool = None
    email: str = email()
    phone: str = text(50)
    website: str = url()
    places: list[str] = Field(None, description="Slugs of the places (replace the current ones).")
    publication_status: PublicationStatus = Field(
        None,
        description="Who may not publish gets 202: the coordination is asked to publish.",
    )


class OfferCreate(OfferPatch):
    organisation: str = Field(..., description="Slug of the organisation.")
    name: str = required_text(300)


class EventPatch(ForWhomIn):
    """Changes to an event (a single date or a series)."""

    organisation: str = Field(None, description="Slug of the organisation.")
    offer: str | None = Field(None, description="Slug of the offer these are the dates of.")
    title: str = text(300, pattern=REQUIRED_TEXT)
    summary: str = text(400)
    description: str = text(20_000)
    location: str | None = Field(None, description="Slug of the place.")
    online_url: str = url("Link of an online event (http or https) or empty.")
    starts_at: CalendarDateTime = Field(
        None, description="Start of the first date (ISO 8601, years 1900 to 2200)."
    )
    ends_at: CalendarDateTime | None = Field(None, description="Not before starts_at.")
    is_all_day: StrictBool = None
    rrule: str = text(
        300,
        "RFC 5545 recurrence rule (FREQ DAILY, WEEKLY, MONTHLY or YEARLY; each part once; COUNT "
        "or UNTIL, not both), empty for a single date.",
        pattern=RRULE,
    )
    skips_school_holidays: StrictBool = None
    status: EventState = None
    status_note: str = text(300)
    requires_registration: StrictBool = None
    capacity: PlaceCount | None = Field(None, description="Places per date; empty: no limit.")
    has_waiting_list: StrictBool = None
    registration_closes_hours: HourCount = Field(
        None, description="Hours before the start; 0: until it starts."
    )
    publication_status: PublicationStatus = Field(
        None,
        description="Who may not publish gets 202: the coordination is asked to publish.",
    )


class EventCreate(EventPatch):
    organisation: str = Field(..., description="Slug of the organisation.")
    title: str = required_text(300)
    starts_at: CalendarDateTime = Field(
        ..., description="Start of the first date (ISO 8601, years 1900 to 2200)."
    )


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
