"""The workspace pages of a list of lines the coordinator keeps by hand: the Erste-Hilfe-Box's
contacts and the Kita → school steps.

Both have the same three pages: the list (lines by group, a form for a new line, the latest
changes), a line's edit page (with "Remove") and the removal (POST only). ``LinePages``
describes one list (model, form, services, URL names, texts); the view functions in
``views/workspace.py`` hand their request to ``list_page``, ``update_page`` or ``delete_page``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.translation import gettext as _

from familiennetz.workspace.access import check_perm, manage_url, redirect_manage

MANAGE = "outreach.manage_outreach"
HISTORY_LIMIT = 15


def add_errors(form, exc: ValidationError) -> None:
    """A service's ``ValidationError`` as errors of the form (fields it names, or the form)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def row_or_404(model, request, pk: int):
    """A row of the current alliance; another alliance's row does not exist (404)."""
    row = model.objects.for_alliance(request.alliance).filter(pk=pk).first()
    if row is None:
        raise Http404(_("This entry does not exist or is not yours to see."))
    return row


@dataclass(frozen=True)
class LinePages:
    """One list of lines: what its three pages differ in."""

    model: Any  # HelpContact, TransitionStep
    form: Any  # its ModelForm
    save: Callable[..., Any]  # services.…_save(alliance=, values=[, <instance_name>=])
    delete: Callable[..., None]  # services.…_delete(<instance_name>=)
    instance_name: str  # the services' keyword for an existing line: "contact", "step"
    url_name: str  # the list page; "<url_name>-update" and "<url_name>-delete" follow
    template: str  # the list page's template
    groups: Callable[..., Any]  # selectors.…(alliance=): the lines by group
    groups_name: str  # the groups' name in the list template
    history_label: str  # a field of the line that names it in the list of changes
    added: Any  # messages and the edit page's title (lazy translations)
    saved: Any
    removed: Any
    edit_title: Any
    history_detail: str = ""  # another field shown in brackets after the name
    form_takes_alliance: bool = False  # the form limits choices to the alliance's rows

    def make_form(self, request, **kwargs):
        if self.form_takes_alliance:
            kwargs["alliance"] = request.alliance
        return self.form(request.POST or None, **kwargs)

    def history(self, alliance) -> list:
        versions = list(
            self.model.history.filter(alliance_id=alliance.pk)
            .select_related("history_user")
            .order_by("-history_date")[:HISTORY_LIMIT]
        )
        for version in versions:
            version.label = getattr(version, self.history_label)
            version.detail = getattr(version, self.history_detail) if self.history_detail else ""
        return versions


def _saved(request, pages: LinePages, form, message, row=None) -> bool:
    """Save a valid POSTed form through the service (a new line, or ``row``); ``message`` on
    success, the service's objections as the form's errors otherwise."""
    if request.method != "POST" or not form.is_valid():
        return False
    existing = {}
    if row is not None:  # a fresh copy: the bound form has already changed ``row``
        existing[pages.instance_name] = pages.model.objects.get(pk=row.pk)
    try:
        pages.save(alliance=request.alliance, values=form.cleaned_data, **existing)
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    messages.success(request, message)
    return True


def list_page(request, pages: LinePages):
    """The lines by group, a form for a new line, the latest changes."""
    alliance = request.alliance
    check_perm(request, MANAGE)
    form = pages.make_form(request, prefix="neu")
    if _saved(request, pages, form, pages.added):
        return redirect_manage(pages.url_name, alliance)
    return render(
        request,
        pages.template,
        {
            pages.groups_name: pages.groups(alliance=alliance),
            "form": form,
            "history": pages.history(alliance),
        },
    )


def update_page(request, pages: LinePages, pk: int):
    """A line's form; "Remove" below it."""
    alliance = request.alliance
    check_perm(request, MANAGE)
    row = row_or_404(pages.model, request, pk)
    form = pages.make_form(request, instance=row)
    if _saved(request, pages, form, pages.saved, row):
        return redirect_manage(pages.url_name, alliance)
    return render(
        request,
        "outreach/workspace/form.html",
        {
            "form": form,
            "title": pages.edit_title,
            "back_url": manage_url(pages.url_name, alliance),
            "delete_url": manage_url(f"{pages.url_name}-delete", alliance, pk=row.pk),
        },
    )


def delete_page(request, pages: LinePages, pk: int):
    """Remove a line (POST only)."""
    check_perm(request, MANAGE)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    pages.delete(**{pages.instance_name: row_or_404(pages.model, request, pk)})
    messages.success(request, pages.removed)
    return redirect_manage(pages.url_name, request.alliance)
