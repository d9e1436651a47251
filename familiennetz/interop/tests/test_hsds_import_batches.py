"""The HSDS import writes entries through ``moderation.services.entries_save`` in batches
(ADR 1542): every entry still gets its history record (with the offer's category set, as one
save would record it) and the import's reason, but the statements per entry no longer carry
a savepoint, a history insert and a request check each."""

import json
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from familiennetz.directory.models import Category, Offer, Organisation
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import read_files
from familiennetz.moderation.changes import EntryChanges
from familiennetz.moderation.models import ChangeRequest
from familiennetz.moderation.services import entries_save

ORG_ID = "7f7f0000-0000-4000-8000-000000000001"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def feed(count: int, *, description: str = "Für Familien.") -> dict[str, bytes]:
    """An organisation and ``count`` services, as two JSON files (the names say the type)."""
    organization = {"id": ORG_ID, "name": "Träger", "description": "Ein Träger"}
    services = [
        {
            "id": str(uuid.UUID(int=1000 + n, version=4)),
            "name": f"Angebot {n}",
            "description": description,
            "status": "active",
            "organization_id": ORG_ID,
        }
        for n in range(count)
    ]
    return {
        "organizations.json": json.dumps([organization]).encode(),
        "services.json": json.dumps(services).encode(),
    }


def run(alliance, files):
    return hsds_import(alliance=alliance, tables=read_files(files))


def statements(ctx) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries]


def test_every_imported_entry_has_its_history_record(empty_alliance):
    report = run(empty_alliance, feed(3))
    assert report.committed, report.errors
    for offer in Offer.objects.filter(alliance=empty_alliance):
        [record] = offer.history.all()
        assert record.history_type == "+"
        assert record.history_change_reason == "HSDS import"
        assert record.history_user is None
        assert record.name == offer.name
    [org_record] = Organisation.objects.get(alliance=empty_alliance).history.all()
    assert org_record.history_type == "+"

    changed = run(empty_alliance, feed(3, description="Neu: für alle Familien."))
    assert changed.committed, changed.errors
    offer = Offer.objects.filter(alliance=empty_alliance).first()
    latest = offer.history.latest()
    assert latest.history_type == "~"
    assert latest.description == "Neu: für alle Familien."
    assert latest.prev_record.description == "Für Familien."


def test_history_keeps_the_offers_categories_as_one_save_would(empty_alliance):
    run(empty_alliance, feed(1))
    offer = Offer.objects.get(alliance=empty_alliance)
    category = Category.objects.create(
        alliance=empty_alliance, code="x.y", name="Gruppen", slug="gruppen"
    )
    offer.categories.add(category)
    offer.description = "Geändert"
    [outcome] = entries_save([(offer, EntryChanges(fields={"description": "Geändert"}))], user=None)
    assert outcome.result == "applied"
    latest = offer.history.latest()
    assert [c.category_id for c in latest.categories.all()] == [category.pk]


def test_statements_per_entry_stay_few(empty_alliance):
    run(empty_alliance, feed(1))  # reference data (languages, taxonomy) read once
    with CaptureQueriesContext(connection) as small:
        run(empty_alliance, feed(11))
    with CaptureQueriesContext(connection) as large:
        run(empty_alliance, feed(41))
    per_entry = (len(statements(large)) - len(statements(small))) / 30
    # ≈ 11 per entry through entry_save one by one (savepoint ×2, insert, history, checks);
    # batched: the insert of the offer and little else.
    assert per_entry <= 3, per_entry
    assert not [sql for sql in statements(large) if sql.startswith("SAVEPOINT")][5:]


def test_pending_publication_requests_are_settled_by_a_batch(empty_alliance, django_user_model):
    run(empty_alliance, feed(2))
    offers = list(Offer.objects.filter(alliance=empty_alliance))
    author = django_user_model.objects.create_user("anbieter@example.org", password="x" * 12)
    for offer in offers:
        ChangeRequest.objects.create(
            alliance=empty_alliance,
            kind=ChangeRequest.Kind.PUBLICATION,
            content_type=ContentType.objects.get_for_model(Offer),
            object_id=offer.pk,
            author=author,
            base_updated_at=offer.updated_at,
        )
    run(empty_alliance, feed(2, description="Neuer Text"))
    states = set(
        ChangeRequest.objects.filter(alliance=empty_alliance).values_list("state", flat=True)
    )
    assert states == {ChangeRequest.State.ACCEPTED}


def test_entries_save_refuses_a_change_that_needs_review(empty_alliance, django_user_model):
    run(empty_alliance, feed(1))
    offer = Offer.objects.get(alliance=empty_alliance)
    stranger = django_user_model.objects.create_user("fremd@example.org", password="x" * 12)
    with pytest.raises(ValueError):
        entries_save([(offer, EntryChanges(fields={"name": "Anders"}))], user=stranger)
