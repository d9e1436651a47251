"""Template helpers of participation."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from familiennetz.core import privacy

from ..languages import direction, html_lang

register = template.Library()


@register.filter
def lang_attrs(text) -> SafeString:
    """``lang``/``dir`` for a survey text that fell back to another language (languages.Text)."""
    if getattr(text, "fallback", False):
        return format_html(' lang="{}" dir="{}"', text.html_lang, text.dir)
    return mark_safe("")


@register.simple_tag
def ui_attrs(ui_lang: str, survey_lang: str) -> SafeString:
    """``lang``/``dir`` for the interface words inside a survey in another language."""
    if html_lang(survey_lang) != ui_lang:
        return format_html(' lang="{}" dir="{}"', ui_lang, direction(ui_lang))
    return mark_safe("")


@register.filter
def percent(share) -> str:
    """A share (0 … 1) as a German percentage; empty when hidden."""
    if share is None:
        return ""
    return f"{share * 100:.0f}\u202f%"


@register.filter
def decimal(value, places: int = 1) -> str:
    if value is None:
        return privacy.suppressed_label()
    return f"{value:.{int(places)}f}".replace(".", ",")


@register.filter
def face(position: int, size: int) -> str:
    """The picture of a smiley scale point: faces 1 (very sad) … 5 (very happy)."""
    position, size = int(position), int(size)
    if size <= 1:
        return "face-3"
    return f"face-{1 + round((position - 1) * 4 / (size - 1))}"


@register.filter
def bound(form, name: str):
    """``form[name]`` (a bound field by a name held in a variable)."""
    return form[name]
