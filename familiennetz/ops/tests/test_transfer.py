"""Moving one alliance: export → delete it → import (new ids) → export again: the two files
hold the same rows, links and files once ids are replaced by their position in the file."""

from __future__ import annotations

import base64
import json
from collections import Counter, defaultdict

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from familiennetz.alliances.models import Alliance, Membership, StateOffice
from familiennetz.directory.models import Category, Offer
from familiennetz.freshness.models import ReviewReminder
from familiennetz.moderation.models import ChangeRequest
from familiennetz.network.models import Partner, Snapshot
from familiennetz.ops.transfer import json_remap, label, moved_models

from .support import files_under, fill_instance

pytestmark = [pytest.mark.slow]


@pytest.fixture
def media(settings, tmp_path, private_files):
    settings.MEDIA_ROOT = tmp_path / "media"
    return {"public": tmp_path / "media", "private": private_files}


def move_to_new_media(settings, tmp_path):
    """The target instance's own (empty) media folders."""
    settings.MEDIA_ROOT = tmp_path / "target-media"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "familiennetz.core.files.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "target-private", "base_url": None},
        },
    }


def canonical(path) -> list:
    """The file's lines with every id replaced by the row's position among its model's rows."""
    lines = [json.loads(text) for text in path.read_text().splitlines()]
    header = lines[0]
    position: dict[str, dict] = defaultdict(dict)
    for line in lines[1:]:
        if "model" in line:
            position[line["model"]][line["ref"]] = len(position[line["model"]])

    def ref(model_label, value):
        if isinstance(value, list):
            return [ref(model_label, v) for v in value]
        found = position.get(model_label, {}).get(value)
        return ("row", found) if found is not None else ("gone", value)

    out = [dict(header)]
    models_ = {label(m): m for m in apps.get_models()}
    for line in lines[1:]:
        if "model" not in line:
            out.append(line)
            continue
        fields = json_remap(
            models_[line["model"]],
            dict(line["fields"]),
            lambda target, old: ["row", position.get(target, {}).get(old, ("gone", old))],
        )
        for name, target in header["relations"][line["model"]].items():
            if fields.get(name) is None:
                continue
            if target.startswith("@"):
                content_type = fields.get(target[1:])
                if isinstance(content_type, list):
                    fields[name] = ref(".".join(content_type), fields[name])
            else:
                fields[name] = ref(target, fields[name])
        if "alliance" in fields:
            fields.pop("alliance")  # the same, ("row", 0), in both
        out.append({"model": line["model"], "fields": fields})
    return out


def test_an_alliance_moves_with_every_row_link_and_file(db, media, settings, tmp_path):
    fill_instance()
    hainichen = Alliance.objects.get(slug="hainichen")
    offers_before = Offer.objects.filter(alliance=hainichen).count()
    members_before = Membership.objects.filter(alliance=hainichen).count()
    rows_before = Counter(
        {
            label(model): count
            for model in moved_models()
            if model is not Alliance
            and any(f.name == "alliance" for f in model._meta.concrete_fields)
            and (count := model._base_manager.filter(alliance=hainichen).count())
        }
    )
    rows_before["alliances.alliance"] = 1
    call_command("export_alliance", "hainichen", str(tmp_path / "first.jsonl"))
    Alliance.objects.filter(slug="hainichen").delete()
    move_to_new_media(settings, tmp_path)

    call_command("import_alliance", str(tmp_path / "first.jsonl"))

    moved = Alliance.objects.get(slug="hainichen")
    assert moved.pk != hainichen.pk
    assert Offer.objects.filter(alliance=moved).count() == offers_before >= 75
    assert Membership.objects.filter(alliance=moved).count() == members_before > 0
    call_command("export_alliance", "hainichen", str(tmp_path / "second.jsonl"))
    first, second = canonical(tmp_path / "first.jsonl"), canonical(tmp_path / "second.jsonl")
    assert len(second) == len(first)
    kinds = Counter(line["model"] for line in first if "model" in line)
    # Rows with an alliance: the same counts as on the old instance; version tables too.
    assert {k: v for k, v in kinds.items() if "_" not in k.split(".")[1]} == rows_before
    assert kinds["history.historicaloffer_categories"] > 0
    assert {"directory.offer", "events.registration", "governance.documentversion"} <= set(kinds)
    assert {"history.historicaloffer", "alliances.membership"} <= set(kinds)
    differing = [
        (
            a.get("model"),
            {k: (v, b["fields"].get(k)) for k, v in a["fields"].items() if v != b["fields"].get(k)},
        )
        if "fields" in a
        else (a, b)
        for a, b in zip(first, second, strict=True)
        if a != b
    ]
    assert not differing[:5]
    # Files: the same bytes under the same names in the target's folders.
    exported = {
        line["file"]: base64.b64decode(line["data"])
        for line in map(json.loads, (tmp_path / "first.jsonl").read_text().splitlines())
        if "file" in line
    }
    assert {k for k in exported if k.startswith("private/")}
    assert {k for k in exported if k.startswith("public/")}
    arrived = {
        **{f"public/{k}": v for k, v in files_under(tmp_path / "target-media").items()},
        **{f"private/{k}": v for k, v in files_under(tmp_path / "target-private").items()},
    }
    assert arrived == exported


def test_import_refuses_a_slug_that_exists_and_saves_nothing(db, media, tmp_path):
    fill_instance()
    call_command("export_alliance", "prohlis", str(tmp_path / "prohlis.jsonl"))
    offers = Offer.objects.count()
    with pytest.raises(CommandError, match="'prohlis' exists"):
        call_command("import_alliance", str(tmp_path / "prohlis.jsonl"))
    assert Offer.objects.count() == offers


