"""Change history of an entry: versions with old → new values, restore (coordination)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.directory.models import Location, Offer, Organisation
from familiennetz.events.models import Event
from familiennetz.workspace.access import check_perm, entry_or_404, workspace_view

from . import services

MODELS = {
    "angebot": (Offer, "directory:manage-offer-update"),
    "organisation": (Organisation, "directory:manage-organisation-detail"),
    "ort": (Location, "directory:manage-location-update"),
    "termin": (Event, "events:manage-event-update"),
}


def _entry(request, kind: str, pk: int):
    if kind not in MODELS:
        raise Http404(_("Unknown kind of entry."))
    model, _url = MODELS[kind]
    entry = entry_or_404(request, model.objects.all(), pk=pk)
    check_perm(request, "history.view_history", entry)
    return entry


@workspace_view
def version_list(request, kind: str, pk: int):
    entry = _entry(request, kind, pk)
    return render(
        request,
        "history/workspace/version_list.html",
        {
            "object": entry,
            "kind": kind,
            "versions": services.version_list(entry),
            "edit_url_name": MODELS[kind][1],
        },
    )


@workspace_view
@require_POST
def version_restore(request, kind: str, pk: int, history_id: int):
    entry = _entry(request, kind, pk)
    check_perm(request, "history.restore_version", entry)
    record = services.version_get(entry, history_id)
    if record is None:
        raise Http404(_("This version does not exist."))
    services.version_restore(entry=entry, record=record, user=request.user)
    messages.success(request, _("The earlier version was restored."))
    return redirect(
        "history:manage-version-list", alliance_slug=request.alliance.slug, kind=kind, pk=pk
    )
