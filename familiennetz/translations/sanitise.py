"""Hostile input: a translation is plain text, like the German text it stands for.

Markup is refused with an error naming the field (the pages escape everything anyway);
text from a machine translation service loses any tags; invisible direction overrides and
control characters, which can make a phone number or a link read differently, are removed.
"""

from __future__ import annotations

import re

from django.utils.html import strip_tags

# Bidirectional embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) and C0/C1
# control characters other than line breaks and tabs.
_INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Something that looks like an HTML tag, comment or entity-encoded tag.
_MARKUP = re.compile(r"<\s*[/!a-zA-Z]|&lt;\s*[/!a-zA-Z]|javascript:", re.IGNORECASE)


def clean_text(text: str) -> str:
    """Normalised plain text: line breaks unified, invisible controls removed, ends stripped."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text).strip()


def has_markup(text: str) -> bool:
    return bool(_MARKUP.search(text or ""))


def strip_markup(text: str) -> str:
    """For text that comes from elsewhere (a machine translation): tags removed."""
    return clean_text(strip_tags(text or ""))
