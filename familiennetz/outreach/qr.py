"""QR codes for print (ADR 1400): offers, places, calendar filters, rally stations.

A QR code only ever points at a page of this site. ``site_url(target)`` turns a path of this
site (``/prohlis/kalender/?alter=3-6``) or a full URL on this site's host into the absolute URL
to print, or raises ``QrTargetError``: another host, another scheme, ``//evil.example``,
control characters, paths outside the alliance. The base is the request's own address, or
``SITE_URL`` outside a request (background tasks).
"""

from __future__ import annotations

import base64
import io
from urllib.parse import urlsplit, urlunsplit

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

MAX_TARGET_LENGTH = 600


class QrTargetError(ValueError):
    """The target of a QR code is not a page of this site."""


def _base(request=None) -> str:
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.SITE_URL


def site_url(target: str, *, request=None, alliance=None) -> str:
    """The absolute URL of ``target`` (a path or a URL of this site), or QrTargetError."""
    target = (target or "").strip()
    if not target:
        raise QrTargetError(_("Give the address of a page of this site."))
    if len(target) > MAX_TARGET_LENGTH or any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        raise QrTargetError(_("This address cannot be made into a QR code."))
    base = urlsplit(_base(request))
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        if parts.scheme != base.scheme or parts.netloc.lower() != base.netloc.lower():
            raise QrTargetError(_("QR codes may only point to pages of this site."))
    elif not target.startswith("/") or target.startswith("//") or "\\" in target:
        raise QrTargetError(_("QR codes may only point to pages of this site."))
    path = parts.path or "/"
    if "/../" in f"{path}/" or "/./" in f"{path}/":
        raise QrTargetError(_("This address cannot be made into a QR code."))
    if alliance is not None:
        segments = [s for s in path.split("/") if s]
        # /<alliance>/… or /<language>/<alliance>/…
        if alliance.slug not in segments[:2]:
            raise QrTargetError(_("QR codes may only point to pages of this network."))
    return urlunsplit((base.scheme, base.netloc, path, parts.query, ""))


def make(url: str):
    return segno.make(url, error="m")


def svg(url: str, *, scale: int = 4, title: str = "") -> str:
    """The QR code as an SVG document (for a download or an <img>)."""
    out = io.BytesIO()
    make(url).save(out, kind="svg", scale=scale, border=2, title=title or None, xmldecl=False)
    return out.getvalue().decode()


def svg_inline(url: str, *, scale: int = 4, title: str = "") -> SafeString:
    """The QR code as inline SVG markup with a title (screen readers, print templates)."""
    return mark_safe(  # segno escapes the title; the URL is not part of the markup
        make(url).svg_inline(scale=scale, border=2, title=title or None)
    )


def png(url: str, *, scale: int = 8) -> bytes:
    out = io.BytesIO()
    make(url).save(out, kind="png", scale=scale, border=2)
    return out.getvalue()


def png_data_uri(url: str, *, scale: int = 8) -> str:
    """A PNG data: URI for PDFs (WeasyPrint reads data: URIs, nothing from the network)."""
    return "data:image/png;base64," + base64.b64encode(png(url, scale=scale)).decode()
