"""Content translations in the workspace shell: the overview page and a dashboard tile."""

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry
from familiennetz.workspace.access import manage_url

from .selectors import pending_count_cached, stale_rows

registry.add_nav(
    registry.NavEntry(
        key="translations",
        group="guide",
        label=_("Translations"),
        url_name="translations:manage-translation-list",
        permission="translations.view_translations",
        markers=("translation",),
        order=60,
        badge=lambda request: pending_count_cached(alliance=request.alliance),
    )
)


def _tiles(request):
    url = manage_url("translations:manage-translation-list", request.alliance)
    stale = len(stale_rows(alliance=request.alliance))
    pending = pending_count_cached(alliance=request.alliance)
    return [
        registry.Tile(stale, _("translations out of date (German changed)"), url, bool(stale)),
        registry.Tile(pending, _("translations waiting for review"), url, bool(pending)),
    ]


registry.add_tiles(
    registry.TileSet(
        "translations", _tiles, permission="translations.review_translations", order=25
    )
)
