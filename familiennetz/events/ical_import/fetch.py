"""Downloading a partner's public .ics feed: http/https only, size and time limits."""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils.translation import gettext as _

from .reading import MAX_BYTES, IcalImportError

FETCH_TIMEOUT = 20  # seconds per network operation
FETCH_DEADLINE = 60  # seconds for the whole download
MAX_REDIRECTS = 5
USER_AGENT = "familiennetz-calendar-import/1 (+https://github.com/familiennetz)"


class _SafeRedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str) -> str:
    """http(s) URL to fetch for ``url`` (webcal:// counts as https://); raises if refused."""
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("webcal", "webcals"):
        parts = parts._replace(scheme="https")
        scheme = "https"
    if scheme not in ("http", "https") or not parts.hostname:
        raise IcalImportError(
            _("Only http and https addresses can be imported, not %(url)s.") % {"url": url[:200]}
        )
    if not getattr(settings, "CALENDAR_IMPORT_ALLOW_PRIVATE_ADDRESSES", False):
        _check_public_host(parts.hostname, parts.port or (443 if scheme == "https" else 80))
    return urllib.parse.urlunsplit(parts)


def _check_public_host(host: str, port: int) -> None:
    """Refuse hosts that resolve to loopback, private or link-local addresses (SSRF)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as exc:
        raise IcalImportError(
            _("The server %(host)s could not be found.") % {"host": host}
        ) from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise IcalImportError(
                _("The address %(host)s is in a private network and cannot be imported.")
                % {"host": host}
            )


def fetch_ics(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = FETCH_TIMEOUT) -> bytes:
    """Download a calendar feed. Raises ``IcalImportError`` with a readable message."""
    safe_url = check_url(url)
    opener = urllib.request.build_opener(_SafeRedirectHandler)
    request = urllib.request.Request(
        safe_url, headers={"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"}
    )
    deadline = time.monotonic() + FETCH_DEADLINE
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _too_large(max_bytes)
            chunks, size = [], 0
            while chunk := response.read(64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise _too_large(max_bytes)
                if time.monotonic() > deadline:
                    raise IcalImportError(_("The download took too long."))
                chunks.append(chunk)
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:  # urllib refuses redirects to file:// and the like itself
            raise IcalImportError(
                _("The server redirected to an address that cannot be imported.")
            ) from exc
        raise IcalImportError(
            _("The server answered with HTTP status %(status)s.") % {"status": exc.code}
        ) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, IcalImportError):
            raise exc.reason from exc
        raise IcalImportError(
            _("The calendar could not be downloaded: %(reason)s") % {"reason": exc.reason}
        ) from exc
    except TimeoutError as exc:
        raise IcalImportError(_("The server did not answer in time.")) from exc
    except (OSError, ValueError) as exc:  # connection reset, bad status line, …
        raise IcalImportError(
            _("The calendar could not be downloaded: %(reason)s") % {"reason": exc}
        ) from exc
    return b"".join(chunks)


def _too_large(max_bytes: int) -> IcalImportError:
    return IcalImportError(
        _("The calendar is larger than %(size)s MB; it was not imported.")
        % {"size": max_bytes // (1024 * 1024) or 1}
    )
