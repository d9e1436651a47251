"""What the import mapping needs besides the record itself: the other tables (indexed by
their links) and checks that report per record instead of raising."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from familiennetz.events.occurrences import RecurrenceError, validate_date_list, validate_rrule
from familiennetz.interop.checks import (
    Invalid,
    clean_coordinates,
    clean_date,
    clean_email,
    clean_text,
    clean_time,
    clean_url,
)
from familiennetz.interop.report import Level, Report

from .tables import Record, Tables
from .vocabulary import ATTRIBUTE_TAXONOMY_ID, ATTRIBUTE_TERMS_BY_CODE, ATTRIBUTE_TERMS_BY_ID

PHONE_LINKS = (
    "organization_id",
    "service_id",
    "location_id",
    "contact_id",
    "service_at_location_id",
)


class Context:
    def __init__(self, tables: Tables, report: Report):
        self.tables = tables
        self.report = report
        self.by_link: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
        for table in tables.records:
            for record in tables.table(table):
                for key, value in record.data.items():
                    if key.endswith("_id") and isinstance(value, str):
                        self.by_link[(table, key, value)].append(record)
        self.attribute_codes = self._attribute_codes()
        for attribute in tables.table("attribute"):
            if not attribute.data.get("taxonomy_term_id"):
                self.info(
                    attribute,
                    _("An attribute without a taxonomy term is not kept (%(fields)s).")
                    % {
                        "fields": ", ".join(
                            f"{k}={attribute.data[k]}"
                            for k in ("link_type", "value", "label")
                            if attribute.data.get(k)
                        )
                        or "—"
                    },
                )

    # --- reporting ------------------------------------------------------------------------

    def _issue(self, level: str, rec: Record, message: str, field: str = "") -> None:
        self.report.add(level, message, field=field, **rec.where())

    def warn(self, rec: Record, message: str, *, field: str = "") -> None:
        self._issue(Level.WARNING, rec, message, field)

    def info(self, rec: Record, message: str, *, field: str = "") -> None:
        self._issue(Level.INFO, rec, message, field)

    def error(self, rec: Record, message: str, *, field: str = "") -> None:
        self._issue(Level.ERROR, rec, message, field)

    # --- lookups --------------------------------------------------------------------------

    def rows_where(self, table: str, field: str, value: str) -> list[dict]:
        return [record.data for record in self.by_link[(table, field, value)]]

    def records_where(self, table: str, field: str, value: str) -> list[Record]:
        return self.by_link[(table, field, value)]

    def phone_of(self, link: str, record_id: str) -> str:
        """The number of the record's phone that is linked to the fewest other records (a
        record's own line rather than a contact's)."""
        phones = self.rows_where("phone", link, record_id)
        if not phones:
            return ""
        best = min(phones, key=lambda phone: sum(bool(phone.get(name)) for name in PHONE_LINKS))
        return str(best.get("number") or "")

    def address_of(self, location_id: str) -> dict:
        addresses = self.rows_where("address", "location_id", location_id)
        for kind in ("physical", "postal", None):
            for address in addresses:
                kind_matches = kind is None or address.get("address_type") == kind
                if kind_matches and address.get("address_type") != "virtual":
                    return address
        return {}

    def _attribute_codes(self) -> dict[str, str]:
        """Term id → code for the terms of our attribute vocabulary found in the data."""
        codes = {term_id: term.code for term_id, term in ATTRIBUTE_TERMS_BY_ID.items()}
        for term in self.tables.table("taxonomy_term"):
            code = term.data.get("code")
            if (
                term.data.get("taxonomy_id") == ATTRIBUTE_TAXONOMY_ID
                and code in ATTRIBUTE_TERMS_BY_CODE
            ):
                codes[term.id] = code
        return codes

    def is_attribute_term(self, term_id: str) -> bool:
        return term_id in self.attribute_codes

    def attribute_values(self, link_id: str) -> dict[str, list[str]]:
        values: dict[str, list[str]] = defaultdict(list)
        for attribute in self.rows_where("attribute", "link_id", link_id):
            code = self.attribute_codes.get(attribute.get("taxonomy_term_id", ""))
            if code:
                values[code].append(str(attribute.get("value", "")))
        return values

    def category_term_ids(self, link_id: str) -> list[str]:
        return [
            a["taxonomy_term_id"]
            for a in self.rows_where("attribute", "link_id", link_id)
            if a.get("taxonomy_term_id") and not self.is_attribute_term(a["taxonomy_term_id"])
        ]

    # --- checks ---------------------------------------------------------------------------

    def clip(self, rec: Record, field: str, value, max_length: int) -> str:
        text, cut = clean_text(value, max_length)
        if cut:
            self.warn(
                rec,
                _("The text was shortened to %(n)d characters.") % {"n": max_length},
                field=field,
            )
        return text

    def text(self, rec: Record, field: str, max_length: int, *, required=False) -> str:
        text = self.clip(rec, field, rec.data.get(field) or "", max_length)
        if required and not text:
            self.error(rec, _("“%(field)s” is required.") % {"field": field}, field=field)
        return text

    def phone(self, rec: Record, number: str) -> str:
        return self.clip(rec, "phone", number, 50)

    def _checked(self, rec: Record, field: str, check, *args):
        try:
            return check(*args)
        except Invalid as exc:
            self.warn(rec, _("%(problem)s It was left out.") % {"problem": exc}, field=field)
            return None

    def email(self, rec: Record, value) -> str:
        return self._checked(rec, "email", clean_email, value) or ""

    def url(self, rec: Record, value) -> str:
        return self._checked(rec, "url", clean_url, value) or ""

    def coordinates(self, rec: Record, lat, lon) -> tuple[float | None, float | None]:
        return self._checked(rec, "latitude", clean_coordinates, lat, lon) or (None, None)

    def date(self, rec: Record, field: str) -> dt.date | None:
        return self._checked(rec, field, clean_date, rec.data.get(field))

    def time(self, rec: Record, field: str) -> dt.time | None:
        return self._checked(rec, field, clean_time, rec.data.get(field))

    def datetime(self, rec: Record, field: str, *, required=False) -> dt.datetime | None:
        text = str(rec.data.get(field) or "")
        value = None
        try:
            value = parse_datetime(text) if text else None
        except ValueError:
            value = None
        if value is None:
            if text or required:
                self.error(
                    rec,
                    _("“%(value)s” is not a date and time.") % {"value": text[:40]},
                    field=field,
                )
            return None
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value

    def event_rule(self, rec: Record, rule: str) -> str:
        if not rule:
            return ""
        try:
            return validate_rrule(rule)
        except (RecurrenceError, ValueError) as exc:
            self.warn(rec, _("%(problem)s It was left out.") % {"problem": exc}, field="rrule")
            return ""

    def date_list(self, rec: Record, field: str) -> list[str]:
        values = rec.data.get(field) or []
        try:
            return validate_date_list(values)
        except (RecurrenceError, ValueError, TypeError) as exc:
            self.warn(rec, _("%(problem)s It was left out.") % {"problem": exc}, field=field)
            return []
