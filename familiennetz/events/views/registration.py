"""Public registration pages: sign-up form, confirm and cancel by signed link (no login).

These forms are CSRF-exempt on purpose: visitors have no session and no account, so a forged
cross-site request gains nothing a direct request would not; the signed link is the only
authority for confirm/cancel. Without the CSRF cookie the public guide stays cookie-free.
Abuse is limited by the rate limit, the honeypot and the double opt-in.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from familiennetz.core.ratelimit import RateLimit

from .. import registration as services
from ..models import Event, Occurrence, Registration
from ..registration_forms import RegistrationForm

logger = logging.getLogger("familiennetz.events.registration")

TEMPLATE_DIR = "events/registration"


def _event_or_404(request, slug: str) -> Event:
    return get_object_or_404(
        Event.objects.for_alliance(request.alliance)
        .published()
        .filter(requires_registration=True)
        .select_related("alliance", "location"),
        slug=slug,
    )


def _rate_limit(event: Event) -> RateLimit:
    return RateLimit(
        scope="events.registration",
        key=str(event.pk),
        limit=settings.REGISTRATION_RATE_LIMIT,
        window=settings.REGISTRATION_RATE_WINDOW,
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def register(request, slug: str):
    event = _event_or_404(request, slug)
    try:
        occurrence = services.occurrence_get_for_registration(
            event=event, occurrence_id=request.GET.get("termin")
        )
    except Occurrence.DoesNotExist:
        raise Http404 from None
    availability = services.registration_availability(occurrence=occurrence) if occurrence else None
    max_places = (
        services.max_places_per_registration(occurrence=occurrence, availability=availability)
        if occurrence
        else None
    )
    form = RegistrationForm(max_places=max_places)
    status = 200
    if request.method == "POST":
        if _rate_limit(event).hit(request):
            logger.info("registration form for event %s: rate limit reached", event.pk)
            return render(
                request,
                f"{TEMPLATE_DIR}/ratelimited.html",
                {"event": event, "window_minutes": settings.REGISTRATION_RATE_WINDOW // 60},
                status=429,
            )
        form = RegistrationForm(request.POST, max_places=max_places)
        sent_url = reverse(
            "registration:sent", kwargs={"alliance_slug": request.alliance.slug, "slug": slug}
        )
        if form.is_bot:
            logger.info("registration form for event %s: honeypot filled, ignored", event.pk)
            return redirect(sent_url)
        if availability is not None and availability.accepts_registrations and form.is_valid():
            data = form.cleaned_data
            try:
                services.registration_create(
                    occurrence=occurrence,
                    name=data["name"],
                    email=data["email"],
                    adults=data["adults"],
                    children=data["children"],
                    note=data["note"],
                    language=translation.get_language(),
                )
            except services.RegistrationClosed as closed:
                availability = closed.availability
                status = 409
            else:
                return redirect(sent_url)
        elif availability is None or not availability.accepts_registrations:
            status = 409
    return render(
        request,
        f"{TEMPLATE_DIR}/register.html",
        {"event": event, "occurrence": occurrence, "availability": availability, "form": form},
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
def sent(request, slug: str):
    event = _event_or_404(request, slug)
    return render(
        request,
        f"{TEMPLATE_DIR}/sent.html",
        {"event": event, "confirm_hours": settings.REGISTRATION_CONFIRM_HOURS},
    )


def _link_error(request, reason: str):
    return render(
        request,
        f"{TEMPLATE_DIR}/link_error.html",
        {"reason": reason, "confirm_hours": settings.REGISTRATION_CONFIRM_HOURS},
        status=404 if reason == "unknown" else 400,
    )


def _page_context(registration) -> dict:
    occurrence = registration.occurrence
    return {
        "registration": registration,
        "occurrence": occurrence,
        "event": occurrence.event,
        "cancel_url": services.registration_link(
            registration=registration, purpose=services.CANCEL
        ),
    }


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token, signature: str):
    """GET shows a button, POST confirms: link scanners in mail systems only GET."""
    try:
        registration = services.registration_get_by_link(
            alliance=request.alliance, token=token, signature=signature, purpose=services.CONFIRM
        )
    except services.LinkError as error:
        return _link_error(request, error.reason)
    context = _page_context(registration)
    if request.method == "POST":
        try:
            outcome = services.registration_confirm(registration_id=registration.pk)
        except Registration.DoesNotExist:  # purged between the link check and the lock
            return _link_error(request, "unknown")
        context.update(registration=outcome.registration, result=outcome.result)
        return render(request, f"{TEMPLATE_DIR}/confirm_result.html", context)
    if registration.state != registration.State.PENDING:
        context["result"] = registration.state
        return render(request, f"{TEMPLATE_DIR}/confirm_result.html", context)
    return render(request, f"{TEMPLATE_DIR}/confirm.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token, signature: str):
    try:
        registration = services.registration_get_by_link(
            alliance=request.alliance, token=token, signature=signature, purpose=services.CANCEL
        )
    except services.LinkError as error:
        return _link_error(request, error.reason)
    context = _page_context(registration)
    context["too_late"] = registration.occurrence.starts_at <= timezone.now()
    # Only promise the place to the waiting list when somebody waits for it (issue 16).
    context["people_waiting"] = (
        services.registration_availability(occurrence=registration.occurrence).waiting > 0
        and registration.state != registration.State.WAITING
    )
    if request.method == "POST":
        try:
            outcome = services.registration_cancel(registration_id=registration.pk)
        except Registration.DoesNotExist:  # purged between the link check and the lock
            return _link_error(request, "unknown")
        context.update(registration=outcome.registration, result=outcome.result)
        return render(request, f"{TEMPLATE_DIR}/cancel_result.html", context)
    return render(request, f"{TEMPLATE_DIR}/cancel.html", context)
