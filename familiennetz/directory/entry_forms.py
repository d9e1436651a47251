"""Workspace forms for directory entries. Validation only: saving (direct or as a change for
review) goes through ``moderation.services``; slugs are made once and never change (they are
printed on flyers and QR codes)."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .list_fields import IdentifiersField, LinesField
from .models import (
    Category,
    Language,
    Location,
    Offer,
    Organisation,
    Schedule,
    Status,
    district_model,
)
from .schedule_fields import ScheduleRowsMixin

TEXTAREA = forms.Textarea(attrs={"rows": 5})
FUNDING_HELP = _("Who funds it, one per line (e.g. Landkreis, Bundesprogramm).")
# "For whom" fields that offers and events share.
FOR_WHOM_FIELDS = [
    "categories",
    "for_pregnancy",
    "age_min_months",
    "age_max_months",
    "is_free",
    "fee_description",
    "languages",
    "accessibility_notes",
]


class EntryForm(forms.ModelForm):
    """Base: knows the alliance and the user, limits organisation choices to what the user
    may edit, offers a status field only to those who may publish."""

    status_field = None  # name of the status field, if the model has one

    def __init__(self, *args, alliance, user, can_publish: bool, **kwargs):
        self.alliance = alliance
        self.user = user
        self.can_publish = can_publish
        super().__init__(*args, **kwargs)
        if "organisation" in self.fields:
            organisations = Organisation.objects.for_alliance(alliance).editable_by(user)
            self.fields["organisation"].queryset = organisations.order_by("name")
            self.fields["organisation"].empty_label = None
        if self.status_field and self.status_field in self.fields and not can_publish:
            del self.fields[self.status_field]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("age_min_months"), cleaned.get("age_max_months")
        if low is not None and high is not None and low > high:
            self.add_error(
                "age_max_months", _("The maximum age must not be below the minimum age.")
            )
        return cleaned

    def _post_clean(self):
        self.instance.alliance = self.alliance
        super()._post_clean()


class OrganisationForm(EntryForm):
    class Meta:
        model = Organisation
        fields = [
            *("name", "kind", "operator", "description", "website", "email", "phone"),
            *("identifiers", "funding"),
        ]
        widgets = {"description": TEXTAREA}
        field_classes = {"identifiers": IdentifiersField, "funding": LinesField}
        labels = {"identifiers": _("Register numbers")}
        help_texts = {
            "identifiers": _(
                "One per line: register code | number | kind (optional), e.g. "
                "“DE-VR | VR 1234 | Vereinsregister”."
            ),
            "funding": FUNDING_HELP,
        }


class LocationForm(ScheduleRowsMixin, EntryForm):
    class Meta:
        model = Location
        fields = [
            "organisation",
            "name",
            "description",
            "street",
            "postal_code",
            "city",
            "district",
            "latitude",
            "longitude",
            "is_wheelchair_accessible",
            "is_pram_accessible",
            "accessibility_notes",
            "transport_notes",
            "country",
            "state_province",
            "external_identifier",
            "external_identifier_type",
        ]
        widgets = {
            "description": TEXTAREA,
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = (
            district_model().objects.for_alliance(self.alliance).order_by("name")
        )
        if self.user.has_perm("directory.add_organisation", self.alliance):
            self.fields["organisation"].required = False
            self.fields["organisation"].empty_label = _("(no organisation)")
        self.add_schedule_rows()

    def existing_schedules(self):
        return list(self.instance.schedules.filter(kind=Schedule.Kind.OPENING_HOURS))

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        if (lat is None) != (lon is None):
            self.add_error("longitude", _("Give both coordinates or none."))
        if cleaned.get("external_identifier_type") and not cleaned.get("external_identifier"):
            self.add_error(
                "external_identifier", _("Give the identifier, or leave its type empty too.")
            )
        self.schedule_data = self.clean_schedule_rows(cleaned)
        return cleaned

    def clean_country(self) -> str:
        country = (self.cleaned_data.get("country") or "").strip().upper()
        if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
            raise forms.ValidationError(_("Two letters (ISO 3166-1), e.g. DE."))
        return "" if country == "DE" else country  # empty means Germany

    def related_changes(self) -> dict:
        """The opening hours the rows show (rules the rows cannot show are kept)."""
        return {
            "opening_hours": self.schedule_data,
            "keep_schedules": [schedule.pk for schedule in self.other_schedules],
        }


class OfferForm(ScheduleRowsMixin, EntryForm):
    status_field = "status"
    schedule_prefix = "sessions"
    schedule_label = _("Regular session")
    schedule_kind = Schedule.Kind.SESSION
    with_place = True
    places = forms.ModelMultipleChoiceField(
        label=_("Places"),
        queryset=Location.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Where the offer takes place."),
    )

    class Meta:
        model = Offer
        fields = [
            "organisation",
            "name",
            "summary",
            "description",
            *FOR_WHOM_FIELDS,
            "fee_amount",
            "fee_currency",
            "service_districts",
            "service_area",
            "funding",
            "participation",
            "participation_notes",
            "is_online",
            "email",
            "phone",
            "website",
            "status",
        ]
        widgets = {
            "description": TEXTAREA,
            "categories": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
            "participation_notes": forms.Textarea(attrs={"rows": 3}),
            "service_districts": forms.CheckboxSelectMultiple,
        }
        field_classes = {"funding": LinesField}
        help_texts = {
            "fee_amount": _("Per visit or course, in the currency below; 0 means free of charge."),
            "service_area": _("The area served, in words, where it is not a list of districts."),
            "funding": FUNDING_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_districts"].queryset = (
            district_model().objects.for_alliance(self.alliance).order_by("name")
        )
        self.fields["categories"].queryset = Category.objects.for_alliance(self.alliance).order_by(
            "parent__position", "position", "name"
        )
        self.fields["languages"].queryset = Language.objects.order_by("position", "name_de")
        self.fields["places"].queryset = Location.objects.for_alliance(self.alliance).order_by(
            "name"
        )
        if self.instance.pk and not self.is_bound:
            self.initial["places"] = list(self.instance.locations.values_list("pk", flat=True))
        if "status" in self.fields:
            self.fields["status"].choices = Status.choices
        self.add_schedule_rows()

    def existing_schedules(self):
        """Sessions at the offer's places and the offer's own (no place, ADR 1540)."""
        return list(
            Schedule.objects.filter(
                Q(offer_location__offer=self.instance) | Q(offer=self.instance),
                kind=Schedule.Kind.SESSION,
            ).select_related("offer_location")
        )

    def clean_fee_currency(self) -> str:
        currency = (self.cleaned_data.get("fee_currency") or "").strip().upper()
        if currency and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
            raise forms.ValidationError(_("Three letters (ISO 4217), e.g. EUR."))
        return currency

    def _clean_fee(self, cleaned: dict) -> None:
        amount = cleaned.get("fee_amount")
        if amount is None:
            if cleaned.get("fee_currency"):
                self.add_error("fee_amount", _("Give the amount, or leave the currency empty."))
            return
        if amount < 0:
            self.add_error("fee_amount", _("The amount must not be negative."))
        elif amount == 0:
            # 0 is "kostenlos" — stored as free of charge without an amount, as the HSDS
            # import reads a cost option of 0, so import and export give it back unchanged.
            cleaned.update(is_free=True, fee_amount=None, fee_currency="")
        elif cleaned.get("is_free"):
            self.add_error("fee_amount", _("An offer free of charge has no amount to pay."))
        elif not cleaned.get("fee_currency"):
            cleaned["fee_currency"] = "EUR"

    def clean(self):
        cleaned = super().clean()
        self._clean_fee(cleaned)
        self.schedule_data = self.clean_schedule_rows(cleaned)
        places = set(cleaned.get("places") or [])
        for name in self.schedule_rows:
            place = cleaned.get(f"{name}_place")
            if place is not None and place not in places:
                self.add_error(f"{name}_place", _("Tick this place under “Places” too."))
        return cleaned

    def related_changes(self) -> dict:
        """The offer's places and the sessions the rows show (other rules are kept)."""
        return {
            "places": list(self.cleaned_data.get("places") or []),
            "sessions": self.schedule_data,
            "keep_schedules": [schedule.pk for schedule in self.other_schedules],
        }


ENTRY_FORMS = {
    "directory.organisation": OrganisationForm,
    "directory.location": LocationForm,
    "directory.offer": OfferForm,
}
