"""The review queue in the workspace shell: its page, its counts and its dashboard panels."""

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry
from familiennetz.workspace.access import manage_url

from .models import ChangeRequest
from .selectors import review_count_pending, review_counts, review_list

registry.add_nav(
    registry.NavEntry(
        key="review",
        group="guide",
        label=_("Review"),
        url_name="moderation:manage-review-list",
        permission="moderation.review",
        markers=("review",),
        order=50,
        badge=lambda request: review_count_pending(alliance=request.alliance),
    )
)


def _tiles(request):
    counts = review_counts(alliance=request.alliance)
    queue = manage_url("moderation:manage-review-list", request.alliance)
    changes = counts["change"] + counts["publication"]
    return [
        registry.Tile(
            changes,
            _("changes by providers waiting for review"),
            f"{queue}?art=change",
            bool(changes),
        ),
        registry.Tile(
            counts["suggestion"],
            _("suggestions from the public"),
            f"{queue}?art=suggestion",
            bool(counts["suggestion"]),
        ),
        registry.Tile(
            counts["report"], _("error reports"), f"{queue}?art=report", bool(counts["report"])
        ),
    ]


def _waiting(request):
    return {"reviews": review_list(alliance=request.alliance)[:10]}


def _my_pending(request):
    if request.user.has_perm("moderation.review", request.alliance):
        return None  # reviewers see the whole queue instead
    return {
        "my_pending": ChangeRequest.objects.for_alliance(request.alliance)
        .pending()
        .filter(author=request.user)
    }


registry.add_tiles(registry.TileSet("review", _tiles, permission="moderation.review", order=20))
registry.add_panel(
    registry.Panel(
        "review-waiting",
        "moderation/workspace/_panel_waiting.html",
        _waiting,
        permission="moderation.review",
        order=20,
    )
)
registry.add_panel(
    registry.Panel("review-mine", "moderation/workspace/_panel_mine.html", _my_pending, order=20)
)
