"""``{{ entry|freshness }}``: "ok", "due" or "expired" for an entry with ``last_checked_at``."""

from django import template

from ..review_cycle import entry_state

register = template.Library()


@register.filter
def freshness(entry) -> str:
    return entry_state(entry)
