"""The personal meetings feed (/accounts/konto/sitzungen/…): a secret link for calendar apps.

Only the token's SHA-256 hash is stored; the link is shown once when it is made. A new link
replaces the old one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from familiennetz.alliances.scopes import all_alliances

from .. import ical, selectors, services
from ..models import MeetingFeedToken
from ..services.professionals import feed_token_hash


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def feed_settings(request):
    user = request.user
    link = None
    if request.method == "POST":
        raw = services.feed_token_create(user=user)
        link = request.build_absolute_uri(
            reverse("governance:meetings-feed", kwargs={"token": raw})
        )
    token = MeetingFeedToken.objects.filter(user=user).first()
    with all_alliances():
        upcoming = list(
            selectors.meetings_for_feed(user=user).filter(starts_at__gte=timezone.now())[:5]
        )
    return render(
        request,
        "governance/account/feed.html",
        {"link": link, "token": token, "upcoming": upcoming},
    )


def meetings_feed(request, token: str):
    row = (
        MeetingFeedToken.objects.filter(token_hash=feed_token_hash(token))
        .select_related("user")
        .first()
    )
    if row is None or not row.user.is_active:
        raise Http404
    MeetingFeedToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
    with all_alliances():
        meetings = list(selectors.meetings_for_feed(user=row.user))
        data = ical.meetings_calendar(meetings, name="Sitzungen")
    return ical.ics_response(data, "sitzungen.ics")
