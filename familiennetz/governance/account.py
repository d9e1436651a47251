"""The personal meetings feed as a section of the account page (accounts.sections)."""

from familiennetz.accounts import sections
from familiennetz.alliances.scopes import all_alliances

from .models import ContactAccount, MeetingFeedToken


def _feed_section(request):
    user = request.user
    if not user.is_authenticated:
        return None
    with all_alliances():  # the account page belongs to no alliance
        has_bodies = ContactAccount.objects.filter(user=user).exists()
    has_feed = MeetingFeedToken.objects.filter(user=user).exists()
    if not (has_bodies or has_feed):
        return None
    return {"has_feed": has_feed}


sections.add(
    sections.AccountSection(
        key="meetings-feed",
        template="governance/account/_section_feed.html",
        context=_feed_section,
        order=50,
    )
)
