"""Form widgets that render in Python instead of one template per option.

The public filter forms have selects with 100–200 options (categories, districts, starting
places); Django renders each ``<option>`` through its own template include, which was a
quarter of the search page's time. ``FastSelect`` writes the same markup directly.
"""

from __future__ import annotations

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


def flat_attrs(attrs: dict) -> str:
    """HTML attributes as Django's ``attrs.html`` writes them (True: bare, False: left out)."""
    parts = []
    for name, value in attrs.items():
        if value is False or value is None:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


class FastSelect(forms.Select):
    """``forms.Select`` with the markup of Django's templates, rendered in Python."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [format_html('<select name="{}"', widget["name"]), flat_attrs(widget["attrs"]), ">"]
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                html.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in group_choices:
                html.append(format_html('\n  <option value="{}"', str(option["value"])))
                html.append(flat_attrs(option["attrs"]))
                html.append(format_html(">{}</option>\n", option["label"]))
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))


def use_fast_selects(form: forms.Form) -> None:
    """Swap the plain ``Select`` widgets of a form for ``FastSelect``."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            fast = FastSelect(attrs=field.widget.attrs, choices=field.widget.choices)
            fast.is_required = field.widget.is_required
            field.widget = fast
