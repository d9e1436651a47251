"""District walks (Sozialraumbegehungen): list, form with the checklist, notes from a phone
with the device location and an optional private photo."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from familiennetz.core.files import private_file_response
from familiennetz.workspace.access import check_perm, manage_url, redirect_manage, workspace_view

from .. import services
from ..forms import WalkForm, WalkNoteForm
from ..models import Walk, WalkNote
from .analysis import VIEW

CHANGE = "socialspace.change_walks"


def _walk_or_404(request, pk) -> Walk:
    walk = (
        Walk.objects.for_alliance(request.alliance).select_related("district").filter(pk=pk).first()
    )
    if walk is None:
        raise Http404(_("There is no such walk."))
    return walk


def _note_features(alliance, notes) -> list[dict]:
    return [
        {
            "n": n,
            "name": note.text[:80],
            "lat": note.latitude,
            "lon": note.longitude,
            "url": manage_url("socialspace:manage-walk-detail", alliance, pk=note.walk_id)
            + f"#notiz-{note.pk}",
            "place": note.get_topic_display(),
        }
        for n, note in enumerate([n for n in notes if n.has_coordinates], start=1)
    ]


@workspace_view
def walk_list(request):
    check_perm(request, VIEW)
    alliance = request.alliance
    walks = Walk.objects.for_alliance(alliance).select_related("district").prefetch_related("notes")
    return render(request, "socialspace/workspace/walk_list.html", {"walks": walks})


def _walk_form(request, walk: Walk | None):
    alliance = request.alliance
    if request.method == "POST":
        form = WalkForm(request.POST, instance=walk, alliance=alliance)
        if form.is_valid():
            saved = services.walk_save(form=form, ratings=form.ratings(), user=request.user)
            messages.success(request, _("The walk was saved."))
            return redirect_manage("socialspace:manage-walk-detail", alliance, pk=saved.pk)
    else:
        form = WalkForm(instance=walk, alliance=alliance)
    return render(request, "socialspace/workspace/walk_form.html", {"form": form, "walk": walk})


@workspace_view
def walk_create(request):
    check_perm(request, CHANGE)
    return _walk_form(request, None)


@workspace_view
def walk_update(request, pk: int):
    check_perm(request, CHANGE)
    return _walk_form(request, _walk_or_404(request, pk))


@workspace_view
def walk_detail(request, pk: int):
    check_perm(request, VIEW)
    walk = _walk_or_404(request, pk)
    notes = list(walk.notes.all())
    return render(
        request,
        "socialspace/workspace/walk_detail.html",
        {
            "walk": walk,
            "ratings": walk.ratings.order_by("pk"),
            "notes": notes,
            "features": _note_features(request.alliance, notes),
            "can_see_photos": request.user.has_perm(
                "socialspace.view_walk_photos", request.alliance
            ),
        },
    )


@workspace_view
def walk_note(request, pk: int):
    check_perm(request, CHANGE)
    walk = _walk_or_404(request, pk)
    if request.method == "POST":
        form = WalkNoteForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.walk_note_add(
                    walk=walk,
                    text=data["text"],
                    topic=data["topic"],
                    latitude=data["latitude"],
                    longitude=data["longitude"],
                    photo=data["photo"],
                    keep_location=data["keep_location"],
                )
            except ValidationError as exc:
                form.add_error("photo", exc)
            else:
                messages.success(request, _("The note was saved. You can add the next one."))
                return redirect_manage("socialspace:manage-walk-note", request.alliance, pk=walk.pk)
    else:
        form = WalkNoteForm()
    return render(
        request,
        "socialspace/workspace/walk_note.html",
        {"walk": walk, "form": form, "count": walk.notes.count()},
    )


@workspace_view
def walk_photo(request, pk: int):
    check_perm(request, "socialspace.view_walk_photos")
    note = WalkNote.objects.for_alliance(request.alliance).filter(pk=pk).exclude(photo="").first()
    if note is None:
        raise Http404(_("There is no such photo."))
    extension = note.photo.name.rsplit(".", 1)[-1].lower()
    return private_file_response(note.photo, f"begehung-{note.walk_id}-{note.pk}.{extension}")
