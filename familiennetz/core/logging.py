"""Logging helpers that keep families' personal data out of the logs."""

import logging
import re

_QUERY = re.compile(r"\?[^\s\"]*")
# Signed registration links (/<alliance>/anmeldung/<token>/bestaetigen/<signature>/): whoever
# reads the log could confirm or cancel somebody's registration with them.
_SIGNED_LINK = re.compile(r"(/anmeldung/)[^/\s\"]+/([a-z]+)/[^/\s\"?]+")


def scrub(text: str) -> str:
    """The text without query strings and without the secrets of signed links."""
    if "?" in text:
        text = _QUERY.sub("?…", text)
    if "/anmeldung/" in text:
        text = _SIGNED_LINK.sub(r"\1…/\2/…", text)
    return text


class StripQueryStringFilter(logging.Filter):
    """Drop query strings from request lines (search terms may say more than we want to log)
    and the token and signature from registration links."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = scrub(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(scrub(arg) if isinstance(arg, str) else arg for arg in record.args)
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, str):
            # The JSON formatter would print the request's repr, query string included.
            record.request = scrub(getattr(request, "path", ""))
        return True
