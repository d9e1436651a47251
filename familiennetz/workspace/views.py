"""The shell's own pages: the start page (/manage/), the dashboard, members and settings.

The dashboard and the network list show what the domain apps registered (``registry.py``);
the shell knows none of them by name.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.accounts import services as account_services
from familiennetz.accounts.models import Invitation
from familiennetz.alliances import services
from familiennetz.alliances.config import alliance_config
from familiennetz.alliances.models import Alliance, Membership
from familiennetz.alliances.predicates import access_of
from familiennetz.alliances.scopes import alliance_scope

from .access import check_perm, redirect_manage, workspace_view
from .forms import AllianceSettingsForm, InvitationForm, MembershipForm
from .registry import Tile, registry


@login_required
def home(request):
    """/manage/: straight to the only workspace, or a list of the user's alliances."""
    access = access_of(request.user)
    alliances = Alliance.objects.active().order_by("name")
    if not access.is_superuser:
        alliances = alliances.filter(pk__in=access.alliance_ids())
    alliances = list(alliances)
    if len(alliances) == 1:
        return redirect_manage("workspace:manage-dashboard", alliances[0])
    columns = registry.sorted("alliance_columns")
    with alliance_scope([alliance.pk for alliance in alliances]):  # the user's networks only
        values = {column.key: column.values(alliances) for column in columns}
    rows = [
        (alliance, [(column, values[column.key].get(alliance.pk, "")) for column in columns])
        for alliance in alliances
    ]
    return render(request, "workspace/home.html", {"rows": rows, "columns": columns})


@workspace_view
def dashboard(request):
    """What needs attention now: the tiles and panels the domain apps registered."""
    alliance, user = request.alliance, request.user
    tiles: list[Tile] = []
    for tile_set in registry.sorted("tiles"):
        if user.has_perm(tile_set.permission, alliance):
            tiles.extend(tile_set.tiles(request) or [])
    panels = []
    for panel in registry.sorted("panels"):
        if not user.has_perm(panel.permission, alliance):
            continue
        context = panel.context(request)
        if context is not None:
            panels.append((panel, context))
    return render(request, "workspace/dashboard.html", {"tiles": tiles, "panels": panels})


# --- members -------------------------------------------------------------------------------------


@workspace_view
def member_list(request):
    alliance = request.alliance
    check_perm(request, "alliances.manage_members")
    form = InvitationForm(request.POST or None, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        try:
            account_services.invitation_create(
                alliance=alliance,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                organisations=form.cleaned_data["organisations"],
                invited_by=request.user,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request,
                _("The invitation to %(email)s was sent.") % {"email": form.cleaned_data["email"]},
            )
            return redirect_manage("workspace:manage-member-list", alliance)
    return render(
        request,
        "workspace/member_list.html",
        {
            "form": form,
            "memberships": Membership.objects.for_alliance(alliance)
            .select_related("user")
            .prefetch_related("organisations")
            .order_by("role", "user__email"),
            "invitations": Invitation.objects.open()
            .filter(alliance=alliance)
            .prefetch_related("organisations"),
        },
    )


@workspace_view
def member_update(request, pk: int):
    alliance = request.alliance
    check_perm(request, "alliances.manage_members")
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, alliance=alliance
    )
    form = MembershipForm(request.POST or None, instance=membership, alliance=alliance)
    if request.method == "POST":
        if "remove" in request.POST:
            try:
                services.membership_remove(membership=membership)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return redirect_manage("workspace:manage-member-update", alliance, pk=pk)
            messages.success(request, _("%(user)s was removed.") % {"user": membership.user})
            return redirect_manage("workspace:manage-member-list", alliance)
        if form.is_valid():
            try:
                services.membership_update(
                    membership=Membership.objects.get(pk=membership.pk),
                    role=form.cleaned_data["role"],
                    organisations=form.cleaned_data["organisations"],
                )
            except ValidationError as exc:
                form.add_error("role", exc)
            else:
                messages.success(request, _("The role was saved."))
                return redirect_manage("workspace:manage-member-list", alliance)
    return render(request, "workspace/member_form.html", {"form": form, "object": membership})


@workspace_view
@require_POST
def invitation_revoke(request, pk: int):
    alliance = request.alliance
    check_perm(request, "alliances.manage_members")
    invitation = get_object_or_404(Invitation.objects.open(), pk=pk, alliance=alliance)
    account_services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation was withdrawn."))
    return redirect_manage("workspace:manage-member-list", alliance)


# --- settings ------------------------------------------------------------------------------------


@workspace_view
def settings_update(request):
    alliance = request.alliance
    check_perm(request, "alliances.change_settings")
    form = AllianceSettingsForm.for_config(alliance_config(alliance), request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.alliance_settings_update(alliance=alliance, values=form.cleaned_data)
        messages.success(request, _("The settings were saved."))
        return redirect_manage("workspace:manage-settings", alliance)
    return render(request, "workspace/settings.html", {"form": form})
