"""Reads for the public guide: search with filters, detail pages, home page figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.core.geo import distance_km
from familiennetz.search.api import search_offers

from .forms import SORT_DISTANCE, SORT_NAME, SORT_RELEVANCE, WEEKDAY_TO_RRULE
from .models import (
    Category,
    Contact,
    Language,
    Location,
    Offer,
    OfferLocation,
    Organisation,
    Schedule,
    district_model,
)
from .models.audience import AGE_BANDS_BY_KEY
from .recurrence import is_open_at
from .review_cycle import publicly_visible

PAGE_SIZE = 20


@dataclass
class Origin:
    latitude: float
    longitude: float
    label: str


@dataclass
class SearchOutcome:
    page: Page
    total: int
    query: str = ""
    suggestion: str | None = None
    origin: Origin | None = None
    sort: str = SORT_NAME
    distances: dict[int, float] = field(default_factory=dict)
    crisis: bool = False  # a crisis word: emergency numbers on the page, counselling first

    @property
    def offers(self) -> list[Offer]:
        return list(self.page.object_list)


# --- reference data for forms and the home page -------------------------------------------


def category_list_for_filter(*, alliance: Alliance) -> list[Category]:
    """Top-level categories, each followed by its children."""
    categories = list(Category.objects.for_alliance(alliance).order_by("position", "name"))
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    ordered = []
    for top in children.get(None, []):
        ordered.append(top)
        ordered.extend(children.get(top.pk, []))
    return ordered


def category_list_with_counts(*, alliance: Alliance) -> list[Category]:
    """Top-level categories with the number of published offers in them or their children
    (an offer in a category and one of its children counts once).

    One pass over the offer–category links, grouped by top-level category: joining each
    category to its offers *and* its children's offers multiplied the rows (22 s at 10,000
    offers on PostgreSQL)."""
    links = Offer.categories.through.objects.filter(
        offer__alliance=alliance, offer__status="published"
    )
    counts = dict(
        links.annotate(top=Coalesce("category__parent_id", "category_id"))  # type: ignore[misc]
        .values("top")  # (django-stubs does not see the annotation)
        .annotate(n=Count("offer_id", distinct=True))
        .values_list("top", "n")
    )
    categories = list(
        Category.objects.for_alliance(alliance)
        .filter(parent__isnull=True, pk__in=[pk for pk, n in counts.items() if n])
        .order_by("position", "name")
    )
    for category in categories:
        category.offer_count = counts[category.pk]
        category.alliance = alliance  # their links need it: no query per category
    return categories


def emergency_offer_list(*, alliance: Alliance, limit: int = 8) -> list[Offer]:
    """The "Erste-Hilfe-Box": published offers in the emergency categories, with a phone."""
    return list(
        publicly_visible(Offer.objects.for_alliance(alliance).published(), alliance)
        .filter(Q(categories__code="notfall") | Q(categories__parent__code="notfall"))
        .exclude(phone="")
        .select_related("alliance")
        .distinct()
        .order_by("name")[:limit]
    )


def district_list(*, alliance: Alliance) -> list:
    return list(district_model().objects.for_alliance(alliance).order_by("name"))


def language_list_in_use(*, alliance: Alliance) -> list[Language]:
    return list(
        Language.objects.filter(offers__alliance=alliance, offers__status="published")
        .exclude(code="de")
        .distinct()
        .order_by("position", "name_de")
    )


def origin_place_list(*, alliance: Alliance, limit: int = 40) -> list[Location]:
    """Places a parent may start from: town hall, Kitas, schools (those with coordinates)."""
    return list(
        Location.objects.for_alliance(alliance)
        .filter(latitude__isnull=False)
        .order_by("name")
        .only("slug", "name")[:limit]
    )


# --- search ---------------------------------------------------------------------------------


def filtered_offers(alliance: Alliance, filters: dict, now: dt.datetime):
    """Published, publicly visible offers of ``alliance`` narrowed by the structured filters
    (everything but the text query), as a queryset."""
    offers = publicly_visible(Offer.objects.for_alliance(alliance).published(), alliance, now=now)
    if slug := filters.get("kategorie"):
        # The category and its children by id, then a semi-join on the links: no join of
        # categories and their parents per offer, no duplicate rows to remove.
        matching = Category.objects.for_alliance(alliance).filter(
            Q(slug=slug) | Q(parent__slug=slug)
        )
        links = Offer.categories.through.objects.filter(category__in=matching)
        offers = offers.filter(pk__in=links.values("offer_id"))
    if key := filters.get("alter"):
        offers = offers.for_age_band(AGE_BANDS_BY_KEY[key])
    if slug := filters.get("ortsteil"):
        offers = offers.filter(
            Exists(
                OfferLocation.objects.filter(offer=OuterRef("pk")).filter(
                    Q(location__district__slug=slug) | Q(location__district__parent__slug=slug)
                )
            )
        )
    if filters.get("kostenlos"):
        offers = offers.filter(is_free=True)
    if code := filters.get("sprache"):
        offers = offers.filter(languages__code=code)
    for need in filters.get("barrierefrei", []):
        field_name = "is_wheelchair_accessible" if need == "rollstuhl" else "is_pram_accessible"
        offers = offers.filter(
            Exists(
                OfferLocation.objects.filter(
                    offer=OuterRef("pk"), **{f"location__{field_name}": True}
                )
            )
        )
    if day := filters.get("wochentag"):
        offers = offers.filter(pk__in=_offer_ids_on_weekday(alliance, WEEKDAY_TO_RRULE[day]))
    if filters.get("jetzt_offen"):
        offers = offers.filter(pk__in=_offer_ids_open_at(alliance, now))
    # Keys used by the API only (interop/api): an exact age range, a provider, a change date,
    # a map viewport.
    if band := filters.get("age_range"):
        offers = offers.for_age_band(band)
    if pk := filters.get("organisation_id"):
        offers = offers.filter(organisation_id=pk)
    if since := filters.get("modified_since"):
        offers = offers.filter(updated_at__gte=since)
    if box := filters.get("bbox"):
        offers = offers.filter(pk__in=_offer_ids_in_box(alliance, box).values("offer_id"))
    return offers


def _offer_ids_in_box(alliance: Alliance, box: tuple[float, float, float, float]):
    """Links of offers to places inside ``(west, south, east, north)``; the place's alliance
    in the filter lets the index on (alliance, latitude, longitude) read one network's range."""
    west, south, east, north = box
    return OfferLocation.objects.filter(
        location__alliance=alliance,
        location__latitude__range=(south, north),
        location__longitude__range=(west, east),
    )


