"""Import of external iCalendar (.ics) calendars into events of one organiser.

Three layers, read top to bottom:

1. ``fetch_ics`` downloads a partner's public feed (http/https only, size and time limits,
   no redirects to other schemes, no private addresses unless allowed by a setting).
2. ``parse_ics`` turns bytes into ``ParsedCalendar``: plain data, no database. It is
   forgiving with real-world files (encodings, BOM, CRLF/LF, folded lines, garbage lines,
   floating/UTC/VTIMEZONE times, all-day events, missing UID) and records every VEVENT it
   cannot use with a reason. It raises ``IcalImportError`` only for a file that is not an
   iCalendar file at all or is incomplete.
3. ``calendar_import`` writes one ``ParsedCalendar`` for a ``CalendarSource`` in one
   transaction (all or nothing; ``dry_run`` rolls back) and returns an ``ImportReport``.

Times are stored as aware datetimes; recurrence rules, RDATE and EXDATE in Europe/Berlin
local time (see docs/dev/calendar-import.md).

Modules: ``reading`` (bytes to clean text), ``fetch``, ``parse``, ``write``.
"""

from .fetch import MAX_REDIRECTS, USER_AGENT, check_url, fetch_ics
from .parse import DateChange, ParsedCalendar, ParsedEvent, local_iso, parse_ics
from .reading import (
    BERLIN,
    MAX_BYTES,
    IcalImportError,
    Skip,
    decode_ics,
    plain_text,
    read_calendars,
    text_value,
)
from .write import (
    ImportReport,
    calendar_file_import,
    calendar_import,
    calendar_source_for_file,
    calendar_source_refresh,
)

__all__ = [
    "BERLIN",
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "DateChange",
    "IcalImportError",
    "ImportReport",
    "ParsedCalendar",
    "ParsedEvent",
    "Skip",
    "calendar_file_import",
    "calendar_import",
    "calendar_source_for_file",
    "calendar_source_refresh",
    "check_url",
    "decode_ics",
    "fetch_ics",
    "local_iso",
    "parse_ics",
    "plain_text",
    "read_calendars",
    "text_value",
]
