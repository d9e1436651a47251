"""Every workspace URL × every role → the expected HTTP status (docs/dev/roles.md).

The URL list is read from the URL resolver: a new URL under /manage/ without an entry in
MATRIX makes ``test_every_workspace_url_is_in_the_matrix`` fail. The API's write operations
(same rules, token authentication) are in API_MATRIX, read from the OpenAPI document: a new
write operation without an entry makes ``test_every_api_write_operation_is_in_the_matrix`` fail.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from familiennetz.core.tests.matrix import (
    ALL,
    COORDINATION,
    EDITORS,
    ORGANISERS,
    READERS,
    ROLES,
    WHOLE_EDITORS,
    app_matrix_modules,
    only,
)
from familiennetz.directory.tests.factories import (
    LocationFactory,
    OfferFactory,
    OrganisationFactory,
)
from familiennetz.events.tests.factories import EventFactory, OccurrenceFactory

# url name: (method, kwargs(world) -> dict, expected status per role)
MATRIX = {
    "workspace:manage-home": (
        "get",
        lambda w: {},
        dict.fromkeys(ROLES, 302) | {"admin": 200},
    ),
    "workspace:manage-dashboard": ("get", lambda w: {}, ALL),
    "workspace:manage-member-list": ("get", lambda w: {}, only(COORDINATION)),
    "workspace:manage-member-update": (
        "get",
        lambda w: {"pk": w.provider.membership.pk},
        only(COORDINATION),
    ),
    "workspace:manage-invitation-revoke": (
        "post",
        lambda w: {"pk": w.invitation.pk},
        only(COORDINATION, ok=302),
    ),
    "workspace:manage-settings": ("get", lambda w: {}, only(COORDINATION)),
    "directory:manage-organisation-list": ("get", lambda w: {}, ALL),
    "directory:manage-organisation-create": ("get", lambda w: {}, only(WHOLE_EDITORS)),
    "directory:manage-organisation-detail": (
        "get",
        lambda w: {"pk": w.organisation.pk},
        only(READERS),
    ),
    "directory:manage-organisation-update": (
        "get",
        lambda w: {"pk": w.organisation.pk},
        only(READERS),  # read-only for viewers and state offices
    ),
    "directory:manage-organisation-confirm": (
        "post",
        lambda w: {"pk": w.organisation.pk},
        only(EDITORS, ok=302),
    ),
    "directory:manage-location-list": ("get", lambda w: {}, ALL),
    "directory:manage-location-create": ("get", lambda w: {}, only(EDITORS)),
    "directory:manage-location-update": ("get", lambda w: {"pk": w.location.pk}, only(READERS)),
    "directory:manage-location-confirm": (
        "post",
        lambda w: {"pk": w.location.pk},
        only(EDITORS, ok=302),
    ),
    "directory:manage-offer-list": ("get", lambda w: {}, ALL),
    "directory:manage-offer-create": ("get", lambda w: {}, only(EDITORS)),
    "directory:manage-offer-update": ("get", lambda w: {"pk": w.offer.pk}, only(READERS)),
    "directory:manage-offer-confirm": ("post", lambda w: {"pk": w.offer.pk}, only(EDITORS, ok=302)),
    "directory:manage-offer-status": (
        "post",
        lambda w: {"pk": w.offer.pk},
        only(EDITORS, ok=302),
    ),
    "events:manage-event-list": ("get", lambda w: {}, ALL),
    "events:manage-event-create": ("get", lambda w: {}, only(EDITORS)),
    "events:manage-event-update": ("get", lambda w: {"pk": w.event.pk}, only(READERS)),
    "events:manage-event-confirm": ("post", lambda w: {"pk": w.event.pk}, only(EDITORS, ok=302)),
    "events:manage-event-status": ("post", lambda w: {"pk": w.event.pk}, only(EDITORS, ok=302)),
    "events:manage-participant-list": ("get", lambda w: {"pk": w.event.pk}, only(ORGANISERS)),
    "events:manage-participant-export": ("get", lambda w: {"pk": w.event.pk}, only(ORGANISERS)),
    "moderation:manage-review-list": ("get", lambda w: {}, only(COORDINATION)),
    "moderation:manage-review-detail": ("get", lambda w: {"pk": w.item.pk}, only(COORDINATION)),
    "history:manage-version-list": (
        "get",
        lambda w: {"kind": "angebot", "pk": w.offer.pk},
        only(READERS),
    ),
    "history:manage-version-restore": (
        "post",
        lambda w: {
            "kind": "angebot",
            "pk": w.offer.pk,
            "history_id": w.offer.history.earliest().history_id,
        },
        only(COORDINATION, ok=302),
    ),
}

# --- import and export (interop; /manage/<alliance>/daten/…) ---------------------------------


def _import_upload(w, *, committed: bool = False):
    """The coordinator's stored upload of a valid one-row sheet (committed: imported)."""
    from familiennetz.interop.services import (
        import_upload_check,
        import_upload_commit,
        import_upload_create,
    )

    upload = import_upload_create(
        alliance=w.alliance,
        user=w.users["coordinator"],
        kind="sheet",
        filename="liste.csv",
        data="Angebot;Träger\nBabytreff;Diakonie\n".encode(),
    )
    import_upload_check(upload=upload)
    if committed:
        import_upload_commit(upload=upload)
    return upload