def _schedules_on(alliance: Alliance, rrule_day: str):
    return Schedule.objects.for_alliance(alliance).filter(byday__contains=rrule_day)


def _offer_ids_from_schedules(alliance: Alliance, schedules: list[Schedule]) -> set[int]:
    """Offers with a matching session, or without sessions at a location whose hours match."""
    ids = {s.offer_location.offer_id for s in schedules if s.offer_location is not None}
    ids |= {s.offer_id for s in schedules if s.offer_id}  # the offer's own times
    location_ids = {s.location_id for s in schedules if s.location_id}
    if location_ids:
        with_sessions = Schedule.objects.filter(offer_location=OuterRef("pk"))
        ids |= set(
            OfferLocation.objects.filter(alliance=alliance, location_id__in=location_ids)
            .exclude(Exists(with_sessions))
            .values_list("offer_id", flat=True)
        )
    return ids


def _offer_ids_on_weekday(alliance: Alliance, rrule_day: str) -> set[int]:
    schedules = list(_schedules_on(alliance, rrule_day).select_related("offer_location"))
    return _offer_ids_from_schedules(alliance, schedules)


def _offer_ids_open_at(alliance: Alliance, now: dt.datetime) -> set[int]:
    local = timezone.localtime(now)
    today = list(WEEKDAY_TO_RRULE.values())[local.weekday()]
    candidates = (
        _schedules_on(alliance, today)
        .filter(opens_at__lte=local.time(), closes_at__gt=local.time())
        .select_related("offer_location")
    )
    open_now = [s for s in candidates if is_open_at(s, local.replace(tzinfo=None))]
    return _offer_ids_from_schedules(alliance, open_now)


