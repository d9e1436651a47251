"""A domain app plugs into the shell from its own ``workspace.py``: nothing of the shell changes."""

import sys

import pytest
from django.test import modify_settings, override_settings
from django.urls import clear_url_caches, reverse

from familiennetz.workspace import registry

TOY_KEYS = ["toys", "toy-shelf", "toy-box", "toy-count", "toy-panel"]


@pytest.fixture
def toy_app():
    with (
        modify_settings(INSTALLED_APPS={"append": "familiennetz.workspace.tests.toyapp"}),
        override_settings(ROOT_URLCONF="familiennetz.workspace.tests.toyapp.urls"),
    ):
        clear_url_caches()
        yield
    for key in TOY_KEYS:
        registry.remove(key)
    sys.modules.pop("familiennetz.workspace.tests.toyapp.workspace", None)
    clear_url_caches()


def test_a_toy_app_adds_its_page_to_the_navigation(client, coordinator, toy_app):
    client.force_login(coordinator.user)
    page = client.get(reverse("toyapp:manage-shelf", kwargs={"alliance_slug": "hainichen"}))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Spielzeug" in html  # the group's label (it has two pages for a coordinator)
    assert 'aria-current="page">Spielzeugregal' in html
    assert "Spielzeugkiste" in html


def test_a_toy_page_is_only_shown_to_roles_with_its_permission(client, viewer, toy_app):
    client.force_login(viewer.user)
    html = client.get(reverse("workspace:manage-dashboard", args=["hainichen"])).content.decode()
    assert "Spielzeugregal" in html
    assert "Spielzeugkiste" not in html  # alliances.manage_members: coordinators only
    assert 'id="nav-toys"' not in html  # one page left: no group heading


def test_a_toy_app_adds_a_tile_and_a_panel_to_the_dashboard(client, coordinator, toy_app):
    client.force_login(coordinator.user)
    html = client.get(reverse("workspace:manage-dashboard", args=["hainichen"])).content.decode()
    assert "Bauklötze im Regal" in html
    assert "Hallo Netzwerk Familie Hainichen" in html


def test_the_toy_page_keeps_the_shells_access_rules(client, alliance, outsider, toy_app):
    client.force_login(outsider.user)
    url = reverse("toyapp:manage-shelf", kwargs={"alliance_slug": "hainichen"})
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_without_the_app_nothing_of_it_shows(client, coordinator):
    client.force_login(coordinator.user)
    html = client.get(reverse("workspace:manage-dashboard", args=["hainichen"])).content.decode()
    assert "Bauklötze" not in html
    assert "Spielzeug" not in html
