"""The filters of the workspace's entry lists (offers, organisations, places, events):
search text, status, organisation, review-cycle state, changes waiting for review."""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from familiennetz.moderation.models import ChangeRequest

from .models import Organisation, Status
from .review_cycle import due_q, expired_q

PAGE_SIZE = 50
FRESHNESS_CHOICES = [("", _("all")), ("due", _("due for review")), ("expired", _("expired"))]


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("all")), *Status.choices]
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), required=False, queryset=Organisation.objects.none()
    )
    freshness = forms.ChoiceField(
        label=_("Last checked"), required=False, choices=FRESHNESS_CHOICES
    )
    pending = forms.BooleanField(label=_("with changes waiting for review"), required=False)

    def __init__(self, *args, request, fields, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in fields:
                del self.fields[name]
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = (
                Organisation.objects.for_alliance(request.alliance)
                .visible_to(request.user)
                .order_by("name")
            )


def filtered_entries(request, queryset, *, fields, search=("name",), ordering=("name", "pk")):
    """Apply the list filters of ``fields`` to ``queryset``; returns (form, page)."""
    alliance = request.alliance
    form = ListFilterForm(request.GET or None, request=request, fields=fields)
    rows = queryset.for_alliance(alliance).visible_to(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("q"):
            condition = Q()
            for name in search:
                condition |= Q(**{f"{name}__icontains": data["q"]})
            rows = rows.filter(condition)
        if data.get("status"):
            rows = rows.filter(status=data["status"])
        if data.get("organisation"):
            rows = rows.filter(organisation=data["organisation"])
        if data.get("freshness") == "due":
            rows = rows.filter(due_q(alliance))
        elif data.get("freshness") == "expired":
            rows = rows.filter(expired_q(alliance))
        if data.get("pending"):
            content_type = ContentType.objects.get_for_model(queryset.model)
            ids = ChangeRequest.objects.pending().filter(content_type=content_type)
            rows = rows.filter(pk__in=ids.values("object_id"))
    page = Paginator(rows.order_by(*ordering), PAGE_SIZE).get_page(request.GET.get("seite"))
    return form, page
