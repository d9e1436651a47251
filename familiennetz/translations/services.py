"""Writing translations: a person's edit (applied, or waiting for review like a provider's
change of a published entry), the review of waiting ones, and the machine's drafts.

Whether a translation waits for review follows the rule of the entries' one write path
(``moderation.services.entry_save``): a change to a live entry by somebody who may not
publish it waits; records that are not entries (categories, the network's pages) are edited
by the coordination and apply at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.moderation.kinds import kind_or_none as entry_kind_or_none

from . import languages, machine
from .models import ContentTranslation, fingerprint
from .registry import kind_for
from .sanitise import clean_text, has_markup, strip_markup

APPLIED, QUEUED = "applied", "queued"


@dataclass
class TranslationOutcome:
    result: str  # APPLIED or QUEUED
    changed: list[str]  # the fields written (or proposed)


def needs_review(*, obj, user) -> bool:
    """A live entry changed by somebody who may not publish it (the entries' rule)."""
    entry_kind = entry_kind_or_none(obj)
    if entry_kind is None or user is None or not entry_kind.is_live(obj):
        return False
    return not user.has_perm(entry_kind.perm("publish"), obj)


def _check_language(language: str) -> None:
    if not languages.is_target(language):
        raise ValidationError(_("This language cannot be chosen for translations."))


def validate_texts(*, obj, language: str, texts: dict[str, str]) -> dict[str, str]:
    """Cleaned texts of the kind's fields; ValidationError naming each bad field."""
    _check_language(language)
    kind = kind_for(obj)
    cleaned: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    for name in kind.fields:
        if name not in texts:
            continue
        text = clean_text(texts[name])
        label = kind.field_label(name)
        if has_markup(text):
            errors[name] = [
                _("%(field)s: please write plain text without HTML or scripts.") % {"field": label}
            ]
        elif len(text) > kind.max_length(name):
            errors[name] = [
                _("%(field)s: at most %(max)d characters (it has %(length)d).")
                % {"field": label, "max": kind.max_length(name), "length": len(text)}
            ]
        cleaned[name] = text
    if errors:
        raise ValidationError(errors)
    return cleaned


def _reason(row: ContentTranslation, reason: str) -> None:
    """The history's reason for the next save (django-simple-history)."""
    setattr(row, "_change_reason", reason)  # noqa: B010 (not a declared attribute)


def _row(obj, name: str, language: str) -> ContentTranslation:
    row = ContentTranslation.objects.for_object(obj).filter(field=name, language=language).first()
    return row or ContentTranslation(
        alliance_id=obj.alliance_id, target=obj, field=name, language=language
    )


@transaction.atomic
def translation_save(
    *, obj, language: str, texts: dict[str, str], user, confirmed: Iterable[str] = ()
) -> TranslationOutcome:
    """Save a person's translation of ``obj`` into ``language``.

    ``texts`` maps field names to the translated text (an empty text removes the field's
    translation); a changed text is made from the German text as it is now. ``confirmed``
    names fields whose text stays as it is but was checked by the person (against a changed
    German text, or a machine draft): they are no longer stale or machine-made.
    """
    cleaned = validate_texts(obj=obj, language=language, texts=texts)
    confirmed = set(confirmed)
    queue = needs_review(obj=obj, user=user)
    now = timezone.now()
    changed = []
    for name, text in cleaned.items():
        german_print = fingerprint(getattr(obj, name) or "")
        row = _row(obj, name, language)
        if queue:
            if text == row.text and name not in confirmed:
                continue
            row.proposed_text, row.proposed_fingerprint = text, german_print
            row.proposed_by, row.proposed_at = user, now
            _reason(row, "proposed")
        elif text == row.text:
            fresh = row.source_fingerprint == german_print and not row.is_machine
            if not text or fresh or name not in confirmed:
                continue
            row.source_fingerprint, row.is_machine = german_print, False
            row.translated_by = user
            _reason(row, "checked")
        elif not text:
            if row.pk is not None:
                row.delete()
                changed.append(name)
            continue
        else:
            row.text, row.source_fingerprint, row.is_machine = text, german_print, False
            row.translated_by = user
            _reason(row, "translated")
        row.save()
        changed.append(name)
    return TranslationOutcome(QUEUED if queue else APPLIED, changed)


@transaction.atomic
def translation_review(*, obj, language: str, user, accept: bool) -> int:
    """Accept or reject the waiting translations of one record in one language."""
    count = 0
    for row in ContentTranslation.objects.for_object(obj).filter(language=language).proposed():
        if accept:
            row.text, row.source_fingerprint = row.proposed_text, row.proposed_fingerprint
            row.translated_by, row.is_machine = row.proposed_by, False
            _reason(row, "review accepted")
        else:
            _reason(row, "review rejected")
        row.proposed_text, row.proposed_fingerprint = "", ""
        row.proposed_by, row.proposed_at = None, None
        if row.text:
            row.save()
        else:
            row.delete()
        count += 1
    return count


def machine_draft(*, obj, language: str, user) -> list[str]:
    """Ask the configured machine translation for the fields that have no current, checked
    translation; the drafts are public at once, marked "maschinell übersetzt" until a person
    checks them. Returns the fields drafted. Nothing is sent without MACHINE_TRANSLATION_URL.
    """
    _check_language(language)
    if language == languages.EASY:
        raise ValidationError(_("Texts in Leichte Sprache are written by people, not machines."))
    if not machine.is_enabled():
        raise ValidationError(_("No machine translation service is configured."))
    kind = kind_for(obj)
    drafts: dict[str, str] = {}
    for name in kind.fields:
        german = (getattr(obj, name) or "").strip()
        row = _row(obj, name, language)
        up_to_date = row.text and row.source_fingerprint == fingerprint(german)
        if not german or (up_to_date and not row.is_machine):
            continue
        try:
            text = machine.translate(german, source=languages.SOURCE, target=language)
        except machine.MachineTranslationError as exc:
            raise ValidationError(str(exc)) from exc
        drafts[name] = strip_markup(text)[: kind.max_length(name)]
    with transaction.atomic():
        for name, text in drafts.items():
            row = _row(obj, name, language)
            row.text, row.source_fingerprint = text, fingerprint(getattr(obj, name) or "")
            row.is_machine, row.translated_by = True, user
            _reason(row, "machine draft")
            row.save()
    return list(drafts)
