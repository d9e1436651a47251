"""Builders for participation tests: surveys are built through the services (as the workspace
builds them), so options, keys and age labels are exactly what production makes."""

from __future__ import annotations

from familiennetz.directory.tests.factories import DistrictFactory, OrganisationFactory
from familiennetz.participation import services
from familiennetz.participation.models import Question, Survey

Kind = Question.Kind


def make_survey(alliance, *, title="Was brauchen Familien?", languages=("de", "ar"), **fields):
    survey = services.survey_create(
        alliance=alliance, title=title, languages=list(languages), **fields
    )
    return survey


def add_question(survey, kind, text, *, options=(), translations=None, **fields) -> Question:
    """``options``: labels in the main language; ``translations``: {lang: (text, [labels])}."""
    texts = {survey.default_language: {"text": text}}
    lines = {survey.default_language: list(options)}
    for lang, (lang_text, lang_options) in (translations or {}).items():
        texts[lang] = {"text": lang_text}
        lines[lang] = list(lang_options)
    return services.question_save(
        survey=survey, kind=kind, texts=texts, option_lines=lines, **fields
    )


def needs_survey(alliance, *, districts=("Zentrum", "Ottendorf", "Bockendorf")) -> Survey:
    """A needs survey in German and Arabic: district, age, a choice, a smiley scale, a number,
    a conditional free text."""
    for name in districts:
        DistrictFactory(alliance=alliance, name=name, slug=name.lower())
    survey = make_survey(alliance)
    add_question(survey, Kind.DISTRICT, "In welchem Ortsteil wohnen Sie?", is_required=True)
    add_question(survey, Kind.AGE, "Wie alt sind Ihre Kinder?")
    wish = add_question(
        survey,
        Kind.SINGLE,
        "Wünschen Sie sich mehr Angebote am Nachmittag?",
        options=["Ja", "Nein"],
        translations={"ar": ("هل تتمنى المزيد من العروض بعد الظهر؟", ["نعم", "لا"])},
        is_required=True,
    )
    add_question(
        survey,
        Kind.SMILEY,
        "Wie zufrieden sind Sie mit den Angeboten?",
        translations={"ar": ("ما مدى رضاك عن العروض؟", [])},
        scale_size=5,
    )
    add_question(survey, Kind.NUMBER, "Wie viele Kinder haben Sie?", min_value=0, max_value=15)
    add_question(
        survey,
        Kind.TEXT,
        "Welche Angebote fehlen Ihnen?",
        condition_question=wish,
        condition_options=[wish.options.get(key="ja")],
    )
    services.survey_set_state(survey=survey, state=Survey.State.OPEN)
    return survey


def questions_by_kind(survey) -> dict:
    return {q.kind: q for q in survey.questions.prefetch_related("options")}


def kita(alliance, name="Kita Regenbogen"):
    from familiennetz.directory.models import Organisation

    return OrganisationFactory(alliance=alliance, name=name, kind=Organisation.Kind.KITA)
