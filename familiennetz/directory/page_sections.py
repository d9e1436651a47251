"""Sections other apps add to the guide's pages (the calendar's next dates on the home page
and on an offer, the events of an organisation, the dates a search finds, …), so the
directory never imports them.

    # familiennetz/events/guide_sections.py
    add_section("offer", PageSection("offer-dates", "events/public/_offer_dates.html",
                                     lambda request, offer: {"offer_dates": …}, order=10))

The page template includes each section's template at its place with the section's context
(``None`` from ``context`` hides the section).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

PAGES = ("home", "offer", "organisation", "location", "search")


@dataclass(frozen=True)
class PageSection:
    key: str
    template: str
    context: Callable[[HttpRequest, Any], dict | None]
    order: int = 100


_sections: dict[str, dict[str, PageSection]] = {page: {} for page in PAGES}


def add_section(page: str, section: PageSection) -> PageSection:
    _sections[page][section.key] = section
    return section


def sections_for(page: str, request: HttpRequest, obj=None) -> list[tuple[PageSection, dict]]:
    """The sections of ``page`` that have something to show, in order, with their context."""
    shown = []
    for section in sorted(_sections[page].values(), key=lambda s: (s.order, s.key)):
        context = section.context(request, obj)
        if context is not None:
            shown.append((section, context))
    return shown
