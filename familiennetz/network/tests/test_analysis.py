"""The analysis against small graphs computed by hand (no database)."""

from __future__ import annotations

import pytest

from .. import analysis
from ..analysis import ReferenceType


def graph(edges, extra=(), sectors=None):
    ids = sorted({i for e in edges for i in e[:2]} | set(extra))
    sectors = sectors or {}
    nodes = [
        {"id": i, "label": f"P{i}", "sector": sectors.get(i, ""), "role": "partner"} for i in ids
    ]
    return analysis.build_graph(
        nodes,
        [
            {"source": a, "target": b, "intensity": (e[2] if len(e) > 2 else 2), "kind": "declared"}
            for e in edges
            for a, b in [e[:2]]
        ],
    )


def test_star_degree_betweenness_and_density():
    # 1 in the middle of 2, 3, 4: degree 3 vs 1; every path between leaves runs through 1
    # (3 pairs of 3 possible pairs → normalised betweenness 1.0); density 3 of 6 possible.
    g = graph([(1, 2), (1, 3), (1, 4)])
    assert analysis.degrees(g) == {1: 3, 2: 1, 3: 1, 4: 1}
    between = analysis.betweenness(g)
    assert between[1] == pytest.approx(1.0)
    assert between[2] == 0
    assert analysis.density(g) == pytest.approx(0.5)


def test_path_betweenness_by_hand():
    # 1-2-3-4: node 2 lies on paths 1-3 and 1-4 (2 of 3 pairs not involving it) → 2/3.
    g = graph([(1, 2), (2, 3), (3, 4)])
    between = analysis.betweenness(g)
    assert between[2] == pytest.approx(2 / 3)
    assert between[3] == pytest.approx(2 / 3)
    assert between[1] == 0


def test_broker_joins_three_groups_and_says_so():
    # 9 connects the triangle 1-2-3, the pair 4-5 and the pair 6-7, which have no other contact.
    g = graph([(1, 2), (2, 3), (1, 3), (4, 5), (6, 7), (9, 1), (9, 4), (9, 6)])
    g.nodes[9]["label"] = "Familienzentrum Regenbogen"
    brokers = analysis.brokers(g)
    assert brokers[0].id == 9
    assert brokers[0].groups == 3
    result = analysis.analyse(g, reference=[])
    assert any(
        "Familienzentrum Regenbogen" in s and ("3" in s or "drei" in s or "three" in s)
        for s in result.sentences
    )


def test_components_and_isolated_partners():
    g = graph([(1, 2), (2, 3), (4, 5)], extra=[6, 7])
    assert analysis.components(g) == [{1, 2, 3}, {4, 5}]
    assert analysis.isolated(g) == [6, 7]
    result = analysis.analyse(g, reference=[])
    assert result.isolated == [6, 7]
    assert len(result.components) == 2


def test_derived_edges_are_not_counted_as_ties():
    nodes = [
        {"id": 1, "label": "A", "sector": "", "role": "partner"},
        {"id": 2, "label": "B", "sector": "", "role": "partner"},
    ]
    g = analysis.build_graph(
        nodes, [{"source": 1, "target": 2, "intensity": None, "kind": "derived"}]
    )
    assert g.number_of_edges() == 0


def test_missing_and_weakly_tied_sectors_against_the_reference():
    reference = [
        ReferenceType("Schwangerschaftsberatung", 95.7, "sb"),
        ReferenceType("ASD", 85.0, "asd"),
        ReferenceType("Kitas", 81.9, "kita"),
    ]
    # kita tied at intensity 3 (fine); asd only at intensity 1 (weak); no sb at all (missing)
    g = graph([(1, 2, 3), (2, 3, 1)], sectors={1: "kita", 2: "kita", 3: "asd"})
    gaps = {gap.sector: gap for gap in analysis.sector_gaps(g, reference)}
    assert set(gaps) == {"sb", "asd"}
    assert gaps["sb"].missing and gaps["sb"].partners == 0
    assert not gaps["asd"].missing and gaps["asd"].weak and gaps["asd"].partners == 1
    sentences = analysis.analyse(g, reference).sentences
    assert any("Schwangerschaftsberatung" in s and "95,7" in s for s in sentences)


def test_empty_network():
    g = graph([])
    result = analysis.analyse(g, reference=[])
    assert result.partners == 0 and result.density == 0 and result.brokers == []


def test_large_networks_estimate_betweenness_reproducibly():
    edges = [(i, i + 1) for i in range(1, analysis.EXACT_LIMIT + 20)]
    g = graph(edges)
    assert analysis.betweenness(g) == analysis.betweenness(g)
