"""Issue 16, small things: the import report's counts read as German sentences with proper
plural forms, and its "what the import would do" heading is said once (the table is named by
the heading instead of repeating it in a hidden caption)."""

import re

import pytest
from django.utils.html import strip_tags

from familiennetz.interop.models import ImportUpload

from .test_workspace_views import (  # noqa: F401 (fixtures)
    BAD,
    as_coordinator,
    categories,
    upload_sheet,
    url,
)


def _without_lines(data: bytes, *numbers: int) -> bytes:
    """The file without the given lines (the header is line 1)."""
    lines = data.decode().splitlines(keepends=True)
    return "".join(line for n, line in enumerate(lines, start=1) if n not in numbers).encode()


def _preview_text(client, alliance) -> str:
    upload = ImportUpload.objects.get()
    html = client.get(url("manage-import-preview", alliance, pk=upload.pk)).content.decode()
    return re.sub(r"\s+", " ", strip_tags(html))


@pytest.mark.parametrize(
    ("data", "summary", "count"),
    [
        (
            _without_lines(BAD, 5, 6),  # only line 4 (missing street) is wrong
            "Die Prüfung hat 1 Fehler gefunden; es kann nichts importiert werden.",
            "1 Fehler, 0 Warnungen.",
        ),
        (
            BAD,
            "Die Prüfung hat 3 Fehler gefunden; es kann nichts importiert werden.",
            "3 Fehler, 0 Warnungen.",
        ),
    ],
    ids=["one-error", "three-errors"],
)
def test_report_counts_errors_in_german(as_coordinator, alliance, categories, data, summary, count):  # noqa: F811
    upload_sheet(as_coordinator, alliance, data)
    text = _preview_text(as_coordinator, alliance)
    assert summary in text
    assert count in text
    assert "Fehle/r" not in text and "Fehler/" not in text and "(s)" not in text


def test_counts_heading_is_said_once(as_coordinator, alliance, categories):  # noqa: F811
    upload_sheet(as_coordinator, alliance, BAD)
    upload = ImportUpload.objects.get()
    html = as_coordinator.get(url("manage-import-preview", alliance, pk=upload.pk)).content.decode()
    assert html.count("Was der Import tun würde") == 1
    assert 'aria-labelledby="counts-heading"' in html and 'id="counts-heading"' in html
