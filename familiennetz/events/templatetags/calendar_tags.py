"""Template helpers for the calendar pages."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()
_SELECTED = mark_safe(" selected")


@register.simple_tag
def filter_select(bound_field, current):
    """A filter's ``<select>`` written directly: the same markup as Django's Select widget
    without rendering a template per option (the category list has ~50 options, and this is
    on every calendar page; see docs/performance.md)."""
    current = "" if current is None else str(current)
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, _SELECTED if str(value) == current else "", label)
            for value, label in bound_field.field.choices
        ),
    )
    return format_html(
        '<select name="{}" id="{}">{}</select>',
        bound_field.html_name,
        bound_field.id_for_label,
        options,
    )
