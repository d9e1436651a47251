"""Reads of the network area: partner lists, the network as nodes and edges (declared and
derived ties), renewals due, snapshots compared."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from familiennetz.directory.models import OfferLocation
from familiennetz.directory.models.base import Status
from familiennetz.events.models import Event

from .models import Partner, Sector, Snapshot, Tie

RENEWAL_DAYS = 60


def sectors(alliance):
    return Sector.objects.filter(alliance=alliance)


def partners(alliance, *, sector=None, role=None, q: str = "", organisation_ids=None):
    """The alliance's partners with their sector and number of declared ties."""
    rows = (
        Partner.objects.filter(alliance=alliance)
        .select_related("organisation", "sector")
        .annotate(
            n_ties=Count("ties_a", distinct=True) + Count("ties_b", distinct=True),
            n_contacts=Count("contact_persons", distinct=True),
        )
    )
    if sector is not None:
        rows = rows.filter(sector=sector)
    if role:
        rows = rows.filter(role=role)
    if q:
        rows = rows.filter(
            Q(organisation__name__icontains=q)
            | Q(notes__icontains=q)
            | Q(sector__name__icontains=q)
        )
    if organisation_ids is not None:
        rows = rows.filter(organisation_id__in=organisation_ids)
    return rows.order_by("organisation__name")


def ties_of(partner: Partner):
    return (
        Tie.objects.filter(Q(partner_a=partner) | Q(partner_b=partner))
        .select_related("partner_a__organisation", "partner_b__organisation")
        .order_by("-intensity", "pk")
    )


def ties(alliance):
    return Tie.objects.filter(alliance=alliance).select_related(
        "partner_a__organisation",
        "partner_a__sector",
        "partner_b__organisation",
        "partner_b__sector",
    )


def renewals_due(alliance, *, days: int = RENEWAL_DAYS, today: dt.date | None = None):
    """Ties whose agreement is due for renewal within ``days`` (or overdue)."""
    today = today or timezone.localdate()
    return (
        ties(alliance)
        .filter(renewal_on__isnull=False, renewal_on__lte=today + dt.timedelta(days=days))
        .order_by("renewal_on")
    )


# --- the network as data ---------------------------------------------------------------------


@dataclass
class NetworkData:
    """Nodes and edges as plain JSON-ready dicts (the map, graph.json, snapshots, analysis)."""

    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)


def _active(rows, on: dt.date | None):
    if on is None:
        return rows.filter(Q(left_on__isnull=True) | Q(left_on__gt=timezone.localdate()))
    return rows.filter(Q(member_since__isnull=True) | Q(member_since__lte=on)).filter(
        Q(left_on__isnull=True) | Q(left_on__gt=on)
    )


def network_data(alliance, *, include_derived: bool = True, on: dt.date | None = None):
    """The network's current partners (or those of date ``on``) and ties among them.

    Node: id, label, sector (code), sector_name, role. Declared edge: source, target,
    intensity, topics, kind "declared". Derived edge: kind "derived", via (what they share),
    count. A pair may have both kinds: they are never merged."""
    partner_rows = _active(Partner.objects.filter(alliance=alliance), on).values(
        "pk", "organisation_id", "organisation__name", "sector__code", "sector__name", "role"
    )
    nodes = []
    by_org: dict[int, int] = {}
    for row in partner_rows.order_by("organisation__name", "pk"):
        nodes.append(
            {
                "id": row["pk"],
                "label": row["organisation__name"],
                "sector": row["sector__code"] or "",
                "sector_name": row["sector__name"] or "",
                "role": row["role"],
            }
        )
        by_org[row["organisation_id"]] = row["pk"]
    ids = set(by_org.values())
    tie_rows = Tie.objects.filter(alliance=alliance)
    if on is not None:
        tie_rows = tie_rows.filter(Q(since__isnull=True) | Q(since__lte=on))
    edges = []
    for a, b, intensity, topics in tie_rows.values_list(
        "partner_a_id", "partner_b_id", "intensity", "topics"
    ).order_by("partner_a_id", "partner_b_id"):
        if a in ids and b in ids:
            edges.append(
                {
                    "source": a,
                    "target": b,
                    "intensity": intensity,
                    "topics": [t.strip() for t in topics.split(",") if t.strip()],
                    "kind": "declared",
                }
            )
    if include_derived:
        edges.extend(derived_edges(alliance, by_org))
    return NetworkData(nodes, edges)


