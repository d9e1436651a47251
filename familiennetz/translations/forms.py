"""The side-by-side form: one text field per translatable field of a record (validation of
input only; the rules are in ``services.validate_texts``)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import languages, services
from .registry import TranslatableKind


class TranslationForm(forms.Form):
    def __init__(self, *args, kind: TranslatableKind, obj, language: str, rows: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind, self.obj, self.language = kind, obj, language
        self.rows = rows
        direction = languages.direction(language)
        for name in kind.fields:
            row = rows.get(name)
            initial = row.text if row else ""
            if row is not None and row.is_proposed:
                initial = row.proposed_text
            widget = (
                forms.Textarea(attrs={"rows": 6})
                if kind.is_long(name)
                else forms.TextInput(attrs={"maxlength": kind.max_length(name)})
            )
            widget.attrs.update({"lang": languages.html_lang(language), "dir": direction})
            self.fields[name] = forms.CharField(
                label=kind.field_label(name),
                required=False,
                initial=initial,
                widget=widget,
                strip=False,
            )
            self.fields[f"{name}__checked"] = forms.BooleanField(
                label=_("Checked: still matches the German text"), required=False
            )

    def pairs(self):
        """(German text, translation field, checked box, row) per translatable field."""
        for name in self.kind.fields:
            yield (
                getattr(self.obj, name) or "",
                self[name],
                self[f"{name}__checked"],
                self.rows.get(name),
            )

    def clean(self):
        cleaned = super().clean()
        try:
            cleaned["texts"] = services.validate_texts(
                obj=self.obj, language=self.language, texts=self.texts()
            )
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        return cleaned

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") or "" for name in self.kind.fields}

    def confirmed(self) -> set[str]:
        return {name for name in self.kind.fields if self.cleaned_data.get(f"{name}__checked")}