# An upload exists only for its uploader: the instance admin gets a 404 for the coordinator's.
OWN_UPLOAD = {"admin": 404}

MATRIX |= {
    "interop:manage-import": ("get", lambda w: {}, only(COORDINATION)),
    "interop:manage-import-template": ("get", lambda w: {"fmt": "xlsx"}, only(COORDINATION)),
    "interop:manage-import-preview": (
        "get",
        lambda w: {"pk": _import_upload(w).pk},
        only(COORDINATION) | OWN_UPLOAD,
    ),
    "interop:manage-import-commit": (
        "post",
        lambda w: {"pk": _import_upload(w).pk},
        only(COORDINATION, ok=302) | OWN_UPLOAD,
    ),
    "interop:manage-import-result": (
        "get",
        lambda w: {"pk": _import_upload(w, committed=True).pk},
        only(COORDINATION) | OWN_UPLOAD,
    ),
    "interop:manage-export": ("get", lambda w: {}, only(COORDINATION)),
    "interop:manage-export-download": (
        "get",
        lambda w: {"filename": "angebote.csv"},
        only(COORDINATION),
    ),
}

# --- end of import and export ------------------------------------------------------------------

# What each POST sends (valid input, so that the allowed roles get their redirect).
POST_DATA = {
    "directory:manage-offer-status": {"status": "archived"},
    "events:manage-event-status": {"status": "archived"},
}

# The domain apps' own entries (familiennetz/<app>/tests/permissions.py, see core/tests/matrix.py).
APP_MODULES = app_matrix_modules()
# URLs under /manage/ that name no alliance (the state office's /manage/landesstelle/…).
WITHOUT_ALLIANCE = {"workspace:manage-home"}
for _module in APP_MODULES:
    _twice = set(MATRIX) & set(_module.MATRIX)
    assert not _twice, f"{_module.__name__} repeats matrix entries: {sorted(_twice)}"
    MATRIX.update(_module.MATRIX)
    POST_DATA.update(getattr(_module, "POST_DATA", {}))
    WITHOUT_ALLIANCE.update(getattr(_module, "WITHOUT_ALLIANCE", ()))


def _workspace_url_names() -> set[str]:
    """Names of all URL patterns under /manage/, with their namespaces."""
    names = set()

    def walk(patterns, prefix: str, namespace: str):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}{pattern.namespace}:"
                walk(pattern.url_patterns, route, ns)
            elif isinstance(pattern, URLPattern) and route.lstrip("^").startswith("manage/"):
                names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns, "", "")
    return names


def test_every_workspace_url_is_in_the_matrix():
    names = _workspace_url_names()
    assert names, "no workspace URLs found: has the URL layout changed?"
    missing = sorted(names - set(MATRIX))
    assert not missing, f"workspace URLs without an entry in the permission matrix: {missing}"
    stale = sorted(set(MATRIX) - names)
    assert not stale, f"matrix entries for URLs that no longer exist: {stale}"


