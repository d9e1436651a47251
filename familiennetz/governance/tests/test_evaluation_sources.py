"""A project evaluated by a survey of the participation app (ADR 0903): the coordinator picks
the survey on the project form and the project page shows its suppressed figures."""

from __future__ import annotations

import pytest
from django.urls import reverse

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.participation.tests import factories as pf
from familiennetz.participation.tests.test_results import answer

from ..models import Project
from . import factories as f

pytestmark = pytest.mark.django_db


def test_coordinator_links_a_survey_and_sees_its_figures(client, alliance, coordinator):
    survey = pf.needs_survey(alliance)
    other = pf.make_survey(AllianceFactory(slug="anderswo"), title="Fremde Umfrage")
    project = f.ProjectFactory(alliance=alliance, title="Familienfest")
    client.force_login(coordinator.user)
    edit = reverse(
        "governance:manage-project-update",
        kwargs={"alliance_slug": alliance.slug, "pk": project.pk},
    )

    form = client.get(edit).content.decode()
    assert survey.title in form
    assert other.title not in form  # another alliance's survey is never offered

    response = client.post(
        edit,
        {
            "title": "Familienfest",
            "goal": "Alle Kitas feiern gemeinsam",
            "status": project.status,
            "evaluation": f"survey:{survey.pk}",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    project = Project.objects.get(pk=project.pk)
    assert (project.evaluation_source, project.evaluation_ref) == ("survey", str(survey.pk))

    page = client.get(response["Location"]).content.decode()
    assert survey.title in page
    assert f"/umfragen/{survey.pk}/" in page
    assert "&lt;5" not in page and "Mittelwert" not in page  # no answers yet

    q = pf.questions_by_kind(survey)
    for _ in range(3):
        answer(survey, q, district="zentrum", wish="ja", smiley=5)
    assert "&lt;5" in client.get(response["Location"]).content.decode()  # 3 respondents: hidden
    for smiley in (4, 4, 3):
        answer(survey, q, district="ottendorf", wish="nein", smiley=smiley)
    page = client.get(response["Location"]).content.decode()
    assert "&lt;5" not in page
    assert "Mittelwert" in page and "4,3" in page  # (5+5+5+4+4+3) / 6 = 4.33


def test_another_alliances_survey_is_refused(client, alliance, coordinator):
    other = pf.make_survey(AllianceFactory(slug="anderswo"), title="Fremde Umfrage")
    pf.make_survey(alliance)
    project = f.ProjectFactory(alliance=alliance)
    client.force_login(coordinator.user)
    edit = reverse(
        "governance:manage-project-update",
        kwargs={"alliance_slug": alliance.slug, "pk": project.pk},
    )
    response = client.post(
        edit,
        {"title": "X", "goal": "Y", "status": project.status, "evaluation": f"survey:{other.pk}"},
    )
    assert response.status_code == 200
    assert "evaluation" in response.context["form"].errors
    assert Project.objects.get(pk=project.pk).evaluation_ref == ""