def resolve_origin(*, alliance: Alliance, filters: dict) -> Origin | None:
    near = filters.get("nahe", "")
    if near.startswith("ortsteil:"):
        district = (
            district_model()
            .objects.for_alliance(alliance)
            .filter(slug=near.split(":", 1)[1])
            .first()
        )
        if district and district.has_coordinates:
            return Origin(district.latitude, district.longitude, district.name)
    elif near.startswith("ort:"):
        place = Location.objects.for_alliance(alliance).filter(slug=near.split(":", 1)[1]).first()
        if place and place.has_coordinates:
            return Origin(place.latitude, place.longitude, place.name)
    elif "lat" in filters and "lon" in filters:
        return Origin(filters["lat"], filters["lon"], _("your location"))
    return None


def _distances(alliance: Alliance, origin: Origin, offer_ids: set[int]) -> dict[int, float]:
    """Distance from ``origin`` to the nearest location of each offer, in km."""
    distances: dict[int, float] = {}
    rows = OfferLocation.objects.filter(
        alliance=alliance, location__latitude__isnull=False, offer__status="published"
    ).values_list("offer_id", "location__latitude", "location__longitude")
    for offer_id, lat, lon in rows:
        if offer_id in offer_ids and lat is not None and lon is not None:
            km = distance_km(origin.latitude, origin.longitude, lat, lon)
            if km < distances.get(offer_id, float("inf")):
                distances[offer_id] = km
    return distances


@dataclass
class Matches:
    """Ids of the offers a search finds, in result order, with what the ranking used."""

    ids: list[int]
    query: str
    suggestion: str | None
    origin: Origin | None
    sort: str
    distances: dict[int, float]
    crisis: bool = False


# Counselling, helplines and early support: first for a query of a family in crisis.
COUNSELLING_CODES = (
    "beratung",
    "notfall",
    "schwangerschaft.beratung",
    "schwangerschaft.fruehe-hilfen",
)


