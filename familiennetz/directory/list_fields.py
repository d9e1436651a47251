"""Form fields for the open-data lists of entries (ADR 1540): funding sources and
organisation identifiers, edited as lines of text in the workspace and kept as JSON lists
(the shapes the HSDS import and export use)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_LINES = 20
MAX_LINE = 300
# A register code as HSDS organization_identifier.identifier_scheme uses them (org-id.guide
# style, e.g. DE-VR, DE-CR, GB-COH): no spaces. Empty: the source named no scheme.
SCHEME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")
LINE_ROWS = forms.Textarea(attrs={"rows": 3})


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _check_size(lines: list[str]) -> None:
    if len(lines) > MAX_LINES:
        raise ValidationError(
            _("At most %(n)d lines, please."), code="too_many", params={"n": MAX_LINES}
        )
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE:
            raise ValidationError(
                _("Line %(line)d is longer than %(n)d characters."),
                code="too_long",
                params={"line": number, "n": MAX_LINE},
            )


class LinesField(forms.CharField):
    """A list of texts, one per line (e.g. who funds an offer)."""

    widget = LINE_ROWS

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.pop("max_length", None)
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return [str(item) for item in value]
        lines = _lines(super().to_python(value))
        _check_size(lines)
        return lines

    def has_changed(self, initial, data) -> bool:
        return self.to_python(initial or []) != self.to_python(data)


class IdentifiersField(LinesField):
    """Organisation identifiers, one per line: ``scheme | identifier`` or
    ``scheme | identifier | kind`` (e.g. ``DE-VR | VR 1234 | Vereinsregister``)."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(
                " | ".join(
                    [
                        str(item.get("identifier_scheme") or ""),
                        str(item.get("identifier") or ""),
                        *([str(item["identifier_type"])] if item.get("identifier_type") else []),
                    ]
                ).strip()
                for item in value
                if isinstance(item, dict)
            )
        return value

    def to_python(self, value) -> list[dict]:
        if isinstance(value, list):
            return value
        lines = _lines(forms.CharField.to_python(self, value))
        _check_size(lines)
        result = []
        for number, line in enumerate(lines, start=1):
            parts = [part.strip() for part in line.split("|")]
            if len(parts) not in (2, 3) or not parts[1]:
                raise ValidationError(
                    _("Line %(line)d: write “register code | number”, e.g. “DE-VR | VR 1234”."),
                    code="format",
                    params={"line": number},
                )
            if parts[0] and not SCHEME.match(parts[0]):
                raise ValidationError(
                    _(
                        "Line %(line)d: “%(scheme)s” is not a register code "
                        "such as DE-VR or GB-COH."
                    ),
                    code="scheme",
                    params={"line": number, "scheme": parts[0]},
                )
            result.append(
                {
                    "identifier_scheme": parts[0] or None,
                    "identifier_type": parts[2][:100] if len(parts) == 3 else "",
                    "identifier": parts[1][:200],
                }
            )
        return result
