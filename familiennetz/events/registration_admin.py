"""Django admin for registrations: the organisers' participant list until the workspace (issue 4).

Registered from ``events/admin.py`` (``from . import registration_admin``). Seats are only ever
changed through the services in ``events/registration.py``: state and numbers of places are
read-only here, cancelling and deleting go through the seat accounting and move people up from
the waiting list.
"""

from __future__ import annotations

import csv
import datetime as dt

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from familiennetz.core.spreadsheet import neutralise_row

from . import registration as services
from .models import Occurrence, Registration

State = Registration.State
STATE_ORDER = Case(
    When(state=State.CONFIRMED, then=Value(0)),
    When(state=State.WAITING, then=Value(1)),
    When(state=State.PENDING, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def _local(value: dt.datetime | None, fmt: str = "%d.%m.%Y %H:%M") -> str:
    return timezone.localtime(value).strftime(fmt) if value else ""


def participants_csv(queryset, *, filename: str) -> HttpResponse:
    """The participant list as CSV for Excel: UTF-8 with BOM, semicolons (German Excel),
    headers in the site language, one block per date, confirmed first."""
    registrations = queryset.select_related("occurrence__event").order_by(
        "occurrence__starts_at", "occurrence_id", STATE_ORDER, "confirmed_at", "created_at", "pk"
    )
    field = Registration._meta.get_field
    with translation.override(settings.LANGUAGE_CODE):
        header = [
            gettext("Event"),
            pgettext("event", "Date"),
            gettext("Time"),
            capfirst(field("state").verbose_name),
            capfirst(field("name").verbose_name),
            capfirst(field("email").verbose_name),
            capfirst(field("adults").verbose_name),
            capfirst(field("children").verbose_name),
            pgettext("seats", "Places"),
            capfirst(field("note").verbose_name),
            gettext("Registered at"),
            capfirst(field("confirmed_at").verbose_name),
            capfirst(field("cancelled_at").verbose_name),
        ]
        rows = [
            [
                registration.occurrence.event.title,
                _local(registration.occurrence.starts_at, "%d.%m.%Y"),
                _local(registration.occurrence.starts_at, "%H:%M"),
                registration.get_state_display(),
                registration.name,
                registration.email,
                registration.adults,
                registration.children,
                registration.places,
                registration.note,
                _local(registration.created_at),
                _local(registration.confirmed_at),
                _local(registration.cancelled_at),
            ]
            for registration in registrations
        ]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # BOM: Excel then reads UTF-8 (umlauts) correctly
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(neutralise_row(row))
    return response


class EventFilter(admin.SimpleListFilter):
    title = _("event")
    parameter_name = "event"

    def lookups(self, request, model_admin):
        events = (
            model_admin.get_queryset(request)
            .order_by()
            .values_list("occurrence__event_id", "occurrence__event__title")
            .distinct()
        )
        return sorted(events, key=lambda item: item[1].casefold())

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(occurrence__event_id=self.value())
        return queryset


class OccurrenceFilter(admin.SimpleListFilter):
    """Dates that have registrations, in local time; narrowed to the chosen event."""

    title = pgettext_lazy("event", "date")
    parameter_name = "occurrence"

    def lookups(self, request, model_admin):
        registrations = model_admin.get_queryset(request)
        event_id = request.GET.get(EventFilter.parameter_name)
        if event_id:
            registrations = registrations.filter(occurrence__event_id=event_id)
        dates = (
            Occurrence.objects.filter(pk__in=registrations.values("occurrence_id"))
            .select_related("event")
            .order_by("starts_at")
        )
        return [
            (str(occurrence.pk), f"{_local(occurrence.starts_at)} – {occurrence.event.title}")
            for occurrence in dates
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(occurrence_id=self.value())
        return queryset


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "event_title",
        "occurrence_start",
        "display_name",
        "email",
        "adults",
        "children",
        "state",
        "created_at",
        "confirmed_at",
    ]
    list_display_links = ["id", "display_name"]
    list_filter = [EventFilter, OccurrenceFilter, "state", "alliance"]
    list_select_related = ["occurrence__event"]
    search_fields = ["name", "email", "occurrence__event__title"]
    ordering = ["occurrence__starts_at", STATE_ORDER.asc(), "confirmed_at", "pk"]
    list_per_page = 100
    actions = ["export_csv", "cancel_registrations", "fill_from_waiting_list"]
    fields = [
        "event_title",
        "occurrence_start",
        "name",
        "email",
        "adults",
        "children",
        "note",
        "language",
        "state",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "reminded_at",
    ]
    readonly_fields = [
        "event_title",
        "occurrence_start",
        "adults",
        "children",
        "language",
        "state",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "reminded_at",
    ]

    def has_add_permission(self, request):
        # Families register through the public form (double opt-in, seat accounting).
        return False

    @admin.display(description=_("event"), ordering="occurrence__event__title")
    def event_title(self, registration):
        return registration.occurrence.event.title

    @admin.display(description=pgettext_lazy("event", "date"), ordering="occurrence__starts_at")
    def occurrence_start(self, registration):
        return _local(registration.occurrence.starts_at)

    @admin.display(description=_("name"), ordering="name")
    def display_name(self, registration):
        return registration.name or gettext("(deleted)")

    @admin.action(description=_("Export participant list (CSV for Excel)"))
    def export_csv(self, request, queryset):
        dates = list(
            queryset.order_by()
            .values_list("occurrence__event__slug", "occurrence__starts_at")
            .distinct()[:2]
        )
        if len(dates) == 1:
            slug, starts_at = dates[0]
            name = f"teilnehmende-{slugify(slug)}-{_local(starts_at, '%Y-%m-%d')}.csv"
        else:
            name = f"teilnehmende-{timezone.localdate():%Y-%m-%d}.csv"
        return participants_csv(queryset, filename=name)

    @admin.action(description=_("Cancel selected registrations (e-mails them, moves people up)"))
    def cancel_registrations(self, request, queryset):
        cancelled = promoted = 0
        for pk in queryset.exclude(state=State.CANCELLED).values_list("pk", flat=True):
            outcome = services.registration_cancel(registration_id=pk)
            cancelled += outcome.changed
            promoted += len(outcome.promoted)
        self.message_user(
            request,
            ngettext(
                "%(cancelled)d registration cancelled, %(promoted)d moved up from the "
                "waiting list.",
                "%(cancelled)d registrations cancelled, %(promoted)d moved up from the "
                "waiting list.",
                cancelled,
            )
            % {"cancelled": cancelled, "promoted": promoted},
            messages.SUCCESS,
        )

    @admin.action(description=_("Fill free places from the waiting list"))
    def fill_from_waiting_list(self, request, queryset):
        promoted = 0
        for occurrence_id in queryset.order_by().values_list("occurrence_id", flat=True).distinct():
            promoted += len(services.registration_promote_waiting(occurrence_id=occurrence_id))
        self.message_user(
            request,
            ngettext(
                "%(count)d registration moved up from the waiting list.",
                "%(count)d registrations moved up from the waiting list.",
                promoted,
            )
            % {"count": promoted},
            messages.SUCCESS,
        )

    # Deleting frees places like cancelling: move people up afterwards.
    def delete_model(self, request, obj):
        occurrence_id = obj.occurrence_id
        super().delete_model(request, obj)
        services.registration_promote_waiting(occurrence_id=occurrence_id)

    def delete_queryset(self, request, queryset):
        occurrence_ids = set(queryset.values_list("occurrence_id", flat=True))
        super().delete_queryset(request, queryset)
        for occurrence_id in occurrence_ids:
            services.registration_promote_waiting(occurrence_id=occurrence_id)
