"""Print and QR links on the guide's offer and place pages (``directory/page_sections.py``)."""

from familiennetz.directory.page_sections import PageSection, add_section


def _offer_print(request, offer):
    return {"target": offer.get_absolute_url(), "offer": offer, "place_slug": ""}


def _place_print(request, location):
    return {"target": location.get_absolute_url(), "offer": None, "place_slug": location.slug}


def register() -> None:
    add_section(
        "offer",
        PageSection("outreach-print", "outreach/public/_print_links.html", _offer_print, 90),
    )
    add_section(
        "location",
        PageSection("outreach-print", "outreach/public/_print_links.html", _place_print, 90),
    )
