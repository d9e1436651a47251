"""Opening hours and regular sessions as plain form rows (weekdays, week of the month, from,
until, note) instead of raw RFC 5545 rules, so that providers can edit them and the review
queue and history show them field by field.

Rows cover weekly rules ("FREQ=WEEKLY;BYDAY=MO,WE") and monthly ones on the n-th weekday
("FREQ=MONTHLY;BYDAY=2TU"). Other rules (intervals, validity periods) are kept as they are
and listed as "further rules" (edited in the admin).

An offer's session row without a place is a session of the offer itself (``Schedule.offer``:
online, by arrangement, or imported from an HSDS service without a location, ADR 1540).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Location, Schedule
from .recurrence import WEEKDAY_CODES

WEEKDAY_CHOICES = list(
    zip(
        WEEKDAY_CODES,
        [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
        strict=True,
    )
)
WEEK_CHOICES = [
    ("", _("every week")),
    ("1", _("1st week of the month")),
    ("2", _("2nd week of the month")),
    ("3", _("3rd week of the month")),
    ("4", _("4th week of the month")),
    ("-1", _("last week of the month")),
]
EMPTY_ROWS = 2
MAX_ROWS = 10
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def simple_rule(schedule: Schedule) -> tuple[list[str], str] | None:
    """(weekdays, week of month) if the schedule fits a row, else None."""
    if schedule.valid_from or schedule.valid_to:
        return None
    parts = dict(chunk.split("=", 1) for chunk in schedule.rrule.upper().split(";") if "=" in chunk)
    days = [d for d in parts.get("BYDAY", "").split(",") if d]
    weekly = parts.get("FREQ") == "WEEKLY" and set(parts) <= {"FREQ", "BYDAY"}
    if weekly and days and all(d in WEEKDAY_CODES for d in days):
        return days, ""
    if parts.get("FREQ") == "MONTHLY" and set(parts) == {"FREQ", "BYDAY"} and days:
        prefixes = {d[:-2] for d in days}
        codes = [d[-2:] for d in days]
        if len(prefixes) == 1 and prefixes.pop() in {"1", "2", "3", "4", "-1"}:
            return codes, days[0][:-2]
    return None


def build_rule(days: list[str], week: str) -> str:
    if week:
        return "FREQ=MONTHLY;BYDAY=" + ",".join(f"{week}{d}" for d in days)
    return "FREQ=WEEKLY;BYDAY=" + ",".join(days)


class ScheduleRowsMixin:
    """Adds ``<prefix>_<n>_days|week|from|to|note`` (and ``_place`` for sessions) fields."""

    schedule_prefix = "hours"
    schedule_label = _("Opening hours")
    schedule_kind = Schedule.Kind.OPENING_HOURS
    with_place = False

    def existing_schedules(self) -> list[Schedule]:
        raise NotImplementedError

    def add_schedule_rows(self):
        editable, self.other_schedules = [], []
        for schedule in self.existing_schedules() if self.instance.pk else []:
            (editable if simple_rule(schedule) else self.other_schedules).append(schedule)
        self.schedule_rows = []
        if self.is_bound:
            count = sum(
                1
                for key in self.data
                if key.startswith(self.schedule_prefix) and key.endswith("_from")
            )
            count = max(count, len(editable) + EMPTY_ROWS)
        else:
            count = len(editable) + EMPTY_ROWS
        for index in range(min(count, MAX_ROWS)):
            self._add_row(index, editable[index] if index < len(editable) else None)

    def _add_row(self, index: int, schedule: Schedule | None):
        name = f"{self.schedule_prefix}_{index}"
        number = index + 1
        label = f"{self.schedule_label} {number}"
        days, week = simple_rule(schedule) if schedule else ([], "")
        fields = {
            "days": forms.MultipleChoiceField(
                label=f"{label}: " + str(_("days")),
                choices=WEEKDAY_CHOICES,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=days,
            ),
            "week": forms.ChoiceField(
                label=f"{label}: " + str(_("rhythm")),
                choices=WEEK_CHOICES,
                required=False,
                initial=week,
            ),
            "from": forms.TimeField(
                label=f"{label}: " + str(_("from")),
                required=False,
                widget=TIME,
                initial=schedule.opens_at if schedule else None,
            ),
            "to": forms.TimeField(
                label=f"{label}: " + str(_("until")),
                required=False,
                widget=TIME,
                initial=schedule.closes_at if schedule else None,
            ),
            "note": forms.CharField(
                label=f"{label}: " + str(_("note")),
                required=False,
                max_length=300,
                initial=schedule.description if schedule else "",
            ),
        }
        if self.with_place:  # sessions: a rule instead of a note "nicht in den Schulferien"
            fields["holidays"] = forms.BooleanField(
                label=f"{label}: " + str(_("not during school holidays")),
                required=False,
                initial=schedule.skips_school_holidays if schedule else False,
            )
            fields["place"] = forms.ModelChoiceField(
                label=f"{label}: " + str(_("place")),
                queryset=Location.objects.for_alliance(self.alliance).order_by("name"),
                required=False,
                empty_label=_("(no place – a session of the offer itself)"),
                initial=(
                    schedule.offer_location.location_id
                    if schedule and schedule.offer_location_id
                    else None
                ),
            )
        for key, field in fields.items():
            self.fields[f"{name}_{key}"] = field
        self.schedule_rows.append(name)

    def clean_schedule_rows(self, cleaned) -> list[dict]:
        rows = []
        for name in self.schedule_rows:
            days = cleaned.get(f"{name}_days") or []
            opens, closes = cleaned.get(f"{name}_from"), cleaned.get(f"{name}_to")
            place = cleaned.get(f"{name}_place")
            filled = days or opens or closes or cleaned.get(f"{name}_note") or place
            if not filled:
                continue
            if not days:
                self.add_error(f"{name}_days", _("Choose at least one weekday."))
            if opens and closes and opens >= closes:
                self.add_error(f"{name}_to", _("The end must be after the start."))
            rows.append(
                {
                    "rrule": build_rule(days, cleaned.get(f"{name}_week") or ""),
                    "opens_at": opens,
                    "closes_at": closes,
                    "description": cleaned.get(f"{name}_note") or "",
                    "place": place,
                    **(
                        {"skips_school_holidays": bool(cleaned.get(f"{name}_holidays"))}
                        if self.with_place
                        else {}
                    ),
                }
            )
        return rows

    def _row_keys(self) -> list[str]:
        return ["days", "week", "from", "to", "note"] + (
            ["holidays", "place"] if self.with_place else []
        )

    @property
    def schedule_field_names(self) -> set[str]:
        return {f"{name}_{key}" for name in self.schedule_rows for key in self._row_keys()}

    @property
    def schedule_row_fields(self) -> list:
        """Bound fields per row, for the template."""
        return [[self[f"{name}_{key}"] for key in self._row_keys()] for name in self.schedule_rows]
