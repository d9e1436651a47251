"""The page behind the reminder e-mail's signed link: "Alles noch aktuell" without login,
or "Ich muss etwas ändern" (log in and edit, or tell the coordination what changed).

GET only shows the page; confirming is a POST (mail scanners open links, they must not
confirm anything)."""

from __future__ import annotations

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from familiennetz.core.ratelimit import RateLimit

from . import services

link_limit = RateLimit(scope="review-link", limit=30, window=3600)


class ChangesForm(forms.Form):
    message = forms.CharField(
        label=_("What has changed?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, pk: int, signature: str):
    if link_limit.hit(request):
        return render(
            request, "freshness/public/link_error.html", {"reason": "ratelimited"}, status=429
        )
    try:
        reminder = services.reminder_get_by_link(
            alliance=request.alliance, pk=pk, signature=signature
        )
    except services.LinkError as exc:
        return render(
            request, "freshness/public/link_error.html", {"reason": exc.reason}, status=404
        )
    form = ChangesForm(request.POST if request.POST.get("action") == "changes" else None)
    done = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "confirm":
            services.reminder_confirm(reminder=reminder)
            done = "confirmed"
        elif action == "changes" and form.is_valid():
            services.reminder_report_changes(
                reminder=reminder,
                message=form.cleaned_data["message"],
                language=get_language() or "de",
            )
            done = "changes"
    edit_url = reverse(
        "directory:manage-organisation-detail",
        kwargs={"alliance_slug": reminder.alliance.slug, "pk": reminder.organisation_id},
    )
    return render(
        request,
        "freshness/public/confirm.html",
        {
            "reminder": reminder,
            "entries": services.reminder_entries(reminder),
            "form": form,
            "done": done,
            "edit_url": edit_url,
            # The e-mail's two links: "Alles noch aktuell" (?aktion=bestaetigen) shows only the
            # confirmation, "Ich muss etwas ändern" (?aktion=aendern) only the ways to change.
            "only": request.GET.get("aktion") if request.method == "GET" else None,
        },
    )
