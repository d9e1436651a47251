"""The pages the Erste-Hilfe-Box and the Kita → school steps share (views/lines.py): what each
list says after adding, saving and removing a line, the edit page's links, another network's
line, bad input on the edit page, the list page's query budget."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from familiennetz.outreach import services
from familiennetz.outreach.models import HelpContact, TransitionStep

pytestmark = pytest.mark.django_db


def _contact(alliance, name="Notruf"):
    return services.help_contact_save(
        alliance=alliance, values={"group": "notfall", "name": name, "phone": "112"}
    )


def _step(alliance, title="Schulanmeldung"):
    return services.transition_step_save(
        alliance=alliance, values={"phase": "anmeldung", "when": "im Herbst", "title": title}
    )


LISTS = {
    "help": {
        "url": "/manage/hainichen/erste-hilfe/",
        "model": HelpContact,
        "make": _contact,
        "new": {"neu-group": "beratung", "neu-name": "Elterntelefon", "neu-phone": "0800 111"},
        "edit": {"group": "notfall", "name": "Notruf 112", "phone": "112", "position": "5"},
        "bad_edit": {"group": "notfall", "name": "Notruf", "phone": "ruf an", "position": "5"},
        "bad_message": "keine Telefonnummer",
        "title": "Kontakt bearbeiten",
        "added": "Der Kontakt wurde in die Erste-Hilfe-Box aufgenommen.",
        "saved": "Der Kontakt wurde gespeichert.",
        "removed": "Der Kontakt wurde aus der Erste-Hilfe-Box entfernt.",
    },
    "transition": {
        "url": "/manage/hainichen/uebergang-schule/",
        "model": TransitionStep,
        "make": _step,
        "new": {"neu-phase": "vorschule", "neu-when": "im Frühjahr", "neu-title": "Vorschule"},
        "edit": {"phase": "anmeldung", "when": "im Oktober", "title": "Anmeldung", "position": 5},
        "bad_edit": {"phase": "anmeldung", "when": "x", "title": "<b>x</b>", "position": "5"},
        "bad_message": "ohne die Zeichen",
        "title": "Schritt bearbeiten",
        "added": "Der Schritt wurde der Seite Kita → Schule hinzugefügt.",
        "saved": "Der Schritt wurde gespeichert.",
        "removed": "Der Schritt wurde von der Seite Kita → Schule entfernt.",
    },
}


@pytest.fixture(params=sorted(LISTS))
def lines(request):
    return LISTS[request.param]


def test_adding_saving_and_removing_a_line_says_so_and_keeps_the_history(
    logged_in, alliance, lines
):
    url = lines["url"]
    page = logged_in.post(url, {**lines["new"], "neu-position": "0"}, follow=True)
    assert page.redirect_chain == [(url, 302)]
    assert lines["added"] in page.content.decode()
    row = lines["model"].objects.get(alliance=alliance)
    page = logged_in.post(f"{url}{row.pk}/", lines["edit"], follow=True)
    assert page.redirect_chain == [(url, 302)]
    assert lines["saved"] in page.content.decode()
    page = logged_in.post(f"{url}{row.pk}/loeschen/", follow=True)
    assert page.redirect_chain == [(url, 302)]
    text = page.content.decode()
    assert lines["removed"] in text
    assert not lines["model"].objects.filter(alliance=alliance).exists()
    assert text.count("hinzugefügt") >= 1 and "geändert" in text and "entfernt" in text


def test_the_edit_page_links_back_and_offers_removal(logged_in, alliance, lines):
    row = lines["make"](alliance)
    page = logged_in.get(f"{lines['url']}{row.pk}/").content.decode()
    assert f"<h1>{lines['title']}</h1>" in page
    assert f'href="{lines["url"]}">Abbrechen</a>' in page
    assert f'action="{lines["url"]}{row.pk}/loeschen/"' in page


def test_removal_is_post_only(logged_in, alliance, lines):
    row = lines["make"](alliance)
    assert logged_in.get(f"{lines['url']}{row.pk}/loeschen/").status_code == 405
    assert lines["model"].objects.filter(pk=row.pk).exists()


def test_bad_input_on_the_edit_page_is_a_field_error_and_changes_nothing(
    logged_in, alliance, lines
):
    row = lines["make"](alliance)
    response = logged_in.post(f"{lines['url']}{row.pk}/", lines["bad_edit"])
    assert response.status_code == 200
    assert lines["bad_message"] in response.content.decode()
    assert row.history.count() == 1
    assert lines["model"].objects.get(pk=row.pk).position == row.position


def test_another_networks_line_is_a_404_and_stays(logged_in, other_alliance, lines):
    row = lines["make"](other_alliance)
    assert logged_in.get(f"{lines['url']}{row.pk}/").status_code == 404
    assert logged_in.post(f"{lines['url']}{row.pk}/", lines["edit"]).status_code == 404
    assert logged_in.post(f"{lines['url']}{row.pk}/loeschen/").status_code == 404
    assert lines["model"].objects.filter(pk=row.pk).exists()


def test_the_list_page_costs_the_same_with_more_lines(logged_in, alliance, lines):
    def queries() -> int:
        logged_in.get(lines["url"])  # warms the workspace shell's cached parts
        with CaptureQueriesContext(connection) as captured:
            assert logged_in.get(lines["url"]).status_code == 200
        return len(captured.captured_queries)

    lines["make"](alliance, "Erste")
    few = queries()
    for number in range(10):
        lines["make"](alliance, f"Zeile {number}")
    assert queries() == few
