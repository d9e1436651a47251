"""THE mapping between our directory and Open Referral HSDS 3.0, both directions.

Export: ``*_rows`` functions turn model instances into flat HSDS table rows.
Import: ``*_values`` functions turn HSDS records into model field values, reporting what they
drop or correct. Everything HSDS has no field for travels as ``attribute`` rows of our
attribute taxonomy (vocabulary.py); docs/dev/hsds.md has the field-by-field table.

    Organisation   ↔ organization (+ phone, contact, attributes organisation_kind/operator)
    Location       ↔ location (+ address, accessibility, attributes district/…_accessible)
    Offer          ↔ service (+ phone, language, contact, attributes incl. categories)
    OfferLocation  ↔ service_at_location
    Schedule       ↔ schedule (+ attributes rrule/schedule_kind)
    Category       ↔ taxonomy_term (taxonomy "familiennetz Familienangebote")
    Event          ↔ event (our extension, schema/familiennetz_event.json)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.directory.models import Offer, Organisation, Schedule, Status
from familiennetz.directory.models.audience import MAX_AGE_MONTHS
from familiennetz.directory.recurrence import RecurrenceError, parse_rule
from familiennetz.events.models import EventStatus

from .ids import derived_id
from .vocabulary import (
    ATTRIBUTE_TAXONOMY_ID,
    ATTRIBUTE_TERMS,
    ATTRIBUTE_TERMS_BY_CODE,
    CATEGORY_TAXONOMY_ID,
    LEICHTE_SPRACHE,
    age_bands,
    default_taxonomy_name,
    legal_bases,
    state_for_postal_code,
)

Emit = Callable[[str, dict], None]  # emit(table, row)
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
STATUS_TO_HSDS = {Status.PUBLISHED: "active", Status.DRAFT: "inactive", Status.ARCHIVED: "defunct"}
STATUS_FROM_HSDS = {
    "active": Status.PUBLISHED,
    "inactive": Status.DRAFT,
    "temporarily closed": Status.DRAFT,
    "defunct": Status.ARCHIVED,
}
# Fields of each HSDS table that the import uses; the rest is listed in the mapping report.
MAPPED_FIELDS = {
    "organization": {"id", "name", "description", "email", "website"},
    "organization_identifier": {"id", "organization_id", "identifier_scheme",
                                "identifier_type", "identifier"},
    "funding": {"id", "organization_id", "service_id", "source"},
    "cost_option": {"id", "service_id", "amount", "currency", "option",
                    "amount_description"},
    "service_area": {"id", "service_id", "name", "description"},
    "location": {"id", "location_type", "organization_id", "name", "description",
                 "transportation", "latitude", "longitude", "external_identifier",
                 "external_identifier_type"},
    "service": {"id", "organization_id", "name", "description", "url", "email", "status",
                "fees_description", "fees", "application_process", "minimum_age",
                "maximum_age", "assured_date", "last_modified"},
    "service_at_location": {"id", "service_id", "location_id", "description"},
    "schedule": {"id", "service_id", "location_id", "service_at_location_id", "valid_from",
                 "valid_to", "dtstart", "until", "count", "wkst", "freq", "interval", "byday",
                 "bymonthday", "description", "opens_at", "closes_at"},
    "contact": {"id", "organization_id", "service_id", "service_at_location_id",
                "location_id", "name", "title", "department", "email"},
    "phone": {"id", "organization_id", "service_id", "location_id", "contact_id",
              "service_at_location_id", "number"},
    "address": {"id", "location_id", "address_1", "address_2", "city", "postal_code",
                "address_type", "country", "state_province"},
    "language": {"id", "service_id", "location_id", "phone_id", "name", "code"},
    "accessibility": {"id", "location_id", "description", "details"},
    "attribute": {"id", "link_id", "link_entity", "link_type", "taxonomy_term_id", "value"},
    "taxonomy": {"id", "name", "description", "uri", "version"},
    "taxonomy_term": {"id", "code", "name", "description", "parent_id", "taxonomy",
                      "taxonomy_id", "language"},
}  # fmt: skip


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _years(months: int | None, *, upper: bool) -> int | float | None:
    """Months as HSDS years: the oldest age (inclusive) of "0–35 months" is 2 years."""
    if months is None:
        return None
    if upper and (months + 1) % 12 == 0:
        return (months + 1) // 12 - 1
    years = round(months / 12, 2)
    return int(years) if years.is_integer() else years


def attribute_row(link_table: str, link_id: str, term_id: str, value: str = "", key="") -> dict:
    return {
        "id": derived_id(link_id, f"attribute:{term_id}:{key or value}"),
        "link_id": link_id,
        "link_entity": link_table,
        "taxonomy_term_id": term_id,
        "value": value,
    }


def _attribute(emit: Emit, table: str, link_id: str, code: str, value) -> None:
    if value in (None, "", False):
        return
    text = "true" if value is True else str(value)
    emit("attribute", attribute_row(table, link_id, ATTRIBUTE_TERMS_BY_CODE[code].id, text))


def _phone(emit: Emit, link: str, parent_id: str, number: str) -> None:
    if number:
        emit("phone", {"id": derived_id(parent_id, "phone"), link: parent_id, "number": number})


# --- export -------------------------------------------------------------------------------


def taxonomy_rows(emit: Emit, categories, category_id: Callable[[int], str]) -> None:
    name, version = default_taxonomy_name()
    emit(
        "taxonomy",
        {
            "id": CATEGORY_TAXONOMY_ID,
            "name": name,
            "description": "Kategorien des Familienwegweisers (familiennetz)",
            "version": version,
        },
    )
    emit(
        "taxonomy",
        {
            "id": ATTRIBUTE_TAXONOMY_ID,
            "name": "familiennetz Merkmale",
            "description": "Deutsche Besonderheiten als HSDS-Attribute (familiennetz)",
            "version": "1",
        },
    )
    for category in categories:
        emit(
            "taxonomy_term",
            {
                "id": category_id(category.pk),
                "code": category.code,
                "name": category.name,
                "description": category.description or category.name,
                "parent_id": category_id(category.parent_id) if category.parent_id else None,
                "taxonomy": name,
                "taxonomy_id": CATEGORY_TAXONOMY_ID,
                "language": "de",
            },
        )
    for term in ATTRIBUTE_TERMS:
        emit(
            "taxonomy_term",
            {
                "id": term.id,
                "code": term.code,
                "name": term.name,
                "description": term.description,
                "taxonomy": "familiennetz Merkmale",
                "taxonomy_id": ATTRIBUTE_TAXONOMY_ID,
                "language": "de",
            },
        )


def organization_rows(emit: Emit, org: Organisation, org_id: str) -> None:
    emit(
        "organization",
        {
            "id": org_id,
            "name": org.name,
            "description": org.description or org.name,
            "email": org.email,
            "website": org.website,
        },
    )
    _phone(emit, "organization_id", org_id, org.phone)
    for index, item in enumerate(org.identifiers or []):
        emit(
            "organization_identifier",
            {
                "id": derived_id(org_id, f"identifier:{index}"),
                "organization_id": org_id,
                "identifier_scheme": item.get("identifier_scheme"),
                "identifier_type": item.get("identifier_type") or "",
                "identifier": item.get("identifier") or "",
            },
        )
    _funding(emit, "organization_id", org_id, org.funding)
    _attribute(emit, "organization", org_id, "organisation_kind", org.kind)
    _attribute(emit, "organization", org_id, "operator", org.operator)


def _funding(emit: Emit, link: str, parent_id: str, sources) -> None:
    for index, source in enumerate(sources or []):
        emit(
            "funding",
            {"id": derived_id(parent_id, f"funding:{index}"), link: parent_id, "source": source},
        )


def contact_rows(emit: Emit, contact, contact_id: str, *, org_id: str, service_id: str | None):
    emit(
        "contact",
        {
            "id": contact_id,
            "organization_id": None if service_id else org_id,
            "service_id": service_id,
            "name": contact.name,
            "title": contact.role,
            "email": contact.email,
        },
    )
    _phone(emit, "contact_id", contact_id, contact.phone)


def location_rows(emit: Emit, location, location_id: str, *, org_id: str | None) -> None:
    emit(
        "location",
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": org_id,
            "name": location.name,
            "description": location.description,
            "transportation": location.transport_notes,
            "latitude": location.latitude,
            "longitude": location.longitude,
            "external_identifier": location.external_identifier,
            "external_identifier_type": location.external_identifier_type,
        },
    )
    if location.street or location.postal_code or location.city:
        emit(
            "address",
            {
                "id": derived_id(location_id, "address"),
                "location_id": location_id,
                "address_1": location.street,
                "city": location.city,
                "state_province": location.state_province
                or state_for_postal_code(location.postal_code),
                "postal_code": location.postal_code,
                "country": location.country or "DE",
                "address_type": "physical",
            },
        )
    if location.accessibility_notes:
        emit(
            "accessibility",
            {
                "id": derived_id(location_id, "accessibility"),
                "location_id": location_id,
                "description": location.accessibility_notes,
            },
        )
    district = location.district.name if location.district_id else ""
    _attribute(emit, "location", location_id, "district", district)
    _attribute(
        emit, "location", location_id, "wheelchair_accessible", location.is_wheelchair_accessible
    )
    _attribute(emit, "location", location_id, "pram_accessible", location.is_pram_accessible)


def service_rows(
    emit: Emit,
    offer: Offer,
    service_id: str,
    *,
    org_id: str,
    categories: list[tuple[str, str]],  # (code, term id)
    languages: list,
    districts: list = (),  # type: ignore[assignment]
) -> None:
    lo, hi = offer.age_min_months, offer.age_max_months
    emit(
        "service",
        {
            "id": service_id,
            "organization_id": org_id,
            "name": offer.name,
            "description": offer.description,
            "url": offer.website,
            "email": offer.email,
            "status": STATUS_TO_HSDS[offer.status],
            "fees_description": offer.fee_description,
            "application_process": offer.participation_notes,
            "minimum_age": _years(lo, upper=False),
            "maximum_age": _years(hi, upper=True),
            "assured_date": timezone.localdate(offer.last_checked_at).isoformat()
            if offer.last_checked_at
            else None,
            "last_modified": _iso(offer.updated_at),
        },
    )
    _phone(emit, "service_id", service_id, offer.phone)
    if offer.fee_amount is not None:
        amount = offer.fee_amount
        emit(
            "cost_option",
            {
                "id": derived_id(service_id, "cost"),
                "service_id": service_id,
                "amount": int(amount) if amount == amount.to_integral_value() else float(amount),
                "currency": offer.fee_currency or None,
            },
        )
    for name in [district.name for district in districts] + [offer.service_area]:
        if name:
            emit(
                "service_area",
                {"id": derived_id(service_id, f"area:{name}"), "service_id": service_id,
                 "name": name},
            )  # fmt: skip
    _funding(emit, "service_id", service_id, offer.funding)
    for language in languages:
        emit(
            "language",
            {
                "id": derived_id(service_id, f"language:{language.code}"),
                "service_id": service_id,
                "name": language.name_de,
                "code": language.code,
            },
        )
    for _code, term_id in categories:
        emit("attribute", attribute_row("service", service_id, term_id, key="category"))
    attribute = lambda code, value: _attribute(emit, "service", service_id, code, value)  # noqa: E731
    attribute("summary", offer.summary)
    for basis in legal_bases([code for code, _term in categories]):
        attribute("legal_basis", basis)
    for band in age_bands(offer.for_pregnancy, lo, hi):
        attribute("age_band", band)
    attribute("pregnancy", offer.for_pregnancy)
    attribute("age_min_months", lo)
    attribute("age_max_months", hi)
    attribute("leichte_sprache", any(lang.code == LEICHTE_SPRACHE for lang in languages))
    attribute("free_of_charge", offer.is_free)
    attribute("participation", offer.participation)
    attribute("online", offer.is_online)
    attribute("accessibility_notes", offer.accessibility_notes)


def service_at_location_row(emit: Emit, sal_id: str, service_id: str, location_id: str, notes):
    emit(
        "service_at_location",
        {"id": sal_id, "service_id": service_id, "location_id": location_id, "description": notes},
    )


def rule_parts(rule: str) -> dict[str, str]:
    parts = {}
    for chunk in rule.strip().upper().removeprefix("RRULE:").split(";"):
        key, sep, value = chunk.partition("=")
        if sep and value:
            parts[key] = value
    return parts


def schedule_rows(emit: Emit, schedule: Schedule, schedule_id: str, *, link: str, link_id: str):
    parts = rule_parts(schedule.rrule)
    freq = parts.get("FREQ")
    row = {
        "id": schedule_id,
        link: link_id,
        "valid_from": schedule.valid_from.isoformat() if schedule.valid_from else None,
        "valid_to": schedule.valid_to.isoformat() if schedule.valid_to else None,
        "opens_at": schedule.opens_at.strftime("%H:%M") if schedule.opens_at else None,
        "closes_at": schedule.closes_at.strftime("%H:%M") if schedule.closes_at else None,
        "description": schedule.description,
    }
    if freq in ("WEEKLY", "MONTHLY"):
        row.update(
            freq=freq,
            byday=parts.get("BYDAY"),
            bymonthday=parts.get("BYMONTHDAY") if freq == "MONTHLY" else None,
            wkst=parts.get("WKST") if parts.get("WKST") in WEEKDAYS else None,
        )
        for key in ("INTERVAL", "COUNT"):
            if parts.get(key, "").isdigit():
                row[key.lower()] = int(parts[key])
        if until := parts.get("UNTIL"):
            row["until"] = f"{until[:4]}-{until[4:6]}-{until[6:8]}" if len(until) >= 8 else None
    emit("schedule", row)
    _attribute(emit, "schedule", schedule_id, "rrule", schedule.rrule)
    default_kind = Schedule.Kind.OPENING_HOURS if link == "location_id" else Schedule.Kind.SESSION
    if schedule.kind != default_kind:
        _attribute(emit, "schedule", schedule_id, "schedule_kind", schedule.kind)


def event_row(event, event_id: str, *, org_id, service_id, location_id, languages, term_ids):
    return {
        "id": event_id,
        "organization_id": org_id,
        "service_id": service_id,
        "location_id": location_id,
        "name": event.title,
        "summary": event.summary,
        "description": event.description,
        "url": event.online_url,
        "start": _iso(event.starts_at),
        "end": _iso(event.ends_at),
        "all_day": event.is_all_day,
        "rrule": event.rrule,
        "rdates": list(event.rdates) or None,
        "exdates": list(event.exdates) or None,
        "skips_school_holidays": event.skips_school_holidays,
        "event_status": event.event_status,
        "status_note": event.status_note,
        "pregnancy": event.for_pregnancy,
        "minimum_age_months": event.age_min_months,
        "maximum_age_months": event.age_max_months,
        "free_of_charge": event.is_free,
        "fees_description": event.fee_description,
        "accessibility_notes": event.accessibility_notes,
        "requires_registration": event.requires_registration,
        "capacity": event.capacity,
        "language_codes": sorted(lang.code for lang in languages) or None,
        "taxonomy_term_ids": sorted(term_ids) or None,
        "last_modified": _iso(event.updated_at),
    }


# --- import -------------------------------------------------------------------------------
# ``ctx`` (importer.Context) gives access to the other tables and reports issues per record.


def organisation_values(rec, ctx) -> dict:
    data = rec.data
    attrs = ctx.attribute_values(rec.id)
    kind = attrs.get("organisation_kind", [""])[0]
    if kind and kind not in Organisation.Kind.values:
        ctx.warn(
            rec, _("Unknown kind of organisation “%(kind)s”; “other” is used.") % {"kind": kind}
        )
    name = ctx.text(rec, "name", 300, required=True)
    return {
        "name": name,
        "description": _unless_name(ctx.text(rec, "description", 100_000), name),
        "email": ctx.email(rec, data.get("email")),
        "website": ctx.url(rec, data.get("website")),
        "phone": ctx.phone(rec, ctx.phone_of("organization_id", rec.id)),
        "kind": kind if kind in Organisation.Kind.values else Organisation.Kind.OTHER,
        "operator": ctx.clip(rec, "operator", attrs.get("operator", [""])[0], 300),
        "identifiers": [
            {
                "identifier_scheme": str(row.get("identifier_scheme") or "")[:100] or None,
                "identifier_type": str(row.get("identifier_type") or "")[:100],
                "identifier": str(row.get("identifier") or "")[:200],
            }
            for row in ctx.rows_where("organization_identifier", "organization_id", rec.id)
        ],
        "funding": _funding_sources(ctx, "organization_id", rec.id),
    }


def _funding_sources(ctx, link: str, record_id: str) -> list[str]:
    return [
        str(row["source"])[:300]
        for row in ctx.rows_where("funding", link, record_id)
        if row.get("source")
    ]


def location_values(rec, ctx) -> dict:
    data = rec.data
    address = ctx.address_of(rec.id)
    attrs = ctx.attribute_values(rec.id)
    latitude, longitude = ctx.coordinates(rec, data.get("latitude"), data.get("longitude"))
    notes = [
        "\n".join(part for part in (a.get("description"), a.get("details")) if part)
        for a in ctx.rows_where("accessibility", "location_id", rec.id)
    ]
    street = " ".join(part for part in (address.get("address_1"), address.get("address_2")) if part)
    name = data.get("name") or street or address.get("city") or _("Place")
    return {
        "name": ctx.clip(rec, "name", name, 300),
        "description": ctx.text(rec, "description", 100_000),
        "transport_notes": ctx.text(rec, "transportation", 300),
        "latitude": latitude,
        "longitude": longitude,
        "street": ctx.clip(rec, "address_1", street, 200),
        "postal_code": ctx.clip(rec, "postal_code", str(address.get("postal_code") or ""), 10),
        "city": ctx.clip(rec, "city", str(address.get("city") or ""), 100),
        "district": attrs.get("district", [""])[0],
        "is_wheelchair_accessible": _true(attrs, "wheelchair_accessible"),
        "is_pram_accessible": _true(attrs, "pram_accessible"),
        "accessibility_notes": "\n\n".join(n for n in notes if n),
        "country": _country(rec, ctx, address.get("country")),
        "state_province": _state(address),
        "external_identifier": ctx.text(rec, "external_identifier", 100),
        "external_identifier_type": ctx.text(rec, "external_identifier_type", 50),
    }


def _country(rec, ctx, value) -> str:
    """ISO 3166-1 alpha-2, upper case; "" for Germany (the default) or nothing given."""
    code = str(value or "").strip().upper()
    if code in ("", "DE"):
        return ""
    if len(code) == 2 and code.isalpha():
        return code
    ctx.warn(
        rec,
        _("The country “%(value)s” is no two-letter ISO code and was left out.")
        % {"value": str(value)[:40]},
        field="country",
    )
    return ""


def _state(address: dict) -> str:
    """The state only where it is not the one our postcode table gives (kept as given)."""
    state = str(address.get("state_province") or "").strip()[:100]
    return "" if state == state_for_postal_code(str(address.get("postal_code") or "")) else state


def _true(attrs: dict, code: str) -> bool:
    return any(str(v).strip().lower() in ("true", "1", "yes", "ja") for v in attrs.get(code, []))


def offer_values(rec, ctx) -> dict:
    data = rec.data
    attrs = ctx.attribute_values(rec.id)
    status = STATUS_FROM_HSDS.get(str(data.get("status", "active")).lower(), Status.PUBLISHED)
    lo, hi = _ages(rec, ctx, attrs)
    participation = attrs.get("participation", [Offer.Participation.OPEN])[0]
    if participation not in Offer.Participation.values:
        participation = Offer.Participation.OPEN
    assured = ctx.date(rec, "assured_date")
    fees = _fees(rec, ctx, data)
    return {
        "name": ctx.text(rec, "name", 300, required=True),
        "summary": ctx.clip(rec, "summary", attrs.get("summary", [""])[0], 400),
        "description": ctx.text(rec, "description", 100_000),
        "website": ctx.url(rec, data.get("url")),
        "email": ctx.email(rec, data.get("email")),
        "phone": ctx.phone(rec, ctx.phone_of("service_id", rec.id)),
        "status": status,
        "fee_description": ctx.clip(rec, "fees_description", fees["text"], 300),
        "fee_amount": fees["amount"],
        "fee_currency": fees["currency"],
        "funding": _funding_sources(ctx, "service_id", rec.id),
        "participation_notes": ctx.text(rec, "application_process", 100_000),
        "participation": participation,
        "for_pregnancy": _true(attrs, "pregnancy"),
        "age_min_months": lo,
        "age_max_months": hi,
        "is_free": _true(attrs, "free_of_charge") or fees["free"],
        "is_online": _true(attrs, "online"),
        "accessibility_notes": attrs.get("accessibility_notes", [""])[0],
        "last_checked_at": timezone.make_aware(dt.datetime.combine(assured, dt.time(12)))
        if assured
        else None,
    }


def _fees(rec, ctx, data: dict) -> dict:
    """The offer's fee fields from the service and its cost options: the first amount with
    its currency; an amount of 0 (and none above) means free of charge ("kostenlos"); the
    options' texts describe the costs where the service has no fees_description. Further
    amounts are listed in the text and noted in the report."""
    options = ctx.records_where("cost_option", "service_id", rec.id)
    amounts = []
    for option in options:
        value = option.data.get("amount")
        if value is None:
            continue
        try:
            amount = Decimal(str(value)).quantize(Decimal("0.01"))
        except (InvalidOperation, ValueError):
            ctx.warn(option, _("The amount is not a number; it was left out."), field="amount")
            continue
        if not Decimal(0) <= amount < Decimal(10_000_000):
            ctx.warn(option, _("The amount is out of range; it was left out."), field="amount")
            continue
        currency = str(option.data.get("currency") or "").strip().upper()[:3]
        amounts.append((amount, currency, option))
    texts = [
        str(option.data.get("option") or option.data.get("amount_description") or "").strip()
        for option in options
    ]
    text = str(data.get("fees_description") or data.get("fees") or "").strip()
    if not text:
        text = "; ".join(t for t in texts if t)
    free = bool(amounts) and all(amount == 0 for amount, _c, _o in amounts)
    if free and not text:
        text = "kostenlos"
    for amount, currency, option in amounts[1:]:
        ctx.info(
            option,
            _("Only the first amount is kept in the fee fields; %(amount)s %(currency)s is "
              "left to the description.") % {"amount": amount, "currency": currency},
            field="amount",
        )  # fmt: skip
    first = amounts[0] if amounts and not free else None
    return {
        "text": text,
        "amount": first[0] if first else None,
        "currency": first[1] if first else "",
        "free": free,
    }


def _ages(rec, ctx, attrs: dict) -> tuple[int | None, int | None]:
    """Exact months from our attributes, else HSDS years (whole years count to their end)."""

    def months(code, field, upper):
        if attrs.get(code):
            try:
                return int(float(attrs[code][0]))
            except ValueError:
                ctx.warn(
                    rec,
                    _("“%(value)s” is not a number of months.") % {"value": attrs[code][0]},
                    field=code,
                )
        years = rec.data.get(field)
        if years is None:
            return None
        if not isinstance(years, int | float) or isinstance(years, bool) or years < 0:
            ctx.warn(rec, _("“%(value)s” is not an age.") % {"value": years}, field=field)
            return None
        if upper and float(years).is_integer():
            return int(years) * 12 + 11
        return round(years * 12)

    lo = months("age_min_months", "minimum_age", False)
    hi = months("age_max_months", "maximum_age", True)
    if hi is not None and hi > MAX_AGE_MONTHS:
        ctx.info(
            rec, _("A maximum age above 27 years counts as no upper limit."), field="maximum_age"
        )
        hi = None
    if lo is not None and lo > MAX_AGE_MONTHS:
        ctx.warn(rec, _("The minimum age is above 27 years and was left out."), field="minimum_age")
        lo = None
    if lo is not None and hi is not None and lo > hi:
        ctx.warn(
            rec,
            _("The minimum age is above the maximum age; both were left out."),
            field="minimum_age",
        )
        return None, None
    return lo, hi


def schedule_values(rec, ctx, *, default_kind: str) -> dict | None:
    """Model values of a schedule, or None if it has no usable recurrence."""
    data = rec.data
    attrs = ctx.attribute_values(rec.id)
    rule = ""
    if attrs.get("rrule"):
        rule = attrs["rrule"][0].strip().upper()
        try:
            parse_rule(rule)
        except RecurrenceError as exc:
            ctx.warn(rec, str(exc), field="rrule")
            rule = ""
    rule = rule or _rule_from_fields(rec, ctx)
    if not rule:
        ctx.warn(rec, _("The schedule names no weekdays or frequency and was not imported."))
        return None
    opens = ctx.time(rec, "opens_at")
    closes = ctx.time(rec, "closes_at")
    if opens and closes and opens >= closes:
        ctx.warn(
            rec,
            _("The closing time is not after the opening time; it was left out."),
            field="closes_at",
        )
        closes = None
    valid_from = ctx.date(rec, "valid_from") or ctx.date(rec, "dtstart")
    valid_to = ctx.date(rec, "valid_to")
    if valid_from and valid_to and valid_from > valid_to:
        ctx.warn(rec, _("“valid to” is before “valid from”; it was left out."), field="valid_to")
        valid_to = None
    kind = attrs.get("schedule_kind", [default_kind])[0]
    description = str(data.get("description") or "")
    if data.get("notes"):
        ctx.info(rec, _("The schedule's notes are not kept."), field="notes")
    return {
        "rrule": rule,
        "kind": kind if kind in Schedule.Kind.values else default_kind,
        "opens_at": opens,
        "closes_at": closes,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "description": ctx.clip(rec, "description", description, 300),
    }


# RFC 5545: which BY… parts a frequency allows.
_ALLOWED_PARTS = {
    "WEEKLY": {"BYDAY"},
    "MONTHLY": {"BYDAY", "BYMONTHDAY"},
}
_WEEKDAY_WORDS = {
    "1": "MO", "2": "TU", "3": "WE", "4": "TH", "5": "FR", "6": "SA", "7": "SU",
    "monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
    "saturday": "SA", "sunday": "SU", "montag": "MO", "dienstag": "TU", "mittwoch": "WE",
    "donnerstag": "TH", "freitag": "FR", "samstag": "SA", "sonntag": "SU",
}  # fmt: skip


def _rule_from_fields(rec, ctx) -> str:
    data = rec.data
    byday = ",".join(
        _WEEKDAY_WORDS.get(day.strip().lower(), day.strip().upper())
        for day in str(data.get("byday") or "").split(",")
        if day.strip()
    )
    freq = str(data.get("freq") or "").upper() or ("WEEKLY" if byday else "")
    if freq not in _ALLOWED_PARTS:
        if freq:
            ctx.warn(
                rec, _("Frequency “%(freq)s” is not supported.") % {"freq": freq}, field="freq"
            )
        return ""
    parts = [f"FREQ={freq}"]
    if isinstance(data.get("interval"), int | float) and data["interval"] >= 1:
        parts.append(f"INTERVAL={int(data['interval'])}")
    for field, key in (("byday", "BYDAY"), ("bymonthday", "BYMONTHDAY"),
                       ("byweekno", "BYWEEKNO"), ("byyearday", "BYYEARDAY")):  # fmt: skip
        value = byday if field == "byday" else str(data.get(field) or "").replace(" ", "")
        if not value:
            continue
        if key in _ALLOWED_PARTS[freq]:
            parts.append(f"{key}={value}")
        else:
            ctx.info(
                rec,
                _("“%(field)s” does not apply to a %(freq)s schedule and was ignored.")
                % {"field": field, "freq": freq.lower()},
                field=field,
            )
    until = ctx.date(rec, "until")
    if until:
        parts.append(f"UNTIL={until:%Y%m%d}")
        if data.get("count"):
            ctx.info(rec, _("“count” and “until” were both given; “until” is used."), field="count")
    elif isinstance(data.get("count"), int | float) and data["count"] >= 1:
        parts.append(f"COUNT={int(data['count'])}")
    if str(data.get("wkst") or "").upper() in WEEKDAYS:
        parts.append(f"WKST={str(data['wkst']).upper()}")
    rule = ";".join(parts)
    try:
        parse_rule(rule)
    except RecurrenceError as exc:
        ctx.warn(rec, str(exc), field="byday")
        return ""
    return rule


def contact_values(rec, ctx) -> dict:
    data = rec.data
    role = data.get("title") or data.get("department") or _("Contact")
    return {
        "name": ctx.clip(rec, "name", data.get("name") or "", 200),
        "role": ctx.clip(rec, "title", role, 200),
        "email": ctx.email(rec, data.get("email")),
        "phone": ctx.phone(rec, ctx.phone_of("contact_id", rec.id)),
    }


def category_values(rec, ctx) -> dict:
    name = ctx.text(rec, "name", 200, required=True)
    return {
        "code": ctx.clip(rec, "code", str(rec.data.get("code") or rec.id), 100),
        "name": name,
        "description": _unless_name(ctx.text(rec, "description", 100_000), name),
    }


def _unless_name(description: str, name: str) -> str:
    """HSDS requires a description; ours may be empty, and the export then repeats the name."""
    return "" if description == name else description


def event_values(rec, ctx) -> dict:
    data = rec.data
    status = data.get("event_status") or EventStatus.SCHEDULED
    return {
        "title": ctx.text(rec, "name", 300, required=True),
        "summary": ctx.text(rec, "summary", 400),
        "description": ctx.text(rec, "description", 100_000),
        "online_url": ctx.url(rec, data.get("url")),
        "starts_at": ctx.datetime(rec, "start", required=True),
        "ends_at": ctx.datetime(rec, "end"),
        "is_all_day": bool(data.get("all_day")),
        "rrule": ctx.event_rule(rec, data.get("rrule") or ""),
        "rdates": ctx.date_list(rec, "rdates"),
        "exdates": ctx.date_list(rec, "exdates"),
        "skips_school_holidays": bool(data.get("skips_school_holidays")),
        "event_status": status if status in EventStatus.values else EventStatus.SCHEDULED,
        "status_note": ctx.text(rec, "status_note", 300),
        "for_pregnancy": bool(data.get("pregnancy")),
        "age_min_months": _in_range(ctx, rec, "minimum_age_months", 0, MAX_AGE_MONTHS),
        "age_max_months": _in_range(ctx, rec, "maximum_age_months", 0, MAX_AGE_MONTHS),
        "is_free": bool(data.get("free_of_charge")),
        "fee_description": ctx.text(rec, "fees_description", 300),
        "accessibility_notes": ctx.text(rec, "accessibility_notes", 100_000),
        "requires_registration": bool(data.get("requires_registration")),
        "capacity": _in_range(ctx, rec, "capacity", 1, 100_000),
    }


def _in_range(ctx, rec, field: str, lo: int, hi: int) -> int | None:
    value = rec.data.get(field)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        ctx.warn(
            rec, _("“%(value)s” is out of range; it was left out.") % {"value": value}, field=field
        )
        return None
    return value
