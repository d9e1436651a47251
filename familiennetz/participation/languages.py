"""Survey languages: which ones a survey may be offered in, their direction, and the texts of a
survey (stored per language in JSON) with a fallback to the survey's first language.

The interface words around a survey (buttons, error messages) come from the interface
catalogues, which exist for German, English, Arabic, Ukrainian, Turkish and Russian (issue 14):
for the survey's other languages (Farsi, Dari, Polish, Romanian, Leichte Sprache) those few
words fall back to the page's language and are marked as such. The survey's own content
(questions, answers, the scale and age labels below) is in the respondent's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

# Languages written right to left among the guide's languages (directory Language codes).
RTL = frozenset({"ar", "fa", "prs", "he", "ur", "ps", "ckb"})

# The languages a survey can be offered in: the guide's languages (directory/migrations/0002).
SURVEY_LANGUAGES: list[tuple[str, str]] = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("tr", "Türkçe"),
    ("ru", "Русский"),
    ("fa", "فارسی"),
    ("prs", "دری"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("de-x-ls", "Leichte Sprache"),
]
ENDONYMS = dict(SURVEY_LANGUAGES)
# A language's code as written in lang="…" (BCP 47): Leichte Sprache is German.
HTML_LANG = {"de-x-ls": "de"}


def direction(code: str) -> str:
    return "rtl" if code.split("-")[0] in RTL else "ltr"


def html_lang(code: str) -> str:
    return HTML_LANG.get(code, code)


def interface_language(code: str, fallback: str | None = None) -> str:
    """The interface catalogue used for the words around a survey in ``code``: the survey
    language itself where a catalogue exists, else ``fallback`` (the page's language)."""
    available = {lang for lang, _name in settings.LANGUAGES}
    if code in available:
        return code
    return fallback if fallback in available else settings.LANGUAGE_CODE


def endonym(code: str) -> str:
    return ENDONYMS.get(code, code)


@dataclass(frozen=True)
class Text:
    """A text of a survey in one language; ``lang`` is the language it is really in (the
    survey's first language when the requested one is missing)."""

    text: str
    lang: str
    fallback: bool = False

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def html_lang(self) -> str:
        return html_lang(self.lang)

    @property
    def dir(self) -> str:
        return direction(self.lang)


def pick(texts: dict, code: str, default: str, key: str | None = None) -> Text:
    """``texts[code]`` (or ``texts[code][key]``), else the default language's text."""

    def get(lang: str) -> str:
        value = texts.get(lang)
        if key is not None:
            value = value.get(key) if isinstance(value, dict) else None
        return (value or "").strip()

    if value := get(code):
        return Text(value, code)
    return Text(get(default), default, fallback=code != default)


# --- content defaults in the guide's languages ---------------------------------------------------
# Filled into new questions so that a scale or an age question is complete in every language a
# survey offers; coordinators can change them like any other text of the survey.

SMILEY_LABELS: dict[str, dict[int, list[str]]] = {
    "de": {
        3: ["Nicht gut", "Geht so", "Gut"],
        5: ["Gar nicht gut", "Nicht so gut", "Geht so", "Gut", "Sehr gut"],
    },
    "en": {
        3: ["Not good", "Okay", "Good"],
        5: ["Not good at all", "Not so good", "Okay", "Good", "Very good"],
    },
    "ar": {
        3: ["ليس جيداً", "مقبول", "جيد"],
        5: ["ليس جيداً أبداً", "ليس جيداً جداً", "مقبول", "جيد", "جيد جداً"],
    },
    "uk": {
        3: ["Погано", "Так собі", "Добре"],
        5: ["Дуже погано", "Погано", "Так собі", "Добре", "Дуже добре"],
    },
    "tr": {
        3: ["İyi değil", "İdare eder", "İyi"],
        5: ["Hiç iyi değil", "Pek iyi değil", "İdare eder", "İyi", "Çok iyi"],
    },
    "ru": {
        3: ["Плохо", "Так себе", "Хорошо"],
        5: ["Очень плохо", "Плохо", "Так себе", "Хорошо", "Очень хорошо"],
    },
}

AGE_LABELS: dict[str, dict[str, str]] = {
    "de": {
        "schwangerschaft": "Schwangerschaft",
        "0-3": "0–3 Jahre",
        "3-6": "3–6 Jahre",
        "6-10": "6–10 Jahre",
        "10-14": "10–14 Jahre",
        "14-18": "14–18 Jahre",
    },
    "en": {
        "schwangerschaft": "Pregnancy",
        "0-3": "0–3 years",
        "3-6": "3–6 years",
        "6-10": "6–10 years",
        "10-14": "10–14 years",
        "14-18": "14–18 years",
    },
    "ar": {
        "schwangerschaft": "الحمل",
        "0-3": "٠–٣ سنوات",
        "3-6": "٣–٦ سنوات",
        "6-10": "٦–١٠ سنوات",
        "10-14": "١٠–١٤ سنة",
        "14-18": "١٤–١٨ سنة",
    },
    "uk": {
        "schwangerschaft": "Вагітність",
        "0-3": "0–3 роки",
        "3-6": "3–6 років",
        "6-10": "6–10 років",
        "10-14": "10–14 років",
        "14-18": "14–18 років",
    },
    "tr": {
        "schwangerschaft": "Hamilelik",
        "0-3": "0–3 yaş",
        "3-6": "3–6 yaş",
        "6-10": "6–10 yaş",
        "10-14": "10–14 yaş",
        "14-18": "14–18 yaş",
    },
    "ru": {
        "schwangerschaft": "Беременность",
        "0-3": "0–3 года",
        "3-6": "3–6 лет",
        "6-10": "6–10 лет",
        "10-14": "10–14 лет",
        "14-18": "14–18 лет",
    },
}


def smiley_labels(code: str, size: int) -> list[str]:
    labels = SMILEY_LABELS.get(code) or SMILEY_LABELS["de"]
    return labels.get(size) or labels[5]


def in_language(code: str):
    """``translation.override`` for the interface words of a survey in ``code``."""
    return translation.override(interface_language(code, translation.get_language()))
