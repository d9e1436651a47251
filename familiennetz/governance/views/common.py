"""Helpers of the governance views: access, lookups through the visibility rules, errors."""

from __future__ import annotations

import functools

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from familiennetz.workspace.access import check_perm, workspace_view

from .. import selectors
from ..models import ActionItem, Meeting


def governance_view(view):
    """A workspace view of governance: login, role in the alliance, then
    ``governance.view_governance`` (403 for the state office)."""

    @functools.wraps(view)
    def inner(request, *args, **kwargs):
        check_perm(request, "governance.view_governance")
        return view(request, *args, **kwargs)

    return workspace_view(inner)


def not_found():
    return Http404(_("This entry does not exist or is not yours to see."))


def body_or_404(request, pk: int):
    body = (
        selectors.bodies_visible(alliance=request.alliance, user=request.user).filter(pk=pk).first()
    )
    if body is None:
        raise not_found()
    return body


def meeting_or_404(request, pk: int) -> Meeting:
    meeting = (
        selectors.meetings_visible(alliance=request.alliance, user=request.user)
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise not_found()
    return meeting


def action_or_404(request, pk: int) -> ActionItem:
    action = (
        ActionItem.objects.filter(alliance=request.alliance, pk=pk)
        .select_related("owner", "meeting", "body", "project")
        .first()
    )
    if action is None or not request.user.has_perm("governance.view_action", action):
        raise not_found()
    return action


def row_or_404(request, model, pk: int, **extra):
    row = model.objects.filter(alliance=request.alliance, pk=pk, **extra).first()
    if row is None:
        raise not_found()
    return row


def add_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names, else on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
