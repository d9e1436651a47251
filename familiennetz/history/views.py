"""Change history of an entry: versions with old → new values, restore (coordination)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.moderation.kinds import kind_by_word
from familiennetz.workspace.access import check_perm, entry_or_404, workspace_view

from . import services


def _entry(request, kind: str, pk: int):
    entry_kind = kind_by_word(kind)
    if entry_kind is None:
        raise Http404(_("Unknown kind of entry."))
    entry = entry_or_404(request, entry_kind.model.objects.all(), pk=pk)
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
            "edit_url_name": kind_by_word(kind).manage_url_name,
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
