"""``manage.py network_analysis``."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from . import factories as f

pytestmark = pytest.mark.django_db


def test_prints_sentences_and_json(alliance):
    a = f.partner(alliance, "Familienzentrum Regenbogen", "familienzentrum")
    b = f.partner(alliance, "Kita Pusteblume", "kita")
    f.partner(alliance, "Bibliothek am Markt", "bibliothek")
    f.tie(a, b, 3)
    out = StringIO()
    call_command("network_analysis", alliance.slug, stdout=out)
    text = out.getvalue()
    assert "Bibliothek am Markt" in text and "NZFH" in text
    out = StringIO()
    call_command("network_analysis", alliance.slug, "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["partners"] == 3 and data["ties"] == 1
    assert data["isolated"] and data["alliance"] == alliance.slug
    assert any(gap["sector"] == "schwangerschaftsberatung" for gap in data["gaps"])


def test_unknown_alliance(db):
    with pytest.raises(CommandError):
        call_command("network_analysis", "gibt-es-nicht")
