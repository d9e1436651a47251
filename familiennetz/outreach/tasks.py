"""Background jobs of the outreach app (django-tasks; arguments are IDs and plain strings)."""

from __future__ import annotations

from django.http import QueryDict
from django.utils import translation
from django_tasks import task

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import alliance_scope

from . import notices, selectors


@task()
def build_notice_pdf(alliance_id: int, language: str, query: str, site: str, key: str) -> int:
    """Render a notice-board sheet too large for one page and store it under ``key``; returns
    its number of lines (0 if the network is gone or the selection grew past the limit)."""
    alliance = Alliance.objects.filter(pk=alliance_id).first()
    if alliance is None:
        return 0
    with alliance_scope(alliance_id), translation.override(language):
        params = QueryDict(query)
        filters, chips = notices.notice_filters(alliance, params)
        place = None
        if slug := params.get("ort", "").strip():
            place = selectors.place_for_filter(alliance=alliance, slug=slug[:120])
            if place is None:
                return 0
            chips.append(place.name)
        sheet = selectors.notice_sheet(
            alliance=alliance, filters=filters, place=place, limit=notices.NOTICE_TASK_LIMIT
        )
        if sheet.too_large:
            return 0
        content = notices.notice_pdf(
            alliance=alliance,
            sheet=sheet,
            chips=chips,
            calendar_url=notices.calendar_url(alliance, site, filters),
            site=site,
        )
        notices.file_store(alliance_id, key, content)
    return sheet.total
