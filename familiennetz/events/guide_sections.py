"""The calendar's parts of the guide's pages (``directory/page_sections.py``)."""

from familiennetz.directory.page_sections import PageSection, add_section

from . import selectors


def _next_events(request, _obj):
    events = selectors.occurrence_list_next(alliance=request.alliance)
    return {"next_events": events} if events else None


def _offer_dates(request, offer):
    dates = selectors.occurrence_list_for_offer(offer=offer)
    return {"offer_dates": dates} if dates else None


def _organisation_events(request, organisation):
    if not organisation.events.filter(status="published").exists():
        return None
    return {"organisation": organisation}


def _search_dates(request, outcome):
    if not outcome.query:
        return None
    dates = selectors.occurrence_list_matching(alliance=request.alliance, query=outcome.query)
    return {"search_dates": dates, "query": outcome.query} if dates else None


def register() -> None:
    add_section(
        "search", PageSection("search-dates", "events/public/_search_dates.html", _search_dates)
    )
    add_section("home", PageSection("next-events", "events/public/_next_events.html", _next_events))
    add_section(
        "offer", PageSection("offer-dates", "events/public/_offer_dates.html", _offer_dates)
    )
    add_section(
        "organisation",
        PageSection(
            "organisation-events", "events/public/_organisation_events.html", _organisation_events
        ),
    )
