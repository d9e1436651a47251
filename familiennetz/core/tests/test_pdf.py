import io

import pytest
from pypdf import PdfReader

from familiennetz.core.pdf import local_fetcher, render_pdf


def test_a_template_becomes_a_tagged_pdf_with_german_text(tmp_path, settings):
    (tmp_path / "bericht.html").write_text(
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Bericht</title>'
        "</head><body><h1>Jahresbericht Übersicht</h1><p>Äpfel: {{ n }} Partner</p></body></html>",
        encoding="utf-8",
    )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]
    pdf = render_pdf("bericht.html", {"n": "1.234"})
    reader = PdfReader(io.BytesIO(pdf))
    text = reader.pages[0].extract_text()
    assert "Jahresbericht Übersicht" in text
    assert "Äpfel: 1.234 Partner" in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged for screen readers


def test_pdfs_never_fetch_from_the_network():
    with pytest.raises(ValueError, match="local static files"):
        local_fetcher().fetch("https://example.org/logo.png")
    with pytest.raises(ValueError, match="local static files"):
        local_fetcher().fetch("file:///etc/passwd")


def test_static_files_are_read_from_disk():
    response = local_fetcher().fetch("http://testserver/static/css/print.css")
    assert b"@media" in response.read() or response.read() is not None
