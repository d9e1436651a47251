"""Template helpers for entries of any kind (``moderation/kinds.py``)."""

from django import template

from ..kinds import kind_or_none

register = template.Library()


@register.simple_tag
def entry_manage_url(entry) -> str:
    """The entry's page in the workspace ("" for anything that is not an entry)."""
    entry_kind = kind_or_none(entry)
    return entry_kind.manage_url(entry) if entry_kind else ""
