"""The personal meetings feed as a section of the account page (accounts.sections)."""

from familiennetz.accounts import sections

from .models import MeetingFeedToken


def _feed_section(request):
    user = request.user
    if not user.is_authenticated:
        return None
    has_bodies = user.governance_contacts.exists()
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
