"""The map's own base layer (issue 16): without a tile server the guide's maps load the
alliance's districts with their names and its outline from our own data
(``directory:map-base``), so that a parent sees where the pins are and no request leaves the
server. The page itself runs no query for it."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def map_base_url(context) -> str:
    """The base layer's address, when no tile server is configured ("" otherwise)."""
    alliance = context.get("alliance")
    if settings.MAP_TILE_URL or alliance is None:
        return ""
    return reverse("directory:map-base", kwargs={"alliance_slug": alliance.slug})
