"""Template helpers of the workspace: the navigation and form fields."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@dataclass
class NavItem:
    label: str
    url: str
    current: bool
    count: int = 0


# (url name, label, permission, the url names that mark it current)
def _nav_spec():
    return [
        ("alliances:manage-dashboard", _("Overview"), "alliances.view_workspace", ("dashboard",)),
        ("directory:manage-offer-list", _("Offers"), "directory.view_entries", ("offer",)),
        (
            "directory:manage-organisation-list",
            _("Organisations"),
            "directory.view_entries",
            ("organisation",),
        ),
        ("directory:manage-location-list", _("Places"), "directory.view_entries", ("location",)),
        (
            "events:manage-event-list",
            _("Events"),
            "directory.view_entries",
            ("event", "participant"),
        ),
        ("moderation:manage-review-list", _("Review"), "moderation.review", ("review",)),
        (
            "interop:manage-import",
            _("Import and export"),
            "interop.import_data",
            ("import", "export"),
        ),
        ("alliances:manage-member-list", _("Members"), "alliances.manage_members", ("member",)),
        (
            "alliances:manage-settings",
            _("Settings"),
            "alliances.change_settings",
            ("settings",),
        ),
    ]


@register.simple_tag(takes_context=True)
def workspace_nav(context) -> list[NavItem]:
    request = context["request"]
    alliance = context.get("alliance")
    user = request.user
    match = request.resolver_match
    current_name = match.url_name if match else ""
    items = []
    for name, label, perm, markers in _nav_spec():
        if not user.has_perm(perm, alliance):
            continue
        count = 0
        if name == "moderation:manage-review-list":
            from familiennetz.moderation.selectors import review_count_pending

            count = review_count_pending(alliance=alliance)
        current = any(f"-{marker}-" in f"-{current_name}-" for marker in markers)
        items.append(
            NavItem(label, reverse(name, kwargs={"alliance_slug": alliance.slug}), current, count)
        )
    return items


@register.inclusion_tag("components/field.html")
def field(bound_field, **attrs):
    return {"field": bound_field, **attrs}


@register.filter
def freshness(entry) -> str:
    """ "ok", "due" or "expired" for an entry with ``last_checked_at``."""
    from familiennetz.freshness.selectors import entry_state

    return entry_state(entry)


@register.simple_tag
def history_kind(entry) -> str:
    return {
        "directory.offer": "angebot",
        "directory.organisation": "organisation",
        "directory.location": "ort",
        "events.event": "termin",
    }.get(entry._meta.label_lower, "")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
