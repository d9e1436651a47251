"""``{% history_kind entry as kind %}``: the URL word of an entry's history page."""

from django import template

from familiennetz.moderation.kinds import kind_or_none

register = template.Library()


@register.simple_tag
def history_kind(entry) -> str:
    entry_kind = kind_or_none(entry)
    return entry_kind.word if entry_kind else ""
