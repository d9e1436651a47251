"""Writes the Chemnitz Kita list into an alliance (``manage.py import_chemnitz_kitas``).

Each usable row becomes one published offer ("Kita …", "Hort …") at one location, provided by
the operator (Träger) as organisation. The offer's slug is derived from the source's name and
address (BEZEICHNUNG), so a re-import finds and updates the same rows instead of adding
duplicates. Offers this import created carry the attribution in their description; that is
how the import recognises them, and offers that have disappeared from the file are archived.
The whole file is one transaction: an unexpected error leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from familiennetz.alliances.models import RESERVED_SLUGS, Alliance
from familiennetz.core.slugs import unique_slug
from familiennetz.directory.models import (
    Category,
    Language,
    Location,
    Offer,
    Organisation,
    Status,
)
from familiennetz.directory.services import offer_apply_related, taxonomy_install
from familiennetz.moderation.changes import EntryChanges
from familiennetz.moderation.services import entry_save, entry_set_status
from familiennetz.search.api import deferred_indexing, reindex_alliance

from .mapping import ATTRIBUTION, CATEGORIES, KitaRecord, Skipped, SkipReason, parse

ALLIANCE_NAME = "Chemnitz (Kita-Verzeichnis, Open Data)"
ALLIANCE_ABOUT = (
    "Kindertageseinrichtungen und Horte aus dem Open-Data-Portal der Stadt Chemnitz. "
    "Private Kindertagespflegestellen werden nicht angezeigt.\n\n"
    "Quelle: Stadt Chemnitz, Datenlizenz Deutschland – Namensnennung – Version 2.0 "
    "(dl-de/by-2-0)."
)
CITY_OPERATOR = "Stadt Chemnitz"


class ChemnitzImportError(Exception):
    pass


class CheckedDate:
    """Which day the imported entries count as checked ("zuletzt geprüft"), as the
    coordinator chooses (issue 16; the spreadsheet import's preview offers the same choice).

    IMPORT: the day of the import (the coordinator has agreed the list with the providers);
    SOURCE: the source's own date – the portal's "as of" date when given, otherwise the file's
    modification date (a download keeps the server's Last-Modified date with ``wget`` or
    ``curl -R``)."""

    IMPORT, SOURCE = "import", "source"
    CHOICES = (IMPORT, SOURCE)
    # Where the day came from, for the report.
    FROM_IMPORT = "the day of the import"
    FROM_SOURCE_DATE = "the source's date as given"
    FROM_FILE = "the file's modification date"


def checked_date_choose(
    *,
    choice: str,
    path: Path,
    source_date: dt.date | None = None,
    today: dt.date | None = None,
) -> tuple[dt.date, str]:
    """The day the entries count as checked and where it came from (``CheckedDate.FROM_*``).

    Raises ``ChemnitzImportError`` for an unknown choice or a source date in the future."""
    today = today or timezone.localdate()
    if choice == CheckedDate.IMPORT:
        if source_date is not None:
            raise ChemnitzImportError(
                "A source date only counts with the checked date 'source'; "
                "pass --checked-date source or leave the source date out."
            )
        return today, CheckedDate.FROM_IMPORT
    if choice != CheckedDate.SOURCE:
        raise ChemnitzImportError(
            f"Unknown checked date {choice!r}: choose one of {', '.join(CheckedDate.CHOICES)}."
        )
    if source_date is not None:
        day, origin = source_date, CheckedDate.FROM_SOURCE_DATE
    else:
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
        day, origin = timezone.localdate(modified), CheckedDate.FROM_FILE
    if day > today:
        raise ChemnitzImportError(
            f"The source's date {day.isoformat()} ({origin}) is in the future; "
            "give the portal's date with --source-date."
        )
    return day, origin


@dataclass
class ImportReport:
    alliance_slug: str
    alliance_created: bool = False
    dry_run: bool = False
    rows_read: int = 0
    created: list[str] = field(default_factory=list)  # offer slugs
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    checked_on: dt.date | None = None  # the day the entries count as checked

    def skipped_by_reason(self) -> dict[str, list[Skipped]]:
        grouped: dict[str, list[Skipped]] = {}
        for skip in self.skipped:
            grouped.setdefault(skip.reason, []).append(skip)
        return grouped


def chemnitz_kitas_import(
    *,
    path: Path,
    alliance_slug: str,
    create_alliance: bool = False,
    dry_run: bool = False,
    checked_on: dt.date | None = None,
) -> ImportReport:
    """Import the file at ``path`` into the alliance ``alliance_slug``.

    ``checked_on`` is the date the entries count as checked ("zuletzt geprüft"); by default
    the day of the import. With ``dry_run`` everything is rolled back and only the report
    remains.
    """
    report = ImportReport(alliance_slug=alliance_slug, dry_run=dry_run)
    with open(path, encoding="utf-8-sig", newline="") as stream:
        parsed = parse(stream)
    report.rows_read = parsed.rows_read
    report.skipped = list(parsed.skipped)
    checked_at = _checked_at(checked_on)
    report.checked_on = timezone.localdate(checked_at)

    with transaction.atomic():
        alliance, report.alliance_created = _alliance(alliance_slug, create=create_alliance)
        with deferred_indexing() as touched:
            _Writer(alliance=alliance, checked_at=checked_at, report=report).write(parsed.records)
        if alliance.pk not in touched:  # otherwise the block has reindexed it already
            reindex_alliance(alliance=alliance)
        if dry_run:
            transaction.set_rollback(True)
    report.skipped.sort(key=lambda skip: skip.row)
    return report


def _checked_at(checked_on: dt.date | None) -> dt.datetime:
    day = checked_on or timezone.localdate()
    # Noon of that day: the same day gives the same value, so a re-import changes nothing.
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _alliance(slug: str, *, create: bool) -> tuple[Alliance, bool]:
    alliance = Alliance.objects.filter(slug=slug).first()
    if alliance is None:
        if not create:
            raise ChemnitzImportError(
                f"Alliance {slug!r} does not exist. Pass --create-alliance to create it."
            )
        if slug in RESERVED_SLUGS or slugify(slug) != slug:
            raise ChemnitzImportError(f"{slug!r} cannot be used as the short name of an alliance.")
        alliance = Alliance.objects.create(
            slug=slug,
            name=ALLIANCE_NAME,
            region="Chemnitz (Sachsen)",
            about=ALLIANCE_ABOUT,
            latitude=50.83,
            longitude=12.92,
            map_zoom=12,
            is_demo=False,
        )
        taxonomy_install(alliance=alliance)
        return alliance, True
    missing = set(CATEGORIES) - set(
        Category.objects.for_alliance(alliance)
        .filter(code__in=CATEGORIES)
        .values_list("code", flat=True)
    )
    if missing:
        raise ChemnitzImportError(
            f"Alliance {slug!r} lacks the categories {', '.join(sorted(missing))}; "
            "install the taxonomy first."
        )
    return alliance, False


class _Writer:
    def __init__(self, *, alliance: Alliance, checked_at: dt.datetime, report: ImportReport):
        self.alliance = alliance
        self.checked_at = checked_at
        self.report = report
        self.categories = {
            c.code: c for c in Category.objects.for_alliance(alliance).filter(code__in=CATEGORIES)
        }
        self.german = Language.objects.filter(code="de").first()
        self.organisations: dict[str, Organisation] = {}

    def write(self, records: list[KitaRecord]) -> None:
        seen = set()
        for record in records:
            for message in record.warnings:
                self.report.warnings.append((record.row, message))
            existing = Offer.objects.for_alliance(self.alliance).filter(slug=record.key).first()
            if existing is not None and ATTRIBUTION not in existing.description:
                self.report.skipped.append(
                    Skipped(record.row, SkipReason.SLUG_TAKEN, record.source_label)
                )
                continue
            seen.add(record.key)
            if existing is None:
                self._create(record)
                self.report.created.append(record.key)
            elif self._update(existing, record):
                self.report.updated.append(record.key)
            else:
                self.report.unchanged.append(record.key)
        gone = (
            Offer.objects.for_alliance(self.alliance)
            .filter(status=Status.PUBLISHED, description__contains=ATTRIBUTION)
            .exclude(slug__in=seen)
        )
        for offer in gone:
            entry_set_status(entry=offer, status=Status.ARCHIVED, user=None)
            self.report.archived.append(offer.slug)

    # --- rows -----------------------------------------------------------------------

    def _organisation(self, operator: str) -> Organisation:
        if operator in self.organisations:
            return self.organisations[operator]
        slug = slugify(operator.replace("ß", "ss"))[:120].strip("-") or "traeger"
        organisation = Organisation.objects.for_alliance(self.alliance).filter(slug=slug).first()
        if organisation is None:
            kind = (
                Organisation.Kind.PUBLIC_AUTHORITY
                if operator == CITY_OPERATOR
                else Organisation.Kind.OTHER
            )
            description = f"Träger von Kindertageseinrichtungen in Chemnitz. {ATTRIBUTION}"
            organisation = self._save(
                Organisation(alliance=self.alliance, slug=slug),
                EntryChanges(fields={"name": operator, "kind": kind, "description": description}),
            )
        self.organisations[operator] = organisation
        return organisation

    def _offer_values(self, record: KitaRecord) -> dict:
        age_min, age_max = record.ages
        return {
            "organisation": self._organisation(record.operator),
            "name": record.name,
            "summary": record.summary,
            "description": record.description,
            "for_pregnancy": False,
            "age_min_months": age_min,
            "age_max_months": age_max,
            "is_free": False,
            "fee_description": "Elternbeitrag nach der Satzung der Stadt Chemnitz",
            "participation": Offer.Participation.REGISTRATION,
            "participation_notes": (
                "Fragen Sie nach freien Plätzen direkt bei der Einrichtung oder beim Träger."
            ),
            "email": record.email,
            "phone": record.phone,
            "website": record.website,
        }

    def _location_values(self, record: KitaRecord, organisation: Organisation) -> dict:
        return {
            "organisation": organisation,
            "name": record.name,
            "street": record.street,
            "postal_code": record.postal_code,
            "city": record.city,
            "latitude": record.latitude,
            "longitude": record.longitude,
            "is_wheelchair_accessible": record.is_wheelchair_accessible,
            "is_pram_accessible": record.is_wheelchair_accessible,
            "description": ATTRIBUTION,
        }

    def _relations(self, record: KitaRecord) -> tuple[list[Category], list[Language]]:
        categories = [self.categories[code] for code in record.categories]
        return categories, [self.german] if self.german else []

    def _save(self, entry, changes: EntryChanges):
        """Through the one write path of entries, checked on the source's date."""
        changes.checked_at = self.checked_at
        return entry_save(
            entry=entry, changes=changes, user=None, reason="imported from the Chemnitz open data"
        ).entry

    def _new_location(self, record: KitaRecord, organisation: Organisation) -> Location:
        return self._save(
            Location(
                alliance=self.alliance,
                slug=unique_slug(
                    model=Location, alliance=self.alliance, text=record.key, max_length=120
                ),
            ),
            EntryChanges(fields=self._location_values(record, organisation)),
        )

    def _create(self, record: KitaRecord) -> None:
        values = self._offer_values(record)
        categories, languages = self._relations(record)
        offer = self._save(
            Offer(alliance=self.alliance, slug=record.key),
            EntryChanges(
                fields={**values, "status": Status.PUBLISHED},
                many={"categories": categories, "languages": languages},
            ),
        )
        location = self._new_location(record, values["organisation"])
        offer_apply_related(offer, {"add_places": [location]})

    def _update(self, offer: Offer, record: KitaRecord) -> bool:
        """Bring ``offer`` and its location in line with ``record``; True if anything changed.
        Unchanged entries are confirmed as of the source's date."""
        fields = _differences(offer, self._offer_values(record))
        if offer.status != Status.PUBLISHED:
            fields["status"] = Status.PUBLISHED
        categories, languages = self._relations(record)
        many = {}
        if set(offer.categories.all()) != set(categories):
            many["categories"] = categories
        if set(offer.languages.all()) != set(languages):
            many["languages"] = languages
        changed = bool(fields or many)
        if changed or offer.last_checked_at != self.checked_at:
            offer = self._save(offer, EntryChanges(fields=fields, many=many))
        offer_location = offer.offer_locations.select_related("location").first()
        location_values = self._location_values(record, offer.organisation)
        if offer_location is None:
            location = self._new_location(record, offer.organisation)
            offer_apply_related(offer, {"add_places": [location]})
            return True
        location = offer_location.location
        location_fields = _differences(location, location_values)
        if location_fields or location.last_checked_at != self.checked_at:
            self._save(location, EntryChanges(fields=location_fields))
        if offer_location.last_checked_at != self.checked_at:
            offer_location.last_checked_at = self.checked_at
            offer_location.save(update_fields=["last_checked_at", "updated_at"])
        return changed or bool(location_fields)


def _differences(instance, values: dict) -> dict:
    """The values that differ from ``instance``'s."""
    return {name: value for name, value in values.items() if getattr(instance, name) != value}
