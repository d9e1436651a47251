"""Form helpers shared by the apps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms

if TYPE_CHECKING:
    _FormBase = forms.Form
else:
    _FormBase = object


class LenientFilterMixin(_FormBase):
    """For public filter forms whose URLs end up on flyers and in old bookmarks: a bad value
    is dropped and named, the page still renders with the rest."""

    def filters(self) -> dict:
        """The valid filters; invalid fields are left out (see ``ignored_fields``)."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None, [], False)
        }

    def ignored_fields(self) -> list[str]:
        """The labels of the fields whose values were dropped."""
        self.is_valid()
        return [str(self.fields[name].label or name) for name in self.errors if name in self.fields]
