"""Template helpers shared by all apps."""

import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from familiennetz.core.privacy import display

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """[(code, native name, url, is_current)] for the language switch; no cookie needed."""
    request = context["request"]
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.get_full_path(), code)
        links.append((code, get_language_info(code)["name_local"], url, code == current))
    return links


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """[(hreflang, absolute url)] of this page in every interface language plus x-default
    (the German page without a prefix), query string kept; for <link rel="alternate">."""
    request = context.get("request")
    if request is None:
        return []
    alternates = [
        (code, request.build_absolute_uri(url))
        for code, _name, url, _cur in language_links(context)
    ]
    return [*alternates, ("x-default", dict(alternates)[settings.LANGUAGE_CODE])]


@register.filter
def jsonld(data) -> str:
    """Serialise for a <script type="application/ld+json"> block, safe against </script>."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def km(value) -> str:
    if value is None:
        return ""
    if value < 1:
        return format_html("{} m", int(round(value * 1000, -1)))
    return format_html("{} km", number_format(value, 1))


@register.filter
def tel(value: str) -> str:
    """A phone number as a tel: URI ("0371 123-45" -> "tel:+4937112345")."""
    digits = "".join(ch for ch in value if ch.isdigit() or ch == "+")
    if digits.startswith("0") and not digits.startswith("00"):
        digits = "+49" + digits[1:]
    return f"tel:{digits}"


@register.filter
def privacy_count(value) -> str:
    """A count about people as it may be shown: the number, or "<5" when it is hidden."""

    return display(value)
