"""Fixtures of the interop tests: the official HSDS examples, the demo alliances."""

import importlib
import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.demo.content.reports import remove_generated
from familiennetz.directory.models import Language

FIXTURES = Path(__file__).parent / "fixtures"
HSDS_EXAMPLES = FIXTURES / "hsds-3.0-examples"
# The shared data folder sits beside the checkout; a worktree elsewhere sets
# FAMILIENNETZ_SHARED_DATA.
SHARED_DATA = Path(
    os.environ.get("FAMILIENNETZ_SHARED_DATA")
    or Path(__file__).resolve().parents[3].parent / "shared" / "data"
)
DEMO_SLUGS = ["hainichen", "prohlis"]


def reload_languages() -> None:
    """The language table comes from a data migration; transactional tests elsewhere in the
    same worker may have flushed it."""
    migration = importlib.import_module("familiennetz.directory.migrations.0002_load_languages")
    for position, (code, name_de, name_en, endonym) in enumerate(migration.LANGUAGES):
        Language.objects.update_or_create(
            code=code,
            defaults={
                "name_de": name_de,
                "name_en": name_en,
                "endonym": endonym,
                "position": position,
            },
        )


@pytest.fixture(scope="module")
def demo_alliances(django_db_setup, django_db_blocker):
    """Both demo alliances, built once per test module (tests must not change them)."""
    with django_db_blocker.unblock():
        reload_languages()
        call_command("seed_demo", "--quiet")
        yield list(Alliance.objects.filter(slug__in=DEMO_SLUGS).order_by("slug"))
        with transaction.atomic():
            Alliance.objects.filter(slug__in=DEMO_SLUGS).delete()
            remove_generated()  # the state office's generated demo networks


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """API rate-limit counters live in the (per-process) cache; each test starts afresh."""
    cache.clear()


@pytest.fixture
def empty_alliance(db):
    return AllianceFactory(slug="neu", name="Neues Bündnis")
