"""Reading .ics bytes: encodings, line endings, folding, garbage lines, BEGIN/END balance.

Everything here is pure (no database, no network).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from django.utils.translation import gettext as _

from familiennetz.events.models import Event, Occurrence

BERLIN = ZoneInfo("Europe/Berlin")

MAX_BYTES = 5 * 1024 * 1024  # a year of a busy family centre is ~200 kB

# Field sizes of Event (truncated with an ellipsis, reported as a warning)
MAX_TITLE = Event._meta.get_field("title").max_length
MAX_UID = Event._meta.get_field("uid").max_length
MAX_RRULE = Event._meta.get_field("rrule").max_length
MAX_URL = Event._meta.get_field("online_url").max_length
MAX_NOTE = Occurrence._meta.get_field("status_note").max_length
MAX_DESCRIPTION = 20_000
MAX_RDATES = 500  # RDATE/EXDATE entries kept per event
MAX_WARNINGS_PER_KIND = 10

_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+[;:]")
# Real HTML only: RFC 5545 text is not HTML, and "<https://…>" or "<Anmeldung>" are text.
_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:a|abbr|b|big|blockquote|body|br|center|code|div|em|font|h[1-6]|head|hr|"
    r"html|i|img|li|meta|ol|p|pre|s|small|span|strike|strong|style|sub|sup|table|tbody|td|"
    r"th|thead|title|tr|u|ul|script|!--)(?=[\s/>])[^>]*>",
    re.IGNORECASE,
)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class IcalImportError(Exception):
    """The whole import failed (unreadable file, download refused); nothing was written."""


# --- the report of one skipped VEVENT --------------------------------------------------


@dataclass(frozen=True)
class Skip:
    vevent: int  # 1-based position of the VEVENT in the file
    summary: str
    code: str  # machine-readable reason, e.g. "no_dtstart"
    reason: str  # human-readable, translated

    def __str__(self) -> str:
        return _("VEVENT %(number)s (SUMMARY %(summary)s): %(reason)s") % {
            "number": self.vevent,
            "summary": repr(self.summary) if self.summary else _("none"),
            "reason": self.reason,
        }


# --- decoding and cleaning the text -------------------------------------------------------


def decode_ics(data: bytes | str) -> tuple[str, list[str]]:
    """Text of an .ics file and warnings. UTF-8 (with or without BOM); UTF-16 with BOM;
    anything else is read as Windows-1252, the usual encoding of old Windows exports."""
    warnings: list[str] = []
    if isinstance(data, str):
        text = data
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(
                _("The file is not UTF-8 encoded; it was read as Windows-1252 (Western Europe).")
            )
    return text.lstrip("\ufeff").replace("\x00", ""), warnings


def _clean_lines(text: str) -> tuple[str, list[str]]:
    """Unfold lines, drop lines that are no iCalendar content lines, check BEGIN/END.

    Returns the cleaned text (one logical line per line) and warnings. Raises
    ``IcalImportError`` if there is no calendar or the file ends inside one.
    """
    stripped = text.lstrip()
    if not stripped:
        raise IcalImportError(_("The file is empty."))
    if stripped.startswith("<"):
        raise IcalImportError(
            _("This is a web page (HTML), not an iCalendar file. Is the address right?")
        )
    physical = re.split(r"\r\n|\r|\n", text)
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(physical, start=1):
        if line[:1] in (" ", "\t") and logical:
            first, previous = logical[-1]
            logical[-1] = (first, previous + line[1:])
        else:
            logical.append((number, line))

    ignored: list[int] = []
    kept: list[str] = []
    stack: list[str] = []
    calendars = 0
    for number, line in logical:
        if not line.strip():
            continue
        if not _CONTENT_LINE.match(line):
            ignored.append(number)
            continue
        name, _sep, value = line.partition(":")
        name = name.split(";", 1)[0].upper()
        value = value.strip().upper()
        if name == "BEGIN" and value:
            if not stack and value != "VCALENDAR":
                ignored.append(number)
                continue
            stack.append(value)
            calendars += value == "VCALENDAR" and len(stack) == 1
        elif name == "END" and value:
            if value not in stack:
                ignored.append(number)
                continue
            while stack[-1] != value:  # close what the file left open
                kept.append(f"END:{stack.pop()}")
            stack.pop()
        elif not stack:
            ignored.append(number)  # a property outside any calendar
            continue
        kept.append(line)

    if not calendars:
        raise IcalImportError(_("This is not an iCalendar file: it has no BEGIN:VCALENDAR line."))
    if stack:
        raise IcalImportError(
            _(
                "The file ends inside %(component)s (no END:%(component)s): it looks incomplete,"
                " perhaps the download broke off. Nothing was imported."
            )
            % {"component": stack[-1]}
        )
    warnings = []
    if ignored:
        shown = ", ".join(str(n) for n in ignored[:10]) + (", …" if len(ignored) > 10 else "")
        warnings.append(
            _("%(count)s unreadable line(s) ignored (line %(lines)s).")
            % {"count": len(ignored), "lines": shown}
        )
    return "\r\n".join(kept) + "\r\n", warnings


# --- values -------------------------------------------------------------------------------


def first_value(value):
    return value[0] if isinstance(value, list) and value else value


def text_value(component, name: str) -> str:
    """A text property as a clean string (first one if repeated; ``""`` if missing)."""
    value = first_value(component.get(name))
    if value is None:
        return ""
    if isinstance(value, icalendar.vCategory):
        return ", ".join(str(v) for v in value.cats)
    return CONTROL_CHARS.sub("", str(value)).strip()


def plain_text(value: str) -> str:
    """DESCRIPTION as plain text: HTML (as Outlook and some CMS send it) reduced to text."""
    if _HTML_TAG.search(value):

        def link(match: re.Match) -> str:
            href, label = match.group(1).strip(), _HTML_TAG.sub("", match.group(2)).strip()
            return label if not href or href == label else f"{label} ({href})"

        value = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", "", value)
        value = re.sub(
            r"(?is)<a\b[^>]*?href\s*=\s*[\"']?([^\"' >]*)[^>]*>(.*?)</a\s*>", link, value
        )
        value = re.sub(r"(?i)<\s*br\s*/?\s*>", "\n", value)
        value = re.sub(r"(?i)<\s*li\b[^>]*>", "\n• ", value)
        value = re.sub(r"(?i)</\s*(p|div|h[1-6]|ul|ol|tr|table)\s*>", "\n", value)
        value = _HTML_TAG.sub("", value)
        value = html.unescape(value)
    value = CONTROL_CHARS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in value.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text


def truncate(value: str, limit: int) -> tuple[str, bool]:
    if len(value) <= limit:
        return value, False
    return value[: limit - 1].rstrip() + "…", True


def read_calendars(data: bytes | str) -> tuple[list[icalendar.Calendar], list[str]]:
    """The VCALENDARs in ``data`` (after decoding and cleaning) and warnings so far."""
    text, warnings = decode_ics(data)
    cleaned, line_warnings = _clean_lines(text)
    try:
        calendars = icalendar.Calendar.from_ical(cleaned, multiple=True)
    except Exception as exc:  # the parser's errors are plain ValueErrors and friends
        raise IcalImportError(
            _("The file could not be read as iCalendar: %(error)s") % {"error": str(exc)[:200]}
        ) from exc
    return calendars, warnings + line_warnings
