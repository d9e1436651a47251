"""Action items (/manage/<alliance>/aufgaben/…)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.workspace.access import redirect_manage

from .. import selectors, services
from ..access import governance_access
from ..forms import ActionForm, ActionStatusForm
from ..models import ActionItem
from .common import action_or_404, add_errors, governance_view

PAGE_SIZE = 50
FILTERS = ("meine", "offen", "ueberfaellig", "erledigt", "alle")


@governance_view
def action_list(request):
    alliance, user = request.alliance, request.user
    access = governance_access(user, alliance)
    default = "meine" if access.contact_ids else "offen"
    show = request.GET.get("zeigen", default)
    show = show if show in FILTERS else default
    rows = selectors.actions_visible(alliance=alliance, user=user).select_related(
        "owner", "meeting", "body", "project"
    )
    today = timezone.localdate()
    if show == "meine":
        rows = rows.filter(owner_id__in=list(access.contact_ids), status__in=ActionItem.OPEN_STATES)
    elif show == "offen":
        rows = rows.filter(status__in=ActionItem.OPEN_STATES)
    elif show == "ueberfaellig":
        rows = rows.filter(status__in=ActionItem.OPEN_STATES, due_on__lt=today)
    elif show == "erledigt":
        rows = rows.filter(status=ActionItem.Status.DONE)
    rows = rows.order_by(F("due_on").asc(nulls_last=True), "pk")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(
        request,
        "governance/workspace/action_list.html",
        {"page": page, "show": show, "today": today, "has_contact": bool(access.contact_ids)},
    )


@governance_view
def action_update(request, pk: int):
    alliance = request.alliance
    action = action_or_404(request, pk)
    can_change = request.user.has_perm("governance.change_action", action)
    form = ActionForm(request.POST or None, instance=action, alliance=alliance)
    if not can_change:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied(_("You are not allowed to do this."))
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in ActionForm.Meta.fields}
            try:
                services.action_save(
                    alliance=alliance, values=values, action=ActionItem.objects.get(pk=action.pk)
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The action item was saved."))
                return redirect_manage("governance:manage-action-list", alliance)
    return render(
        request,
        "governance/workspace/action_form.html",
        {"form": form, "action": action, "can_change": can_change},
    )


@governance_view
@require_POST
def action_status(request, pk: int):
    """One click from the dashboard or the list: mark done (or another status)."""
    action = action_or_404(request, pk)
    if not request.user.has_perm("governance.change_action", action):
        raise PermissionDenied(_("You are not allowed to do this."))
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.action_set_status(action=action, status=form.cleaned_data["status"])
        messages.success(
            request,
            _("“%(title)s” is now %(status)s.")
            % {"title": action.title, "status": action.get_status_display()},
        )
    else:
        messages.error(request, _("Choose a status."))
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect_manage("governance:manage-action-list", request.alliance)
