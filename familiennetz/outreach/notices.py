"""The notice-board sheet (Aushang) as a document: its filters from the query string, its PDF,
and the stored PDFs of selections too large for one sheet (issue 14; ADR 1501).

A selection of up to ``selectors.NOTICE_LIMIT`` lines is rendered in the request. Up to
``NOTICE_TASK_LIMIT`` lines it becomes a multi-page PDF built by ``tasks.build_notice_pdf``
and kept in the private storage under a key of what it shows (network, language, selection,
day, site) for ``NOTICE_FILE_HOURS``; above that the answer stays the clear 422 page.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.files.base import ContentFile
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from familiennetz.alliances import pagecache
from familiennetz.alliances.models import Alliance
from familiennetz.core.files import private_storage
from familiennetz.core.pdf import render_pdf
from familiennetz.events import selectors as event_selectors
from familiennetz.events.forms import SELECTION_PARAMS, EventFilterForm
from familiennetz.translations.languages import page_language
from familiennetz.translations.selectors import translation_set

from . import qr, selectors

# A background sheet holds at most this many lines (about 25 A4 pages).
NOTICE_TASK_LIMIT = 1000
# A stored sheet is served this long, then made again on the next request.
NOTICE_FILE_HOURS = 6
FOLDER = "outreach/aushang"


def notice_filters(alliance: Alliance, params: QueryDict) -> tuple[dict, list[str]]:
    """The calendar's selection parameters of ``params`` (bad values dropped) and their labels."""
    choices = pagecache.alliance_cached(
        alliance,
        "event-filter-choices",
        lambda: event_selectors.filter_choices(alliance=alliance),
    )
    form = EventFilterForm(params or None, **choices)
    filters = form.filters() if form.is_bound else {}
    filters = {k: v for k, v in filters.items() if k in SELECTION_PARAMS}
    chips = []
    for name, value in filters.items():
        if name in ("organisation",):
            continue
        if value is True:
            chips.append(str(form.fields[name].label))
        elif isinstance(value, list):
            chips += [str(dict(form.fields[name].choices).get(v, v)) for v in value]
        else:
            chips.append(str(dict(form.fields[name].choices).get(value, value)))
    return filters, chips


def selection_query(filters: dict) -> str:
    params = QueryDict(mutable=True)
    for name, value in filters.items():
        if isinstance(value, list):
            params.setlist(name, [str(v) for v in value])
        else:
            params[name] = "on" if value is True else str(value)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


def calendar_url(alliance: Alliance, site: str, filters: dict) -> str:
    """The calendar with the same selection, in the active language (the QR code's target)."""
    path = reverse("events:calendar", kwargs={"alliance_slug": alliance.slug})
    return f"{site}{path}{selection_query(filters)}"


def notice_pdf(
    *,
    alliance: Alliance,
    sheet: selectors.NoticeSheet,
    chips: list[str],
    calendar_url: str,
    site: str,
) -> bytes:
    context = {
        "alliance": alliance,
        "sheet": sheet,
        # Two offers a row: a table lays out much faster than CSS columns in WeasyPrint.
        "offer_rows": [sheet.offers[i : i + 2] for i in range(0, len(sheet.offers), 2)],
        "chips": chips,
        "calendar_url": calendar_url,
        "qr_png": qr.png_data_uri(calendar_url),
        "site": site,
        # Event titles and offer names in the active language where translated (one query).
        "translations": translation_set(
            language=page_language(get_language()),
            objects=[*{d.event for d in sheet.dates}, *sheet.offers],
        ),
    }
    return render_pdf("outreach/pdf/notice.html", context)


# --- stored sheets -----------------------------------------------------------------------------


def file_key(*, alliance: Alliance, language: str, query: str, site: str, today: dt.date) -> str:
    """What a stored sheet shows; a new day (or another selection) is another file."""
    text = "|".join([str(alliance.pk), language, query, site, today.isoformat()])
    return hashlib.sha256(text.encode()).hexdigest()


def file_name(alliance: Alliance | int, key: str) -> str:
    alliance_id = alliance if isinstance(alliance, int) else alliance.pk
    return f"{FOLDER}/{alliance_id}/{key}.pdf"


def file_ready(alliance: Alliance, key: str) -> bool:
    """A stored sheet exists and has not expired (an expired one is deleted)."""
    storage, name = private_storage(), file_name(alliance, key)
    if not storage.exists(name):
        return False
    made = storage.get_modified_time(name)
    if timezone.now() - made > dt.timedelta(hours=NOTICE_FILE_HOURS):
        storage.delete(name)
        return False
    return True


def file_store(alliance_id: int, key: str, content: bytes) -> None:
    storage, name = private_storage(), file_name(alliance_id, key)
    if storage.exists(name):
        storage.delete(name)
    storage.save(name, ContentFile(content))


def purge_expired_files(*, now: dt.datetime | None = None, dry_run: bool = False) -> int:
    """Delete the stored sheets older than ``NOTICE_FILE_HOURS`` of every network (the daily
    retention job; ``file_ready`` deletes one only when it is asked for). Returns how many."""
    storage, now = private_storage(), now or timezone.now()
    limit = dt.timedelta(hours=NOTICE_FILE_HOURS)
    if not storage.exists(FOLDER):
        return 0
    count = 0
    folders, _files = storage.listdir(FOLDER)
    for folder in folders:
        _dirs, names = storage.listdir(f"{FOLDER}/{folder}")
        for name in names:
            path = f"{FOLDER}/{folder}/{name}"
            if name.endswith(".pdf") and now - storage.get_modified_time(path) > limit:
                count += 1
                if not dry_run:
                    storage.delete(path)
    return count
