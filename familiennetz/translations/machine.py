"""The optional machine-translation hook: a self-hosted, LibreTranslate-compatible service.

Off unless the operator sets ``MACHINE_TRANSLATION_URL``; without it nothing is sent anywhere.
The service gets one German text and answers with its translation
(``POST <url>`` with ``{"q", "source", "target", "format": "text"}`` → ``{"translatedText"}``).
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger("familiennetz.translations")

# The answer of a service is read up to this many bytes.
MAX_RESPONSE_BYTES = 200_000


class MachineTranslationError(Exception):
    pass


def is_enabled() -> bool:
    return bool(getattr(settings, "MACHINE_TRANSLATION_URL", ""))


def endpoint() -> str:
    url = settings.MACHINE_TRANSLATION_URL.rstrip("/")
    return url if url.endswith("/translate") else f"{url}/translate"


def translate(text: str, *, source: str, target: str) -> str:
    """The service's translation of ``text``; MachineTranslationError when it is off, slow,
    unreachable or answers nonsense."""
    if not is_enabled():
        raise MachineTranslationError(_("No machine translation service is configured."))
    payload = {"q": text, "source": source, "target": target, "format": "text"}
    if key := getattr(settings, "MACHINE_TRANSLATION_API_KEY", ""):
        payload["api_key"] = key
    request = urllib.request.Request(
        endpoint(),
        data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    timeout = getattr(settings, "MACHINE_TRANSLATION_TIMEOUT", 10)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # the operator's URL
            body = response.read(MAX_RESPONSE_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        logger.warning("Machine translation failed: %s", exc.__class__.__name__)
        raise MachineTranslationError(
            _("The machine translation service did not answer. Please try again later.")
        ) from exc
    try:
        if len(body) > MAX_RESPONSE_BYTES:
            raise ValueError("too long")
        translated = json.loads(body.decode("utf-8"))["translatedText"]
        if not isinstance(translated, str):
            raise ValueError("not a text")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        logger.warning("Machine translation gave an unusable answer")
        raise MachineTranslationError(
            _("The machine translation service gave an unusable answer.")
        ) from exc
    return translated
