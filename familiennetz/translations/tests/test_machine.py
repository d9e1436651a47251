"""The machine-translation hook: off by default (nothing is sent), a local fake
LibreTranslate-compatible server when configured, timeouts and bad answers as clear errors."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.exceptions import ValidationError

from familiennetz.translations import machine, services
from familiennetz.translations.languages import EASY
from familiennetz.translations.models import ContentTranslation


class FakeTranslator(BaseHTTPRequestHandler):
    requests: list = []
    answer: bytes | None = None
    delay = 0.0

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append((self.path, body))
        time.sleep(type(self).delay)
        answer = (
            type(self).answer
            or json.dumps({"translatedText": f"[{body['target']}] {body['q']} <b>ok</b>"}).encode()
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_service(settings):
    FakeTranslator.requests, FakeTranslator.answer, FakeTranslator.delay = [], None, 0.0
    server = HTTPServer(("127.0.0.1", 0), FakeTranslator)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MACHINE_TRANSLATION_URL = f"http://127.0.0.1:{server.server_port}/"
    settings.MACHINE_TRANSLATION_TIMEOUT = 0.5
    yield FakeTranslator
    server.shutdown()
    server.server_close()


@pytest.fixture
def offer(alliance, offer_factory):
    return offer_factory(alliance=alliance, name="Elterncafé", summary="Kaffee und Gespräche.")


def test_without_the_setting_nothing_is_sent(offer, coordinator, settings, monkeypatch):
    settings.MACHINE_TRANSLATION_URL = ""
    calls = []
    monkeypatch.setattr("urllib.request.urlopen", lambda *a, **k: calls.append(a))
    assert not machine.is_enabled()
    with pytest.raises(ValidationError):
        services.machine_draft(obj=offer, language="ar", user=coordinator.user)
    assert calls == []
    assert not ContentTranslation.objects.exists()


def test_draft_is_stored_marked_as_machine_made_and_without_markup(
    offer, coordinator, fake_service
):
    drafted = services.machine_draft(obj=offer, language="uk", user=coordinator.user)
    assert set(drafted) == {"name", "summary"}
    path, body = fake_service.requests[0]
    assert path == "/translate"
    assert body == {"q": "Elterncafé", "source": "de", "target": "uk", "format": "text"}
    row = ContentTranslation.objects.get(field="name", language="uk")
    assert row.text == "[uk] Elterncafé ok" and row.is_machine
    assert row.translated_by == coordinator.user


def test_checked_translations_are_not_sent_again(offer, coordinator, fake_service):
    services.translation_save(
        obj=offer, language="tr", texts={"name": "Ebeveyn kafesi"}, user=coordinator.user
    )
    assert services.machine_draft(obj=offer, language="tr", user=coordinator.user) == ["summary"]
    assert [body["q"] for _path, body in fake_service.requests] == ["Kaffee und Gespräche."]


def test_slow_service_gives_a_clear_error_and_stores_nothing(offer, coordinator, fake_service):
    fake_service.delay = 1.5
    with pytest.raises(ValidationError) as exc:
        services.machine_draft(obj=offer, language="ru", user=coordinator.user)
    assert "did not answer" in str(exc.value) or "antwortet" in str(exc.value)
    assert not ContentTranslation.objects.exists()


def test_nonsense_answer_gives_a_clear_error(offer, coordinator, fake_service):
    fake_service.answer = b"<html>not json</html>"
    with pytest.raises(ValidationError):
        services.machine_draft(obj=offer, language="ru", user=coordinator.user)
    assert not ContentTranslation.objects.exists()


def test_leichte_sprache_is_never_machine_made(offer, coordinator, fake_service):
    with pytest.raises(ValidationError):
        services.machine_draft(obj=offer, language=EASY, user=coordinator.user)
    assert fake_service.requests == []


def test_coordinator_asks_for_a_draft_in_the_workspace(client, offer, coordinator, fake_service):
    client.force_login(coordinator.user)
    url = f"/manage/{offer.alliance.slug}/uebersetzungen/angebot/{offer.pk}/ar/"
    page = client.get(url).text
    assert "maschinell/" in page
    response = client.post(url + "maschinell/", follow=True)
    assert response.status_code == 200
    assert ContentTranslation.objects.filter(language="ar", is_machine=True).count() == 2
    assert "maschinell übersetzt" in response.text


def test_provider_cannot_ask_for_a_draft(client, alliance, offer_factory, provider, fake_service):
    offer = offer_factory(alliance=alliance, organisation=provider.organisation)
    client.force_login(provider.user)
    url = f"/manage/{alliance.slug}/uebersetzungen/angebot/{offer.pk}/ar/"
    assert "maschinell/" not in client.get(url).text
    assert client.post(url + "maschinell/").status_code == 403
    assert fake_service.requests == []
