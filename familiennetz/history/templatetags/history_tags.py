"""``{% history_kind entry as kind %}``: the URL word of an entry's history page."""

from django import template

register = template.Library()

KINDS = {
    "directory.offer": "angebot",
    "directory.organisation": "organisation",
    "directory.location": "ort",
    "events.event": "termin",
}


@register.simple_tag
def history_kind(entry) -> str:
    return KINDS.get(entry._meta.label_lower, "")
