"""Template helpers of the workspace: the navigation (from the registry) and form fields."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template
from django.urls import reverse

from ..registry import registry

register = template.Library()


@dataclass
class NavItem:
    key: str
    label: str
    url: str
    current: bool
    count: int = 0


@dataclass
class NavSection:
    key: str
    label: str
    url: str
    current: bool = False
    items: list[NavItem] = field(default_factory=list)

    @property
    def show_label(self) -> bool:
        """A group of one page needs no heading (the page's label says it)."""
        return len(self.items) > 1


def _is_current(url_name: str, markers: tuple[str, ...]) -> bool:
    return any(f"-{marker}-" in f"-{url_name}-" for marker in markers)


@register.simple_tag(takes_context=True)
def workspace_nav(context) -> list[NavSection]:
    """The groups with the pages the user may open, in order; the current group is marked.
    Pages of a group that is not registered are not shown."""
    request = context["request"]
    alliance = context.get("alliance")
    user = request.user
    match = request.resolver_match
    current_name = match.url_name if match else ""
    sections: dict[str, NavSection] = {}
    for group in registry.sorted("groups"):
        sections[group.key] = NavSection(group.key, str(group.label), "")
    for entry in registry.sorted("nav"):
        if not user.has_perm(entry.permission, alliance):
            continue
        section = sections.get(entry.group)
        if section is None:
            continue
        url = reverse(entry.url_name, kwargs={"alliance_slug": alliance.slug})
        current = _is_current(current_name, entry.markers)
        count = entry.badge(request) if entry.badge else 0
        section.items.append(NavItem(entry.key, str(entry.label), url, current, count))
    shown = []
    for section in sections.values():
        if not section.items:
            continue
        section.url = section.items[0].url
        section.current = any(item.current for item in section.items)
        shown.append(section)
    return shown


@register.inclusion_tag("components/field.html", name="field")
def field_tag(bound_field, **attrs):
    return {"field": bound_field, **attrs}


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
