"""Issue 16: the dashboard's oldest confirmations across kinds by date; calm public wording."""

import datetime as dt
from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import translation

from familiennetz.freshness.selectors import DueEntries


def _entry(name, days_ago):
    checked = None if days_ago is None else dt.datetime(2026, 12, 1) - dt.timedelta(days=days_ago)
    return SimpleNamespace(name=name, last_checked_at=checked, __str__=lambda self: name)


def test_oldest_mixes_kinds_by_date_never_confirmed_first():
    due = DueEntries(
        organisations=[_entry("Verein", 400)],
        locations=[_entry("Haus", 900), _entry("Neu importiert", None)],
        offers=[_entry("Kurs", 600)],
    )
    assert [e.name for e in due.oldest()] == ["Neu importiert", "Haus", "Kurs", "Verein"]
    assert len(due.oldest(2)) == 2


def test_public_wording_for_unconfirmed_entries_is_calm_and_helpful():
    with translation.override("de"):
        never = render_to_string("directory/_checked.html", {"expired": True, "checked_at": None})
        old = render_to_string(
            "directory/_checked.html", {"expired": True, "checked_at": dt.date(2025, 3, 1)}
        )
    assert "Noch nicht vom Anbieter bestätigt" in never
    assert "kurzer Anruf" in never
    assert "bitte fragen Sie" not in never
    assert "1. März 2025" in old
