"""The demo's governance: what journey 9 and the issue's demo list ask for."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from familiennetz.alliances.models import Alliance
from familiennetz.demo.content import DEMO_ALLIANCES
from familiennetz.demo.content.reports import remove_generated
from familiennetz.demo.services import DEMO_ADMIN_EMAIL
from familiennetz.governance import selectors
from familiennetz.governance.models import (
    ActionItem,
    Body,
    Booking,
    Meeting,
    Minutes,
    Project,
    QualityAssessment,
)

SLUGS = [spec.slug for spec in DEMO_ALLIANCES]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--quiet", "--with-admin")
        yield
        with transaction.atomic():
            Alliance.objects.filter(slug__in=SLUGS).delete()
            remove_generated()  # the state office's generated demo networks
            get_user_model().objects.filter(email=DEMO_ADMIN_EMAIL).delete()


pytestmark = pytest.mark.usefixtures("seeded")


def test_hainichen_has_a_year_of_steering_group_meetings_with_minutes(db):
    alliance = Alliance.objects.get(slug="hainichen")
    steering = Body.objects.get(alliance=alliance, kind=Body.Kind.STEERING)
    past = Meeting.objects.filter(body=steering, starts_at__lt=timezone.now())
    assert past.count() >= 11
    assert Minutes.objects.filter(meeting__in=past, status="approved").count() >= 10
    assert steering.meetings.filter(starts_at__gte=timezone.now()).exists()
    assert Body.objects.filter(alliance=alliance, kind=Body.Kind.WORKING_GROUP).count() == 2
    overdue = ActionItem.objects.filter(
        alliance=alliance, status__in=ActionItem.OPEN_STATES, due_on__lt=timezone.localdate()
    )
    assert overdue.exists()


def test_the_festival_has_budget_rooms_and_the_quality_two_years(db):
    alliance = Alliance.objects.get(slug="hainichen")
    project = Project.objects.get(alliance=alliance, title__contains="Martin")
    assert project.budget_lines.count() >= 5
    assert Booking.objects.filter(project=project).exists()
    assert Booking.objects.filter(alliance=alliance, status="requested").exists()
    years = QualityAssessment.objects.filter(alliance=alliance, status="consolidated")
    assert years.count() == 2
    assert len(selectors.quality_dimension_scores(alliance=alliance)) == 2


def test_the_demo_provider_sees_her_overdue_action(db, client):
    user = get_user_model().objects.get(email="anbieter.hainichen@demo.invalid")
    client.force_login(user)
    page = client.get("/manage/hainichen/").content.decode()
    assert "Rückmeldebogen für Eltern überarbeiten" in page


def test_prohlis_has_governance_too(db):
    alliance = Alliance.objects.get(slug="prohlis")
    assert Meeting.objects.filter(alliance=alliance).count() >= 6
    assert QualityAssessment.objects.filter(alliance=alliance).count() == 2
