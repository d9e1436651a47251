"""Write operations of ``/api/v1/``: create and change entries, archive offers and events.

Authenticated by personal API tokens only (``auth.py``). Each operation does what the
workspace view does (moderation/entry_views.py): the same django-rules permissions, another
alliance's workspace and rows the user may not see are 404, the same entry form validates and
``moderation.services.entry_save`` saves — directly (201/200) or, for a provider's change to
a published entry in an alliance with review, as a change waiting for review (202). Form
errors are 422 under the API's field names (``inputs.py``). See docs/dev/api.md.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from django_otp import user_has_device
from ninja import Status
from ninja.errors import AuthenticationError, HttpError, ValidationError

from familiennetz.alliances.config import alliance_config
from familiennetz.alliances.models import Alliance
from familiennetz.alliances.predicates import SENSITIVE_ROLES, access_of
from familiennetz.directory.entry_forms import LocationForm, OfferForm, OrganisationForm
from familiennetz.directory.models import Location, Offer, Organisation
from familiennetz.events.entry_forms import EventForm
from familiennetz.events.models import Event
from familiennetz.moderation import services as moderation
from familiennetz.moderation.changes import changes_from_form
from familiennetz.moderation.entries import perm_name
from familiennetz.moderation.entries import status_field as entry_status_field

from .auth import ApiTokenAuth
from .common import ERRORS, AllianceSlug, alliance_get
from .inputs import (
    EventCreate,
    EventPatch,
    InputError,
    LocationCreate,
    LocationPatch,
    OfferCreate,
    OfferPatch,
    OrganisationCreate,
    OrganisationPatch,
    form_data,
    form_errors,
)
from .schemas import (
    ErrorOut,
    EventWriteOut,
    LocationOut,
    OfferWriteOut,
    OrganisationOut,
    QueuedOut,
)
from .serializers import Serializer
from .v1_app import api

WRITE_ERRORS = {**ERRORS, 401: ErrorOut, 403: ErrorOut, 413: ErrorOut}
SLUG_PATH = r"^[-a-zA-Z0-9_]+$"


# --- access (as workspace.access: workspace_view, entry_or_404, check_perm) ----------------


def _alliance(request, slug: str) -> Alliance:
    """The alliance in the path, if the token's user may enter its workspace (else 404)."""
    alliance = alliance_get(slug)
    token, user = request.auth, request.user
    if token.alliance_id not in (None, alliance.pk) or not user.has_perm(
        "alliances.view_workspace", alliance
    ):
        raise Http404(_("There is no workspace with this name for you."))
    if (
        alliance_config(alliance).require_two_factor
        and (user.is_superuser or access_of(user).role(alliance.pk) in SENSITIVE_ROLES)
        and not user_has_device(user)
    ):
        raise HttpError(
            403, _("This network requires two-factor authentication: set it up in your account.")
        )
    request.alliance = alliance
    return alliance


def _check(request, perm: str, obj) -> None:
    if not request.user.has_perm(perm, obj):
        raise HttpError(403, _("You are not allowed to do this."))


def _entry(request, alliance: Alliance, model, slug: str):
    entry = model.objects.for_alliance(alliance).visible_to(request.user).filter(slug=slug).first()
    if entry is None:
        raise Http404(_("This entry does not exist or is not yours to see."))
    return entry


# --- saving through the workspace form --------------------------------------------------------


OUT = {
    Organisation: "organisation",
    Location: "location",
    Offer: "offer",
    Event: "event",
}


def _out(request, alliance: Alliance, entry) -> dict:
    entry = type(entry).objects.get(pk=entry.pk)  # as saved, not as the form left it
    data = getattr(Serializer(request, alliance), OUT[type(entry)])(entry)
    if entry_status_field(entry):
        data["publication_status"] = entry.status
    return data


def _queued(item, entry) -> Status:
    return Status(
        202,
        {
            "detail": _("Your change was sent to the coordination; it applies once accepted."),
            "change_request": item.pk,
            "slug": entry.slug,
        },
    )