@pytest.fixture
def world(
    alliance,
    other_alliance,
    coordinator,
    steering_member,
    provider,
    viewer,
    state_office_user,
    outsider,
    instance_admin,
):
    from familiennetz.accounts.services import invitation_create
    from familiennetz.moderation.services import report_create

    organisation = provider.organisation
    offer = OfferFactory(alliance=alliance, organisation=organisation)
    location = LocationFactory(alliance=alliance, organisation=organisation)
    event = EventFactory(alliance=alliance, organisation=organisation, requires_registration=True)
    OccurrenceFactory(event=event)
    item = report_create(alliance=alliance, target=offer, message="Neue Zeiten")
    invitation, _token = invitation_create(
        alliance=alliance, email="neu@example.org", role="viewer", invited_by=coordinator.user
    )
    world = SimpleNamespace(
        alliance=alliance,
        other_alliance=other_alliance,
        organisation=organisation,
        offer=offer,
        location=location,
        event=event,
        item=item,
        invitation=invitation,
        provider=provider,
        users={
            "anonymous": None,
            "coordinator": coordinator.user,
            "steering": steering_member.user,
            "provider": provider.user,
            "viewer": viewer.user,
            "state_office": state_office_user.user,
            "outsider": outsider.user,
            "admin": instance_admin.user,
        },
    )
    for module in APP_MODULES:
        if hasattr(module, "extend_world"):
            module.extend_world(world)
    return world


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(name, world, client):
    method, make_kwargs, expected = MATRIX[name]
    kwargs = make_kwargs(world)
    if name not in WITHOUT_ALLIANCE:
        kwargs["alliance_slug"] = world.alliance.slug
    url = reverse(name, kwargs=kwargs)
    got = {}
    for role in ROLES:
        # A fresh invitation for every role: revoking one closes it for the next request.
        if name == "workspace:manage-invitation-revoke":
            world.invitation.revoked_at = None
            world.invitation.save()
        client.logout()
        user = world.users[role]
        if user is not None:
            client.force_login(user)
        send = client.get if method == "get" else client.post
        got[role] = send(url, POST_DATA.get(name, {})).status_code
    assert got == expected, f"{name} ({url})"


OTHER_ORGANISATION_URLS = [
    ("directory:manage-organisation-detail", "organisation"),
    ("directory:manage-organisation-update", "organisation"),
    ("directory:manage-location-update", "location"),
    ("directory:manage-offer-update", "offer"),
    ("events:manage-event-update", "event"),
    ("events:manage-participant-list", "event"),
]


@pytest.mark.parametrize(("name", "attr"), OTHER_ORGANISATION_URLS)
def test_provider_gets_404_for_another_organisations_entries(name, attr, client, provider):
    other = OrganisationFactory(alliance=provider.alliance)
    rows = {
        "organisation": other,
        "location": LocationFactory(alliance=provider.alliance, organisation=other),
        "offer": OfferFactory(alliance=provider.alliance, organisation=other),
        "event": EventFactory(alliance=provider.alliance, organisation=other),
    }
    client.force_login(provider.user)
    url = reverse(name, kwargs={"alliance_slug": provider.alliance.slug, "pk": rows[attr].pk})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "name", ["directory:manage-offer-update", "directory:manage-organisation-update"]
)
def test_read_only_roles_cannot_save_an_entry(name, world, client):
    obj = world.offer if "offer" in name else world.organisation
    url = reverse(name, kwargs={"alliance_slug": world.alliance.slug, "pk": obj.pk})
    for role in ("viewer", "state_office"):
        client.force_login(world.users[role])
        page = client.get(url)
        assert page.status_code == 200
        assert all(field.disabled for field in page.context["form"].fields.values())
        assert client.post(url, {"name": "Übernommen?"}).status_code == 403
    obj.refresh_from_db()
    assert obj.name != "Übernommen?"


# --- API write operations (/api/v1/, token auth) ---------------------------------------------
# Same rules as the workspace: no token 401 (instead of the login redirect), no role in the
# alliance 404, rows of another organisation 404, read-only roles 403. A provider's change
# to a published entry waits for review (202); "other_provider" is a provider editor of
# another organisation in the same alliance: the form does not offer her organisation (422).

API_ROLES = [*ROLES, "other_provider"]


def api_only(allowed: set[str], *, ok: int, provider: int | None = None) -> dict[str, int]:
    statuses = {role: (ok if role in allowed else 403) for role in API_ROLES}
    statuses |= {"anonymous": 401, "outsider": 404, "other_provider": 404}
    if provider is not None:
        statuses["provider"] = provider
    return statuses


API_CREATE_ALL = api_only(EDITORS, ok=201) | {"other_provider": 422}
API_CHANGE = api_only(EDITORS, ok=200, provider=202)

