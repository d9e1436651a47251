"""The review queue (workspace) and the public suggestion and error-report forms."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from familiennetz.core.ratelimit import RateLimit
from familiennetz.workspace.access import check_perm, redirect_manage, workspace_view

from . import services
from .changes import changes_from_form
from .entries import diff_rows, entry_values, form_class_for, form_values, proposal_form
from .forms import DecisionForm, ReportForm, SuggestionForm
from .kinds import kind_by_word, kind_for_suggestion
from .models import ChangeRequest
from .selectors import review_counts, review_list

Kind = ChangeRequest.Kind


# --- workspace -----------------------------------------------------------------------------------


@workspace_view
def review_list_view(request):
    alliance = request.alliance
    check_perm(request, "moderation.review")
    state = request.GET.get("status", ChangeRequest.State.PENDING)
    if state not in ChangeRequest.State.values:
        state = ChangeRequest.State.PENDING
    kind = request.GET.get("art", "")
    if kind not in Kind.values:
        kind = ""
    return render(
        request,
        "moderation/workspace/review_list.html",
        {
            "items": review_list(alliance=alliance, state=state, kind=kind),
            "counts": review_counts(alliance=alliance),
            "state": state,
            "kind": kind,
            "states": ChangeRequest.State.choices,
            "kinds": Kind.choices,
        },
    )


def _diff(item, user, form):
    entry = item.target
    kwargs = {"alliance": item.alliance, "user": user, "can_publish": "status" in form.fields}
    old = entry_values(entry, form_class_for(entry), **kwargs)
    new = form_values(form) if form.is_valid() else {}
    return diff_rows(old, new, form)


@workspace_view
@require_http_methods(["GET", "POST"])
def review_detail(request, pk: int):
    alliance = request.alliance
    check_perm(request, "moderation.review")
    item = ChangeRequest.objects.for_alliance(alliance).filter(pk=pk).first()
    if item is None:
        raise Http404(_("This review item does not exist."))
    entry = item.target
    decision = DecisionForm(request.POST or None)
    edit_form = None
    if item.kind == Kind.CHANGE and entry is not None:
        editing = request.method == "POST" and request.POST.get("action") == "edit-accept"
        edit_form = proposal_form(item, user=request.user, data=request.POST if editing else None)
    if request.method == "POST" and item.is_pending and decision.is_valid():
        action = request.POST.get("action")
        message = decision.cleaned_data["message"]
        try:
            if action == "reject":
                services.review_reject(item=item, user=request.user, message=message)
                messages.success(request, _("Rejected."))
                return redirect_manage("moderation:manage-review-list", alliance)
            if action in {"accept", "edit-accept"}:
                if action == "edit-accept" and not edit_form.is_valid():
                    raise ValidationError(_("Please check the edited values."))
                services.review_accept(
                    item=item,
                    user=request.user,
                    message=message,
                    changes=changes_from_form(edit_form) if action == "edit-accept" else None,
                )
                messages.success(request, _("Accepted."))
                return redirect_manage("moderation:manage-review-list", alliance)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    diff = None
    changed_since = False
    if item.kind == Kind.CHANGE and entry is not None:
        proposal = proposal_form(item, user=request.user)
        diff = _diff(item, request.user, proposal)
        changed_since = bool(
            item.base_updated_at and entry.updated_at and entry.updated_at > item.base_updated_at
        )
    suggestion_rows = [
        (SuggestionForm.base_fields[key].label, value)
        for key, value in item.payload.items()
        if item.kind == Kind.SUGGESTION and key in SuggestionForm.base_fields and value
    ]
    create_url = None
    if item.kind == Kind.SUGGESTION and item.is_pending:
        target_kind = kind_for_suggestion(item.subject or ChangeRequest.Subject.OFFER)
        if target_kind is not None and target_kind.create_url_name:
            create_url = (
                reverse(target_kind.create_url_name, kwargs={"alliance_slug": alliance.slug})
                + f"?vorschlag={item.pk}"
            )
    return render(
        request,
        "moderation/workspace/review_detail.html",
        {
            "item": item,
            "entry": entry,
            "diff": diff,
            "changed_since": changed_since,
            "decision": decision,
            "edit_form": edit_form,
            "create_url": create_url,
            "suggestion_rows": suggestion_rows,
        },
    )


# --- public ---------------------------------------------------------------------------------------


def _limit(request) -> RateLimit:
    return RateLimit(
        scope="suggestion",
        key=request.alliance.slug,
        limit=settings.SUGGESTION_RATE_LIMIT,
        window=settings.SUGGESTION_RATE_WINDOW,
    )


def _thanks_url(request) -> str:
    return reverse("moderation:thanks", kwargs={"alliance_slug": request.alliance.slug})


@never_cache
@require_http_methods(["GET", "POST"])
def suggest(request):
    """ "Angebot/Termin vorschlagen": anybody may suggest an offer or an event."""
    subject = request.GET.get("was") or request.POST.get("was") or ChangeRequest.Subject.OFFER
    if subject not in ChangeRequest.Subject.values:
        subject = ChangeRequest.Subject.OFFER
    form = SuggestionForm(request.POST or None)
    if request.method == "POST":
        if _limit(request).hit(request):
            return render(request, "moderation/public/ratelimited.html", status=429)
        if form.is_valid():
            if not form.is_spam:  # bots are thanked but nothing is stored
                services.suggestion_create(
                    alliance=request.alliance,
                    subject=subject,
                    payload=form.payload(),
                    contact_name=form.cleaned_data["contact_name"],
                    contact_email=form.cleaned_data["contact_email"],
                    language=get_language() or "de",
                )
            return redirect(_thanks_url(request))
    return render(request, "moderation/public/suggest.html", {"form": form, "subject": subject})


def _report_target(request, word: str, slug: str):
    entry_kind = kind_by_word(word)
    if entry_kind is None:
        raise Http404(_("There is nothing to report here."))
    rows = entry_kind.model.objects.for_alliance(request.alliance).filter(slug=slug)
    if entry_kind.status_field:
        rows = rows.filter(**{entry_kind.status_field: "published"})
    target = rows.first()
    if target is None:
        raise Http404(_("This entry does not exist."))
    return target


@never_cache
@require_http_methods(["GET", "POST"])
def report(request, kind: str, slug: str):
    """ "Hier stimmt etwas nicht" on an offer, organisation, place or event page."""
    target = _report_target(request, kind, slug)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if _limit(request).hit(request):
            return render(request, "moderation/public/ratelimited.html", status=429)
        if form.is_valid():
            if not form.is_spam:
                services.report_create(
                    alliance=request.alliance,
                    target=target,
                    message=form.cleaned_data["message"],
                    contact_email=form.cleaned_data["contact_email"],
                    language=get_language() or "de",
                )
            return redirect(_thanks_url(request))
    return render(request, "moderation/public/report.html", {"form": form, "target": target})


def thanks(request):
    return render(request, "moderation/public/thanks.html")
