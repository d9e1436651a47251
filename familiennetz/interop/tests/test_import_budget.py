"""Imports are read in a background task, in a child process with a memory and time budget
(ADR 1520): the preview says "being checked" until the check is done, a file over a budget is
refused with the limit named, and nothing of it is left behind."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from familiennetz.interop.models import ImportUpload

from .conftest import FIXTURES

FIXED = (FIXTURES / "kitas_fixed.csv").read_bytes()
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator.user)
    yield client  # the pages in German, the default interface language


def post(client, alliance, data, name="kitas.csv"):
    handle = io.BytesIO(data)
    handle.name = name
    return client.post(
        f"/manage/{alliance.slug}/daten/importieren/",
        {"kind": "sheet", "sheet-file": handle, "sheet-status": "draft"},
    )


def big_csv(rows: int = 40_000) -> bytes:
    """A plain list within the limits checked before parsing (50,000 rows, 200 columns)."""
    lines = ["Angebot;Träger;Beschreibung"]
    lines += [f"Angebot {n};Verein {n % 50};{'Text ' * 20}{n}" for n in range(rows)]
    return "\r\n".join(lines).encode()


@override_settings(IMPORT_PARSE_MEMORY_MB=4)
def test_a_file_over_the_memory_budget_is_refused_naming_the_limit(as_coordinator, alliance):
    response = post(as_coordinator, alliance, big_csv())
    assert response.status_code == 302
    assert not ImportUpload.objects.exists()  # nothing left behind
    page = as_coordinator.get(response["Location"])
    assert page.status_code == 422
    text = page.content.decode()
    assert "mehr als 4 MB Arbeitsspeicher nötig gewesen (Speichergrenze für Importe)" in text
    assert "kitas.csv" in text
    assert "Die hochgeladene Datei wurde gelöscht." in text


@override_settings(IMPORT_PARSE_WALL_SECONDS=0)
def test_a_file_over_the_time_budget_is_refused_naming_the_limit(as_coordinator, alliance):
    response = post(as_coordinator, alliance, big_csv(5_000))
    assert not ImportUpload.objects.exists()
    page = as_coordinator.get(response["Location"])
    assert page.status_code == 422
    assert "länger als 0 Sekunden (Zeitgrenze für Importe)" in page.content.decode()


def test_another_users_failure_is_not_shown(as_coordinator, alliance, client, steering_member):
    with override_settings(IMPORT_PARSE_MEMORY_MB=4):
        response = post(as_coordinator, alliance, big_csv())
    client.force_login(steering_member.user)
    assert client.get(response["Location"]).status_code in (403, 404)


@pytest.mark.django_db(transaction=True)
def test_the_preview_says_being_checked_until_a_worker_has_checked(
    as_coordinator, alliance, coordinator
):
    with override_settings(TASKS=DB_TASKS):
        response = post(as_coordinator, alliance, FIXED)
        preview = response["Location"]
        waiting = as_coordinator.get(preview)
        assert waiting.status_code == 202
        text = waiting.content.decode()
        assert "wird im Hintergrund geprüft" in text
        assert f'href="{preview}"' in text  # a reload link: no JavaScript needed
        assert 'http-equiv="refresh"' not in text  # no timed refresh (WCAG 2.2.1, axe)
        upload = ImportUpload.objects.get()
        assert not upload.checked

        call_command("db_worker", "--batch", "--no-startup-delay", "--worker-id", "test-worker")

        task = DBTaskResult.objects.get()
        assert task.status == TaskResultStatus.SUCCESSFUL
        assert task.return_value == "checked"
        checked = as_coordinator.get(preview)
        assert checked.status_code == 200
        assert "Was der Import tun würde" in checked.content.decode()
