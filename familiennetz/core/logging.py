"""Logging helpers that keep families' personal data out of the logs."""

import logging
import re

_QUERY = re.compile(r"\?[^\s\"]*")


class StripQueryStringFilter(logging.Filter):
    """Drop query strings from request lines: search terms may say more than we want to log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "?" in record.msg:
            record.msg = _QUERY.sub("?…", record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                _QUERY.sub("?…", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, str):
            # The JSON formatter would print the request's repr, query string included.
            record.request = getattr(request, "path", "")
        return True