# (method, OpenAPI path): (body(world), path parameters(world), expected status per role)
API_MATRIX = {
    ("POST", "/api/v1/{alliance}/organisations"): (
        lambda w: {"name": "Neuer Träger"},
        lambda w: {},
        api_only(WHOLE_EDITORS, ok=201) | {"other_provider": 403},
    ),
    ("PATCH", "/api/v1/{alliance}/organisations/{slug}"): (
        lambda w: {"phone": "03731 12345"},
        lambda w: {"slug": w.organisation.slug},
        API_CHANGE,
    ),
    ("POST", "/api/v1/{alliance}/locations"): (
        lambda w: {"organisation": w.organisation.slug, "name": "Neuer Ort"},
        lambda w: {},
        API_CREATE_ALL,
    ),
    ("PATCH", "/api/v1/{alliance}/locations/{slug}"): (
        lambda w: {"transport_notes": "Bus 652"},
        lambda w: {"slug": w.location.slug},
        API_CHANGE,
    ),
    ("POST", "/api/v1/{alliance}/offers"): (
        lambda w: {"organisation": w.organisation.slug, "name": "Neues Angebot"},
        lambda w: {},
        API_CREATE_ALL,
    ),
    ("PATCH", "/api/v1/{alliance}/offers/{slug}"): (
        lambda w: {"summary": "Neu"},
        lambda w: {"slug": w.offer.slug},
        API_CHANGE,
    ),
    ("DELETE", "/api/v1/{alliance}/offers/{slug}"): (
        None,
        lambda w: {"slug": w.offer.slug},
        api_only(EDITORS, ok=200),
    ),
    ("POST", "/api/v1/{alliance}/events"): (
        lambda w: {
            "organisation": w.organisation.slug,
            "title": "Neuer Termin",
            "starts_at": "2026-12-03T15:00:00+01:00",
        },
        lambda w: {},
        API_CREATE_ALL,
    ),
    ("PATCH", "/api/v1/{alliance}/events/{slug}"): (
        lambda w: {"status_note": "Neu"},
        lambda w: {"slug": w.event.slug},
        API_CHANGE,
    ),
    ("DELETE", "/api/v1/{alliance}/events/{slug}"): (
        None,
        lambda w: {"slug": w.event.slug},
        api_only(EDITORS, ok=200),
    ),
}


def _api_write_operations() -> set[tuple[str, str]]:
    from familiennetz.interop.api.routes import v1_api as api

    paths = api.get_openapi_schema()["paths"]
    return {
        (method.upper(), path)
        for path, operations in paths.items()
        for method in operations
        if method in {"post", "put", "patch", "delete"}
    }


def test_every_api_write_operation_is_in_the_matrix():
    operations = _api_write_operations()
    assert operations, "no API write operations found: has the API moved?"
    missing = sorted(operations - set(API_MATRIX))
    assert not missing, f"API write operations without an entry in API_MATRIX: {missing}"
    stale = sorted(set(API_MATRIX) - operations)
    assert not stale, f"API_MATRIX entries for operations that no longer exist: {stale}"


@pytest.fixture
def api_world(world):
    from familiennetz.accounts.services import api_token_create
    from familiennetz.accounts.tests.factories import UserFactory
    from familiennetz.alliances.tests.factories import MembershipFactory

    other_org = OrganisationFactory(alliance=world.alliance, name="Hort Am Park")
    other = UserFactory(email="leitung@hort.example")
    MembershipFactory(
        user=other, alliance=world.alliance, role="provider", organisations=[other_org]
    )
    users = world.users | {"other_provider": other}
    world.headers = {
        role: (
            {}
            if user is None
            else {
                "HTTP_AUTHORIZATION": "Bearer "
                + api_token_create(user=user, name="Matrix", valid_days=30)[1]
            }
        )
        for role, user in users.items()
    }
    return world


@pytest.mark.parametrize("operation", sorted(API_MATRIX), ids=" ".join)
def test_api_permission_matrix(operation, api_world, client):
    import json

    method, path = operation
    make_body, make_params, expected = API_MATRIX[operation]
    url = path.replace("{alliance}", api_world.alliance.slug)
    for name, value in make_params(api_world).items():
        url = url.replace("{" + name + "}", value)
    got = {}
    for role in API_ROLES:
        body = json.dumps(make_body(api_world)) if make_body else ""
        send = getattr(client, method.lower())
        response = send(url, body, content_type="application/json", **api_world.headers[role])
        got[role] = response.status_code
    assert got == expected, f"{method} {url}"
