"""Workspace: the start page (/manage/), the dashboard, members and settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.accounts import services as account_services
from familiennetz.accounts.models import Invitation
from familiennetz.freshness.selectors import due_count, due_entries, due_q, expired_q
from familiennetz.moderation.models import ChangeRequest
from familiennetz.moderation.selectors import review_counts, review_list

from . import services
from .config import alliance_config
from .forms import AllianceSettingsForm, InvitationForm, MembershipForm
from .models import Alliance, Membership
from .predicates import access_of
from .workspace import check_perm, redirect_manage, workspace_view


@login_required
def home(request):
    """/manage/: straight to the only workspace, or a list of the user's alliances."""
    access = access_of(request.user)
    alliances = Alliance.objects.active().order_by("name")
    if not access.is_superuser:
        alliances = alliances.filter(pk__in=access.alliance_ids())
    alliances = list(alliances)
    if len(alliances) == 1:
        return redirect_manage("alliances:manage-dashboard", alliances[0])
    from familiennetz.directory.models import Offer

    for alliance in alliances:  # the state office's overview: is the data kept current?
        offers = Offer.objects.for_alliance(alliance).filter(status="published")
        alliance.offer_count = offers.count()
        alliance.offers_due = offers.filter(due_q(alliance)).count()
    return render(request, "alliances/workspace/home.html", {"alliances": alliances})


@workspace_view
def dashboard(request):
    alliance = request.alliance
    user = request.user
    due = due_entries(alliance=alliance, user=user, limit=10)
    can_review = user.has_perm("moderation.review", alliance)
    context = {
        "due": due,
        "due_total": due_count(alliance=alliance, user=user),
        "can_review": can_review,
        "config": alliance_config(alliance),
    }
    if can_review:
        context["review_counts"] = review_counts(alliance=alliance)
        context["reviews"] = review_list(alliance=alliance)[:10]
        context["reports"] = [
            item for item in context["reviews"] if item.kind == ChangeRequest.Kind.REPORT
        ]
    else:
        context["my_pending"] = (
            ChangeRequest.objects.for_alliance(alliance).pending().filter(author=user)
        )
    from familiennetz.directory.models import Offer, Organisation

    context["expired_offers"] = (
        Offer.objects.for_alliance(alliance)
        .visible_to(user)
        .filter(status="published")
        .filter(expired_q(alliance))
        .count()
    )
    context["offer_count"] = (
        Offer.objects.for_alliance(alliance).visible_to(user).filter(status="published").count()
    )
    context["organisation_count"] = (
        Organisation.objects.for_alliance(alliance).visible_to(user).count()
    )
    return render(request, "alliances/workspace/dashboard.html", context)


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
            return redirect_manage("alliances:manage-member-list", alliance)
    return render(
        request,
        "alliances/workspace/member_list.html",
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
                return redirect_manage("alliances:manage-member-update", alliance, pk=pk)
            messages.success(request, _("%(user)s was removed.") % {"user": membership.user})
            return redirect_manage("alliances:manage-member-list", alliance)
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
                return redirect_manage("alliances:manage-member-list", alliance)
    return render(
        request, "alliances/workspace/member_form.html", {"form": form, "object": membership}
    )


@workspace_view
@require_POST
def invitation_revoke(request, pk: int):
    alliance = request.alliance
    check_perm(request, "alliances.manage_members")
    invitation = get_object_or_404(Invitation.objects.open(), pk=pk, alliance=alliance)
    account_services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation was withdrawn."))
    return redirect_manage("alliances:manage-member-list", alliance)


# --- settings ------------------------------------------------------------------------------------


@workspace_view
def settings_update(request):
    alliance = request.alliance
    check_perm(request, "alliances.change_settings")
    form = AllianceSettingsForm.for_config(alliance_config(alliance), request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.alliance_settings_update(alliance=alliance, values=form.cleaned_data)
        messages.success(request, _("The settings were saved."))
        return redirect_manage("alliances:manage-settings", alliance)
    return render(request, "alliances/workspace/settings.html", {"form": form})
