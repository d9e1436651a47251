"""Showing records' text in the page's language.

    {% load content_translations %}
    {% tr offer "name" %}                       → the translation, or the German text marked
                                                  lang="de" dir="ltr"
    {% tr offer "description" linebreaks=True %} → the same as paragraphs

The page's view puts a ``TranslationSet`` (``selectors.translation_set``) into the context as
``translations``; without one the German text is shown as it is.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def tr(context, obj, name: str, linebreaks: bool = False) -> SafeString:
    translations = context.get("translations")
    if obj is None:
        return SafeString("")
    if translations is None or translations.language is None:
        text = getattr(obj, name) or ""
        return linebreaks_filter(text, autoescape=True) if linebreaks else conditional_escape(text)
    shown = translations.get(obj, name)
    body = (
        linebreaks_filter(shown.text, autoescape=True)
        if linebreaks
        else conditional_escape(shown.text)
    )
    if shown.is_translated:  # in the page's language (Leichte Sprache: German, as the page)
        return body
    if not shown.text:
        return SafeString("")
    tag = "div" if linebreaks else "span"
    return format_html('<{} lang="de" dir="ltr" class="untranslated">{}</{}>', tag, body, tag)


@register.simple_tag(takes_context=True)
def tr_text(context, obj, name: str) -> str:
    """The text alone (for <title>, meta descriptions, attributes): translated or German."""
    translations = context.get("translations")
    if obj is None:
        return ""
    if translations is None or translations.language is None:
        return getattr(obj, name) or ""
    return translations.get(obj, name).text
