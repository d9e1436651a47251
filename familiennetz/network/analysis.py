"""The network analysis (issue 9): pure functions over a networkx graph, no database.

``build_graph(nodes, edges)`` takes the plain nodes/edges of ``selectors.network_data`` (only
declared ties count as ties here; derived ones are shown beside them, never merged). The rest
answers one question each and is tested against small hand-computed graphs:

- ``degrees``: how many partners each partner has a tie with;
- ``betweenness``: how often a partner lies on the shortest path between two others
  (exact up to ``EXACT_LIMIT`` partners, estimated from a fixed sample of pivots above);
- ``brokers``: partners whose removal splits the network, with the number of groups they join;
- ``components`` / ``isolated``: the separate parts of the network and partners without ties;
- ``density``: the share of possible ties that exist;
- ``sector_gaps``: sectors of the national reference missing or only loosely tied;
- ``analyse``: all of it, with plain-language sentences.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import networkx as nx
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

EXACT_LIMIT = 400  # partners; above it betweenness is estimated from SAMPLE pivots
SAMPLE = 20
SEED = 7
STRONG = 2  # intensity from which a tie counts as cooperation ("gelegentlich kooperieren")

# Partner types in Frühe-Hilfen networks nationally, as the share of municipalities whose
# network includes them (NZFH, Kommunalbefragungen 2013–2020). ``sector`` is our sector code.
REFERENCE_SOURCE = gettext_lazy(
    "Nationales Zentrum Frühe Hilfen (NZFH), Kommunalbefragungen 2013–2020: share of "
    "municipalities whose Frühe-Hilfen network includes this type of partner."
)


@dataclass(frozen=True)
class ReferenceType:
    label: object
    share: float
    sector: str


NATIONAL_REFERENCE = [
    ReferenceType(gettext_lazy("Pregnancy counselling"), 95.7, "schwangerschaftsberatung"),
    ReferenceType(gettext_lazy("Family midwives"), 92.9, "gesundheit-hebamme"),
    ReferenceType(gettext_lazy("Marriage and family counselling"), 92.8, "erziehungsberatung"),
    ReferenceType(gettext_lazy("Social services (ASD)"), 85.0, "jugendhilfe-asd"),
    ReferenceType(gettext_lazy("Child day care (Kitas)"), 81.9, "kita"),
    ReferenceType(gettext_lazy("Family centres"), 74.8, "familienzentrum"),
    ReferenceType(gettext_lazy("Family education centres"), 60.8, "familienbildung"),
]


def build_graph(nodes: list[dict], edges: list[dict]) -> nx.Graph:
    """An undirected graph of the partners (``id`` → attributes) and declared ties."""
    graph = nx.Graph()
    for node in nodes:
        graph.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in edges:
        if edge.get("kind", "declared") != "declared":
            continue
        a, b = edge["source"], edge["target"]
        if a in graph and b in graph and a != b:
            graph.add_edge(a, b, intensity=edge.get("intensity", 1))
    return graph


def degrees(graph: nx.Graph) -> dict:
    return dict(graph.degree())


def betweenness(graph: nx.Graph) -> dict:
    """Normalised betweenness (0–1); estimated with a fixed seed for large networks."""
    n = graph.number_of_nodes()
    if n <= EXACT_LIMIT:
        return nx.betweenness_centrality(graph, normalized=True)
    return nx.betweenness_centrality(graph, k=SAMPLE, normalized=True, seed=SEED)


def components(graph: nx.Graph) -> list[set]:
    """The connected parts with at least one tie, largest first (isolated partners apart)."""
    parts = [c for c in nx.connected_components(graph) if len(c) > 1]
    return sorted(parts, key=lambda c: (-len(c), min(c)))


def isolated(graph: nx.Graph) -> list:
    return sorted(nx.isolates(graph))


def density(graph: nx.Graph) -> float:
    return nx.density(graph) if graph.number_of_nodes() > 1 else 0.0


def groups_joined(graph: nx.Graph, node) -> int:
    """Into how many groups of at least two partners the partner's neighbours fall apart
    without it (a single partner tied only to it is not a group)."""
    adjacency = graph._adj  # plain dict access: a breadth-first search per group, node skipped
    neighbours = set(adjacency[node])
    if len(neighbours) < 2:
        return 0
    seen = {node}
    groups = 0
    for start in neighbours:
        if start in seen:
            continue
        seen.add(start)
        frontier, size = [start], 1
        while frontier:
            step = []
            for current in frontier:
                for nxt in adjacency[current]:
                    if nxt not in seen:
                        seen.add(nxt)
                        step.append(nxt)
            size += len(step)
            frontier = step
        groups += size >= 2
    return groups


@dataclass
class Broker:
    id: int
    label: str
    betweenness: float
    groups: int


def brokers(graph: nx.Graph, scores: dict | None = None, *, limit: int = 5) -> list[Broker]:
    """The partners with the highest betweenness (above zero) and the groups they join."""
    scores = betweenness(graph) if scores is None else scores
    top = sorted(((n, s) for n, s in scores.items() if s > 0), key=lambda x: (-x[1], x[0]))
    return [
        Broker(n, graph.nodes[n].get("label", str(n)), s, groups_joined(graph, n))
        for n, s in top[:limit]
    ]


@dataclass
class SectorGap:
    sector: str
    label: str
    share: float
    partners: int  # partners of the sector in the network
    missing: bool  # none at all
    weak: bool  # present, but none cooperates at least occasionally


def sector_gaps(graph: nx.Graph, reference=None) -> list[SectorGap]:
    """Reference types the network lacks (no partner of the sector) or ties only loosely
    (its partners have no tie of intensity ≥ ``STRONG``)."""
    reference = NATIONAL_REFERENCE if reference is None else reference
    gaps = []
    for ref in reference:
        members = [n for n, d in graph.nodes(data=True) if d.get("sector") == ref.sector]
        strong = any(
            graph.edges[m, other].get("intensity", 0) >= STRONG
            for m in members
            for other in graph[m]
        )
        if not members or not strong:
            gaps.append(
                SectorGap(ref.sector, str(ref.label), ref.share, len(members), not members, True)
            )
    return gaps


@dataclass
class Analysis:
    partners: int
    ties: int
    density: float
    degrees: dict
    betweenness: dict
    components: list[list]
    isolated: list
    brokers: list[Broker]
    gaps: list[SectorGap]
    sentences: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["degrees"] = {str(k): v for k, v in self.degrees.items()}
        data["betweenness"] = {str(k): round(v, 4) for k, v in self.betweenness.items()}
        return data


def _names(graph, ids, limit=6) -> str:
    names = [graph.nodes[i].get("label", str(i)) for i in ids[:limit]]
    more = len(ids) - limit
    text = ", ".join(names)
    if more > 0:
        text += " " + ngettext("and %(n)s more", "and %(n)s more", more) % {"n": more}
    return text


NUMBER_WORDS = {2: gettext_lazy("two"), 3: gettext_lazy("three"), 4: gettext_lazy("four")}


def explain(graph: nx.Graph, result: Analysis) -> list[str]:
    """The analysis in plain sentences (the page, the command)."""
    s = []
    s.append(
        ngettext(
            "The network has %(partners)s partner and %(ties)s declared ties.",
            "The network has %(partners)s partners and %(ties)s declared ties.",
            result.partners,
        )
        % {"partners": result.partners, "ties": result.ties}
        + " "
        + _("%(share)s %% of all possible ties exist (density).")
        % {"share": number_format(result.density * 100, 1)}
    )
    if len(result.components) > 1:
        s.append(
            _("The network falls into %(n)s separate groups that have no tie between them.")
            % {"n": len(result.components)}
        )
    elif result.components:
        s.append(_("All partners with ties are connected with each other, directly or not."))
    for broker in [b for b in result.brokers if b.groups >= 2][:3]:
        words = NUMBER_WORDS.get(broker.groups, broker.groups)
        s.append(
            _("%(name)s connects %(n)s groups that have no other contact with each other.")
            % {"name": broker.label, "n": words}
        )
    if result.brokers and not any(b.groups >= 2 for b in result.brokers):
        s.append(
            _("%(name)s lies on most paths between other partners (the strongest broker).")
            % {"name": result.brokers[0].label}
        )
    if result.isolated:
        s.append(
            ngettext(
                "%(n)s partner has no declared tie: %(names)s.",
                "%(n)s partners have no declared tie: %(names)s.",
                len(result.isolated),
            )
            % {"n": len(result.isolated), "names": _names(graph, result.isolated)}
        )
    for gap in result.gaps:
        share = number_format(gap.share, 1)
        if gap.missing:
            s.append(
                _(
                    "No partner of the type “%(type)s” is in the network, although %(share)s %% "
                    "of Frühe-Hilfen networks nationally include one."
                )
                % {"type": gap.label, "share": share}
            )
        else:
            s.append(
                _(
                    "“%(type)s” is in the network but only loosely tied (no cooperation of at "
                    "least “occasionally”); %(share)s %% of networks nationally include it."
                )
                % {"type": gap.label, "share": share}
            )
    return [sentence[:-1] if sentence.endswith("..") else sentence for sentence in s]


def analyse(graph: nx.Graph, reference=None) -> Analysis:
    scores = betweenness(graph)
    result = Analysis(
        partners=graph.number_of_nodes(),
        ties=graph.number_of_edges(),
        density=density(graph),
        degrees=degrees(graph),
        betweenness=scores,
        components=[sorted(c) for c in components(graph)],
        isolated=isolated(graph),
        brokers=brokers(graph, scores),
        gaps=sector_gaps(graph, reference),
    )
    result.sentences = explain(graph, result)
    return result
