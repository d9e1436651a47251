"""Workspace screens: building a survey, keying in paper, reviewing free texts, publishing,
a Kita's own survey, needs, the dashboard (journey 9), query budgets and other alliances."""

from __future__ import annotations

import pytest
from django.urls import reverse

from familiennetz.participation import services
from familiennetz.participation.models import Answer, NeedReport, Question, Response, Survey

from .factories import needs_survey, questions_by_kind

pytestmark = pytest.mark.django_db
Kind = Question.Kind


def url(name, alliance, **kwargs):
    return reverse(f"participation:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


def test_a_coordinator_builds_a_bilingual_survey_and_opens_it(client, coordinator, alliance):
    client.force_login(coordinator.user)
    response = client.post(
        url("manage-survey-create", alliance),
        {"title": "Elternabend auswerten", "kind": "evaluation", "languages": ["de", "ar"]},
    )
    survey = Survey.objects.get()
    assert response["Location"] == url("manage-survey-detail", alliance, pk=survey.pk)
    # A choice question without options: the error names the field, the input stays.
    page = client.post(
        url("manage-question-create", alliance, pk=survey.pk),
        {"kind": "single", "text_de": "Wie hat Ihnen der Abend gefallen?", "scale_size": 5},
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert 'href="#id_options_de"' in body and "Wie hat Ihnen der Abend gefallen?" in body
    client.post(
        url("manage-question-create", alliance, pk=survey.pk),
        {
            "kind": "single",
            "is_required": "on",
            "scale_size": 5,
            "text_de": "Würden Sie wiederkommen?",
            "text_ar": "هل ستأتي مرة أخرى؟",
            "options_de": "Ja\nNein",
            "options_ar": "نعم\nلا",
        },
    )
    question = survey.questions.get()
    assert question.texts["ar"]["text"] == "هل ستأتي مرة أخرى؟"
    assert [o.texts for o in question.options.all()] == [
        {"de": "Ja", "ar": "نعم"},
        {"de": "Nein", "ar": "لا"},
    ]
    client.post(
        url("manage-survey-update", alliance, pk=survey.pk),
        {
            "kind": "evaluation",
            "languages": ["de", "ar"],
            "is_listed": "on",
            "title_de": "Elternabend auswerten",
            "intro_de": "Danke, dass Sie da waren.",
            "title_ar": "تقييم أمسية الآباء",
        },
    )
    survey.refresh_from_db()
    assert survey.texts["ar"]["title"] == "تقييم أمسية الآباء"
    client.post(url("manage-survey-state", alliance, pk=survey.pk), {"state": "open"})
    survey.refresh_from_db()
    assert survey.state == "open"
    assert client.get(survey.get_absolute_url() + "?sprache=ar").status_code == 200


def test_paper_questionnaires_are_keyed_in_one_after_another(client, coordinator, alliance):
    survey = needs_survey(alliance)
    q = questions_by_kind(survey)
    client.force_login(coordinator.user)
    paper = url("manage-survey-paper", alliance, pk=survey.pk)
    empty = client.post(paper, {"sprache": "de"})
    assert "leer" in empty.content.decode()
    response = client.post(
        paper,
        {"sprache": "ar", f"q{q[Kind.SMILEY].pk}": "4", f"q{q[Kind.NUMBER].pk}": "2"},
    )
    assert response.status_code == 302 and response["Location"].endswith("?sprache=ar")
    stored = Response.objects.get()
    assert (stored.channel, stored.language) == ("paper", "ar")
    bad = client.post(paper, {"sprache": "de", f"q{q[Kind.NUMBER].pk}": "99"})
    assert 'value="99"' in bad.content.decode() and Response.objects.count() == 1


def test_free_texts_are_seen_by_others_only_after_review(
    client, coordinator, steering_member, alliance
):
    survey = needs_survey(alliance)
    q = questions_by_kind(survey)
    services.response_submit(
        survey=survey,
        answers={
            q[Kind.SINGLE].pk: q[Kind.SINGLE].options.get(key="ja").pk,
            q[Kind.TEXT].pk: "Ein Treffpunkt für Väter",
        },
        language="de",
    )
    results = url("manage-survey-results", alliance, pk=survey.pk)
    client.force_login(steering_member.user)
    assert "Ein Treffpunkt für Väter" not in client.get(results).content.decode()
    client.force_login(coordinator.user)
    assert "Ein Treffpunkt für Väter" in client.get(results).content.decode()
    answer = Answer.objects.get(question=q[Kind.TEXT])
    client.post(
        url("manage-survey-texts", alliance, pk=survey.pk),
        {"answer": answer.pk, "state": "approved"},
    )
    client.force_login(steering_member.user)
    assert "Ein Treffpunkt für Väter" in client.get(results).content.decode()


def test_the_coordinator_publishes_results(client, coordinator, alliance):
    survey = needs_survey(alliance)
    client.force_login(coordinator.user)
    publish = url("manage-survey-publish", alliance, pk=survey.pk)
    client.post(publish, {"publish": "1"})
    survey.refresh_from_db()
    assert survey.results_published_at is None  # nothing to publish yet
    q = questions_by_kind(survey)
    services.response_submit(
        survey=survey, answers={q[Kind.SINGLE].pk: q[Kind.SINGLE].options.first().pk}, language="de"
    )
    client.post(publish, {"publish": "1"})
    survey.refresh_from_db()
    assert survey.results_are_public
    client.logout()
    assert client.get(survey.get_results_url()).status_code == 200


def test_a_kita_runs_its_own_survey_and_sees_no_other(
    client, provider, alliance, organisation_factory
):
    client.force_login(provider.user)
    other = organisation_factory(alliance=alliance, name="Hort am Park")
    refused = client.post(
        url("manage-survey-create", alliance),
        {"title": "Unsere Eltern", "kind": "needs", "languages": ["de"], "organisation": other.pk},
    )
    assert refused.status_code == 200 and not Survey.objects.exists()
    client.post(
        url("manage-survey-create", alliance),
        {
            "title": "Unsere Eltern",
            "kind": "needs",
            "languages": ["de"],
            "organisation": provider.organisation.pk,
        },
    )
    own = Survey.objects.get()
    assert own.organisation == provider.organisation
    network = services.survey_create(alliance=alliance, title="Umfrage des Bündnisses")
    listing = client.get(url("manage-survey-list", alliance)).content.decode()
    assert "Unsere Eltern" in listing and "Umfrage des Bündnisses" not in listing
    assert client.get(url("manage-survey-detail", alliance, pk=network.pk)).status_code == 404
    assert client.get(url("manage-survey-update", alliance, pk=own.pk)).status_code == 200


def test_another_alliances_rows_are_404(client, outsider, alliance):
    survey = needs_survey(alliance)
    client.force_login(outsider.user)
    other = outsider.alliance
    for name in ("manage-survey-detail", "manage-survey-results", "manage-survey-results-csv"):
        assert client.get(url(name, other, pk=survey.pk)).status_code == 404
    need = services.need_report(alliance=alliance, topic="Krippe")
    assert client.get(url("manage-need-detail", other, pk=need.pk)).status_code == 404
    board = services.board_create(alliance=alliance, title="Themen")
    assert client.get(url("manage-board-detail", other, pk=board.pk)).status_code == 404


def test_a_kita_reports_a_need_and_the_network_answers(client, provider, coordinator, alliance):
    client.force_login(provider.user)
    client.post(
        url("manage-need-create", alliance),
        {
            "topic": "Übergang Kita–Schule begleiten",
            "description": "Viele Eltern fragen nach.",
            "organisation": provider.organisation.pk,
            "age_band": "3-6",
            "families": "many",
        },
    )
    need = NeedReport.objects.get()
    assert need.reported_by == provider.user and need.organisation == provider.organisation
    detail = url("manage-need-detail", alliance, pk=need.pk)
    assert client.post(detail, {"state": "answered"}).status_code == 403
    client.force_login(coordinator.user)
    page = client.post(detail, {"state": "answered", "answer": ""})
    assert 'href="#id_answer"' in page.content.decode()
    survey = needs_survey(alliance)
    client.post(
        detail,
        {
            "state": "answered",
            "answer": "Wir planen einen Schulkindertreff.",
            "surveys": [survey.pk],
        },
    )
    need.refresh_from_db()
    assert need.state == "answered" and list(need.surveys.all()) == [survey]
    groups = client.get(url("manage-need-list", alliance)).content.decode()
    assert "3–6 Jahre" in groups


def test_the_dashboard_shows_open_surveys_complaints_and_topics(
    client, coordinator, alliance, django_assert_max_num_queries
):
    survey = needs_survey(alliance)
    q = questions_by_kind(survey)
    for _ in range(3):
        services.response_submit(
            survey=survey,
            answers={q[Kind.SINGLE].pk: q[Kind.SINGLE].options.first().pk},
            language="de",
        )
    board = services.board_create(alliance=alliance, title="Elternabend")
    services.topic_propose(board=board, title="Zahngesundheit")
    client.force_login(coordinator.user)
    with django_assert_max_num_queries(40):
        page = client.get(
            reverse("workspace:manage-dashboard", kwargs={"alliance_slug": alliance.slug})
        )
    body = page.content.decode()
    assert "Was brauchen Familien?" in body and "3 Antwortbögen" in body
    assert "1 Thema für einen Elternabend vorgeschlagen" in body


@pytest.mark.parametrize(
    "name",
    [
        "manage-survey-list",
        "manage-board-list",
        "manage-need-list",
        "manage-overview",
        "manage-complaint-list",
    ],
)
def test_lists_read_in_a_fixed_number_of_queries(
    client, coordinator, alliance, name, django_assert_max_num_queries
):
    for n in range(6):
        survey = (
            needs_survey(alliance, districts=())
            if n == 0
            else services.survey_create(alliance=alliance, title=f"Umfrage {n}")
        )
        services.board_create(alliance=alliance, title=f"Börse {n}")
        services.need_report(alliance=alliance, topic=f"Bedarf {n}")
    assert survey
    client.force_login(coordinator.user)
    with django_assert_max_num_queries(20):
        assert client.get(url(name, alliance)).status_code == 200
