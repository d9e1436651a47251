"""PDFs rendered on the server with WeasyPrint (ADR 0502): reports, print sheets, flyers.

``render_pdf(template, context, request=…)`` renders a Django template to a tagged PDF (PDF/UA
structure for screen readers, German hyphenation from ``lang``), with images and stylesheets
read from our own static files only: nothing is fetched over the network. Large documents are
built in a background task by the caller (docs/dev/architecture.md), never in a web worker.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

PDF_CONTENT_TYPE = "application/pdf"


def _static_path(url: str) -> Path | None:
    path = urlparse(url).path
    static_url = settings.STATIC_URL or "/static/"
    if static_url not in path:
        return None
    found = finders.find(path.split(static_url, 1)[1])
    return Path(found) if found else None


def local_fetcher():
    """A WeasyPrint URL fetcher for data: URLs and our static files, and nothing else."""
    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"data", "file"})

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            found = _static_path(url)
            if found is None:
                raise ValueError(f"PDF resources must be local static files, not {url!r}")
            return super().fetch(found.as_uri(), headers)

    return LocalFetcher()


def render_pdf(template_name: str, context: dict, *, request=None, base_url: str = "/") -> bytes:
    """The PDF of ``template_name`` rendered with ``context`` (tagged, fonts subset)."""
    from weasyprint import HTML

    html = render_to_string(template_name, context, request=request)
    document = HTML(string=html, base_url=base_url, url_fetcher=local_fetcher())
    return document.write_pdf(pdf_tags=True, pdf_variant="pdf/ua-1")


def pdf_response(content: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF_CONTENT_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
