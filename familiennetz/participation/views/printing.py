"""Contexts of the printed documents: sheets of single-use codes with QR codes, the paper
questionnaire with the survey's QR code, and a complaint procedure with its paper form."""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django.conf import settings
from django.utils import translation

from ..languages import direction, html_lang, smiley_labels
from ..models import ComplaintProcedure, Survey, SurveyCodeBatch
from ..selectors import survey_questions
from ..services import format_code

SLIPS_PER_PAGE = 10


def qr_data_uri(url: str) -> str:
    """A PNG data URI (WeasyPrint embeds it; scanners read it off paper)."""
    return segno.make(url, error="m").png_data_uri(scale=4, border=2)


def survey_link(request, survey: Survey, **params) -> str:
    """The printed link: the survey's address without a language prefix (the page chooses its
    interface language from ``sprache``), so that every paper version scans to the same page
    and the QR code stays small."""
    with translation.override(settings.LANGUAGE_CODE):
        url = request.build_absolute_uri(survey.get_absolute_url())
    return f"{url}?{urlencode(params)}" if params else url


def code_sheet_context(request, *, survey: Survey, batch: SurveyCodeBatch) -> dict:
    codes = list(batch.codes.order_by("pk").values_list("code", "used_on"))
    language = survey.default_language
    slips = [
        {
            "code": format_code(code),
            "qr": qr_data_uri(survey_link(request, survey, code=code)),
            "used": used_on is not None,
        }
        for code, used_on in codes
    ]
    pages = [slips[i : i + SLIPS_PER_PAGE] for i in range(0, len(slips), SLIPS_PER_PAGE)]
    return {
        "survey": survey,
        "batch": batch,
        "pages": pages,
        "title": survey.text("title", language),
        "lang": html_lang(language),
        "dir": direction(language),
        "plain_url": survey_link(request, survey),
    }


def questionnaire_context(request, *, survey: Survey, language: str) -> dict:
    questions = survey_questions(survey)
    numbers = {q.pk: i for i, q in enumerate(questions, start=1)}
    items = []
    for q in questions:
        item = {
            "q": q,
            "number": numbers[q.pk],
            "text": q.text(language),
            "help": q.text(language, "help"),
            "options": [o.label(language) for o in q.options.all()] if q.has_options else [],
            "low": q.text(language, "low"),
            "high": q.text(language, "high"),
            "scale": q.scale_values(),
            "smileys": smiley_labels(language, q.scale_size) if q.kind == q.Kind.SMILEY else [],
        }
        if q.condition_question_id in numbers:
            wanted = {o.pk for o in q.condition_options.all()}
            parent = next(p for p in questions if p.pk == q.condition_question_id)
            item["condition_number"] = numbers[parent.pk]
            item["condition"] = " / ".join(
                str(o.label(language)) for o in parent.options.all() if o.pk in wanted
            )
        items.append(item)
    url = survey_link(request, survey, sprache=language)
    return {
        "survey": survey,
        "items": items,
        "title": survey.text("title", language),
        "intro": survey.text("intro", language),
        "lang": html_lang(language),
        "dir": direction(language),
        "qr": qr_data_uri(url),
        "url": url,
    }


def procedure_context(procedure: ComplaintProcedure) -> dict:
    return {
        "procedure": procedure,
        "steps": procedure.step_list(),
        "categories": procedure.category_choices(),
    }
