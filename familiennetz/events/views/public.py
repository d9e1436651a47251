"""Public family calendar: list/day/week/month views, event pages, .ics/RSS/Atom feeds.

No login, no cookies, works without JavaScript. Filters use the directory's German parameter
names (kategorie, alter, ortsteil, kostenlos, sprache, barrierefrei, wochentag) plus
organisation, von, bis, ansicht.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.core.cache import cache
from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe

from familiennetz.alliances import pagecache
from familiennetz.alliances.pagecache import cache_public_page
from familiennetz.directory.recurrence import describe_rule
from familiennetz.events import selectors
from familiennetz.events.feeds import (
    UpcomingEventsAtom,
    UpcomingEventsRss,
    build_calendar,
    ical_response,
    last_modified_of,
)
from familiennetz.events.forms import (
    SELECTION_PARAMS,
    VIEW_DAY,
    VIEW_LIST,
    VIEW_MONTH,
    VIEW_WEEK,
    VIEWS,
    EventFilterForm,
)
from familiennetz.events.jsonld import event_jsonld
from familiennetz.events.models import EventStatus
from familiennetz.events.occurrences import local_midnight
from familiennetz.translations.languages import page_language
from familiennetz.translations.selectors import page_translations, translation_set

public_cache = cache_control(public=True, max_age=300)

FEED_PAST_DAYS = 30
FEED_FUTURE_MONTHS = 12
RSS_LIMIT = 50
FEED_BODY_CACHE_SECONDS = 10 * 60
EVENT_PAGE_DATES = 10


@dataclass
class Chip:
    label: str
    remove_url: str


@dataclass
class Selection:
    """The parsed filter input of a calendar, feed or widget request."""

    form: EventFilterForm
    filters: dict
    ignored: list[str]
    organisation: object | None
    chips: list[Chip]  # what is selected (also in feeds, widget and subscriptions)
    when_chips: list[Chip]  # the date range of the list view

    def query(self, *, keep_when: bool = False, **changes) -> str:
        """Query string with the current selection (and, if asked, the date/view params)."""
        params = QueryDict(mutable=True)
        names = SELECTION_PARAMS + (["ansicht", "von", "bis"] if keep_when else [])
        for name in names:
            value = self.filters.get(name)
            if value in (None, "", False, []):
                continue
            if isinstance(value, list):
                params.setlist(name, [str(item) for item in value])
            else:
                params[name] = "on" if value is True else str(value)
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = str(value)
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else ""

    @property
    def description(self) -> str:
        return ", ".join(chip.label for chip in self.chips)


def _choice_label(form: EventFilterForm, name: str, value) -> str:
    return str(dict(form.fields[name].choices).get(value, value))


def _chips(request, form: EventFilterForm, filters: dict, organisation, names) -> list[Chip]:
    chips = []
    for name in names:
        if name not in filters:
            continue
        value = filters[name]
        if isinstance(value, list):  # one chip per chosen value (barrierefrei)
            for item in value:
                params = request.GET.copy()
                params.setlist(name, [v for v in params.getlist(name) if v != item])
                params.pop("seite", None)
                chips.append(Chip(_choice_label(form, name, item), f"?{params.urlencode()}"))
            continue
        params = request.GET.copy()
        params.pop(name, None)
        params.pop("seite", None)
        if name == "organisation":
            label = organisation.name if organisation else value
        elif name == "von":
            label = _("from %(date)s") % {"date": date_format(value, "SHORT_DATE_FORMAT")}
        elif name == "bis":
            label = _("until %(date)s") % {"date": date_format(value, "SHORT_DATE_FORMAT")}
        elif value is True:
            label = str(form.fields[name].label)
        else:
            label = _choice_label(form, name, value)
        chips.append(Chip(label, f"?{params.urlencode()}"))
    return chips


def read_selection(request, *, strict: bool = False) -> Selection:
    """Parse the filters. Pages drop a bad value and say so; with ``strict`` (feeds, widget)
    a bad selection value selects nothing, so a subscription or a partner's website never
    shows more than was asked for (e.g. after a category was renamed)."""
    alliance = request.alliance
    choices = pagecache.alliance_cached(
        alliance, "event-filter-choices", lambda: selectors.filter_choices(alliance=alliance)
    )
    form = EventFilterForm(request.GET or None, **choices)
    filters = form.filters() if form.is_bound else {}
    ignored = form.ignored_fields() if form.is_bound else []
    organisation = None
    if slug := filters.get("organisation"):
        organisation = selectors.organisation_get_for_filter(alliance=alliance, slug=slug)
        if organisation is None:
            filters.pop("organisation")
            ignored.append(str(form.fields["organisation"].label))
    if strict and form.is_bound:
        bad = {name for name in form.errors if name in SELECTION_PARAMS}
        if organisation is None and request.GET.get("organisation"):
            bad.add("organisation")
        if bad:
            filters[selectors.SELECT_NOTHING] = True
    return Selection(
        form,
        filters,
        ignored,
        organisation,
        _chips(request, form, filters, organisation, SELECTION_PARAMS),
        _chips(request, form, filters, organisation, ["von", "bis"]),
    )


def _when_query(request, **changes) -> str:
    params = request.GET.copy()
    params.pop("seite", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value.isoformat() if isinstance(value, dt.date) else str(value)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _subscription(request, selection: Selection) -> dict:
    alliance = request.alliance
    query = selection.query()
    ical = request.build_absolute_uri(
        reverse("events:calendar-ical", kwargs={"alliance_slug": alliance.slug}) + query
    )
    widget = request.build_absolute_uri(
        reverse("events:calendar-widget", kwargs={"alliance_slug": alliance.slug}) + query
    )
    snippet = request.build_absolute_uri(
        reverse("events:calendar-widget-snippet", kwargs={"alliance_slug": alliance.slug}) + query
    )
    rss = reverse("events:calendar-rss", kwargs={"alliance_slug": alliance.slug}) + query
    atom = reverse("events:calendar-atom", kwargs={"alliance_slug": alliance.slug}) + query
    return {
        "ical_url": ical,
        "webcal_url": "webcal://" + ical.split("://", 1)[1],
        "rss_url": rss,
        "atom_url": atom,
        "widget_url": widget,
        "snippet_url": snippet,
    }


@require_safe
@cache_public_page
@public_cache
def calendar(request):
    alliance = request.alliance
    selection = read_selection(request)
    filters = selection.filters
    today = timezone.localdate()
    view = filters.get("ansicht") or VIEW_LIST
    start = filters.get("von")
    context = {
        "selection": selection,
        "form": selection.form,
        "view": view,
        "views": VIEWS,
        "today": today,
        **_subscription(request, selection),
    }
    if view == VIEW_MONTH:
        month = (start or today).replace(day=1)
        grid = selectors.calendar_month(
            alliance=alliance, filters=filters, month=month, today=today
        )
        context.update(
            grid=grid,
            heading=date_format(month, "YEAR_MONTH_FORMAT"),
            prev_url=_when_query(request, von=month - relativedelta(months=1), bis=None),
            next_url=_when_query(request, von=month + relativedelta(months=1), bis=None),
            prev_label=_("Previous month"),
            next_label=_("Next month"),
            total=grid.total,
        )
    elif view in (VIEW_WEEK, VIEW_DAY):
        if view == VIEW_WEEK:
            first = (start or today) - dt.timedelta(days=(start or today).weekday())
            last, step = first + dt.timedelta(days=6), dt.timedelta(days=7)
            heading = _("%(first)s to %(last)s") % {
                "first": date_format(first, "MONTH_DAY_FORMAT"),
                "last": date_format(last, "DATE_FORMAT"),
            }
            prev_label, next_label = _("Previous week"), _("Next week")
        else:
            first = last = start or today
            step = dt.timedelta(days=1)
            heading = f"{date_format(first, 'l')}, {date_format(first, 'DATE_FORMAT')}"
            prev_label, next_label = _("Previous day"), _("Next day")
        days = selectors.calendar_days(
            alliance=alliance,
            filters=filters,
            first=first,
            last=last,
            per_day=selectors.WEEK_PER_DAY if view == VIEW_WEEK else selectors.DAY_LIMIT,
            today=today,
        )
        context.update(
            days=days,
            heading=heading,
            prev_url=_when_query(request, von=first - step, bis=None),
            next_url=_when_query(request, von=first + step, bis=None),
            prev_label=prev_label,
            next_label=next_label,
            total=sum(day.total for day in days),
        )
    else:
        first = start or today
        outcome = selectors.calendar_list(
            alliance=alliance,
            filters=filters,
            start=first,
            end=filters.get("bis"),
            page=filters.get("seite", 1),
        )
        context.update(
            outcome=outcome,
            days=outcome.days,
            total=outcome.total,
            heading=_("Upcoming events") if first == today and "bis" not in filters else "",
        )
    shown_days = context.get("days") or (grid.days if view == VIEW_MONTH else [])
    for day in shown_days:
        day.url = _when_query(request, ansicht=VIEW_DAY, von=day.date, bis=None)
    # The events' titles in the page's language where translated: one query for the view.
    context["translations"] = translation_set(
        language=page_language(get_language()),
        objects={entry.event for day in shown_days for entry in day.entries},
    )
    if view == VIEW_LIST:
        page = outcome.page
        if page.has_previous():
            context["page_prev_url"] = _when_query(request, seite=page.previous_page_number())
        if page.has_next():
            context["page_next_url"] = _when_query(request, seite=page.next_page_number())
    context.update(
        view_links=_view_links(selection, view, start, today),
        today_url=_when_query(request, von=None, bis=None),
        month_url=selection.query(ansicht=VIEW_MONTH) or "?ansicht=" + VIEW_MONTH,
        weekday_names=_weekday_names(),
        embed_code=_embed_code(context["widget_url"], request.alliance.name),
    )
    return render(request, "events/public/calendar.html", context)


def _weekday_names() -> list[tuple[str, str]]:
    monday = dt.date(2024, 1, 1)
    return [
        (date_format(day, "D"), date_format(day, "l"))
        for day in (monday + dt.timedelta(days=n) for n in range(7))
    ]


def _view_links(selection: Selection, view: str, start, today) -> list[tuple[str, str, bool]]:
    on_today = start in (None, today)
    return [
        (_("Upcoming"), selection.query(ansicht=VIEW_LIST), view == VIEW_LIST),
        (_("Today"), selection.query(ansicht=VIEW_DAY), view == VIEW_DAY and on_today),
        (_("This week"), selection.query(ansicht=VIEW_WEEK), view == VIEW_WEEK and on_today),
        (_("Month"), selection.query(ansicht=VIEW_MONTH), view == VIEW_MONTH),
    ]


def _embed_code(widget_url: str, name: str) -> str:
    title = _("Events – %(name)s") % {"name": name}
    return (
        f'<iframe src="{escape(widget_url)}" title="{escape(title)}" width="100%" height="480" '
        'loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox" '
        'style="border:0;max-width:40rem"></iframe>'
    )


def _feed_range(selection: Selection) -> tuple[dt.datetime, dt.datetime]:
    today = timezone.localdate()
    start = local_midnight(today - dt.timedelta(days=FEED_PAST_DAYS))
    end = local_midnight(today + relativedelta(months=FEED_FUTURE_MONTHS))
    if von := selection.filters.get("von"):
        start = max(start, local_midnight(von))
    if bis := selection.filters.get("bis"):
        end = min(end, local_midnight(bis + dt.timedelta(days=1)))
    return start, max(start, end)


def _calendar_name(request, selection: Selection) -> str:
    name = _("%(alliance)s – family calendar") % {"alliance": request.alliance.name}
    return f"{name} ({selection.description})" if selection.chips else name


def _build_calendar_feed(request) -> tuple[bytes, dt.datetime | None]:
    selection = read_selection(request, strict=True)
    start, end = _feed_range(selection)
    entries = selectors.occurrence_list_for_feed(
        alliance=request.alliance,
        filters=selection.filters,
        start=start,
        end=end,
        limit=selectors.FEED_LIMIT,
    )
    body = build_calendar(
        entries,
        request.build_absolute_uri,
        name=_calendar_name(request, selection),
        description=_("Events for families. Changes and cancellations update automatically."),
    )
    return body, last_modified_of(entries, floor=local_midnight(timezone.localdate()))


@require_safe
def calendar_ical(request):
    """Subscription feed for any filter combination (webcal:// or https://).

    Phones poll these often, so the body is cached for a few minutes under a key that changes
    whenever anything of the alliance changes (its content version, alliances/pagecache.py).
    """
    if not pagecache.usable(request):
        cached = _build_calendar_feed(request)
    else:
        key = pagecache.cache_key(request, prefix="events:ics")
        cached = cache.get(key)
        if cached is None:
            cached = _build_calendar_feed(request)
            cache.set(key, cached, FEED_BODY_CACHE_SECONDS)
    body, last_modified = cached
    return ical_response(
        request,
        body,
        last_modified=last_modified,
        filename=f"{request.alliance.slug}-kalender.ics",
    )


def _rss_entries(request, selection: Selection):
    now = timezone.now()
    return selectors.occurrence_list_for_feed(
        alliance=request.alliance,
        filters=selection.filters,
        start=now,
        end=now + relativedelta(months=FEED_FUTURE_MONTHS),
        limit=RSS_LIMIT,
    )


@require_safe
@condition(etag_func=pagecache.version_etag)
@cache_public_page
def calendar_rss(request):
    selection = read_selection(request, strict=True)
    link = reverse("events:calendar", kwargs={"alliance_slug": request.alliance.slug})
    return UpcomingEventsRss(
        alliance=request.alliance,
        entries=_rss_entries(request, selection),
        link=link + selection.query(),
        title_suffix=selection.description,
    )(request)


@require_safe
@condition(etag_func=pagecache.version_etag)
@cache_public_page
def calendar_atom(request):
    selection = read_selection(request, strict=True)
    link = reverse("events:calendar", kwargs={"alliance_slug": request.alliance.slug})
    return UpcomingEventsAtom(
        alliance=request.alliance,
        entries=_rss_entries(request, selection),
        link=link + selection.query(),
        title_suffix=selection.description,
    )(request)


# --- event page ----------------------------------------------------------------------------


def _selected_date(request, event):
    upcoming = selectors.event_dates_upcoming(event=event, limit=EVENT_PAGE_DATES)
    selected = None
    if "termin" in request.GET:
        selected = selectors.event_date_get(event=event, pk=request.GET["termin"])
    if selected is None:
        selected = upcoming[0] if upcoming else selectors.event_date_last(event=event)
    return selected, upcoming


def _status_in_notice(event, selected) -> bool:
    """Whether the notice at the top of the event page already tells the selected date's
    status (then the "When" row does not repeat it)."""
    if selected is None:
        return False
    if event.event_status != EventStatus.SCHEDULED:
        return selected.status == event.event_status
    return not selected.is_scheduled


@require_safe
@cache_public_page
def event_detail(request, slug: str):
    alliance = request.alliance
    event = selectors.event_get_public(alliance=alliance, slug=slug)
    selected, upcoming = _selected_date(request, event)
    ical_base = reverse("events:event-ical", kwargs={"alliance_slug": alliance.slug, "slug": slug})
    context = {
        "event": event,
        "selected": selected,
        "upcoming": upcoming,
        "upcoming_total": selectors.event_date_count_upcoming(event=event),
        "age_label": selectors.age_label(event),
        "jsonld": event_jsonld(selected, request.build_absolute_uri) if selected else None,
        "page_url": request.build_absolute_uri(event.get_absolute_url()),
        "ical_url": ical_base,
        "ical_date_url": f"{ical_base}?termin={selected.pk}"
        if selected and selected.pk
        else ical_base,
        "calendar_url": reverse("events:calendar", kwargs={"alliance_slug": alliance.slug}),
        "rule_text": (
            _("Repeats: %(rule)s") % {"rule": describe_rule(event.rrule)} if event.rrule else ""
        ),
        "date_status_in_notice": _status_in_notice(event, selected),
        **page_translations(language=page_language(get_language()), main=event),
    }
    response = render(request, "events/public/event_detail.html", context)
    if event.requires_registration:
        # The registration panel carries a form: never let a shared cache keep the page.
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
    return response


@require_safe
def event_ical(request, slug: str):
    """'Add to my calendar': one date (?termin=<id>) or all upcoming dates of the event."""
    event = selectors.event_get_public(alliance=request.alliance, slug=slug)
    if "termin" in request.GET:
        selected = selectors.event_date_get(event=event, pk=request.GET["termin"])
        entries = [selected] if selected else []
    else:
        today = timezone.localdate()
        entries = selectors.event_dates_for_export(
            event=event,
            start=local_midnight(today),
            end=local_midnight(today + relativedelta(months=FEED_FUTURE_MONTHS)),
        )
    if not entries:
        last = selectors.event_date_last(event=event)
        entries = [last] if last else []
    body = build_calendar(entries, request.build_absolute_uri, name=event.title)
    return ical_response(
        request,
        body,
        last_modified=last_modified_of(entries, floor=event.updated_at),
        filename=f"{event.slug}.ics",
        attachment=True,
    )