def _save(request, alliance: Alliance, form_class, body, *, instance=None):
    """Validate ``body`` with the workspace form and save it like the workspace does."""
    user = request.user
    model = form_class._meta.model
    target = instance if instance is not None else alliance
    kwargs = {
        "instance": instance,
        "alliance": alliance,
        "user": user,
        "can_publish": user.has_perm(perm_name(model, "publish"), target),
    }
    try:
        data = form_data(form_class, form_class(**kwargs), body, alliance=alliance)
    except InputError as exc:
        return Status(422, {"detail": exc.detail()})
    form = form_class(data, **kwargs)
    if not form.is_valid():
        return Status(422, {"detail": form_errors(form).detail()})
    outcome = moderation.entry_save(entry=form.instance, changes=changes_from_form(form), user=user)
    entry = type(outcome.entry).objects.get(pk=outcome.entry.pk)
    item = outcome.item
    wanted = body.model_dump(exclude_unset=True).get("publication_status")
    status_field = entry_status_field(model)
    if (
        wanted
        and status_field
        and status_field not in form.fields
        and wanted != getattr(entry, status_field)
    ):
        # As the workspace's status buttons: publishing is asked for, going offline is not.
        if wanted == "published":
            request_item = moderation.publication_request(entry=entry, user=user)
            item = item or request_item
        else:
            entry = moderation.entry_set_status(entry=entry, status=wanted, user=user)
    if item is not None:
        return _queued(item, entry)
    return Status(201 if instance is None else 200, _out(request, alliance, entry))


def _create(request, alliance_slug: str, form_class, body):
    alliance = _alliance(request, alliance_slug)
    _check(request, perm_name(form_class._meta.model, "add"), alliance)
    return _save(request, alliance, form_class, body)


def _update(request, alliance_slug: str, form_class, slug: str, body):
    alliance = _alliance(request, alliance_slug)
    entry = _entry(request, alliance, form_class._meta.model, slug)
    _check(request, perm_name(entry, "change"), entry)
    return _save(request, alliance, form_class, body, instance=entry)


