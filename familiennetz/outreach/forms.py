"""Forms of the network's pages: Erste-Hilfe-Box lines, rallies and their stations, QR codes."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from familiennetz.core import files
from familiennetz.directory.models import Location, Offer

from .models import HelpContact, NewsItem, Rally, RallyStation, TransitionStep

PHONE_CHARS = re.compile(r"^\+?[0-9 ()/\-–.]+$")
MARKUP = re.compile(r"[<>]")
PICTURE_MAX_BYTES = 8 * 1024 * 1024


def plain_text(value: str) -> None:
    """Text shown on phones and print: no markup (it would be shown as it is, or not at all)."""
    if MARKUP.search(value or ""):
        raise ValidationError(_("Please write plain text without the characters < and >."))


def phone_number(value: str) -> str:
    """A phone number as it is dialled (112, 0351 123 45-6, +49 351 …), or a field error."""
    value = " ".join((value or "").split())
    digits = re.sub(r"\D", "", value)
    if not PHONE_CHARS.match(value) or not 3 <= len(digits) <= 16:
        raise ValidationError(
            _(
                "This is not a phone number. Use digits, spaces, + / - and brackets, "
                "e.g. 0351 123 45."
            )
        )
    return value


class PlainTextMixin:
    plain_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()  # type: ignore[misc]
        for name in self.plain_fields:
            try:
                plain_text(cleaned.get(name, ""))
            except ValidationError as exc:
                self.add_error(name, exc)  # type: ignore[attr-defined]
        return cleaned


class HelpContactForm(PlainTextMixin, forms.ModelForm):
    plain_fields = ("name", "hours", "note")

    class Meta:
        model = HelpContact
        fields = ["group", "name", "phone", "hours", "note", "position"]

    def clean_phone(self) -> str:
        return phone_number(self.cleaned_data["phone"])


class RallyForm(PlainTextMixin, forms.ModelForm):
    plain_fields = ("title", "intro")

    class Meta:
        model = Rally
        fields = ["title", "intro", "is_published"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 3})}


class StationForm(PlainTextMixin, forms.ModelForm):
    plain_fields = ("title", "task", "picture_text")
    field_order = ["location", "number", "title", "picture", "picture_text", "task"]
    picture = forms.FileField(
        label=_("picture"),
        required=False,
        help_text=_("A photo or drawing of the place (JPEG or PNG, at most 8 MB)."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )

    class Meta:
        model = RallyStation
        fields = ["location", "number", "title", "task", "picture_text"]
        widgets = {"task": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["location"]
        field.queryset = Location.objects.for_alliance(alliance).order_by("name")  # type: ignore[attr-defined]
        field.error_messages["required"] = _("Choose the place of this station.")
        field.empty_label = _("– choose a place –")  # type: ignore[attr-defined]

    def clean_picture(self):
        picture = self.cleaned_data.get("picture")
        if picture and hasattr(picture, "content_type"):  # a new upload
            files.check_upload(picture, kinds=files.IMAGES, max_bytes=PICTURE_MAX_BYTES)
        return picture


class QrForm(forms.Form):
    ziel = forms.CharField(
        label=_("Address of the page"),
        max_length=600,
        help_text=_("A page of this site, e.g. the calendar with your filters."),
    )


class NewsForm(PlainTextMixin, forms.ModelForm):
    plain_fields = ("title", "summary", "text")
    is_published = forms.BooleanField(label=_("published"), required=False)

    class Meta:
        model = NewsItem
        fields = ["title", "summary", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["is_published"].initial = self.instance.published_at is not None


class TransitionStepForm(PlainTextMixin, forms.ModelForm):
    plain_fields = ("when", "title", "text")

    class Meta:
        model = TransitionStep
        fields = ["phase", "when", "title", "text", "offer", "location", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        offers = Offer.objects.for_alliance(alliance).published().order_by("name")
        self.fields["offer"].queryset = offers  # type: ignore[attr-defined]
        places = Location.objects.for_alliance(alliance).order_by("name")
        self.fields["location"].queryset = places  # type: ignore[attr-defined]
