"""The demo's network: what the network issue's demo list asks for."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from familiennetz.alliances.models import Alliance
from familiennetz.demo.content import DEMO_ALLIANCES
from familiennetz.demo.content.reports import remove_generated
from familiennetz.demo.services import DEMO_ADMIN_EMAIL
from familiennetz.network import analysis, selectors
from familiennetz.network.models import Contribution, Partner, Snapshot, Tie

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


@pytest.mark.parametrize(("slug", "low", "high"), [("hainichen", 36, 46), ("prohlis", 64, 76)])
def test_a_believable_network(db, slug, low, high):
    alliance = Alliance.objects.get(slug=slug)
    partners = Partner.objects.filter(alliance=alliance)
    assert low <= partners.count() <= high
    assert not partners.filter(sector=None).exists()
    ties = Tie.objects.filter(alliance=alliance)
    assert set(ties.values_list("intensity", flat=True)) == {0, 1, 2, 3, 4}
    assert Snapshot.objects.filter(alliance=alliance).count() == 2
    data = selectors.network_data(alliance)
    assert any(e["kind"] == "derived" for e in data.edges)
    result = analysis.analyse(analysis.build_graph(data.nodes, data.edges))
    assert 2 <= len(result.isolated) <= 5
    assert Contribution.objects.filter(
        alliance=alliance, kind="rooms", partner__sector__code="wirtschaft"
    ).exists()
    assert any(b.groups >= 2 for b in result.brokers)


def test_hainichen_misses_pregnancy_counselling_and_the_analysis_says_so(db):
    alliance = Alliance.objects.get(slug="hainichen")
    data = selectors.network_data(alliance)
    result = analysis.analyse(analysis.build_graph(data.nodes, data.edges))
    missing = [gap.sector for gap in result.gaps if gap.missing]
    assert missing == ["schwangerschaftsberatung"]
    assert any(
        "Familienzentrum „Regenbogen“ verbindet drei Gruppen" in sentence
        for sentence in result.sentences
    ), result.sentences
