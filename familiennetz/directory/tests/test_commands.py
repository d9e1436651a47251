import json

import pytest
from django.core.management import CommandError, call_command


def test_install_taxonomy_installs_the_german_default(alliance, capsys):
    call_command("install_taxonomy", "--alliance", alliance.slug)
    assert alliance.categories.filter(code="betreuung.kita").exists()
    assert "new" in capsys.readouterr().out


def test_install_taxonomy_replaces_with_an_own_file(alliance, tmp_path):
    call_command("install_taxonomy", "--alliance", alliance.slug)
    own = tmp_path / "own.json"
    own.write_text(
        json.dumps({"terms": [{"code": "spiel", "name": "Spielen", "synonyms": ["Spielgruppe"]}]})
    )
    call_command(
        "install_taxonomy", "--alliance", alliance.slug, "--file", str(own), "--remove-unlisted"
    )
    assert list(alliance.categories.values_list("code", flat=True)) == ["spiel"]


def test_install_taxonomy_dry_run_writes_nothing(alliance):
    call_command("install_taxonomy", "--alliance", alliance.slug, "--dry-run")
    assert not alliance.categories.exists()


def test_install_taxonomy_names_a_broken_file(alliance, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"terms": [{"name": "ohne Code"}]}))
    with pytest.raises(CommandError, match="not a valid taxonomy file"):
        call_command("install_taxonomy", "--alliance", alliance.slug, "--file", str(broken))