def test_a_broken_file_imports_nothing_and_leaves_no_files(db, media, settings, tmp_path):
    fill_instance()
    call_command("export_alliance", "prohlis", str(tmp_path / "prohlis.jsonl"))
    Alliance.objects.filter(slug="prohlis").delete()
    lines = (tmp_path / "prohlis.jsonl").read_text().splitlines()
    # A membership of a user the file does not carry: the import fails near its end.
    index = next(i for i, line in enumerate(lines) if '"model": "alliances.membership"' in line)
    row = json.loads(lines[index])
    row["fields"]["user"] = "niemand@nirgends.example"
    lines[index] = json.dumps(row)
    (tmp_path / "prohlis.jsonl").write_text("\n".join(lines) + "\n")
    move_to_new_media(settings, tmp_path)

    with pytest.raises(CommandError, match=r"niemand@nirgends\.example"):
        call_command("import_alliance", str(tmp_path / "prohlis.jsonl"))

    assert not Alliance.objects.filter(slug="prohlis").exists()
    assert not files_under(tmp_path / "target-private")
    assert not files_under(tmp_path / "target-media")


def test_every_tenant_model_is_moved():
    from django.apps import apps

    from familiennetz.alliances.owned import AllianceOwned

    moved = set(moved_models())
    owned = {m for m in apps.get_models() if issubclass(m, AllianceOwned)}
    assert owned - moved == {
        apps.get_model("search", "SearchDocument"),
        apps.get_model("search", "SearchTerm"),
    }


def with_ids_in_json(alliance) -> dict:
    """Rows that store ids inside JSON, a state-office link and a member's second factors."""
    offer = Offer.objects.filter(alliance=alliance).order_by("pk").first()
    categories = list(Category.objects.filter(alliance=alliance).order_by("pk")[:2])
    request = ChangeRequest.objects.create(
        alliance=alliance,
        kind=ChangeRequest.Kind.CHANGE,
        content_type=ContentType.objects.get_for_model(Offer),
        object_id=offer.pk,
        payload={"name": [offer.name + " (neu)"], "categories": [str(c.pk) for c in categories]},
    )
    partners = list(Partner.objects.filter(alliance=alliance).order_by("pk")[:2])
    Snapshot.objects.create(
        alliance=alliance,
        taken_on="2026-01-01",
        nodes=[{"id": p.pk, "label": str(p)} for p in partners],
        edges=[{"source": partners[0].pk, "target": partners[1].pk, "kind": "declared"}],
    )
    ReviewReminder.objects.create(
        alliance=alliance,
        organisation=offer.organisation,
        entries=[["directory.offer", offer.pk]],
        recipients=["traeger@example.org"],
    )
    office = StateOffice.objects.create(name="Landeskoordinierungsstelle Sachsen")
    office.alliances.add(alliance)
    member = Membership.objects.filter(alliance=alliance).order_by("pk").first().user
    TOTPDevice.objects.create(user=member, name="Telefon", key="31323334353637383930")
    StaticDevice.objects.create(user=member, name="Notfallcodes").token_set.create(token="abcd1234")
    return {
        "request": request.pk,
        "offer": offer.name,
        "categories": [c.code for c in categories],
        "partners": [str(p) for p in partners],
        "member": member.email,
        "offices": set(alliance.state_offices.values_list("name", flat=True)),
    }


def test_ids_in_json_devices_and_state_offices_move_along(db, media, settings, tmp_path):
    fill_instance()
    hainichen = Alliance.objects.get(slug="hainichen")
    before = with_ids_in_json(hainichen)
    call_command("export_alliance", "hainichen", str(tmp_path / "move.jsonl"))
    Alliance.objects.filter(slug="hainichen").delete()
    get_user_model().objects.filter(email=before["member"]).delete()  # not on the target yet
    move_to_new_media(settings, tmp_path)

    call_command("import_alliance", str(tmp_path / "move.jsonl"))

    moved = Alliance.objects.get(slug="hainichen")
    request = ChangeRequest.objects.get(alliance=moved, payload__name=[before["offer"] + " (neu)"])
    assert Offer.objects.get(pk=request.object_id).name == before["offer"]
    proposed = Category.objects.filter(pk__in=[int(v) for v in request.payload["categories"]])
    assert sorted(c.code for c in proposed) == sorted(before["categories"])
    assert {c.alliance_id for c in proposed} == {moved.pk}
    snapshot = Snapshot.objects.get(alliance=moved, taken_on="2026-01-01")
    nodes = Partner.objects.filter(pk__in=[n["id"] for n in snapshot.nodes], alliance=moved)
    assert sorted(str(p) for p in nodes) == sorted(before["partners"])
    assert {snapshot.edges[0]["source"], snapshot.edges[0]["target"]} == {
        n["id"] for n in snapshot.nodes
    }
    reminder = ReviewReminder.objects.get(alliance=moved, recipients=["traeger@example.org"])
    assert Offer.objects.get(pk=reminder.entries[0][1]).name == before["offer"]
    offices = set(moved.state_offices.values_list("name", flat=True))
    assert "Landeskoordinierungsstelle Sachsen" in offices
    assert offices == before["offices"]
    member = get_user_model().objects.get(email=before["member"])
    assert TOTPDevice.objects.get(user=member).key == "31323334353637383930"
    assert list(
        StaticDevice.objects.get(user=member).token_set.values_list("token", flat=True)
    ) == ["abcd1234"]
