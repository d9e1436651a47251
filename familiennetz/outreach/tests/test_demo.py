"""The demo towns' outreach content (familiennetz/demo/content/outreach.py)."""

import pytest

from familiennetz.demo.content.outreach import RALLIES, install_demo_outreach
from familiennetz.directory.tests import factories as f
from familiennetz.outreach import selectors

pytestmark = pytest.mark.django_db


def test_a_demo_town_gets_a_help_box_and_a_rally_with_six_stations(client, other_alliance):
    for name in RALLIES["prohlis"][2]:
        f.LocationFactory(alliance=other_alliance, name=name)
    install_demo_outreach(alliance=other_alliance)
    groups = selectors.help_groups(alliance=other_alliance)
    assert [g.key for g in groups] == ["notfall", "beratung", "nachts"]
    [rally] = selectors.rally_published_list(alliance=other_alliance)
    stations = list(rally.stations.order_by("number"))
    assert [s.number for s in stations] == [1, 2, 3, 4, 5, 6]
    assert all(s.picture and s.picture_text for s in stations)
    assert stations[1].title == "Bücherwurm"
    page = client.get(f"/prohlis/rallye/{rally.slug}/station-2/")
    assert "Wie viele Bücher mit Tieren" in page.content.decode()
    assert client.get(f"/prohlis/rallye/{rally.slug}/station-2/bild")["Content-Type"] == "image/png"


def test_an_alliance_with_a_rally_can_be_deleted(other_alliance):
    for name in RALLIES["prohlis"][2]:
        f.LocationFactory(alliance=other_alliance, name=name)
    install_demo_outreach(alliance=other_alliance)
    other_alliance.delete()


def test_a_demo_town_gets_the_kita_to_school_steps_with_contacts(client, other_alliance):
    f.LocationFactory(alliance=other_alliance, name="Grundschule Prohlis", slug="grundschule")
    install_demo_outreach(alliance=other_alliance)
    phases = selectors.transition_phases(alliance=other_alliance)
    assert [len(steps) for _label, steps in phases] == [1, 1, 1, 1]
    assert phases[0][1][0].location.name == "Grundschule Prohlis"
    page = client.get("/prohlis/uebergang-schule/").content.decode()
    assert "Schuleingangsuntersuchung" in page
    assert 'href="/prohlis/orte/grundschule/"' in page
