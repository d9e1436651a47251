"""Writing a parsed calendar for one ``CalendarSource``: one transaction, a report."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.core.slugs import unique_slug
from familiennetz.directory.models import Category, Location, Organisation, Status
from familiennetz.events import services as calendar_services
from familiennetz.events.models import CalendarSource, Event, EventStatus, Occurrence, Registration
from familiennetz.events.occurrences import Window, event_slots
from familiennetz.events.registration import registrations_notify_date_change
from familiennetz.moderation.changes import EntryChanges
from familiennetz.moderation.services import entry_save

from .fetch import fetch_ics
from .parse import DateChange, ParsedCalendar, ParsedEvent, local_iso, parse_ics
from .reading import MAX_NOTE, MAX_URL, IcalImportError, Skip

# --- the report ---------------------------------------------------------------------------


@dataclass
class ImportReport:
    source_id: int | None
    source_name: str
    alliance: str
    organisation: str
    dry_run: bool = False
    vevents: int = 0
    imported: list[str] = field(default_factory=list)  # titles
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # vanished from the feed, deleted
    cancelled: list[str] = field(default_factory=list)  # vanished, had registrations
    changed_dates: int = 0  # occurrences changed or cancelled by RECURRENCE-ID overrides
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    finished_at: str = ""

    def as_dict(self) -> dict:
        """JSON for ``CalendarSource.last_report``."""
        data = asdict(self)
        data["skipped"] = [
            {"vevent": s.vevent, "summary": s.summary, "code": s.code, "reason": s.reason}
            for s in self.skipped
        ]
        data["counts"] = {
            "imported": len(self.imported),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
            "cancelled": len(self.cancelled),
            "skipped": len(self.skipped),
        }
        data["text"] = str(self)  # the human-readable report, e.g. for the admin
        return data

    def lines(self) -> list[str]:
        """The report as text lines, for the command output and the admin."""
        out = [
            _("Calendar %(name)s → organiser %(organisation)s (alliance %(alliance)s)")
            % {
                "name": repr(self.source_name),
                "organisation": self.organisation,
                "alliance": self.alliance,
            }
        ]
        if self.error:
            out.append("  " + _("FAILED: %(error)s") % {"error": self.error})
            out.append("  " + _("Nothing was changed."))
            return out
        rows = [
            (_("VEVENTs read"), self.vevents),
            (_("imported"), len(self.imported)),
            (_("updated"), len(self.updated)),
            (_("unchanged"), len(self.unchanged)),
            (_("removed (no longer in the calendar)"), len(self.removed)),
            (_("cancelled (no longer in the calendar, had registrations)"), len(self.cancelled)),
            (_("single dates changed or cancelled"), self.changed_dates),
            (_("skipped"), len(self.skipped)),
        ]
        out += [f"  {label}: {value}" for label, value in rows]
        out += [f"    {skip}" for skip in self.skipped]
        if self.warnings:
            out.append(f"  {_('warnings')}: {len(self.warnings)}")
            out += [f"    {warning}" for warning in self.warnings]
        if self.dry_run:
            out.append("  " + _("Dry run: nothing was saved."))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


# --- writing ------------------------------------------------------------------------------


def calendar_source_for_file(*, alliance, organisation) -> CalendarSource:
    """The source that file imports for ``organisation`` belong to (created on first use).

    Deduplication and removal of vanished events work per source, so repeated uploads of
    an organiser's calendar file update the same events.
    """
    source = (
        CalendarSource.objects.for_alliance(alliance)
        .filter(organisation=organisation, url="")
        .order_by("pk")
        .first()
    )
    if source is None:
        source = CalendarSource.objects.create(
            alliance=alliance,
            organisation=organisation,
            name=(_("Calendar file of %(organisation)s") % {"organisation": organisation.name})[
                :200
            ],
            url="",
        )
    return source


def calendar_source_refresh(
    *, source: CalendarSource, dry_run: bool = False, now: dt.datetime | None = None
) -> ImportReport:
    """Download ``source.url`` and import it. A failed download or unreadable file is
    recorded in ``source.last_report`` (unless ``dry_run``) and raised as IcalImportError."""
    if not source.url:
        raise IcalImportError(_("The calendar source %(name)s has no address.") % {"name": source})
    try:
        data = fetch_ics(source.url)
        return calendar_import(source=source, data=data, dry_run=dry_run, now=now)
    except IcalImportError as exc:
        if not dry_run:
            report = _report_for(source, dry_run=dry_run)
            report.error = str(exc)
            report.finished_at = (now or timezone.now()).isoformat()
            source.last_report = report.as_dict()
            source.save(update_fields=["last_report", "updated_at"])
        raise


def _report_for(source: CalendarSource, *, dry_run: bool) -> ImportReport:
    return ImportReport(
        source_id=source.pk,
        source_name=source.name,
        alliance=source.alliance.slug,
        organisation=source.organisation.slug,
        dry_run=dry_run,
    )


def calendar_import(
    *,
    source: CalendarSource,
    data: bytes | str,
    dry_run: bool = False,
    now: dt.datetime | None = None,
) -> ImportReport:
    """Import an .ics file into the events of ``source.organisation``, all or nothing.

    Events are matched by UID (or a stable hash); re-imports update them in place. Events of
    this source that are no longer in the file are deleted if they lie in the future, or
    cancelled if people registered for them; past events stay as they were.
    """
    if source.organisation.alliance_id != source.alliance_id:
        raise IcalImportError(_("The organiser does not belong to the alliance of the source."))
    now = now or timezone.now()
    parsed = parse_ics(data)
    report = _report_for(source, dry_run=dry_run)
    report.vevents = parsed.vevent_count
    report.skipped = list(parsed.skipped)
    report.warnings = list(parsed.warnings)
    with transaction.atomic():
        _Writer(source=source, report=report, now=now).write(parsed)
        report.finished_at = now.isoformat()
        if dry_run:
            transaction.set_rollback(True)
        else:
            source.last_report = report.as_dict()
            source.last_imported_at = now
            source.save(update_fields=["last_report", "last_imported_at", "updated_at"])
    return report


GEO_TOLERANCE_M = 500  # GEO this far from a matched place's coordinates: noted
GEO_NEAR_M = 100  # a place this close to GEO is the event's place


def _metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in metres (equirectangular; exact enough at these distances)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6_371_000 * math.hypot(x, y)


def _normalise(text: str) -> str:
    text = text.casefold().replace("„", '"').replace("“", '"').replace("”", '"')
    return re.sub(r"[\s,]+", " ", text).strip()


class _Writer:
    """Writes one parsed calendar for one source (inside the caller's transaction)."""

    def __init__(self, *, source: CalendarSource, report: ImportReport, now: dt.datetime):
        self.source = source
        self.alliance = source.alliance
        self.organisation = source.organisation
        self.report = report
        self.now = now
        self.unmatched_categories: set[str] = set()
        self.geo_updates: dict[int, tuple[float, float]] = {}
        self.unmatched_organisers: set[str] = set()

    def write(self, parsed: ParsedCalendar) -> None:
        existing = {event.uid: event for event in Event.objects.filter(source=self.source)}
        self._load_lookups()
        seen: list[int] = []
        for item in parsed.events:
            event = existing.pop(item.key, None)
            event = self._write_event(item, event)
            seen.append(event.pk)
        if not parsed.events and existing:
            # A half-broken server often answers with an empty calendar, and a changed
            # export format can make every VEVENT unusable: never wipe a calendar for that.
            self.report.warnings.append(
                _(
                    "The calendar contains no usable events; the %(count)s events of earlier "
                    "imports were kept. (Remove them by hand if the organiser really emptied "
                    "the calendar.)"
                )
                % {"count": len(existing)}
            )
        else:
            for event in existing.values():
                self._vanished(event)
        self.save_geo_updates()
        if seen:
            Event.objects.filter(pk__in=seen).update(last_checked_at=self.now)
        if self.unmatched_organisers:
            self.report.warnings.append(
                _("ORGANIZER without a match in the alliance's organisations (the calendar's "
                  "organiser %(organisation)s is kept): %(names)s")
                % {"organisation": self.organisation.name,
                   "names": ", ".join(sorted(self.unmatched_organisers)[:20])}
            )  # fmt: skip
        if self.unmatched_categories:
            self.report.warnings.append(
                _("Categories without a match in the alliance's categories: %(names)s")
                % {"names": ", ".join(sorted(self.unmatched_categories)[:20])}
            )

    # --- lookups -------------------------------------------------------------------------

    def _load_lookups(self) -> None:
        self.categories: dict[str, Category] = {}
        for category in Category.objects.for_alliance(self.alliance):
            for name in (category.name, category.name_en, category.code, category.slug):
                if name:
                    self.categories.setdefault(_normalise(name), category)
        locations = list(
            Location.objects.for_alliance(self.alliance).only(
                "pk", "name", "street", "organisation", "latitude", "longitude"
            )
        )
        # The organiser's own places first: "Turnhalle" of the Kita wins over another one
        locations.sort(key=lambda loc: loc.organisation_id != self.organisation.pk)
        self.locations = locations
        self.place_cache: dict[str, Location | None] = {}
        self.organisations: dict[str, Organisation] = {}
        for org in Organisation.objects.for_alliance(self.alliance).only("pk", "name", "email"):
            self.organisations.setdefault(_normalise(org.name).casefold(), org)
            if org.email:
                self.organisations.setdefault(org.email.lower(), org)

    def _match_organiser(self, item: ParsedEvent) -> Organisation | None:
        """ORGANIZER → the alliance's organisation with that e-mail address or name; None
        (and a note) where none matches: the calendar's organiser stays."""
        if not (item.organizer_email or item.organizer_name):
            return None
        for key in (item.organizer_email, _normalise(item.organizer_name).casefold()):
            if key and key in self.organisations:
                return self.organisations[key]
        self.unmatched_organisers.add(item.organizer_name or item.organizer_email)
        return None

    def _place_by_geo(self, item: ParsedEvent, location: Location | None) -> Location | None:
        """GEO: the place's coordinates. A matched place without coordinates gets them; with
        no place matched by name, the place at these coordinates (within 100 m) is used;
        otherwise the report says that GEO was not kept."""
        if item.geo is None:
            return location
        lat, lon = item.geo
        if location is not None:
            if location.latitude is None or location.longitude is None:
                self.geo_updates[location.pk] = item.geo
            elif _metres(location.latitude, location.longitude, lat, lon) > GEO_TOLERANCE_M:
                self.report.warnings.append(
                    _("VEVENT %(number)s: GEO %(lat)s, %(lon)s is far from the place "
                      "“%(place)s”; the place's coordinates were kept.")
                    % {"number": item.vevent, "lat": lat, "lon": lon, "place": location.name}
                )  # fmt: skip
            return location
        near = [
            (_metres(loc.latitude, loc.longitude, lat, lon), loc.pk, loc)
            for loc in self.locations
            if loc.latitude is not None and loc.longitude is not None
        ]
        best = min(near, default=None, key=lambda found: found[:2])
        if best is not None and best[0] <= GEO_NEAR_M:
            return best[2]
        self.report.warnings.append(
            _("VEVENT %(number)s: GEO %(lat)s, %(lon)s matches no place of the network and "
              "was not kept.") % {"number": item.vevent, "lat": lat, "lon": lon}
        )  # fmt: skip
        return None

    def save_geo_updates(self) -> None:
        """Places matched by name that had no coordinates get the feed's GEO (through the
        one write path of entries)."""
        for location in Location.objects.filter(pk__in=list(self.geo_updates)):
            lat, lon = self.geo_updates[location.pk]
            entry_save(
                entry=location,
                changes=EntryChanges(fields={"latitude": lat, "longitude": lon}),
                user=None,
                reason="calendar import (GEO)",
            )

    def _match_location(self, place: str) -> Location | None:
        if not place:
            return None
        if place in self.place_cache:
            return self.place_cache[place]
        wanted = _normalise(place)
        best, best_len = None, 0
        for location in self.locations:
            name = _normalise(location.name)
            street = _normalise(location.street)
            for candidate in (name, street):
                if len(candidate) >= 5 and candidate in wanted and len(candidate) > best_len:
                    best, best_len = location, len(candidate)
            if len(wanted) >= 5 and wanted == name:
                best, best_len = location, 10_000
        self.place_cache[place] = best
        return best

    # --- one event -----------------------------------------------------------------------

    def _values(self, item: ParsedEvent) -> dict:
        location = self._place_by_geo(item, self._match_location(item.place))
        online_url = ""
        extra = []
        if re.match(r"(?i)^https?://\S+$", item.place) and len(item.place) <= MAX_URL:
            online_url = item.place
        elif item.place and location is None:
            extra.append(_("Place: %(place)s") % {"place": item.place})
        if item.url and item.url != online_url and item.url not in item.description:
            extra.append(_("More information: %(url)s") % {"url": item.url})
        description = "\n\n".join(part for part in [item.description, *extra] if part)
        organiser = self._match_organiser(item) or self.organisation
        return {
            "title": item.title,
            "description": description,
            "organisation_id": organiser.pk,
            "location_id": location.pk if location else None,
            "online_url": online_url,
            "starts_at": item.starts_at,
            "ends_at": item.ends_at,
            "is_all_day": item.is_all_day,
            "rrule": item.rrule,
            "rdates": item.rdates,
            "exdates": item.exdates,
            "event_status": EventStatus.CANCELLED if item.is_cancelled else EventStatus.SCHEDULED,
            "status_note": "",
        }

    def _categories(self, item: ParsedEvent) -> set[int]:
        ids = set()
        for name in item.categories:
            category = self.categories.get(_normalise(name))
            if category is None:
                self.unmatched_categories.add(name)
            else:
                ids.add(category.pk)
        return ids

    def _save(self, event: Event, changes: EntryChanges) -> Event:
        """Through the one write path of entries (moderation.services.entry_save)."""
        changes.checked_at = self.now
        return entry_save(entry=event, changes=changes, user=None, reason="calendar import").entry

    def _write_event(self, item: ParsedEvent, event: Event | None) -> Event:
        values = self._values(item)
        category_ids = self._categories(item)
        wanted = {change.original_start: change for change in item.changes}
        if event is None:
            status = Status.PUBLISHED if self.source.publish_automatically else Status.DRAFT
            event = self._save(
                Event(
                    alliance=self.alliance,
                    organisation=self.organisation,
                    source=self.source,
                    uid=item.key,
                    slug=unique_slug(
                        model=Event,
                        alliance=self.alliance,
                        text=item.title,  # unique_slug transliterates (ä → ae)
                        max_length=Event._meta.get_field("slug").max_length,
                    ),
                ),
                EntryChanges(
                    fields={**values, "status": status}, many={"categories": category_ids}
                ),
            )
            created = changed = True
            dates_changed = self._reset_stale_changes(event, wanted)
        else:
            fields = {
                name: value for name, value in values.items() if getattr(event, name) != value
            }
            many = {}
            if set(event.categories.values_list("pk", flat=True)) != category_ids:
                many["categories"] = category_ids
            created, changed = False, bool(fields or many)
            dates_changed = self._reset_stale_changes(event, wanted)
            if changed:  # the one write path; it syncs the event's dates
                event = self._save(event, EntryChanges(fields=fields, many=many))
            elif dates_changed:
                calendar_services.event_sync_occurrences(event=event)
        dates_changed += self._apply_changes(event, wanted)
        if created:
            self.report.imported.append(item.title)
        elif changed or dates_changed:
            self.report.updated.append(item.title)
        else:
            self.report.unchanged.append(item.title)
        return event

    # --- single dates (RECURRENCE-ID) ----------------------------------------------------

    def _reset_stale_changes(self, event: Event, wanted: dict[dt.datetime, DateChange]) -> int:
        """Undo changes of single future dates that the feed no longer has (for imported
        events the feed is the truth). The sync that follows puts them back on the rule's
        times, or deletes them if the rule no longer has them. Returns the number reset."""
        count = 0
        future = Q(starts_at__gte=self.now) | Q(original_start__gte=self.now)
        for occurrence in event.occurrences.filter(future, is_modified=True):
            if occurrence.original_start in wanted:
                continue
            occurrence.starts_at = occurrence.original_start
            occurrence.event_status = EventStatus.SCHEDULED
            occurrence.status_note = ""
            occurrence.is_modified = False
            occurrence.save()
            count += 1
        return count

    def _apply_changes(self, event: Event, wanted: dict[dt.datetime, DateChange]) -> int:
        if not wanted:
            return 0
        duration = event.ends_at - event.starts_at if event.ends_at else None
        occurrences = {
            occurrence.original_start: occurrence
            for occurrence in event.occurrences.filter(original_start__in=list(wanted))
        }
        count = 0
        moved_or_cancelled: list[int] = []
        for original, change in wanted.items():
            occurrence = occurrences.get(original)
            if occurrence is None:
                if change.starts_at < self.now and original < self.now:
                    continue  # a changed date in the past: nothing to show any more
                if not _is_series_date(event, original):
                    self.report.warnings.append(
                        _(
                            "VEVENT %(number)s: RECURRENCE-ID %(date)s is no date of the series;"
                            " the change was ignored."
                        )
                        % {"number": change.vevent, "date": local_iso(original, all_day=False)}
                    )
                    continue
                # Beyond the materialised window: keep the change as a modified row, which
                # the window's regeneration leaves alone.
                occurrence = Occurrence(
                    alliance=event.alliance, event=event, original_start=original
                )
            values = {
                "starts_at": change.starts_at,
                "ends_at": change.ends_at
                or (change.starts_at + duration if duration is not None else None),
                "event_status": EventStatus.CANCELLED
                if change.is_cancelled
                else EventStatus.SCHEDULED,
                "status_note": change.note,
                "is_modified": True,
            }
            if occurrence.pk and all(getattr(occurrence, k) == v for k, v in values.items()):
                continue
            before = (occurrence.starts_at, occurrence.ends_at, occurrence.event_status)
            for name, value in values.items():
                setattr(occurrence, name, value)
            occurrence.save()
            if before != (occurrence.starts_at, occurrence.ends_at, occurrence.event_status):
                moved_or_cancelled.append(occurrence.pk)
            count += 1
        # People registered for a date the organiser moved or cancelled in their calendar.
        registrations_notify_date_change(occurrence_ids=moved_or_cancelled)
        self.report.changed_dates += count
        return count

    # --- events no longer in the feed ----------------------------------------------------

    def _vanished(self, event: Event) -> None:
        is_future = (
            event.starts_at >= self.now
            or event.occurrences.filter(starts_at__gte=self.now).exists()
        )
        if not is_future:
            return  # feeds drop past events; the calendar keeps its history
        if Registration.objects.filter(occurrence__event=event).exists():
            if event.event_status == EventStatus.CANCELLED:
                return  # cancelled by an earlier run (or the feed); people were told then
            note = _("This event is no longer in the organiser's calendar.")[:MAX_NOTE]
            old_status = event.event_status
            event.event_status = EventStatus.CANCELLED
            event.status_note = note
            event.save(update_fields=["event_status", "status_note", "updated_at"])
            registrations_notify_date_change(
                occurrence_ids=calendar_services.event_status_change_date_ids(
                    event=event, old_status=old_status, new_status=EventStatus.CANCELLED
                )
            )
            self.report.cancelled.append(event.title)
        else:
            event.delete()
            self.report.removed.append(event.title)


def _is_series_date(event: Event, moment: dt.datetime) -> bool:
    """Does the series (rule, RDATE, EXDATE) of ``event`` have a date starting at ``moment``?"""
    around = Window(start=moment - dt.timedelta(days=1), end=moment + dt.timedelta(days=1))
    return any(slot.original_start == moment for slot in event_slots(event, window=around))


def calendar_file_import(
    *, alliance, organisation, data: bytes | str, dry_run: bool = False, now=None
) -> ImportReport:
    """Import an uploaded .ics file for ``organisation`` (see ``calendar_source_for_file``)."""
    if organisation.alliance_id != alliance.pk:
        raise IcalImportError(_("The organiser does not belong to this alliance."))
    with transaction.atomic():
        source = calendar_source_for_file(alliance=alliance, organisation=organisation)
        report = calendar_import(source=source, data=data, dry_run=dry_run, now=now)
        if dry_run:
            transaction.set_rollback(True)
    return report