def _pairs_from_activity(alliance):
    """(organisation id, organisation id, what they share) from offers and events."""
    live = ~Q(status=Status.ARCHIVED)
    for offer_org, place_org, name in (
        OfferLocation.objects.filter(alliance=alliance, offer__status__in=_LIVE)
        .filter(location__organisation__isnull=False)
        .values_list("offer__organisation_id", "location__organisation_id", "offer__name")
    ):
        yield offer_org, place_org, name
    events = Event.objects.filter(alliance=alliance).filter(live)
    for org, place_org, offer_org, title in events.values_list(
        "organisation_id", "location__organisation_id", "offer__organisation_id", "title"
    ):
        if place_org:
            yield org, place_org, title
        if offer_org:
            yield org, offer_org, title


_LIVE = [Status.DRAFT, Status.PUBLISHED]


def derived_edges(alliance, by_org: dict[int, int]) -> list[dict]:
    """Ties the system derives from activity: two partner organisations on the same offer
    (one offers it at the other's place) or the same event (organiser, place, offer)."""
    shared: dict[tuple[int, int], list[str]] = defaultdict(list)
    for org_x, org_y, what in _pairs_from_activity(alliance):
        x, y = by_org.get(org_x), by_org.get(org_y)
        if x is None or y is None or x == y:
            continue
        key = (x, y) if x < y else (y, x)
        if what not in shared[key]:
            shared[key].append(what)
    return [
        {
            "source": a,
            "target": b,
            "intensity": None,
            "kind": "derived",
            "via": sorted(via)[:5],
            "count": len(via),
        }
        for (a, b), via in sorted(shared.items())
    ]


# --- snapshots -------------------------------------------------------------------------------


def snapshots(alliance):
    return Snapshot.objects.filter(alliance=alliance).order_by("-taken_on")


@dataclass
class Comparison:
    new_partners: list[str]
    lost_partners: list[str]
    new_ties: list[tuple[str, str]]
    lost_ties: list[tuple[str, str]]
    density_before: float
    density_after: float

    @property
    def density_change(self) -> float:
        return self.density_after - self.density_before


def _density(nodes: list, pairs: set) -> float:
    n = len(nodes)
    return 0.0 if n < 2 else 2 * len(pairs) / (n * (n - 1))


def compare(before: NetworkData | Snapshot, after: NetworkData | Snapshot) -> Comparison:
    """What changed between two states of the network (a snapshot or the current data)."""
    names_before = {n["id"]: n["label"] for n in before.nodes}
    names_after = {n["id"]: n["label"] for n in after.nodes}
    names = names_before | names_after

    def declared(data):
        return {
            (min(e["source"], e["target"]), max(e["source"], e["target"]))
            for e in data.edges
            if e.get("kind", "declared") == "declared"
        }

    ties_before, ties_after = declared(before), declared(after)

    def pair_names(pairs):
        return sorted((names.get(a, "?"), names.get(b, "?")) for a, b in pairs)

    return Comparison(
        new_partners=sorted(names_after[i] for i in names_after.keys() - names_before.keys()),
        lost_partners=sorted(names_before[i] for i in names_before.keys() - names_after.keys()),
        new_ties=pair_names(ties_after - ties_before),
        lost_ties=pair_names(ties_before - ties_after),
        density_before=_density(before.nodes, ties_before),
        density_after=_density(after.nodes, ties_after),
    )
