"""The professionals' side: events, document library, announcements
(/manage/<alliance>/fachkraefte/…)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.core.files import private_file_response
from familiennetz.workspace.access import check_perm, redirect_manage

from .. import services
from ..access import governance_access
from ..forms import AnnouncementForm, DocumentForm, ProEventForm, VersionForm
from ..markdown import render_markdown
from ..models import (
    Announcement,
    Document,
    DocumentVersion,
    ProfessionalEvent,
    ProfessionalRegistration,
)
from .common import add_errors, governance_view, not_found, row_or_404


@governance_view
def pro_event_list(request):
    alliance, user = request.alliance, request.user
    events = (
        ProfessionalEvent.objects.filter(alliance=alliance, ends_at__gte=timezone.now())
        .annotate(n=Count("registrations"))
        .order_by("starts_at")
    )
    mine = set(
        ProfessionalRegistration.objects.filter(alliance=alliance, user=user).values_list(
            "event_id", flat=True
        )
    )
    form = None
    if user.has_perm("governance.manage_governance", alliance):
        form = ProEventForm(request.POST or None, alliance=alliance)
        if request.method == "POST" and form.is_valid():
            try:
                event = services.pro_event_save(alliance=alliance, values=form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The event was saved."))
                return redirect_manage("governance:manage-proevent-detail", alliance, pk=event.pk)
    elif request.method == "POST":
        check_perm(request, "governance.manage_governance")
    return render(
        request,
        "governance/workspace/proevent_list.html",
        {"events": events, "mine": mine, "form": form},
    )


@governance_view
def pro_event_detail(request, pk: int):
    alliance, user = request.alliance, request.user
    event = row_or_404(request, ProfessionalEvent, pk)
    registered = ProfessionalRegistration.objects.filter(event=event, user=user).exists()
    if request.method == "POST":
        try:
            if request.POST.get("action") == "unregister":
                services.pro_event_unregister(event=event, user=user)
                messages.success(request, _("Your registration was cancelled."))
            else:
                services.pro_event_register(event=event, user=user)
                messages.success(request, _("You are registered."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect_manage("governance:manage-proevent-detail", alliance, pk=event.pk)
    can_manage = user.has_perm("governance.manage_governance", alliance)
    registrations = (
        ProfessionalRegistration.objects.filter(event=event).select_related("user")
        if can_manage
        else None
    )
    return render(
        request,
        "governance/workspace/proevent_detail.html",
        {
            "event": event,
            "registered": registered,
            "count": event.registrations.count(),
            "registrations": registrations,
        },
    )


def _documents_visible(request):
    access = governance_access(request.user, request.alliance)
    rows = Document.objects.filter(alliance=request.alliance)
    if not access.manages:
        rows = rows.filter(
            Q(body__isnull=True) | Q(body__is_open=True) | Q(body_id__in=list(access.body_roles))
        )
    return rows


@governance_view
def document_list(request):
    alliance, user = request.alliance, request.user
    documents = (
        _documents_visible(request)
        .select_related("body", "organisation")
        .annotate(latest=Max("versions__number"), changed=Max("versions__created_at"))
        .order_by("title")
    )
    q = request.GET.get("q", "").strip()[:100]
    if q:
        documents = documents.filter(title__icontains=q)
    form = None
    if user.has_perm("governance.add_document", alliance):
        form = DocumentForm(request.POST or None, request.FILES or None, alliance=alliance)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                document = services.document_add(
                    alliance=alliance,
                    values={k: data[k] for k in ("title", "description", "body", "organisation")},
                    file=data["file"],
                    note=data["note"],
                    user=user,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The document was added."))
                return redirect_manage(
                    "governance:manage-document-detail", alliance, pk=document.pk
                )
    elif request.method == "POST":
        check_perm(request, "governance.add_document")
    return render(
        request,
        "governance/workspace/document_list.html",
        {"documents": documents, "form": form, "q": q},
    )


def _document_or_404(request, pk: int) -> Document:
    document = _documents_visible(request).filter(pk=pk).first()
    if document is None:
        raise not_found()
    return document


@governance_view
def document_detail(request, pk: int):
    alliance, user = request.alliance, request.user
    document = _document_or_404(request, pk)
    form = None
    if user.has_perm("governance.add_document", alliance):
        form = VersionForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                version = services.document_add_version(
                    document=document,
                    file=form.cleaned_data["file"],
                    note=form.cleaned_data["note"],
                    user=user,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Version %(n)d was added.") % {"n": version.number})
                return redirect_manage(
                    "governance:manage-document-detail", alliance, pk=document.pk
                )
    elif request.method == "POST":
        check_perm(request, "governance.add_document")
    return render(
        request,
        "governance/workspace/document_detail.html",
        {
            "document": document,
            "versions": document.versions.select_related("uploaded_by"),
            "form": form,
        },
    )


@governance_view
def document_download(request, pk: int, number: int):
    document = _document_or_404(request, pk)
    version = DocumentVersion.objects.filter(document=document, number=number).first()
    if version is None:
        raise not_found()
    return private_file_response(version.file, version.filename)


@governance_view
def announcement_list(request):
    alliance, user = request.alliance, request.user
    access = governance_access(user, alliance)
    rows = Announcement.objects.filter(alliance=alliance, sent_at__isnull=False).select_related(
        "body"
    )
    if not access.manages:
        rows = rows.filter(Q(body__isnull=True) | Q(body_id__in=list(access.body_roles)))
    form = None
    if user.has_perm("governance.send_announcement", alliance):
        form = AnnouncementForm(request.POST or None, alliance=alliance)
        if request.method == "POST" and form.is_valid():
            try:
                announcement = services.announcement_send(
                    alliance=alliance, actor=user, **form.cleaned_data
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("The announcement is being sent to %(n)d people.")
                    % {"n": announcement.recipient_count},
                )
                return redirect_manage(
                    "governance:manage-announcement-detail", alliance, pk=announcement.pk
                )
    elif request.method == "POST":
        check_perm(request, "governance.send_announcement")
    return render(
        request,
        "governance/workspace/announcement_list.html",
        {"announcements": rows.order_by("-sent_at")[:100], "form": form},
    )


@governance_view
def announcement_detail(request, pk: int):
    announcement = row_or_404(request, Announcement, pk)
    access = governance_access(request.user, request.alliance)
    if (
        announcement.body_id
        and not access.manages
        and announcement.body_id not in access.body_roles
    ):
        raise not_found()
    return render(
        request,
        "governance/workspace/announcement_detail.html",
        {"announcement": announcement, "html": render_markdown(announcement.text)},
    )
