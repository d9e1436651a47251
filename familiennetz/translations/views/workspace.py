"""Translations in the workspace: the overview of missing, stale and waiting translations per
language, and a record's translations side by side with its German text."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.translation import gettext as _

from familiennetz.moderation.kinds import kind_or_none as entry_kind_or_none
from familiennetz.workspace.access import (
    check_perm,
    entry_or_404,
    manage_url,
    redirect_manage,
    workspace_view,
)

from .. import languages, machine, selectors, services
from ..forms import TranslationForm
from ..registry import TranslatableKind, kind_by_word, kinds

MAX_LISTED = 200


def _kind(word: str) -> TranslatableKind:
    kind = kind_by_word(word)
    if kind is None:
        raise Http404(_("There is nothing to translate here."))
    return kind


def _record(request, kind: TranslatableKind, pk: int):
    """The record (404 outside the alliance or the user's view), if the user may edit it."""
    if entry_kind_or_none(kind.model) is not None:
        obj = entry_or_404(request, kind.model._default_manager.all(), pk=pk)
    else:
        obj = kind.model._default_manager.filter(alliance=request.alliance, pk=pk).first()
        if obj is None:
            raise Http404(_("This entry does not exist or is not yours to see."))
    check_perm(request, kind.edit_perm(), obj)
    return obj


def _language(code: str) -> str:
    if not languages.is_target(code):
        raise Http404(_("This language cannot be chosen for translations."))
    return code


def _record_url(kind, obj, language: str | None = None) -> str:
    if language:
        return manage_url(
            "translations:manage-translation-edit",
            obj.alliance,
            word=kind.word,
            pk=obj.pk,
            language=language,
        )
    return manage_url(
        "translations:manage-translation-record", obj.alliance, word=kind.word, pk=obj.pk
    )


def _to_edit_page(request, kind: TranslatableKind, obj, language: str):
    """Back to the record's page in ``language`` (after saving, a machine draft, a review)."""
    return redirect_manage(
        "translations:manage-translation-edit",
        request.alliance,
        word=kind.word,
        pk=obj.pk,
        language=language,
    )


@workspace_view
def translation_list(request):
    """Per language: the records whose translation is missing, stale, machine-made or waiting."""
    alliance = request.alliance
    check_perm(request, "translations.view_translations")
    language = request.GET.get("sprache") or "ar"
    if not languages.is_target(language):
        language = "ar"
    word = request.GET.get("art") or None
    statuses = [
        status
        for status in selectors.status_list(alliance=alliance, language=language, kind_word=word)
        if status.needs_work and request.user.has_perm(status.kind.edit_perm(), status.obj)
    ]
    for status in statuses:
        status.url = _record_url(status.kind, status.obj, language)  # type: ignore[attr-defined]
    return render(
        request,
        "translations/workspace/translation_list.html",
        {
            "language": language,
            "language_label": languages.label_of(language),
            "languages": languages.target_languages(),
            "kinds": list(kinds()),
            "word": word,
            "statuses": statuses[:MAX_LISTED],
            "truncated": len(statuses) > MAX_LISTED,
            "stale_total": sum(1 for s in statuses if s.stale),
            "missing_total": sum(1 for s in statuses if s.missing),
            "proposed_total": sum(1 for s in statuses if s.proposed),
        },
    )


@workspace_view
def translation_record(request, word: str, pk: int):
    """One record: the state of its translation in every language, its history."""
    kind = _kind(word)
    obj = _record(request, kind, pk)
    rows = [
        (
            code,
            label,
            selectors.record_status(obj, code),
            _record_url(kind, obj, code),
        )
        for code, label in languages.target_languages()
    ]
    return render(
        request,
        "translations/workspace/translation_record.html",
        {
            "kind": kind,
            "obj": obj,
            "name": kind.display_name(obj),
            "rows": rows,
            "history": selectors.history_of(obj),
        },
    )


@workspace_view
def translation_edit(request, word: str, pk: int, language: str):
    """The record's German text beside its translation into ``language``."""
    kind = _kind(word)
    obj = _record(request, kind, pk)
    language = _language(language)
    rows = selectors.translations_of(obj, language)
    form = TranslationForm(request.POST or None, kind=kind, obj=obj, language=language, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.translation_save(
                obj=obj,
                language=language,
                texts=form.cleaned_data["texts"],
                user=request.user,
                confirmed=form.confirmed(),
            )
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            if outcome.result == services.QUEUED:
                messages.success(
                    request, _("Thank you. The translation will be published after review.")
                )
            elif outcome.changed:
                messages.success(request, _("The translation was saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return _to_edit_page(request, kind, obj, language)
    status = selectors.record_status(obj, language, rows)
    return render(
        request,
        "translations/workspace/translation_edit.html",
        {
            "kind": kind,
            "obj": obj,
            "name": kind.display_name(obj),
            "language": language,
            "language_label": languages.label_of(language),
            "html_lang": languages.html_lang(language),
            "direction": languages.direction(language),
            "form": form,
            "status": status,
            "needs_review": services.needs_review(obj=obj, user=request.user),
            "may_review": request.user.has_perm(
                "translations.review_translations", request.alliance
            ),
            "machine_enabled": machine.is_enabled() and language != languages.EASY,
            "may_machine": request.user.has_perm(
                "translations.request_machine_translation", request.alliance
            ),
            "record_url": _record_url(kind, obj),
            "history": selectors.history_of(obj, language),
        },
    )


@workspace_view
def translation_machine(request, word: str, pk: int, language: str):
    kind = _kind(word)
    obj = _record(request, kind, pk)
    language = _language(language)
    check_perm(request, "translations.request_machine_translation")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        drafted = services.machine_draft(obj=obj, language=language, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if drafted:
            messages.success(
                request,
                _("A machine draft was made for %(count)d fields. Please check it.")
                % {"count": len(drafted)},
            )
        else:
            messages.info(request, _("Every field already has a current translation."))
    return _to_edit_page(request, kind, obj, language)


@workspace_view
def translation_review(request, word: str, pk: int, language: str):
    kind = _kind(word)
    obj = _record(request, kind, pk)
    language = _language(language)
    check_perm(request, "translations.review_translations")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    accept = request.POST.get("decision") == "accept"
    count = services.translation_review(
        obj=obj, language=language, user=request.user, accept=accept
    )
    if count:
        messages.success(
            request,
            _("The waiting translation was published.")
            if accept
            else _("The waiting translation was rejected."),
        )
    return _to_edit_page(request, kind, obj, language)
