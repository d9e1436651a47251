"""Builds the demo alliances from ``familiennetz.demo.content`` (``manage.py seed_demo``).

Everything is derived from the content modules and a ``random.Random`` seeded with the
alliance slug, so two runs produce the same rows; only the dates are relative to "now"
("last checked 3 months ago").
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify

from familiennetz.alliances.models import Alliance
from familiennetz.core.slugs import german_ascii, unique_slug
from familiennetz.directory.models import (
    Category,
    Contact,
    Language,
    Location,
    Offer,
    OfferLocation,
    Organisation,
    Schedule,
    Status,
)
from familiennetz.directory.services import taxonomy_install
from familiennetz.search.api import deferred_indexing, reindex_alliance
from familiennetz.socialspace.models import District

from .accounts import demo_provider_change, demo_review_items, demo_users_ensure
from .content import DEMO_ALLIANCES
from .content.events import install_demo_events
from .content.governance import install_demo_governance
from .content.netcare import install_demo_network_care
from .content.network import install_demo_network
from .content.open_data import install_demo_open_data
from .content.outreach import install_demo_outreach
from .content.participation import install_demo_participation
from .content.reports import install_demo_reports
from .content.socialspace import install_demo_socialspace
from .content.translations import install_demo_translations
from .content.types import OWN, AllianceSpec, DistrictSpec, OfferSpec, OrganisationSpec, PlaceSpec

DEMO_ADMIN_EMAIL = "koordination@demo.invalid"
DEMO_ADMIN_PASSWORD = "demo-familiennetz"  # documented in the README and the command output

STALE_SHARE = 0.2  # share of entries whose last check is more than a year ago
_slug_text = german_ascii  # "Krabbelkäfer" → "krabbelkaefer"


class DemoSeedError(Exception):
    pass


@dataclass
class AllianceSummary:
    slug: str
    name: str
    path: str
    districts: int
    organisations: int
    locations: int
    offers_published: int
    offers_draft: int
    offers_archived: int


@dataclass
class SeedResult:
    alliances: list[AllianceSummary] = field(default_factory=list)
    admin_email: str | None = None
    logins: list = field(default_factory=list)  # demo users per role (with the admin only)
    review_items: int = 0
    seconds: float = 0.0


def demo_seed(*, with_admin: bool, specs: tuple[AllianceSpec, ...] = DEMO_ALLIANCES) -> SeedResult:
    """(Re)build the demo alliances (see ``_demo_seed``) without sending any e-mail: the demo
    addresses are invented, and the services that build the demo (invitations to meetings,
    announcements, registrations) would otherwise mail them through the configured server."""
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        return _demo_seed(with_admin=with_admin, specs=specs)


def _demo_seed(*, with_admin: bool, specs: tuple[AllianceSpec, ...]) -> SeedResult:
    """(Re)build the demo alliances: delete them if present and create them afresh.

    Alliances that are not marked ``is_demo`` are never touched; if one of them uses a demo
    slug, nothing happens and ``DemoSeedError`` is raised.
    """
    started = time.monotonic()
    slugs = [spec.slug for spec in specs]
    taken = list(
        Alliance.objects.filter(slug__in=slugs, is_demo=False).values_list("slug", flat=True)
    )
    if taken:
        raise DemoSeedError(
            f"Alliance(s) {', '.join(sorted(taken))} exist and are not demo alliances; "
            "the demo data would replace them. Nothing was changed."
        )
    now = timezone.now()
    result = SeedResult()
    with transaction.atomic():
        with deferred_indexing() as touched:
            Alliance.objects.filter(slug__in=slugs, is_demo=True).delete()
            alliances = [_AllianceBuilder(spec=spec, now=now).build() for spec in specs]
        # Leaving the block reindexes every alliance whose offers sent save signals (or
        # leaves it to an enclosing block); index the others explicitly.
        for alliance in alliances:
            if alliance.pk not in touched:
                reindex_alliance(alliance=alliance)
        if with_admin:
            result.admin_email = demo_admin_ensure().email
            result.logins = demo_users_ensure(alliances=alliances, password=DEMO_ADMIN_PASSWORD)
        for alliance in alliances:
            result.review_items += demo_review_items(alliance=alliance)
            if with_admin:
                result.review_items += int(demo_provider_change(alliance=alliance))
            install_demo_network(alliance=alliance, now=now)
            # After the users: members of bodies are linked to the demo logins.
            install_demo_governance(alliance=alliance, now=now)
            install_demo_network_care(alliance=alliance, now=now)
            install_demo_outreach(alliance=alliance, now=now)
            install_demo_open_data(alliance=alliance)
            install_demo_translations(alliance=alliance)
        install_demo_reports(alliances=alliances, now=now)
    result.alliances = [demo_alliance_summary(alliance=alliance) for alliance in alliances]
    result.seconds = time.monotonic() - started
    return result


def demo_admin_ensure():
    """The coordinators' stop-gap login for the Django admin, with a published password."""
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(
        email=DEMO_ADMIN_EMAIL, defaults={"first_name": "Demo", "last_name": "Koordination"}
    )
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(DEMO_ADMIN_PASSWORD)
    user.save()
    return user