def _archive(request, alliance_slug: str, model, slug: str):
    alliance = _alliance(request, alliance_slug)
    entry = _entry(request, alliance, model, slug)
    _check(request, perm_name(entry, "change"), entry)  # going offline needs no review
    if entry.status != "archived":
        entry = moderation.entry_set_status(entry=entry, status="archived", user=request.user)
    return Status(200, _out(request, alliance, entry))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    response = api.create_response(
        request,
        {"detail": _("Send a valid API token: Authorization: Bearer <token>.")},
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="familiennetz"'
    return response


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    """422 with the API's field names: ``["body", "name"]``, not ninja's ``["body", "body",
    "name"]`` (the second is the name of the view's parameter)."""
    detail = []
    for problem in exc.errors:
        loc = list(problem.get("loc", []))
        if loc[:2] == ["body", "body"]:
            loc = loc[:1] + loc[2:]
        detail.append({**problem, "loc": loc})
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(RequestDataTooBig)
def _too_large(request, exc):
    return api.create_response(
        request,
        {"detail": _("The request body is too large (at most %(n)d bytes).")
         % {"n": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}},
        status=413,
    )  # fmt: skip


class WriteAccess(ApiTokenAuth):
    """The token, then — before the body is read or validated — the alliance in the path
    (another alliance's or one the user may not enter: 404), two-factor (403) and the
    operation's permission: ``add`` on the alliance, or ``change`` on the entry in the path
    (an entry the user may not see: 404). So another alliance's token never learns which
    bodies would be valid there (issue 18)."""

    def __init__(self, model, action: str):
        super().__init__()
        self.model, self.action = model, action

    def authenticate(self, request, token: str):
        api_token = super().authenticate(request, token)
        if api_token is None:
            return None
        request.auth = api_token
        path = request.resolver_match.kwargs if request.resolver_match else {}
        alliance = _alliance(request, str(path.get("alliance", "")))
        if self.action == "add":
            _check(request, perm_name(self.model, "add"), alliance)
        else:
            entry = _entry(request, alliance, self.model, str(path.get("slug", "")))
            _check(request, perm_name(entry, "change"), entry)
        return api_token


def _operation(
    method: str,
    path: str,
    ok: int,
    schema,
    *,
    tags: list[str],
    model,
    queued: bool = True,
):
    responses = {ok: schema, **WRITE_ERRORS}
    if queued:
        responses[202] = QueuedOut
    action = "add" if method == "post" else "change"
    return getattr(api, method)(
        path, response=responses, auth=WriteAccess(model, action), tags=tags
    )


# --- organisations ------------------------------------------------------------------------------


@_operation(
    "post",
    "/{alliance}/organisations",
    201,
    OrganisationOut,
    tags=["organisations"],
    model=Organisation,
)
def organisation_create(request, alliance: AllianceSlug, body: OrganisationCreate):
    """Create an organisation (coordination and steering group)."""
    return _create(request, alliance, OrganisationForm, body)


@_operation(
    "patch",
    "/{alliance}/organisations/{slug}",
    200,
    OrganisationOut,
    tags=["organisations"],
    model=Organisation,
)
def organisation_update(request, alliance: AllianceSlug, slug: str, body: OrganisationPatch):
    """Change an organisation; a provider's change waits for review where the network wants it
    (202)."""
    return _update(request, alliance, OrganisationForm, slug, body)


# --- places -------------------------------------------------------------------------------------


@_operation("post", "/{alliance}/locations", 201, LocationOut, tags=["locations"], model=Location)
def location_create(request, alliance: AllianceSlug, body: LocationCreate):
    """Create a place (providers: of one of their organisations)."""
    return _create(request, alliance, LocationForm, body)


@_operation(
    "patch", "/{alliance}/locations/{slug}", 200, LocationOut, tags=["locations"], model=Location
)
def location_update(request, alliance: AllianceSlug, slug: str, body: LocationPatch):
    """Change a place; opening hours stay as they are."""
    return _update(request, alliance, LocationForm, slug, body)


# --- offers -------------------------------------------------------------------------------------


@_operation("post", "/{alliance}/offers", 201, OfferWriteOut, tags=["offers"], model=Offer)
def offer_create(request, alliance: AllianceSlug, body: OfferCreate):
    """Create an offer. Providers' new offers are drafts; with ``publication_status:
    published`` the coordination is asked to publish it (202)."""
    return _create(request, alliance, OfferForm, body)


@_operation("patch", "/{alliance}/offers/{slug}", 200, OfferWriteOut, tags=["offers"], model=Offer)
def offer_update(request, alliance: AllianceSlug, slug: str, body: OfferPatch):
    """Change an offer (drafts too); regular sessions stay as they are."""
    return _update(request, alliance, OfferForm, slug, body)


@_operation(
    "delete",
    "/{alliance}/offers/{slug}",
    200,
    OfferWriteOut,
    tags=["offers"],
    model=Offer,
    queued=False,
)
def offer_archive(request, alliance: AllianceSlug, slug: str):
    """Archive an offer (it leaves the guide; nothing is deleted)."""
    return _archive(request, alliance, Offer, slug)


# --- events -------------------------------------------------------------------------------------


@_operation("post", "/{alliance}/events", 201, EventWriteOut, tags=["events"], model=Event)
def event_create(request, alliance: AllianceSlug, body: EventCreate):
    """Create an event (a single date or a series with ``rrule``)."""
    return _create(request, alliance, EventForm, body)


@_operation("patch", "/{alliance}/events/{slug}", 200, EventWriteOut, tags=["events"], model=Event)
def event_update(request, alliance: AllianceSlug, slug: str, body: EventPatch):
    return _update(request, alliance, EventForm, slug, body)


@_operation(
    "delete",
    "/{alliance}/events/{slug}",
    200,
    EventWriteOut,
    tags=["events"],
    model=Event,
    queued=False,
)
def event_archive(request, alliance: AllianceSlug, slug: str):
    """Archive an event with all its dates (nothing is deleted)."""
    return _archive(request, alliance, Event, slug)
