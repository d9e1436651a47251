"""The network's own pages in the content translations (``translations.registry``): the
Erste-Hilfe-Box's lines and the news. The transition page (Kita → school) joins here when
it exists."""

from __future__ import annotations

from familiennetz.translations.registry import TranslatableKind, register

from .models import HelpContact, NewsItem


def register_kinds() -> None:
    register(
        TranslatableKind(
            HelpContact, "erste-hilfe", ("name", "hours", "note"), perm="outreach.manage_outreach"
        )
    )
    register(
        TranslatableKind(
            NewsItem,
            "nachricht",
            ("title", "summary", "text"),
            perm="outreach.manage_outreach",
            name_field="title",
        )
    )