def _counselling_first(ids: list[int]) -> list[int]:
    """``ids`` with the counselling offers first, each part in its order."""
    codes = Q()
    for code in COUNSELLING_CODES:
        codes |= Q(categories__code=code) | Q(categories__code__startswith=f"{code}.")
    counselling = set(Offer.objects.filter(codes, pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk in counselling] + [pk for pk in ids if pk not in counselling]


def offer_ids_matching(
    *, alliance: Alliance, filters: dict, now: dt.datetime | None = None
) -> Matches:
    """All published offers of ``alliance`` that match ``filters``, best first (no paging)."""
    now = now or timezone.now()
    query = filters.get("q", "")
    offers = filtered_offers(alliance, filters, now)
    origin = resolve_origin(alliance=alliance, filters=filters)
    sort = filters.get("sortierung") or (
        SORT_RELEVANCE if query else SORT_DISTANCE if origin else SORT_NAME
    )
    suggestion = None
    crisis = False
    if query:
        # The filters go into the ranked search: only matching offers are ranked (at most
        # MAX_RESULTS of them), no id set of the filtered offers is loaded and intersected.
        result = search_offers(alliance=alliance, query=query, within=offers)
        suggestion = result.suggestion
        ids = list(result.offer_ids)
        crisis = result.crisis
        if crisis and sort == SORT_RELEVANCE and ids:
            ids = _counselling_first(ids)
    else:
        ids = list(offers.order_by("name", "pk").values_list("pk", flat=True).distinct())
        if sort == SORT_RELEVANCE:
            sort = SORT_NAME

    distances = _distances(alliance, origin, set(ids)) if origin else {}
    if origin and (radius := filters.get("radius_km")) is not None:
        ids = [pk for pk in ids if distances.get(pk, float("inf")) <= radius]
    if sort == SORT_DISTANCE and origin:
        ids.sort(key=lambda pk: distances.get(pk, float("inf")))
    elif sort == SORT_NAME and query:
        names = dict(Offer.objects.filter(pk__in=ids).values_list("pk", "name"))
        ids.sort(key=lambda pk: names[pk].casefold())
    return Matches(ids, query, suggestion, origin, sort, distances, crisis)


def offer_search(
    *,
    alliance: Alliance,
    filters: dict,
    now: dt.datetime | None = None,
    page_size: int = PAGE_SIZE,
    cards: bool = True,
    complete: bool = False,
) -> SearchOutcome:
    """Search with filters; the page holds offers ready for result cards (with ``complete``
    also their categories and sessions, as the API shows them), or (``cards=False``) only
    their ids."""
    matches = offer_ids_matching(alliance=alliance, filters=filters, now=now)
    ids, distances = matches.ids, matches.distances
    paginator = Paginator(ids, page_size, allow_empty_first_page=True)
    page = paginator.get_page(filters.get("seite", 1))
    if cards:
        found = _offers_for_cards(alliance, page.object_list, complete=complete)
        by_id = {offer.pk: offer for offer in found}
        shown = [by_id[pk] for pk in page.object_list if pk in by_id]
        for offer in shown:
            offer.distance_km = distances.get(offer.pk)
        page.object_list = shown
    return SearchOutcome(
        page=page,
        total=paginator.count,
        query=matches.query,
        suggestion=matches.suggestion,
        origin=matches.origin,
        sort=matches.sort,
        distances=distances,
        crisis=matches.crisis,
    )


def _offers_for_cards(alliance: Alliance, ids, *, complete: bool = False):
    """What a result card and the results map show: organisation, places with their district,
    languages. (Categories and schedules are not on the cards; ``complete`` adds them.)"""
    links = OfferLocation.objects.select_related("location__district")
    extra: list[str | Prefetch] = []
    if complete:
        links = links.prefetch_related("schedules")
        extra = [
            Prefetch("categories", queryset=Category.objects.only("pk", "slug")),
            "schedules",  # the offer's own times (no place)
            "service_districts",
        ]
    offers = list(
        Offer.objects.filter(pk__in=list(ids))
        .select_related("organisation")
        .prefetch_related("languages", Prefetch("offer_locations", queryset=links), *extra)
    )
    for offer in offers:
        offer.alliance = alliance  # for the links: the search is within one alliance
    return offers


def offer_list_for_map(*, alliance: Alliance, ids: list[int]) -> list[Offer]:
    """Offers in the order of ``ids`` with only what a GeoJSON feature shows (name, summary,
    provider, ages, costs, categories, places with coordinates and address): a map of 500
    offers loads no texts, languages, sessions or districts."""
    places = OfferLocation.objects.select_related("location").only(
        "offer_id",
        "location__slug",
        "location__name",
        "location__street",
        "location__postal_code",
        "location__city",
        "location__latitude",
        "location__longitude",
    )
    offers = (
        Offer.objects.filter(pk__in=list(ids))
        .select_related("organisation")
        .only(
            "slug",
            "name",
            "summary",
            "is_free",
            "for_pregnancy",
            "age_min_months",
            "age_max_months",
            "organisation__name",
        )
        .prefetch_related(
            Prefetch("categories", queryset=Category.objects.only("pk", "slug")),
            Prefetch("offer_locations", queryset=places),
        )
    )
    by_id = {offer.pk: offer for offer in offers}
    return [by_id[pk] for pk in ids if pk in by_id]


# --- detail pages ---------------------------------------------------------------------------


def offer_get_public(*, alliance: Alliance, slug: str) -> Offer:
    offer = (
        publicly_visible(Offer.objects.for_alliance(alliance).published(), alliance)
        .select_related("organisation", "alliance")
        .prefetch_related(
            Prefetch("categories", queryset=Category.objects.select_related("parent")),
            "languages",
            "contacts",
            "schedules",
            "service_districts",
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.select_related(
                    "location__district"
                ).prefetch_related("schedules", "location__schedules"),
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if offer is None:
        raise Http404(_("This offer does not exist or is no longer published."))
    # Links to places, categories and the provider need the alliance: set it instead of a
    # query each.
    offer.organisation.alliance = alliance
    for offer_location in offer.offer_locations.all():
        offer_location.location.alliance = alliance
    for category in offer.categories.all():
        category.alliance = alliance
        if category.parent is not None:
            category.parent.alliance = alliance
    return offer


def organisation_get_public(*, alliance: Alliance, slug: str) -> Organisation:
    organisation = (
        publicly_visible(Organisation.objects.for_alliance(alliance), alliance)
        .select_related("alliance")
        .prefetch_related(
            Prefetch(
                "offers",
                queryset=publicly_visible(Offer.objects.published(), alliance)
                .select_related("alliance")
                .order_by("name"),
            ),
            Prefetch("locations", queryset=Location.objects.select_related("alliance", "district")),
            Prefetch("contacts", queryset=Contact.objects.filter(offer__isnull=True)),
        )
        .filter(slug=slug)
        .first()
    )
    if organisation is None:
        raise Http404(_("This organisation does not exist."))
    return organisation


def location_get_public(*, alliance: Alliance, slug: str) -> Location:
    location = (
        publicly_visible(Location.objects.for_alliance(alliance), alliance)
        .select_related("alliance", "organisation", "district")
        .prefetch_related(
            "schedules",
            Prefetch(
                "offers",
                queryset=publicly_visible(Offer.objects.published(), alliance)
                .select_related("alliance")
                .order_by("name")
                .distinct(),
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if location is None:
        raise Http404(_("This place does not exist."))
    return location


def map_features(offers: list[Offer]) -> list[dict]:
    """Markers for the map: one per offer location with coordinates, numbered like the list."""
    features = []
    for number, offer in enumerate(offers, start=1):
        for offer_location in offer.offer_locations.all():
            location = offer_location.location
            if location.has_coordinates:
                features.append(
                    {
                        "n": number,
                        "lat": _rounded(location.latitude),
                        "lon": _rounded(location.longitude),
                        "name": offer.name,
                        "place": location.name,
                        "url": offer.get_absolute_url(),
                    }
                )
    return features


def _rounded(coordinate: float | None) -> float:
    """A coordinate known to be set (the query or ``has_coordinates`` made sure), 6 decimals."""
    assert coordinate is not None
    return round(coordinate, 6)


def map_points(*, alliance: Alliance, offer_ids: list[int]) -> list[dict]:
    """Map markers of many offers (the map of a search) from one narrow query: name, place,
    coordinates and link, in the order of ``offer_ids``."""
    rows = (
        OfferLocation.objects.filter(
            alliance=alliance, offer_id__in=offer_ids, location__latitude__isnull=False
        )
        .exclude(location__longitude__isnull=True)
        .order_by("pk")
        .values_list(
            "offer_id", "offer__name", "offer__slug", "location__name", "location__latitude",
            "location__longitude",
        )
    )  # fmt: skip
    base = reverse(
        "directory:offer-detail", kwargs={"alliance_slug": alliance.slug, "slug": "SLUG"}
    )
    by_offer: dict[int, list[dict]] = {}
    for offer_id, name, slug, place, lat, lon in rows:
        by_offer.setdefault(offer_id, []).append(
            {
                "lat": _rounded(lat),
                "lon": _rounded(lon),
                "name": name,
                "place": place,
                "url": base.replace("SLUG", slug),
            }
        )
    return [point for pk in offer_ids for point in by_offer.get(pk, [])]


def location_list_with_offers(*, alliance: Alliance, limit: int = 300) -> list[Location]:
    """Places that have at least one published offer (for the home page map teaser)."""
    published_here = OfferLocation.objects.filter(
        location=OuterRef("pk"), offer__status="published"
    )
    return list(
        Location.objects.for_alliance(alliance)
        .filter(Exists(published_here), latitude__isnull=False)
        .select_related("alliance")
        .order_by("name")[:limit]
    )


def location_features(locations) -> list[dict]:
    """Markers for places (organisation and place pages)."""
    return [
        {
            "n": number,
            "lat": round(location.latitude, 6),
            "lon": round(location.longitude, 6),
            "name": location.name,
            "place": location.address_line,
            "url": location.get_absolute_url(),
        }
        for number, location in enumerate(
            (loc for loc in locations if loc.has_coordinates), start=1
        )
    ]


# --- the maps' own base layer (issue 16) ------------------------------------------------------

MAP_BASE_DECIMALS = (
    4  # about 10 m: plenty for a district line, a third of the bytes of full precision
)
MAP_BASE_MAX_DISTRICTS = 200


def _round_coordinates(coordinates):
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(value, MAP_BASE_DECIMALS) for value in coordinates[:2]]
    return [_round_coordinates(part) for part in coordinates]


def map_base_layer(*, alliance: Alliance) -> list[dict]:
    """Districts with a boundary: name, whether it is a top-level area (the outline), and
    the geometry rounded to ~10 m."""
    rows = (
        district_model()
        .objects.filter(alliance=alliance)
        .exclude(boundary=None)
        .order_by("name")
        .values("name", "parent_id", "boundary")[:MAP_BASE_MAX_DISTRICTS]
    )
    features = []
    for row in rows:
        geometry = row["boundary"] or {}
        if geometry.get("type") not in {"Polygon", "MultiPolygon"}:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": row["name"], "outline": row["parent_id"] is None},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round_coordinates(geometry["coordinates"]),
                },
            }
        )
    return features
