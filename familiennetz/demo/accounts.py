"""Demo users for every role, a state office, and some items waiting for review.

Users get the published demo password, so they are only created where the demo admin is
(DEBUG on or ``seed_demo --with-admin``). Suggestions and error reports are always created.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils.text import capfirst

from familiennetz.alliances.models import Alliance, Membership, Role, StateOffice
from familiennetz.directory.models import Offer, Organisation
from familiennetz.moderation.entries import form_class_for, form_payload
from familiennetz.moderation.models import ChangeRequest

ROLE_USERS = [
    (Role.COORDINATOR, "koordination", "Kora", "Koordinatorin"),
    (Role.STEERING, "steuerung", "Stefan", "Steuerungsgruppe"),
    (Role.PROVIDER, "anbieter", "Anja", "Anbieterin"),
    (Role.VIEWER, "lesen", "Leo", "Lesezugang"),
]
STATE_OFFICE_EMAIL = "landesstelle@demo.invalid"


@dataclass
class DemoLogin:
    alliance: str
    role: str
    email: str
    organisation: str = ""


def _user(email: str, first: str, last: str, password: str):
    user, _created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    user.is_active = True
    user.set_password(password)
    user.save()
    return user


def _provider_organisation(alliance: Alliance) -> Organisation:
    with_offers = (
        Organisation.objects.for_alliance(alliance)
        .annotate(n=Count("offers", filter=Q(offers__status="published")))
        .filter(n__gt=0)
    )
    return (
        with_offers.filter(kind=Organisation.Kind.FAMILY_CENTRE).order_by("-n", "name").first()
        or with_offers.order_by("-n", "name").first()
    )


def demo_users_ensure(*, alliances: list[Alliance], password: str) -> list[DemoLogin]:
    logins = []
    for alliance in alliances:
        for role, local, first, last in ROLE_USERS:
            email = f"{local}.{alliance.slug}@demo.invalid"
            user = _user(email, first, last, password)
            membership, _created = Membership.objects.update_or_create(
                user=user, alliance=alliance, defaults={"role": role}
            )
            organisation = ""
            if role == Role.PROVIDER:
                org = _provider_organisation(alliance)
                membership.organisations.set([org])
                organisation = org.name
            logins.append(DemoLogin(alliance.name, Role(role).label, email, organisation))
    office, _created = StateOffice.objects.get_or_create(name="Landeskoordinierungsstelle (Demo)")
    office.alliances.add(*alliances)
    office.members.add(_user(STATE_OFFICE_EMAIL, "Lena", "Landesstelle", password))
    logins.append(
        DemoLogin(office.name, capfirst(StateOffice._meta.verbose_name), STATE_OFFICE_EMAIL)
    )
    return logins


def demo_review_items(*, alliance: Alliance) -> int:
    """Two suggestions from the public, two error reports and (if the demo provider exists)
    a provider change waiting for review."""
    offers = list(
        Offer.objects.for_alliance(alliance).filter(status="published").order_by("pk")[:2]
    )
    items = [
        ChangeRequest(
            alliance=alliance,
            kind=ChangeRequest.Kind.SUGGESTION,
            subject=ChangeRequest.Subject.OFFER,
            payload={
                "name": "Tragetuch-Treff",
                "organisation": "Hebammenpraxis am Park",
                "summary": "Eltern zeigen sich gegenseitig, wie Tragetuch und Trage sitzen.",
                "description": "Einmal im Monat, Samstagvormittag.",
                "when_where": "1. Samstag im Monat, 10 Uhr",
                "website": "",
                "email": "",
                "phone": "",
            },
            contact_name="Demo-Mutter",
            contact_email="vorschlag@demo.invalid",
        ),
        ChangeRequest(
            alliance=alliance,
            kind=ChangeRequest.Kind.SUGGESTION,
            subject=ChangeRequest.Subject.EVENT,
            payload={
                "name": "Laternenumzug",
                "organisation": "Kita Regenbogen",
                "summary": "Gemeinsamer Laternenumzug zu St. Martin.",
                "description": "Treffpunkt an der Kita, danach Punsch.",
                "when_where": "11. November, 17 Uhr",
                "website": "",
                "email": "",
                "phone": "",
            },
        ),
    ]
    messages = [
        "Das Angebot findet seit den Herbstferien donnerstags statt, nicht mehr dienstags.",
        "Die Telefonnummer stimmt nicht mehr.",
    ]
    for offer, message in zip(offers, messages, strict=False):
        items.append(
            ChangeRequest(
                alliance=alliance,
                kind=ChangeRequest.Kind.REPORT,
                target=offer,
                message=message,
                base_updated_at=offer.updated_at,
            )
        )
    ChangeRequest.objects.bulk_create(items)
    return len(items)


def demo_provider_change(*, alliance: Alliance) -> bool:
    """The demo provider proposes a new short description for one of her offers."""

    membership = (
        Membership.objects.filter(alliance=alliance, role=Role.PROVIDER)
        .select_related("user")
        .first()
    )
    if membership is None:
        return False
    offer = (
        Offer.objects.filter(organisation__in=membership.organisations.all(), status="published")
        .order_by("name")
        .first()
    )
    if offer is None:
        return False
    form_class = form_class_for(offer)
    initial = form_class(instance=offer, alliance=alliance, user=membership.user, can_publish=False)
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for name in initial.fields:
        value = initial[name].value()
        if isinstance(value, list | tuple):
            data.setlist(name, [str(getattr(v, "pk", v)) for v in value])
        elif value not in (None, False):
            data[name] = str(value) if value is not True else "on"
    data["summary"] = (offer.summary + " Neu: auch in den Ferien.").strip()[:400]
    form = form_class(
        data, instance=offer, alliance=alliance, user=membership.user, can_publish=False
    )
    if not form.is_valid():
        return False
    # Demo data: the queued change as the review queue stores it, without notifying anybody.
    ChangeRequest.objects.create(
        alliance=alliance,
        kind=ChangeRequest.Kind.CHANGE,
        target=offer,
        payload=form_payload(form),
        base_updated_at=offer.updated_at,
        author=membership.user,
    )
    return True
