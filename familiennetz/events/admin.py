"""Django admin for the calendar: events with their dates, holidays, import sources.

Saving an event (or a holiday period) materialises the dates through the services; editing a
date in the inline marks it as changed so regeneration keeps it. Registrations have their own
admin (registration work).
"""

from __future__ import annotations

import datetime as dt
import json

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import occurrences as rec
from .models import CalendarSource, Event, EventStatus, HolidayPeriod, Occurrence
from .registration import registrations_notify_date_change
from .services import (
    alliance_holidays_changed,
    event_set_status,
    event_status_change_date_ids,
    event_sync_occurrences,
    occurrence_reset,
)

INLINE_PAST = dt.timedelta(days=30)
INLINE_FUTURE = dt.timedelta(days=366)


class EventAdminForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["rrule", "rdates", "exdates"]  # the admin adds its fieldsets

    def clean_rrule(self) -> str:
        try:
            return rec.validate_rrule(self.cleaned_data.get("rrule", ""))
        except rec.RecurrenceError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def _clean_dates(self, name: str) -> list[str]:
        try:
            return rec.validate_date_list(self.cleaned_data.get(name))
        except rec.RecurrenceError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_rdates(self) -> list[str]:
        return self._clean_dates("rdates")

    def clean_exdates(self) -> list[str]:
        return self._clean_dates("exdates")

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("An event cannot end before it starts."))
        if cleaned.get("image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        low, high = cleaned.get("age_min_months"), cleaned.get("age_max_months")
        if low is not None and high is not None and low > high:
            self.add_error(
                "age_max_months", _("The maximum age must not be below the minimum age.")
            )
        return cleaned


class OccurrenceInline(admin.TabularInline):
    model = Occurrence
    extra = 0
    can_delete = False
    fields = [
        "original_start",
        "starts_at",
        "ends_at",
        "event_status",
        "status_note",
        "is_modified",
    ]
    readonly_fields = ["original_start"]
    ordering = ["starts_at"]
    verbose_name_plural = _("dates (30 days back to 12 months ahead; change one to keep it)")

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # add dates with "additional dates" (RDATE) on the event

    def get_queryset(self, request):
        now = timezone.now()
        return (
            super()
            .get_queryset(request)
            .filter(starts_at__gte=now - INLINE_PAST, starts_at__lt=now + INLINE_FUTURE)
        )


@admin.action(description=_("Regenerate the dates of the selected events"))
def regenerate_dates(modeladmin, request, queryset):
    total = 0
    for event in queryset.select_related("alliance"):
        result = event_sync_occurrences(event=event)
        total += result.created + result.updated + result.deleted
    modeladmin.message_user(
        request,
        ngettext("%(n)d date changed.", "%(n)d dates changed.", total) % {"n": total},
        messages.SUCCESS,
    )


@admin.action(description=_("Cancel the selected events (all dates)"))
def cancel_events(modeladmin, request, queryset):
    for event in queryset:
        event_set_status(event=event, event_status=EventStatus.CANCELLED, note=event.status_note)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventAdminForm
    list_display = [
        "title",
        "organisation",
        "starts_at",
        "rrule",
        "event_status",
        "status",
        "requires_registration",
        "alliance",
    ]
    list_filter = [
        "alliance",
        "status",
        "event_status",
        "requires_registration",
        "is_free",
        "skips_school_holidays",
        "is_all_day",
        ("categories", admin.RelatedOnlyFieldListFilter),
        ("source", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "summary", "description", "organisation__name", "uid", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisation", "offer", "location", "categories", "languages"]
    list_select_related = ["organisation", "alliance"]
    date_hierarchy = "starts_at"
    inlines = [OccurrenceInline]
    actions = [regenerate_dates, cancel_events]
    readonly_fields = ["uid", "source", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["alliance", "organisation", "offer", "title", "slug", "status"]}),
        (_("Text"), {"fields": ["summary", "description", "image", "image_alt"]}),
        (
            _("When"),
            {
                "fields": [
                    "starts_at",
                    "ends_at",
                    "is_all_day",
                    "rrule",
                    "rdates",
                    "exdates",
                    "skips_school_holidays",
                ],
                "description": _(
                    "Times are local (Europe/Berlin). Rule examples: FREQ=WEEKLY;BYDAY=TU "
                    "(every Tuesday), FREQ=MONTHLY;BYDAY=2TU (2nd Tuesday of the month), "
                    "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1 (last Friday). Additional and excluded "
                    'dates: a list such as ["2027-03-10T15:00", "2027-04-06"].'
                ),
            },
        ),
        (_("Where"), {"fields": ["location", "online_url"]}),
        (
            _("For whom"),
            {
                "fields": [
                    "categories",
                    "for_pregnancy",
                    "age_min_months",
                    "age_max_months",
                    "is_free",
                    "fee_description",
                    "languages",
                    "accessibility_notes",
                ]
            },
        ),
        (_("Status"), {"fields": ["event_status", "status_note", "last_checked_at"]}),
        (
            _("Registration"),
            {
                "fields": [
                    "requires_registration",
                    "capacity",
                    "has_waiting_list",
                    "registration_closes_hours",
                ]
            },
        ),
        (_("Import"), {"fields": ["uid", "source", "created_at", "updated_at"]}),
    ]

    # Registrants hear about every date that was moved, cancelled or reinstated by one save,
    # once: the dates are collected on the form while saving and notified at the end.
    _NOTIFY = "_dates_to_notify"
    _DATE_FIELDS = {"starts_at", "ends_at", "event_status"}

    def save_formset(self, request, form, formset, change):
        if formset.model is not Occurrence:
            return super().save_formset(request, form, formset, change)
        back_to_series = []
        notify = getattr(form, self._NOTIFY, set())
        for inline_form in formset.forms:
            if not inline_form.has_changed():
                continue
            if "is_modified" in inline_form.changed_data and not inline_form.cleaned_data.get(
                "is_modified"
            ):
                back_to_series.append(inline_form.instance)
            else:
                inline_form.instance.is_modified = True  # kept on regeneration
                if self._DATE_FIELDS & set(inline_form.changed_data):
                    notify.add(inline_form.instance.pk)
        formset.save()
        for occurrence in back_to_series:
            occurrence_reset(occurrence=occurrence)  # tells registrants itself
        setattr(form, self._NOTIFY, notify)
        return None

    def save_related(self, request, form, formsets, change):
        setattr(form, self._NOTIFY, set())
        super().save_related(request, form, formsets, change)
        notify = getattr(form, self._NOTIFY)
        result = event_sync_occurrences(event=form.instance, notify=False)
        notify |= result.changed_ids
        if change and "event_status" in form.changed_data:
            notify |= set(
                event_status_change_date_ids(
                    event=form.instance,
                    old_status=form.initial.get("event_status", EventStatus.SCHEDULED),
                    new_status=form.instance.event_status,
                )
            )
        registrations_notify_date_change(occurrence_ids=notify)


@admin.register(HolidayPeriod)
class HolidayPeriodAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on", "alliance"]
    list_filter = ["alliance"]
    search_fields = ["name"]
    date_hierarchy = "starts_on"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        alliance_holidays_changed(alliance=obj.alliance)

    def delete_model(self, request, obj):
        alliance = obj.alliance
        super().delete_model(request, obj)
        alliance_holidays_changed(alliance=alliance)

    def delete_queryset(self, request, queryset):
        alliances = {period.alliance for period in queryset.select_related("alliance")}
        super().delete_queryset(request, queryset)
        for alliance in alliances:
            alliance_holidays_changed(alliance=alliance)


@admin.register(CalendarSource)
class CalendarSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "url", "last_imported_at", "alliance"]
    list_filter = ["alliance", "publish_automatically"]
    search_fields = ["name", "url", "organisation__name"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["last_imported_at", "report"]
    exclude = ["last_report"]

    @admin.display(description=_("last import report"))
    def report(self, obj: CalendarSource):
        report = obj.last_report or {}
        if not report:
            return _("No import yet.")
        text = report.get("text") or report.get("error") or ""
        return format_html(
            "<pre>{}</pre><details><summary>{}</summary><pre>{}</pre></details>",
            text,
            _("All details (JSON)"),
            json.dumps(report, ensure_ascii=False, indent=2),
        )


from . import registration_admin  # noqa: E402, F401
