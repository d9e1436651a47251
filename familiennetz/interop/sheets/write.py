"""Step 2 of a spreadsheet import: write the planned rows, all or nothing.

Identity: an offer is found by its "Kennung" (kept in ``ExternalId`` with the scheme
"sheet"; an exported sheet carries the offer's slug, which is found too); organisations by
name; places by name and address. Rows with the same Kennung are one offer at several places.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Location, Offer, Organisation
from familiennetz.directory.services import offer_apply_related
from familiennetz.interop.models import ExternalId
from familiennetz.interop.report import Report
from familiennetz.moderation.changes import EntryChanges
from familiennetz.moderation.services import entry_confirm, entry_save
from familiennetz.search.api import deferred_indexing

from .parse import PlannedRow, SheetImport

SCHEME = ExternalId.Scheme.SHEET


class SheetImportError(Exception):
    pass


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _place_key(place: dict) -> tuple:
    return (_fold(place["name"]), _fold(place["street"]), place["postal_code"])


class _Lookups:
    """What exists already, loaded once per import."""

    def __init__(self, alliance: Alliance):
        self.organisations = {_fold(o.name): o for o in Organisation.objects.for_alliance(alliance)}
        self.places = {
            _place_key({"name": p.name, "street": p.street, "postal_code": p.postal_code}): p
            for p in Location.objects.for_alliance(alliance)
        }
        by_key = dict(
            ExternalId.objects.filter(alliance=alliance, scheme=SCHEME, kind="offer").values_list(
                "value", "object_id"
            )
        )
        offers = {o.pk: o for o in Offer.objects.for_alliance(alliance)}
        self.offer_by_key = {key: offers[pk] for key, pk in by_key.items() if pk in offers}
        for offer in offers.values():
            self.offer_by_key.setdefault(offer.slug, offer)
        self.mapped_keys = set(by_key)

    def offer(self, key: str) -> Offer | None:
        return self.offer_by_key.get(key) if key else None


def planned_counts(result: SheetImport) -> dict[str, Counter]:
    """What a commit would do, for the preview."""
    lookups = _Lookups(result.alliance)
    counts: dict[str, Counter] = defaultdict(Counter)
    seen_orgs, seen_places, seen_keys = set(), set(), set()
    for row in result.rows:
        org = _fold(row.organisation)
        if org not in lookups.organisations and org not in seen_orgs:
            counts["organisation"]["created"] += 1
        seen_orgs.add(org)
        if row.place is not None:
            place = _place_key(row.place)
            if place not in lookups.places and place not in seen_places:
                counts["location"]["created"] += 1
            seen_places.add(place)
        if row.key and row.key in seen_keys:
            continue
        seen_keys.add(row.key)
        counts["offer"]["updated" if lookups.offer(row.key) else "created"] += 1
    return counts


def sheet_commit(sheet_import: SheetImport, *, checked_at=None) -> Report:
    """Write ``sheet_import`` (from ``sheet_parse``); refuses if its report has errors.

    ``checked_at`` (the import's or the source's date, as the coordinator chose in the
    preview): every organisation, place and offer of the file counts as checked then;
    None leaves their checked dates alone (issue 16)."""
    report = sheet_import.report
    if report.has_errors:
        raise SheetImportError(_("The file has errors; nothing was saved."))
    alliance = sheet_import.alliance
    counts: dict[str, Counter] = defaultdict(Counter)
    with transaction.atomic(), deferred_indexing():
        writer = _Writer(alliance, counts)
        for row in sheet_import.rows:
            writer.write(row)
        if checked_at is not None:
            for entry in writer.touched.values():
                entry_confirm(entry=entry, now=checked_at)
    report.counts = counts
    report.created = writer.created
    report.dry_run = False
    report.committed = True
    return report


class _Writer:
    def __init__(self, alliance: Alliance, counts: dict[str, Counter]):
        self.alliance = alliance
        self.counts = counts
        self.lookups = _Lookups(alliance)
        self.offers_in_file: dict[str, Offer] = {}
        self.created: dict[str, list[int]] = defaultdict(list)  # kind → new primary keys
        self.touched: dict[tuple[str, int], object] = {}  # every entry the file names

    def _save(self, entry, changes: EntryChanges):
        """Every entry goes through the one write path (moderation.services.entry_save)."""
        return entry_save(entry=entry, changes=changes, user=None, reason=_("imported")).entry

    def _touch(self, entry):
        self.touched[(entry._meta.label, entry.pk)] = entry
        return entry

    def organisation(self, name: str) -> Organisation:
        org = self.lookups.organisations.get(_fold(name))
        if org is None:
            org = self._save(
                Organisation(alliance=self.alliance), EntryChanges(fields={"name": name})
            )
            self.lookups.organisations[_fold(name)] = org
            self.counts["organisation"]["created"] += 1
            self.created["organisation"].append(org.pk)
        return self._touch(org)

    def place(self, values: dict, organisation: Organisation) -> Location:
        key = _place_key(values)
        location = self.lookups.places.get(key)
        if location is None:
            location = self._save(
                Location(alliance=self.alliance),
                EntryChanges(fields={**values, "organisation": organisation}),
            )
            self.lookups.places[key] = location
            self.counts["location"]["created"] += 1
            self.created["location"].append(location.pk)
            return self._touch(location)
        changed = {
            name: value
            for name, value in values.items()
            # an empty cell does not delete what is known
            if not (name in ("latitude", "longitude", "district_id") and value is None)
            and getattr(location, name) != value
        }
        if changed:
            location = self._save(location, EntryChanges(fields=changed))
            self.counts["location"]["updated"] += 1
        return self._touch(location)

    def write(self, row: PlannedRow) -> None:
        organisation = self.organisation(row.organisation)
        offer = self.offers_in_file.get(row.key) if row.key else None
        if offer is None:
            offer = self._offer(row, organisation)
            if row.key:
                self.offers_in_file[row.key] = offer
        if row.place is not None:
            location = self.place(row.place, organisation)
            offer_apply_related(offer, {"add_places": [location]})

    def _offer(self, row: PlannedRow, organisation: Organisation) -> Offer:
        values = {**row.offer, "organisation": organisation}
        offer = self.lookups.offer(row.key)
        created = offer is None
        if created:
            offer = Offer(alliance=self.alliance)
            self.counts["offer"]["created"] += 1
            fields = values
        else:
            fields = {name: v for name, v in values.items() if getattr(offer, name) != v}
        many = {
            name: sorted(wanted)
            for name, wanted in (
                ("categories", set(row.categories)),
                ("languages", set(row.languages)),
            )
            if created or set(getattr(offer, name).values_list("pk", flat=True)) != wanted
        }
        changed = created or bool(fields or many)
        if changed:
            offer = self._save(offer, EntryChanges(fields=fields, many=many))
        if created:
            self.created["offer"].append(offer.pk)
        if not created:
            self.counts["offer"]["updated" if changed else "unchanged"] += 1
        if row.key and row.key != offer.slug and row.key not in self.lookups.mapped_keys:
            ExternalId.objects.update_or_create(
                alliance=self.alliance,
                scheme=SCHEME,
                kind="offer",
                object_id=offer.pk,
                defaults={"value": row.key},
            )
            self.lookups.mapped_keys.add(row.key)
        return self._touch(offer)
