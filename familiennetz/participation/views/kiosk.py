"""The Kita's kiosk for children's complaints: big pictures, spoken prompts (the browser's
speech synthesis, static/participation/js/kiosk.js), no reading needed, works on a tablet and
without JavaScript (each picture is a button).

Three steps, carried in hidden fields (no cookies, nothing stored until the end): what is it
about → how do you feel → do you want to talk to an adult. The kiosk link carries a secret key
in its query string (query strings never reach the logs, core/logging.py); a new key in the
workspace makes old links stop working. Complaints per kiosk are limited per hour.
"""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from familiennetz.core.ratelimit import RateLimit

from .. import services
from ..models import Complaint, ComplaintProcedure, Feeling
from .public import is_cross_site

FEELINGS = [
    (Feeling.SAD, "sad"),
    (Feeling.ANGRY, "angry"),
    (Feeling.SCARED, "scared"),
]
PICTURES = {
    "food": "food",
    "play": "play",
    "rules": "rules",
    "unfair": "unfair",
    "unsafe": "unsafe",
    "other": "other",
}


def _procedure(request, pk: int) -> ComplaintProcedure:
    procedure = (
        ComplaintProcedure.objects.for_alliance(request.alliance)
        .filter(pk=pk, kiosk_enabled=True, organisation__isnull=False)
        .select_related("organisation")
        .first()
    )
    key = request.GET.get("schluessel", "")
    if procedure is None or not hmac.compare_digest(key.encode(), procedure.kiosk_key.encode()):
        raise Http404(_("There is no kiosk here."))
    return procedure


def _limit(procedure: ComplaintProcedure) -> RateLimit:
    # Per kiosk, not per address: the tablet is one device that many children use.
    return RateLimit(
        scope="kiosk", key=str(procedure.pk), limit=settings.KIOSK_RATE_LIMIT, window=3600
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def kiosk(request, pk: int):
    procedure = _procedure(request, pk)
    categories = procedure.category_choices()
    data = request.POST
    category = data.get("kategorie", "")
    feeling = data.get("gefuehl", "")
    talk = data.get("reden", "")
    step = "category"
    status = 200
    if request.method == "POST":
        if is_cross_site(request):
            raise Http404(_("There is no kiosk here."))
        if data.get("neu"):
            category = feeling = talk = ""
        elif category not in dict(categories):
            category = ""
        elif not feeling:
            step = "feeling"
        elif talk not in ("ja", "nein"):
            step = "talk"
            if feeling not in Feeling.values and feeling != "keins":
                feeling, step = "", "feeling"
        else:
            limit = _limit(procedure)
            if limit.hit(request):
                step, status = "later", 429
            else:
                services.complaint_create(
                    procedure=procedure,
                    category=category,
                    channel=Complaint.Channel.KIOSK,
                    feeling=feeling if feeling in Feeling.values else "",
                    wants_talk=talk == "ja",
                )
                step = "done"
    labels = dict(categories)
    return render(
        request,
        "participation/public/kiosk.html",
        {
            "procedure": procedure,
            "step": step,
            "categories": [(value, label, PICTURES[value]) for value, label in categories],
            "feelings": [(value, Feeling(value).label, picture) for value, picture in FEELINGS],
            "category": category,
            "category_label": labels.get(category, ""),
            "feeling": feeling,
            "action": request.get_full_path(),
        },
        status=status,
    )