def demo_alliance_summary(*, alliance: Alliance) -> AllianceSummary:
    offers = Offer.objects.for_alliance(alliance)
    return AllianceSummary(
        slug=alliance.slug,
        name=alliance.name,
        path=alliance.get_absolute_url(),
        districts=District.objects.for_alliance(alliance).count(),
        organisations=Organisation.objects.for_alliance(alliance).count(),
        locations=Location.objects.for_alliance(alliance).count(),
        offers_published=offers.filter(status=Status.PUBLISHED).count(),
        offers_draft=offers.filter(status=Status.DRAFT).count(),
        offers_archived=offers.filter(status=Status.ARCHIVED).count(),
    )


class _AllianceBuilder:
    def __init__(self, *, spec: AllianceSpec, now: dt.datetime):
        self.spec = spec
        self.now = now
        self.rng = random.Random(f"familiennetz-demo:{spec.slug}")
        self.places: dict[str, Location] = {}
        self.districts: dict[str, tuple[DistrictSpec, District]] = {}
        self.phone_numbers = 0

    def build(self) -> Alliance:
        spec = self.spec
        self.alliance = Alliance.objects.create(
            slug=spec.slug,
            name=spec.name,
            region=spec.region,
            about=spec.about,
            contact_email=f"koordination@{spec.email_domain}",
            contact_phone=self._next_phone(),
            latitude=spec.latitude,
            longitude=spec.longitude,
            map_zoom=spec.map_zoom,
            is_demo=True,
        )
        taxonomy_install(alliance=self.alliance)
        self.categories = {c.code: c for c in Category.objects.for_alliance(self.alliance)}
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        for district in spec.districts:
            self.districts[district.slug] = (district, self._district(district))
        organisations = spec.organisations(self.rng)
        # Two passes: offers may take place at another organisation's place.
        built = [(org_spec, self._organisation(org_spec)) for org_spec in organisations]
        for org_spec, organisation in built:
            for offer_spec in org_spec.offers:
                self._offer(offer_spec, org_spec, organisation)
        # The calendar depends on the day it is built and refers to the organisations and
        # places above by slug; its content module writes through the events services.
        install_demo_events(alliance=self.alliance, now=self.now)
        install_demo_socialspace(alliance=self.alliance, now=self.now)
        # Surveys, a topic board, a Kita's children's complaints, needs (issue 11).
        install_demo_participation(alliance=self.alliance, now=self.now)
        return self.alliance

    # --- helpers ------------------------------------------------------------------------

    def _next_phone(self) -> str:
        """Clearly fictional numbers: "<area code> 1234-5nn"."""
        number = f"{self.spec.phone_prefix} 1234-5{self.phone_numbers:02d}"
        self.phone_numbers += 1
        return number

    def _checked_at(self, days_ago: int | None) -> dt.datetime:
        if days_ago is None:
            if self.rng.random() < STALE_SHARE:
                days_ago = self.rng.randint(370, 545)
            else:
                days_ago = self.rng.randint(3, 350)
        return self.now - dt.timedelta(days=days_ago, minutes=self.rng.randint(0, 600))

    def _email(self, local: str) -> str:
        return f"{local}@{self.spec.email_domain}"

    # --- rows -------------------------------------------------------------------------

    def _district(self, spec: DistrictSpec) -> District:
        return District.objects.create(
            alliance=self.alliance,
            name=spec.name,
            slug=spec.slug,
            kind=spec.kind,
            latitude=spec.latitude,
            longitude=spec.longitude,
        )

    def _organisation(self, spec: OrganisationSpec) -> Organisation:
        organisation = Organisation.objects.create(
            alliance=self.alliance,
            name=spec.name,
            slug=unique_slug(model=Organisation, alliance=self.alliance, text=spec.key),
            kind=spec.kind,
            operator=spec.operator,
            description=spec.description,
            website=spec.website or f"https://{self.spec.email_domain}/{spec.key}/",
            email=self._email(spec.key) if spec.email is None else spec.email,
            phone=self._next_phone() if spec.phone is None else spec.phone,
            last_checked_at=self._checked_at(None),
        )
        for role in spec.contacts:
            Contact.objects.create(
                alliance=self.alliance,
                organisation=organisation,
                role=role,
                email=self._email(f"{slugify(role)[:30]}.{spec.key}"),
                phone=organisation.phone,
                last_checked_at=organisation.last_checked_at,
            )
        for place in spec.places:
            if place.key in self.places:
                raise DemoSeedError(f"{self.spec.slug}: place key {place.key!r} used twice")
            self.places[place.key] = self._location(place, organisation)
        return organisation

    def _location(self, spec: PlaceSpec, organisation: Organisation) -> Location:
        try:
            district_spec, district = self.districts[spec.district]
        except KeyError:
            raise DemoSeedError(f"{self.spec.slug}: unknown district {spec.district!r}") from None
        radius = district_spec.radius
        # A degree of longitude is ~0.63 of a degree of latitude at 51° N: keep the
        # jitter roughly round on the map.
        latitude = district_spec.latitude + self.rng.uniform(-radius, radius)
        longitude = district_spec.longitude + self.rng.uniform(-radius, radius) * 1.6
        city = self.spec.city
        if district_spec.kind == District.Kind.ORTSTEIL and district_spec.slug != self.spec.slug:
            city = f"{city} OT {district_spec.name}"
        location = Location.objects.create(
            alliance=self.alliance,
            organisation=organisation,
            name=spec.name,
            slug=unique_slug(model=Location, alliance=self.alliance, text=spec.key),
            description=spec.description,
            street=spec.street,
            postal_code=district_spec.postal_code,
            city=city,
            district=district,
            latitude=round(latitude, 6),
            longitude=round(longitude, 6),
            is_wheelchair_accessible=spec.wheelchair,
            is_pram_accessible=spec.pram or spec.wheelchair,
            accessibility_notes=spec.accessibility_notes,
            transport_notes=spec.transport,
            last_checked_at=self._checked_at(None),
        )
        for hours in spec.hours:
            Schedule.objects.create(
                alliance=self.alliance,
                location=location,
                kind=Schedule.Kind.OPENING_HOURS,
                rrule=hours.rrule,
                opens_at=hours.opens_at,
                closes_at=hours.closes_at,
                description=hours.note,
                last_checked_at=location.last_checked_at,
            )
        return location

    def _offer(
        self, spec: OfferSpec, org_spec: OrganisationSpec, organisation: Organisation
    ) -> Offer:
        where = f"{self.spec.slug}: offer {spec.name!r}"
        place_keys = spec.at or tuple(place.key for place in org_spec.places[:1])
        if not place_keys:
            raise DemoSeedError(f"{where} has no place")
        unknown = [key for key in place_keys if key not in self.places]
        if unknown:
            raise DemoSeedError(f"{where}: unknown place(s) {unknown}")
        try:
            categories = [self.categories[code] for code in spec.categories]
            languages = [self.languages[code] for code in spec.languages]
        except KeyError as exc:
            raise DemoSeedError(f"{where}: unknown category or language {exc}") from None
        checked_at = self._checked_at(spec.checked_days_ago)
        published_at = None
        if spec.status != Status.DRAFT:
            published_at = checked_at - dt.timedelta(days=self.rng.randint(30, 900))
        age_min, age_max = spec.ages
        offer = Offer.objects.create(
            alliance=self.alliance,
            organisation=organisation,
            name=spec.name,
            slug=unique_slug(
                model=Offer, alliance=self.alliance, text=_slug_text(spec.name), max_length=120
            ),
            summary=spec.summary,
            description=spec.description,
            for_pregnancy=spec.pregnancy,
            age_min_months=age_min,
            age_max_months=age_max,
            is_free=spec.is_free,
            fee_description=spec.fee,
            accessibility_notes=spec.accessibility,
            participation=spec.participation,
            participation_notes=spec.how,
            is_online=spec.online,
            email=organisation.email if spec.email is None else spec.email,
            phone=organisation.phone if spec.phone is None else spec.phone,
            website=spec.website,
            status=spec.status,
            published_at=published_at,
            last_checked_at=checked_at,
        )
        offer.categories.set(categories)
        offer.languages.set(languages)
        at_place = {}
        for key in place_keys:
            at_place[key] = OfferLocation.objects.create(
                alliance=self.alliance,
                offer=offer,
                location=self.places[key],
                notes=spec.place_note,
                last_checked_at=checked_at,
            )
        for session in spec.sessions:
            key = session.at or place_keys[0]
            if key != OWN and key not in at_place:
                raise DemoSeedError(f"{where}: session at {key!r}, which is not one of its places")
            Schedule.objects.create(
                alliance=self.alliance,
                offer_location=at_place.get(key),
                offer=offer if key == OWN else None,
                kind=Schedule.Kind.SESSION,
                rrule=session.rrule,
                opens_at=session.opens_at,
                closes_at=session.closes_at,
                description=session.note,
                skips_school_holidays=session.skips_school_holidays,
                last_checked_at=checked_at,
            )
        for role in spec.contacts:
            Contact.objects.create(
                alliance=self.alliance,
                organisation=organisation,
                offer=offer,
                role=role,
                email=self._email(f"{slugify(role)[:30]}.{org_spec.key}"),
                phone=offer.phone or organisation.phone,
                last_checked_at=checked_at,
            )
        return offer
