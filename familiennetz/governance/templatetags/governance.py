"""Template helpers of governance."""

from django import template

from ..services.budgets import euro as _euro

register = template.Library()


@register.filter
def model_name(obj) -> str:
    return obj._meta.model_name if obj is not None and hasattr(obj, "_meta") else ""


@register.filter
def euro(value) -> str:
    return _euro(value)
