"""The respondent's pages: answering in German and Arabic, the language switch that keeps the
answers, bad input (closed survey, used code, missing answers, oversized text, a flood), no
cookies, and cross-site submissions refused."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from familiennetz.participation import services
from familiennetz.participation.models import Question, Survey

from .factories import needs_survey, questions_by_kind

pytestmark = pytest.mark.django_db
Kind = Question.Kind


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def survey(alliance):
    survey = needs_survey(alliance)
    survey.q = questions_by_kind(survey)
    return survey


def valid(survey, **extra):
    q = survey.q
    return {
        f"q{q[Kind.DISTRICT].pk}": q[Kind.DISTRICT].options.first().pk,
        f"q{q[Kind.SINGLE].pk}": q[Kind.SINGLE].options.get(key="ja").pk,
        **extra,
    }


def test_a_parent_answers_and_is_thanked_without_any_cookie(client, survey):
    page = client.get(survey.get_absolute_url())
    assert page.status_code == 200
    assert not page.cookies
    response = client.post(survey.get_absolute_url(), valid(survey, sprache="de"))
    assert response.status_code == 302
    assert response["Location"].endswith("/danke/?sprache=de")
    assert not response.cookies
    assert survey.responses.count() == 1
    thanks = client.get(response["Location"])
    assert "Ihre Antworten sind angekommen" in thanks.content.decode() or thanks.status_code == 200


def test_the_arabic_survey_is_right_to_left_with_arabic_questions(client, survey):
    body = client.get(survey.get_absolute_url() + "?sprache=ar").content.decode()
    assert '<div class="survey" lang="ar" dir="rtl">' in body
    assert "هل تتمنى المزيد من العروض بعد الظهر؟" in body
    # Untranslated texts are marked as German, left to right.
    assert '<span lang="de" dir="ltr">In welchem Ortsteil wohnen Sie?</span>' in body
    # Arabic is an interface language (issue 14): the words around the survey come from the
    # Arabic catalogue, not from the German page, and are not marked as German.
    with translation.override("ar"):
        send = gettext("Send answers")
    assert f"{send}</button>" in body
    assert '<html lang="ar" dir="rtl">' in body
    assert 'lang="de" dir="ltr">Antworten absenden</button>' not in body
    response = client.post(survey.get_absolute_url(), valid(survey, sprache="ar"))
    assert response.status_code == 302
    assert survey.responses.get().language == "ar"


def test_switching_the_language_keeps_the_answers_typed_so_far(client, survey):
    q = survey.q
    data = {**valid(survey), f"q{q[Kind.NUMBER].pk}": "3", "sprachwechsel": "ar", "sprache": "de"}
    page = client.post(survey.get_absolute_url(), data)
    body = page.content.decode()
    assert page.status_code == 200
    assert 'lang="ar" dir="rtl"' in body
    assert 'value="3"' in body
    assert "checked" in body
    assert "ws-error-summary" not in body  # switching is not sending
    assert survey.responses.count() == 0


def test_missing_required_answers_are_named_and_the_rest_is_kept(client, survey):
    q = survey.q
    page = client.post(survey.get_absolute_url(), {f"q{q[Kind.NUMBER].pk}": "4", "sprache": "de"})
    assert page.status_code == 200
    body = page.content.decode()
    assert body.count("Bitte beantworten Sie diese Frage.") >= 2
    assert 'href="#frage-1"' in body and 'href="#frage-3"' in body
    assert 'value="4"' in body
    assert survey.responses.count() == 0


def test_oversized_free_text_is_refused_with_a_message_and_kept(client, survey):
    q = survey.q
    text = "Mehr Zeit " * 250
    page = client.post(survey.get_absolute_url(), valid(survey, **{f"q{q[Kind.TEXT].pk}": text}))
    assert page.status_code == 200
    assert "höchstens 2000 Zeichen" in page.content.decode()
    assert text.strip()[:100] in page.content.decode()


def test_a_closed_survey_says_so_and_stores_nothing(client, survey):
    services.survey_set_state(survey=survey, state=Survey.State.CLOSED)
    assert "geschlossen" in client.get(survey.get_absolute_url()).content.decode()
    response = client.post(survey.get_absolute_url(), valid(survey))
    assert response.status_code == 410
    assert survey.responses.count() == 0


def test_a_draft_survey_does_not_exist_publicly(client, alliance):
    survey = services.survey_create(alliance=alliance, title="Entwurf")
    assert client.get(survey.get_absolute_url()).status_code == 404


def test_a_used_code_gets_a_clear_message_and_the_answers_stay(client, survey):
    batch = services.code_batch_create(survey=survey, label="Kita", count=2)
    code = batch.codes.first().code
    url = survey.get_absolute_url()
    assert client.post(url, valid(survey, code=code)).status_code == 302
    page = client.post(url, valid(survey, code=code, sprache="ar"))
    assert page.status_code == 409
    body = page.content.decode()
    # The Arabic survey speaks Arabic, its interface included.
    with translation.override("ar"):
        message = gettext("This code was already used: every code works once.")
    assert message != "This code was already used: every code works once."
    assert escape(message) in body
    assert "checked" in body
    # The QR code link shows the problem before anybody types a word.
    assert client.get(f"{url}?code={code}").status_code == 409
    other = batch.codes.last().code
    assert client.get(f"{url}?code={other}").status_code == 200
    assert survey.responses.count() == 1


def test_a_flood_from_one_address_is_stopped_without_losing_the_answers(client, survey, settings):
    settings.SURVEY_RATE_LIMIT = 3
    url = survey.get_absolute_url()
    for _ in range(3):
        assert client.post(url, valid(survey)).status_code == 302
    page = client.post(url, valid(survey, **{f"q{survey.q[Kind.NUMBER].pk}": "2"}))
    assert page.status_code == 429
    assert 'value="2"' in page.content.decode()
    assert survey.responses.count() == 3


def test_the_honeypot_thanks_bots_and_stores_nothing(client, survey):
    response = client.post(survey.get_absolute_url(), valid(survey, homepage="http://spam"))
    assert response.status_code == 302
    assert survey.responses.count() == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_submissions_from_other_sites_are_refused(client, survey, headers):
    response = client.post(survey.get_absolute_url(), valid(survey), **headers)
    assert response.status_code == 403
    assert survey.responses.count() == 0


def test_same_origin_submissions_are_accepted(client, survey):
    response = client.post(
        survey.get_absolute_url(),
        valid(survey),
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302


def test_published_results_are_public_and_suppressed(client, survey):
    url = reverse(
        "participation:survey-results",
        kwargs={"alliance_slug": survey.alliance.slug, "slug": survey.slug},
    )
    assert client.get(url).status_code == 404
    client.post(survey.get_absolute_url(), valid(survey))
    services.survey_publish_results(survey=survey, publish=True)
    body = client.get(url).content.decode()
    assert "&lt;5" in body
    assert "<svg" in body and "<caption" in body
    listing = client.get(
        reverse("participation:survey-list", kwargs={"alliance_slug": survey.alliance.slug})
    )
    assert survey.title in listing.content.decode()


def test_another_alliance_has_no_such_survey(client, survey, other_alliance):
    url = reverse(
        "participation:survey-answer",
        kwargs={"alliance_slug": other_alliance.slug, "slug": survey.slug},
    )
    assert client.get(url).status_code == 404
