"""Sitemaps of one alliance's public guide (German pages with their English alternates)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Location, Offer, Organisation
from familiennetz.events.models import Event


class _AllianceSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    protocol = None  # the protocol of the request

    def __init__(self, alliance: Alliance):
        self.alliance = alliance


class PagesSitemap(_AllianceSitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["directory:home", "events:calendar", "interop:open-data"]

    def location(self, item):
        return reverse(item, kwargs={"alliance_slug": self.alliance.slug})


class _RecordSitemap(_AllianceSitemap):
    model = None
    changefreq = "weekly"

    def queryset(self):
        return self.model.objects.for_alliance(self.alliance)

    def items(self):
        return self.queryset().select_related("alliance").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class OfferSitemap(_RecordSitemap):
    model = Offer
    priority = 0.8

    def queryset(self):
        return super().queryset().published()


class OrganisationSitemap(_RecordSitemap):
    model = Organisation
    priority = 0.5


class LocationSitemap(_RecordSitemap):
    model = Location
    priority = 0.5


class EventSitemap(_RecordSitemap):
    model = Event
    priority = 0.6

    def queryset(self):
        return super().queryset().published()


def alliance_sitemaps(alliance: Alliance) -> dict[str, Sitemap]:
    return {
        "seiten": PagesSitemap(alliance),
        "angebote": OfferSitemap(alliance),
        "organisationen": OrganisationSitemap(alliance),
        "orte": LocationSitemap(alliance),
        "termine": EventSitemap(alliance),
    }
