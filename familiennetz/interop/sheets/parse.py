"""Step 1 of a spreadsheet import: read, check every cell, geocode, plan. Writes nothing.

The result (``SheetImport``) holds the report — issues by line and column header as in the
file — and the planned rows; ``commit`` (write.py) writes them all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.core.geo import distance_km
from familiennetz.directory.models import Category, Language
from familiennetz.interop.checks import Invalid, clean_coordinates, clean_url
from familiennetz.interop.geocoding import Geocoder, GeocodingError
from familiennetz.interop.report import Level, Report
from familiennetz.interop.tabular_io import Sheet, read_csv, read_xlsx
from familiennetz.socialspace.models import District

from . import columns as cols

MAX_GEOCODER_FAILURES = 3
# Places farther than this from the alliance's map centre are outside its area (a typo,
# swapped latitude and longitude, a copy from another town's list). Generous on purpose:
# an alliance may cover a whole district (Landkreis).
MAX_DISTANCE_KM = 50


def alliance_centre(alliance: Alliance) -> tuple[float, float] | None:
    """The alliance's map centre, or None while it still has the default (the middle of
    Germany): then no place is "outside"."""
    default = (
        Alliance._meta.get_field("latitude").default,
        Alliance._meta.get_field("longitude").default,
    )
    centre = (alliance.latitude, alliance.longitude)
    return None if centre == default else centre


@dataclass
class PlannedRow:
    line: int
    key: str
    organisation: str
    offer: dict = field(default_factory=dict)  # Offer field values
    categories: list[int] = field(default_factory=list)
    languages: list[int] = field(default_factory=list)
    place: dict | None = None  # Location field values, None: no place
    cells: dict = field(default_factory=dict)  # the row as read, by column key


@dataclass
class SheetImport:
    alliance: Alliance
    source: str
    report: Report
    header: list[str] = field(default_factory=list)
    columns: dict[int, str] = field(default_factory=dict)  # position → column key
    rows: list[PlannedRow] = field(default_factory=list)
    values: dict[int, dict[str, object]] = field(default_factory=dict)  # line → header → cell

    @property
    def can_commit(self) -> bool:
        return not self.report.has_errors and bool(self.rows)

    def preview(self) -> list[dict]:
        """Per row: the cells by header and the issues by header (for a preview table)."""
        by_line: dict[int, list] = {}
        for issue in self.report.issues:
            if issue.row is not None:
                by_line.setdefault(issue.row, []).append(issue)
        return [
            {"line": line, "cells": cells, "issues": [i.as_dict() for i in by_line.get(line, [])]}
            for line, cells in sorted(self.values.items())
        ]


def read_sheet(data: bytes, filename: str) -> Sheet:
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx(data, source=filename, sheet_name="Angebote")
    return read_csv(data, source=filename)


class _Row:
    """Reads one row; every problem is reported with the line and the column header."""

    def __init__(self, parser: SheetParser, line: int, cells: dict[str, object]):
        self.parser, self.line, self.cells = parser, line, cells
        self.ok = True
        self.continues: PlannedRow | None = None  # a further place of an offer above

    def issue(self, level: str, key: str, message: str) -> None:
        if level == Level.ERROR:
            self.ok = False
        header = self.parser.headers.get(key, cols.BY_KEY[key].header)
        self.parser.report.add(
            level, message, source=self.parser.source, row=self.line, field=header
        )

    def raw(self, key: str):
        value = self.cells.get(key, "")
        return value if value not in (None,) else ""

    def get(self, key: str, default=None):
        value = self.raw(key)
        if isinstance(value, str) and not value.strip():
            if cols.BY_KEY[key].required and self.continues is None:
                self.issue(Level.ERROR, key, _("This column must be filled in."))
            return default
        column = cols.BY_KEY[key]
        try:
            if key in cols.PARSERS:
                return cols.PARSERS[key](value)
            return cols.text(value, column.max_length)
        except Invalid as exc:
            self.issue(Level.ERROR, key, str(exc))
            return default


class SheetParser:
    def __init__(
        self, alliance: Alliance, source: str, geocoder: Geocoder | None, default_status: str
    ):
        self.alliance = alliance
        self.default_status = default_status
        self.source = source
        self.geocoder = geocoder
        self.geocoder_failures = 0
        self.centre = alliance_centre(alliance)
        self.report = Report(dry_run=True)
        self.headers: dict[str, str] = {}
        self.first_of_key: dict[str, PlannedRow] = {}
        self.categories = self._index(
            Category.objects.for_alliance(alliance), ("code", "slug", "name", "name_en")
        )
        self.languages = self._index(
            Language.objects.all(), ("code", "name_de", "name_en", "endonym")
        )
        self.districts = self._index(District.objects.for_alliance(alliance), ("slug", "name"))

    @staticmethod
    def _index(queryset, fields) -> dict[str, int]:
        index = {}
        for obj in queryset:
            for name in fields:
                value = getattr(obj, name)
                if value:
                    index.setdefault(str(value).casefold(), obj.pk)
        return index

    def parse(self, sheet: Sheet) -> SheetImport:
        result = SheetImport(self.alliance, self.source, self.report, header=sheet.header)
        self.report.extend(sheet.issues)
        if not sheet.ok:
            return result
        result.columns, unknown = cols.match_headers(sheet.header)
        self.headers = {key: sheet.header[position] for position, key in result.columns.items()}
        if unknown:
            self.report.info(
                _("These columns are not imported: %(columns)s") % {"columns": ", ".join(unknown)},
                source=self.source,
                row=1,
            )
        missing = [cols.BY_KEY[k].header for k in ("name", "organisation") if k not in self.headers]
        if missing:
            self.report.error(
                _("Required columns are missing: %(columns)s") % {"columns": ", ".join(missing)},
                source=self.source,
                row=1,
            )
            return result
        if not sheet.rows:
            self.report.error(_("The file has no rows below the header."), source=self.source)
            return result
        first_line_of_offer: dict[tuple, int] = {}
        for line, values in sheet.rows:
            cells = {key: values[position] for position, key in result.columns.items()}
            result.values[line] = {sheet.header[p]: values[p] for p in result.columns}
            planned = self._row(_Row(self, line, cells))
            if planned is None:
                continue
            first = self.first_of_key.get(planned.key) if planned.key else None
            if first is not None:
                if self._offer_differs(first, planned):
                    continue
            else:
                if planned.key:
                    self.first_of_key[planned.key] = planned
                self._duplicate(planned, first_line_of_offer)
            result.rows.append(planned)
        return result

    # --- one row --------------------------------------------------------------------------

    def _row(self, row: _Row) -> PlannedRow | None:
        key = str(row.get("key", ""))
        row.continues = self.first_of_key.get(key) if key else None
        offer = {
            "name": row.get("name", ""),
            "summary": row.get("summary", ""),
            "description": row.get("description", ""),
            "fee_description": row.get("costs", ""),
            "participation_notes": row.get("participation_notes", ""),
            "for_pregnancy": row.get("pregnancy", False),
            "is_free": row.get("free", False),
            "is_online": row.get("online", False),
            "participation": row.get("participation", "open"),
            "email": row.get("email", ""),
            "phone": row.get("phone", ""),
            "website": self._website(row),
            "age_min_months": row.get("age_from"),
            "age_max_months": row.get("age_to"),
            "status": row.get("status", self.default_status),
        }
        lo, hi = offer["age_min_months"], offer["age_max_months"]
        if lo is not None and hi is not None and lo > hi:
            row.issue(Level.ERROR, "age_to", _("The oldest age is below the youngest age."))
        planned = PlannedRow(
            line=row.line,
            key=key,
            organisation=row.get("organisation", "")
            or (row.continues.organisation if row.continues else ""),
            offer=offer,
            categories=self._lookup(row, "categories", self.categories, _("Unknown category")),
            languages=self._lookup(row, "languages", self.languages, _("Unknown language")),
            place=self._place(row, offer["name"]),
            cells=row.cells,
        )
        return planned if row.ok else None

    def _website(self, row: _Row) -> str:
        raw = str(row.raw("website")).strip()
        if not raw:
            return ""
        try:
            url = clean_url(raw)
        except Invalid as exc:
            row.issue(Level.ERROR, "website", str(exc))
            return ""
        if url != raw:
            row.issue(Level.WARNING, "website", _("Read as %(url)s.") % {"url": url})
        return url

    def _lookup(self, row: _Row, key: str, index: dict[str, int], label: str) -> list[int]:
        pks = []
        for name in cols.split_list(row.raw(key) or ""):
            pk = index.get(name.casefold())
            if pk is None:
                row.issue(Level.ERROR, key, f"{label}: „{name}“")
            elif pk not in pks:
                pks.append(pk)
        return pks

    def _place(self, row: _Row, offer_name: str) -> dict | None:
        street = row.get("street", "")
        number = row.get("house_number", "")
        if number and str(number) not in street:
            street = f"{street} {number}".strip()
        place = {
            "name": row.get("place", "")
            or offer_name
            or (row.continues.offer["name"] if row.continues else ""),
            "street": street[:200],
            "postal_code": row.get("postal_code", ""),
            "city": row.get("city", ""),
            "is_wheelchair_accessible": row.get("wheelchair", False),
            "is_pram_accessible": row.get("pram", False),
            "district_id": None,
            "latitude": None,
            "longitude": None,
        }
        district = row.get("district", "")
        if district:
            place["district_id"] = self.districts.get(str(district).casefold())
            if place["district_id"] is None:
                row.issue(Level.WARNING, "district", _("Unknown district; it was left out."))
        if not place["street"] and place["postal_code"] and "street" in self.headers:
            row.issue(
                Level.ERROR,
                "street",
                _("The street is missing: write the street and house number of the place."),
            )
        has_address = bool(place["street"] or place["postal_code"] or place["city"])
        lat, lon = row.raw("latitude"), row.raw("longitude")
        if str(lat).strip() or str(lon).strip():
            try:
                place["latitude"], place["longitude"] = clean_coordinates(lat, lon)
            except Invalid as exc:
                row.issue(Level.ERROR, "latitude", str(exc))
            else:
                if (km := self._km_outside(place)) is not None:
                    row.issue(
                        Level.ERROR,
                        "latitude",
                        _(
                            "The coordinates %(lat)s, %(lon)s are %(km)d km from the centre of "
                            "the network's map: outside its area. Check them (latitude and "
                            "longitude swapped?)."
                        )
                        % {"lat": place["latitude"], "lon": place["longitude"], "km": km},
                    )
        elif has_address and row.ok:
            self._geocode(row, place)
        if not (has_address or place["latitude"] is not None or row.get("place", "")):
            return None
        if place["latitude"] is None and row.ok:
            row.issue(
                Level.WARNING, "latitude", _("No coordinates: the place will not be on the map.")
            )
        return place

    def _geocode(self, row: _Row, place: dict) -> None:
        if self.geocoder is None or self.geocoder_failures >= MAX_GEOCODER_FAILURES:
            return
        try:
            found = self.geocoder.geocode(
                street=place["street"], postal_code=place["postal_code"], city=place["city"]
            )
        except GeocodingError:
            self.geocoder_failures += 1
            row.issue(Level.WARNING, "latitude", _("The geocoding service did not answer."))
            return
        self.geocoder_failures = 0
        if found is None:
            row.issue(Level.WARNING, "street", _("The address was not found; please check it."))
        else:
            place["latitude"], place["longitude"] = found.latitude, found.longitude
            if (km := self._km_outside(place)) is not None:
                place["latitude"] = place["longitude"] = None
                row.issue(
                    Level.WARNING,
                    "street",
                    _(
                        "The address was found %(km)d km from the centre of the network's "
                        "map, outside its area; the coordinates were left out. Check the "
                        "address."
                    )
                    % {"km": km},
                )
                return
            row.issue(Level.INFO, "latitude", _("Coordinates from the address."))

    def _km_outside(self, place: dict) -> int | None:
        """The distance from the alliance's centre if the place is outside its area."""
        if self.centre is None or place["latitude"] is None:
            return None
        km = distance_km(*self.centre, place["latitude"], place["longitude"])
        return round(km) if km > MAX_DISTANCE_KM else None

    # --- between rows ---------------------------------------------------------------------

    def _offer_differs(self, first: PlannedRow, later: PlannedRow) -> bool:
        """Rows with the same identifier describe one offer: its columns must agree."""
        for key in ("name", "organisation", "summary", "description", "status"):
            value = str(later.cells.get(key, "")).strip()
            if value and value != str(first.cells.get(key, "")).strip():
                self.report.error(
                    _("Same identifier as line %(line)d but a different offer.")
                    % {"line": first.line},
                    source=self.source,
                    row=later.line,
                    field=self.headers.get(key, key),
                )
                return True
        return False

    def _duplicate(self, planned: PlannedRow, seen: dict[tuple, int]) -> None:
        """The same offer at the same address twice (without a shared identifier)."""
        place = planned.place or {}
        key = (
            planned.offer["name"].casefold(),
            str(place.get("street", "")).casefold(),
            place.get("postal_code", ""),
        )
        if key in seen:
            self.report.warning(
                _("Same offer and address as line %(line)d.") % {"line": seen[key]},
                source=self.source,
                row=planned.line,
                field=self.headers["name"],
            )
        seen.setdefault(key, planned.line)
