"""Helpers of the network views: access, lookups, errors."""

from __future__ import annotations

import functools

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from familiennetz.workspace.access import check_perm, workspace_view

from ..models import Partner


def network_view(view):
    """A workspace view of the network: login, role in the alliance, then
    ``network.view_network`` (403 for the state office)."""

    @functools.wraps(view)
    def inner(request, *args, **kwargs):
        check_perm(request, "network.view_network")
        return view(request, *args, **kwargs)

    return workspace_view(inner)


def not_found():
    return Http404(_("This entry does not exist or is not yours to see."))


def row_or_404(request, model, pk: int, **extra):
    row = model.objects.filter(alliance=request.alliance, pk=pk, **extra).first()
    if row is None:
        raise not_found()
    return row


def partner_or_404(request, pk: int) -> Partner:
    partner = (
        Partner.objects.filter(alliance=request.alliance, pk=pk)
        .select_related("organisation", "sector")
        .first()
    )
    if partner is None:
        raise not_found()
    return partner


def add_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names, else on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
