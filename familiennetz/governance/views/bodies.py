"""Bodies and their members (/manage/<alliance>/gremien/…)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.workspace.access import check_perm, redirect_manage

from .. import selectors, services
from ..forms import BodyForm, MembershipForm
from ..models import BodyMembership, ContactAccount
from .common import add_errors, body_or_404, governance_view, row_or_404


@governance_view
def body_list(request):
    bodies = (
        selectors.bodies_visible(alliance=request.alliance, user=request.user)
        .annotate(
            n_members=Count(
                "memberships", filter=Q(memberships__left_on__isnull=True), distinct=True
            )
        )
        .order_by("-is_active", "kind", "name")
    )
    return render(request, "governance/workspace/body_list.html", {"bodies": bodies})


def _body_form(request, body=None):
    alliance = request.alliance
    check_perm(request, "governance.manage_governance")
    form = BodyForm(request.POST or None, instance=body, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        try:
            body = services.body_save(alliance=alliance, values=form.cleaned_data, body=body)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The body was saved."))
            return redirect_manage("governance:manage-body-detail", alliance, pk=body.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {
            "form": form,
            "title": _("Edit body") if body else _("New body"),
            "back": body,
        },
    )


@governance_view
def body_create(request):
    return _body_form(request)


@governance_view
def body_update(request, pk: int):
    return _body_form(request, body_or_404(request, pk))


@governance_view
def body_detail(request, pk: int):
    body = body_or_404(request, pk)
    now = timezone.now()
    meetings = body.meetings.order_by("starts_at")
    return render(
        request,
        "governance/workspace/body_detail.html",
        {
            "body": body,
            "members": selectors.body_members(body),
            "former": selectors.body_members(body, current=False).filter(left_on__isnull=False),
            "upcoming": meetings.filter(starts_at__gte=now)[:6],
            "past": meetings.filter(starts_at__lt=now).order_by("-starts_at")[:6],
            "open_actions": selectors.open_actions_of_body(body.pk),
        },
    )


def _member_form(request, body, membership=None):
    alliance = request.alliance
    check_perm(request, "governance.manage_governance")
    initial = {}
    if membership is not None:
        account = ContactAccount.objects.filter(contact=membership.contact).first()
        initial = {
            "contact": membership.contact,
            "role": membership.role,
            "label": membership.label,
            "joined_on": membership.joined_on,
            "left_on": membership.left_on,
            "user": account.user if account else None,
        }
    form = MembershipForm(request.POST or None, initial=initial, alliance=alliance)
    if request.method == "POST":
        if membership is not None and "remove" in request.POST:
            services.membership_remove(membership=membership)
            messages.success(request, _("The member was removed."))
            return redirect_manage("governance:manage-body-detail", alliance, pk=body.pk)
        if form.is_valid():
            try:
                services.membership_save(body=body, membership=membership, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The member was saved."))
                return redirect_manage("governance:manage-body-detail", alliance, pk=body.pk)
    return render(
        request,
        "governance/workspace/member_form.html",
        {"form": form, "body": body, "membership": membership},
    )


@governance_view
def member_create(request, pk: int):
    return _member_form(request, body_or_404(request, pk))


@governance_view
def member_update(request, pk: int, member: int):
    body = body_or_404(request, pk)
    membership = row_or_404(request, BodyMembership, member, body=body)
    return _member_form(request, body, membership)
