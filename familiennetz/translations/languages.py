"""The languages a record's text can be translated into: every interface language except
German, plus Leichte Sprache, a variant of German (docs/adr/1510-content-translations.md)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SOURCE = "de"
# BCP 47 private use: German in Leichte Sprache (rendered with lang="de").
EASY = "de-x-ls"
EASY_LABEL = _("Leichte Sprache")
# Languages written right to left.
RTL = frozenset({"ar", "fa", "he", "ur"})


def target_languages() -> list[tuple[str, str]]:
    """(code, label) of every language a translation may have, Leichte Sprache last."""
    codes = [(code, label) for code, label in settings.LANGUAGES if code != SOURCE]
    return [*codes, (EASY, EASY_LABEL)]


def is_target(code: str) -> bool:
    return any(code == known for known, _label in target_languages())


def label_of(code: str) -> str:
    return str(dict(target_languages()).get(code, code))


def html_lang(code: str) -> str:
    """The ``lang`` attribute of text in ``code`` (Leichte Sprache is German)."""
    return SOURCE if code == EASY else code


def direction(code: str) -> str:
    return "rtl" if code in RTL else "ltr"


def page_language(code: str | None) -> str | None:
    """The translation language a page in interface language ``code`` shows, or None for
    German (the source)."""
    base = (code or SOURCE).split("-")[0]
    if base == SOURCE or not is_target(base):
        return None
    return base
