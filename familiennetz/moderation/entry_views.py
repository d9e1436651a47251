"""Create, edit, confirm and publish views shared by the directory's and the calendar's
workspace views (which stay thin: they name the model, the form and the URLs)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.workspace.access import check_perm, entry_or_404

from . import services
from .changes import changes_from_form
from .entries import form_values, is_live, perm_name, status_field
from .models import ChangeRequest
from .selectors import pending_for_entry


def _form(form_class, request, *, instance=None, initial=None):
    alliance = request.alliance
    target = instance if instance is not None else alliance
    can_publish = request.user.has_perm(perm_name(form_class._meta.model, "publish"), target)
    return form_class(
        request.POST or None,
        instance=instance,
        initial=initial,
        alliance=alliance,
        user=request.user,
        can_publish=can_publish,
    )


def _render_form(request, form, *, entry, template, extra):
    preview = None
    if request.method == "POST" and "preview" in request.POST and form.is_valid():
        preview = form_values(form)
    field = status_field(form._meta.model)
    context = {
        "form": form,
        "entry": entry,
        "request_publication": entry is None and field is not None and field not in form.fields,
        "preview": preview,
        "pending": list(pending_for_entry(entry)) if entry is not None else [],
        "needs_review": entry is not None
        and not extra.get("read_only")
        and is_live(entry)
        and not request.user.has_perm(perm_name(entry, "publish"), entry),
        **extra,
    }
    return render(request, template, context)


def entry_create(
    request, form_class, *, template, success_url, initial=None, extra=None, on_saved=None
):
    model = form_class._meta.model
    check_perm(request, perm_name(model, "add"))
    form = _form(form_class, request, initial=initial)
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        outcome = services.entry_save(
            entry=form.instance, changes=changes_from_form(form), user=request.user
        )
        entry = outcome.entry
        if on_saved:
            on_saved(entry)
        if (
            status_field(entry)
            and not is_live(entry)
            and request.POST.get("request_publication")
            and not request.user.has_perm(perm_name(entry, "publish"), entry)
        ):
            services.publication_request(entry=entry, user=request.user)
            messages.success(request, _("Saved as a draft. The coordination will publish it."))
        else:
            messages.success(request, _("“%(name)s” was saved.") % {"name": entry})
        return redirect(success_url(entry))
    return _render_form(request, form, entry=None, template=template, extra=extra or {})


def entry_update(request, queryset, form_class, *, pk, template, success_url, extra=None):
    """Edit an entry; roles that may only read it (viewer, state office) see it read-only."""
    entry = entry_or_404(request, queryset, pk=pk)
    can_change = request.user.has_perm(perm_name(entry, "change"), entry)
    if not can_change:
        check_perm(request, perm_name(entry, "view"), entry)
        if request.method != "GET":
            check_perm(request, perm_name(entry, "change"), entry)
    form = _form(form_class, request, instance=entry)
    if not can_change:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        outcome = services.entry_save(
            entry=form.instance, changes=changes_from_form(form), user=request.user
        )
        if outcome.result == services.QUEUED:
            messages.success(
                request,
                _(
                    "Thank you. Your change was sent to the coordination; the public page "
                    "shows it once it is accepted."
                ),
            )
        else:
            messages.success(request, _("“%(name)s” was saved.") % {"name": outcome.entry})
        return redirect(success_url(outcome.entry))
    return _render_form(
        request,
        form,
        entry=entry,
        template=template,
        extra={"object": entry, "read_only": not can_change, **(extra or {})},
    )


def _suggestion(request, subject: str):
    """The pending public suggestion ``?vorschlag=<id>`` (coordination only), or None."""

    item_id = request.GET.get("vorschlag") or request.POST.get("vorschlag")
    if not item_id or not str(item_id).isdigit():
        return None
    if not request.user.has_perm("moderation.review", request.alliance):
        return None
    return (
        ChangeRequest.objects.for_alliance(request.alliance)
        .pending()
        .filter(pk=item_id, kind=ChangeRequest.Kind.SUGGESTION, subject=subject)
        .first()
    )


SUGGESTION_FIELDS = ("summary", "description", "email", "phone", "website")


def entry_create_with_suggestion(
    request, form_class, *, subject: str, name_field: str, template, success_url
):
    """A new offer or event, prefilled from a public suggestion when one is given; saving
    it accepts the suggestion and links it to the new entry."""
    item = _suggestion(request, subject)
    initial = {"organisation": request.GET.get("organisation")}
    if item is not None:
        initial[name_field] = item.payload.get("name", "")
        initial.update({key: item.payload.get(key, "") for key in SUGGESTION_FIELDS})

    def on_saved(entry):
        if item is not None:
            services.suggestion_link_entry(item=item, entry=entry, user=request.user)

    return entry_create(
        request,
        form_class,
        template=template,
        success_url=success_url,
        initial=initial,
        extra={"suggestion": item},
        on_saved=on_saved,
    )


@require_POST
def entry_confirm(request, queryset, *, pk, success_url):
    """ "Still correct" from the workspace: sets the checked date without changing anything."""
    entry = entry_or_404(request, queryset, pk=pk)
    check_perm(request, perm_name(entry, "confirm"), entry)
    services.entry_confirm(entry=entry, user=request.user)
    messages.success(request, _("“%(name)s” is confirmed as up to date.") % {"name": entry})
    return redirect(success_url(entry))


@require_POST
def entry_status(request, queryset, *, pk, success_url):
    """Publish, unpublish (draft) or archive; providers in review mode ask for publication."""
    entry = entry_or_404(request, queryset, pk=pk)
    check_perm(request, perm_name(entry, "change"), entry)
    status = request.POST.get("status", "")
    if status not in {"published", "draft", "archived"}:
        raise PermissionDenied(_("Unknown status."))
    if status == "published" and not request.user.has_perm(perm_name(entry, "publish"), entry):
        services.publication_request(entry=entry, user=request.user)
        messages.success(request, _("The coordination was asked to publish it."))
    else:  # taking one's own entry offline needs no review
        services.entry_set_status(entry=entry, status=status, user=request.user)
        messages.success(request, _("The status was changed."))
    return redirect(success_url(entry))
