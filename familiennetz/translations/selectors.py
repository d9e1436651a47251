"""Reading translations: what a public page shows (``translation_set``, one query for every
record on the page) and what the workspace lists (stale and missing translations)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q

from familiennetz.alliances.pagecache import alliance_cached

from . import languages
from .models import ContentTranslation, fingerprint
from .registry import TranslatableKind, kind_for, kind_or_none, kinds


@dataclass(frozen=True)
class Shown:
    """The text a page shows for one field of one record."""

    text: str
    lang: str  # the html ``lang`` of the text
    is_translated: bool  # False: the German text stands in
    is_machine: bool = False  # machine-made and unchecked


def _key(obj) -> tuple[str, int]:
    """(``app_label.model``, pk): joined in the query rather than looked up, so that a page
    never pays a content-type query (the page's query budget)."""
    return obj._meta.label_lower, obj.pk


def _of_objects(objects) -> Q:
    """Rows of these records (any models), matched through the content type's natural key."""
    wanted: dict[tuple[str, str], set[int]] = defaultdict(set)
    for obj in objects:
        wanted[(obj._meta.app_label, obj._meta.model_name)].add(obj.pk)
    condition = Q()
    for (app_label, model), ids in wanted.items():
        condition |= Q(
            content_type__app_label=app_label, content_type__model=model, object_id__in=ids
        )
    return condition


class TranslationSet:
    """The translations of some records in one language, loaded with one query.

    ``language`` None means German: every field shows its German text.
    """

    def __init__(self, language: str | None, objects: Iterable = ()):
        self.language = language
        self.rows: dict[tuple[str, int], dict[str, ContentTranslation]] = defaultdict(dict)
        self.missing: set[tuple[str, int]] = set()
        objects = [obj for obj in objects if obj is not None and obj.pk is not None]
        if language is None or not objects:
            return
        rows = (
            ContentTranslation.objects.filter(_of_objects(objects), language=language)
            .exclude(text="")
            .annotate(ct_app=F("content_type__app_label"), ct_model=F("content_type__model"))
            .only("object_id", "field", "language", "text", "is_machine")
        )
        for row in rows:
            key = (f"{row.ct_app}.{row.ct_model}", row.object_id)
            self.rows[key][row.field] = row

    def get(self, obj, name: str) -> Shown:
        german = getattr(obj, name) or ""
        if self.language is None:
            return Shown(german, languages.SOURCE, True)
        row = self.rows.get(_key(obj), {}).get(name)
        if row is not None:
            return Shown(
                row.text, languages.html_lang(self.language), True, is_machine=row.is_machine
            )
        kind = kind_or_none(obj)
        builtin = kind.builtin(obj, name, self.language) if kind and kind.builtin else ""
        if builtin:
            return Shown(builtin, languages.html_lang(self.language), True)
        if german and self.language != languages.EASY:
            self.missing.add(_key(obj))
        return Shown(german, languages.SOURCE, not german or self.language == languages.EASY)

    def has_missing(self, obj, names: Iterable[str]) -> bool:
        """Whether one of these fields (with German text) has no translation."""
        return any(
            not self.get(obj, name).is_translated for name in names if getattr(obj, name, "")
        )

    def has_machine(self, obj) -> bool:
        return any(row.is_machine for row in self.rows.get(_key(obj), {}).values())


def translation_set(*, language: str | None, objects: Iterable) -> TranslationSet:
    return TranslationSet(language, objects)


def easy_language_exists(obj) -> bool:
    """Whether the record has any text in Leichte Sprache."""
    return (
        ContentTranslation.objects.filter(_of_objects([obj]), language=languages.EASY)
        .exclude(text="")
        .exists()
    )


def translations_of(obj, language: str) -> dict[str, ContentTranslation]:
    """The rows of one record in one language, by field."""
    rows = ContentTranslation.objects.for_object(obj).filter(language=language)
    return {row.field: row for row in rows.select_related("translated_by", "proposed_by")}


def history_of(obj, language: str | None = None, limit: int = 30) -> list:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    versions = ContentTranslation.history.filter(content_type_id=content_type.pk, object_id=obj.pk)
    if language:
        versions = versions.filter(language=language)
    return list(versions.select_related("history_user").order_by("-history_date")[:limit])


# --- the workspace's overview ------------------------------------------------------------


@dataclass
class RecordStatus:
    kind: TranslatableKind
    obj: object
    missing: list[str] = field(default_factory=list)  # field names without translation
    stale: list[str] = field(default_factory=list)  # German changed since the translation
    machine: list[str] = field(default_factory=list)  # machine-made, not checked
    proposed: list[str] = field(default_factory=list)  # waiting for review

    @property
    def needs_work(self) -> bool:
        return bool(self.missing or self.stale or self.machine or self.proposed)


def record_status(obj, language: str, rows: dict[str, ContentTranslation] | None = None):
    kind = kind_for(obj)
    rows = translations_of(obj, language) if rows is None else rows
    status = RecordStatus(kind, obj)
    for name in kind.fields:
        german = getattr(obj, name) or ""
        row = rows.get(name)
        if row is not None and row.is_proposed:
            status.proposed.append(name)
        if not german.strip():
            continue
        if row is None or not row.text:
            status.missing.append(name)
        elif row.source_fingerprint != fingerprint(german):
            status.stale.append(name)
        elif row.is_machine:
            status.machine.append(name)
    return status


def status_list(*, alliance, language: str, kind_word: str | None = None) -> list[RecordStatus]:
    """Every translatable record of the alliance with its fields' state in ``language``."""
    rows_by_key: dict[tuple[int, int], dict[str, ContentTranslation]] = defaultdict(dict)
    for row in ContentTranslation.objects.for_alliance(alliance).filter(language=language):
        rows_by_key[(row.content_type_id, row.object_id)][row.field] = row
    result = []
    for kind in kinds():
        if kind_word and kind.word != kind_word:
            continue
        content_type = ContentType.objects.get_for_model(kind.model, for_concrete_model=False)
        for obj in kind.queryset(alliance).order_by(kind.name_field):
            rows = rows_by_key.get((content_type.pk, obj.pk), {})
            result.append(record_status(obj, language, rows))
    return result


@dataclass(frozen=True)
class LanguageSummary:
    code: str
    label: str
    missing: int
    stale: int
    machine: int
    proposed: int


def summary(*, alliance) -> list[LanguageSummary]:
    """Per language: how many records miss, have stale, machine-made or proposed texts."""
    result = []
    for code, label in languages.target_languages():
        statuses = status_list(alliance=alliance, language=code)
        result.append(
            LanguageSummary(
                code,
                str(label),
                missing=sum(1 for s in statuses if s.missing),
                stale=sum(1 for s in statuses if s.stale),
                machine=sum(1 for s in statuses if s.machine),
                proposed=sum(1 for s in statuses if s.proposed),
            )
        )
    return result


def pending_count(*, alliance) -> int:
    return ContentTranslation.objects.for_alliance(alliance).proposed().count()


def pending_count_cached(*, alliance) -> int:
    """``pending_count`` for the navigation's badge on every workspace page: kept in the cache
    under the alliance's content version, so a page costs no query for it while nothing
    changed. Saving or deleting a translation, or a record of the alliance, gives the alliance
    a new version (``alliances/content_version.py``): the next page counts again."""
    return alliance_cached(
        alliance, "translations-pending", lambda: pending_count(alliance=alliance)
    )


def stale_rows(*, alliance, language: str | None = None) -> list[ContentTranslation]:
    """Published translations whose German text changed since they were made."""
    rows = ContentTranslation.objects.for_alliance(alliance).exclude(text="")
    if language:
        rows = rows.filter(language=language)
    by_type: dict[int, list[ContentTranslation]] = defaultdict(list)
    for row in rows:
        by_type[row.content_type_id].append(row)
    stale = []
    for content_type_id, type_rows in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or kind_or_none(model) is None:
            continue
        objects = model._default_manager.in_bulk({row.object_id for row in type_rows})
        for row in type_rows:
            obj = objects.get(row.object_id)
            if obj is not None:
                german = getattr(obj, row.field, "") or ""
                if row.source_fingerprint != fingerprint(german):
                    stale.append(row)
    return stale


def published_translations(obj) -> list[dict]:
    """The record's published translations for the API: language, field, text, whether a
    machine made it unchecked and whether it still matches the German text."""
    rows = ContentTranslation.objects.for_object(obj).exclude(text="").order_by("language", "id")
    return [
        {
            "language": row.language,
            "field": row.field,
            "text": row.text,
            "is_machine": row.is_machine,
            "is_current": row.source_fingerprint == fingerprint(getattr(obj, row.field, "") or ""),
        }
        for row in rows
    ]


def page_translations(*, language: str | None, main, others: Iterable = ()) -> dict:
    """The context a public page needs to show ``main`` (and ``others``, e.g. its categories)
    in ``language`` (None: German): ``translations`` (one query), and whether ``main`` has
    untranslated or machine-made texts (for the page's notes)."""
    translations = translation_set(language=language, objects=[main, *others])
    kind = kind_or_none(main)
    fields = kind.fields if kind else ()
    return {
        "translations": translations,
        "untranslated": language not in (None, languages.EASY)
        and translations.has_missing(main, fields),
        "machine_translated": language is not None and translations.has_machine(main),
    }
