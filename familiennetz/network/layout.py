"""The network map drawn on the server (ADR 0600): positions from a force-directed layout
with a fixed seed, cached per content, and the map as SVG that works without JavaScript.

- ``positions(nodes, edges)``: ``{id: (x, y)}`` in the unit square. Partners with ties are laid
  out by networkx's spring layout (Fruchterman–Reingold, seed ``SEED``) up to ``NX_LIMIT``
  partners; larger networks use the same algorithm in numpy with the repulsion estimated from a
  fixed sample of partners per step (networkx would need SciPy there and takes seconds).
  Partners without any tie sit in a row at the bottom.
- ``cached_positions``: the same, kept in the cache under a hash of the nodes and edges.
- ``render_svg``: the map (colour by sector, size by number of ties, dashed derived ties),
  each partner a link.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
from collections.abc import Callable

import networkx as nx
import numpy as np
from django.core.cache import cache

SEED = 7
NX_LIMIT = 500
ITERATIONS = 50
LARGE_ITERATIONS = 35  # the sampled layout of large networks
CACHE_SECONDS = 7 * 24 * 3600
WIDTH, HEIGHT = 1000, 700
MARGIN = 40

# Colour-blind-friendly first, then further distinct colours (sectors by position).
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#7A6A00",
    "#000000",
    "#8C564B",
    "#1F9E89",
    "#9467BD",
    "#B5367E",
    "#3B5BA9",
    "#6B8E23",
    "#A0522D",
    "#5F6B73",
    "#2E7D32",
    "#C2185B",
]
NO_SECTOR = "#8A8A8A"


def sector_colours(codes: list[str]) -> dict[str, str]:
    return {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(codes)}


def _sampled_fr(n: int, edges: np.ndarray, *, seed: int, iterations: int) -> np.ndarray:
    """Fruchterman–Reingold in numpy; repulsion from a fixed-seed sample of nodes per step."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1 / math.sqrt(n)
    sample = min(n, 40)
    t = 0.1
    dt = t / (iterations + 1)
    src, dst = edges[:, 0], edges[:, 1]
    for _step in range(iterations):
        idx = rng.choice(n, size=sample, replace=False)
        delta = pos[:, None, :] - pos[None, idx, :]  # n × sample × 2
        dist = np.maximum(np.linalg.norm(delta, axis=2), 0.01)
        rep = (delta * (k * k / dist**2)[:, :, None]).sum(axis=1) * (n / sample)
        d = pos[src] - pos[dst]
        length = np.maximum(np.linalg.norm(d, axis=1), 0.01)
        pull = d * (length / k)[:, None]
        disp = rep
        for axis in (0, 1):
            disp[:, axis] -= np.bincount(src, weights=pull[:, axis], minlength=n)
            disp[:, axis] += np.bincount(dst, weights=pull[:, axis], minlength=n)
        length = np.maximum(np.linalg.norm(disp, axis=1), 0.01)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= dt
    return pos


def positions(nodes: list[dict], edges: list[dict], *, seed: int = SEED) -> dict:
    ids = [n["id"] for n in nodes]
    known = set(ids)
    pairs = {
        (min(e["source"], e["target"]), max(e["source"], e["target"]))
        for e in edges
        if e["source"] in known and e["target"] in known and e["source"] != e["target"]
    }
    tied = sorted({i for pair in pairs for i in pair})
    loose = [i for i in ids if i not in set(tied)]
    result: dict = {}
    if tied:
        if len(tied) < NX_LIMIT:
            graph = nx.Graph()
            graph.add_nodes_from(tied)
            graph.add_edges_from(pairs)
            raw = nx.spring_layout(graph, seed=seed, iterations=ITERATIONS)
            coords = np.array([raw[i] for i in tied])
        else:
            index = {i: x for x, i in enumerate(tied)}
            array = np.array([(index[a], index[b]) for a, b in sorted(pairs)], dtype=np.int64)
            coords = _sampled_fr(len(tied), array, seed=seed, iterations=LARGE_ITERATIONS)
        low, high = coords.min(axis=0), coords.max(axis=0)
        span = np.where(high - low > 0, high - low, 1)
        coords = (coords - low) / span
        top = 0.86 if loose else 1.0
        for i, (x, y) in zip(tied, coords, strict=True):
            result[i] = (float(x), float(y) * top)
    columns = max(1, min(len(loose), 12))
    rows = max(1, math.ceil(len(loose) / columns))
    for n, i in enumerate(loose):
        col, row = n % columns, n // columns
        x = (col + 0.5) / columns
        y = 0.93 + 0.07 * (row / max(1, rows - 1)) if rows > 1 else (0.97 if tied else 0.5)
        result[i] = (x, y)
    return result


def content_key(nodes: list[dict], edges: list[dict]) -> str:
    data = json.dumps(
        [
            sorted(n["id"] for n in nodes),
            sorted((min(e["source"], e["target"]), max(e["source"], e["target"])) for e in edges),
        ],
        separators=(",", ":"),
    )
    return "network-layout:" + hashlib.sha1(data.encode(), usedforsecurity=False).hexdigest()


def cached_positions(nodes: list[dict], edges: list[dict]) -> dict:
    key = content_key(nodes, edges)
    found = cache.get(key)
    if found is not None:
        return {int(k): tuple(v) for k, v in found.items()}
    result = positions(nodes, edges)
    cache.set(key, {str(k): list(v) for k, v in result.items()}, CACHE_SECONDS)
    return result


def escape(text) -> str:
    return html.escape(str(text), quote=True)


def _xy(pos) -> tuple[float, float]:
    x, y = pos
    return (MARGIN + x * (WIDTH - 2 * MARGIN), MARGIN + y * (HEIGHT - 2 * MARGIN))


def radius(degree: int, n: int) -> float:
    base = 5.0 if n <= 150 else 3.0
    return round(min(base + 2.2 * math.sqrt(degree), 18.0), 1)


def render_svg(
    nodes: list[dict],
    edges: list[dict],
    pos: dict,
    *,
    degrees: dict,
    colours: dict[str, str],
    title: str,
    link: Callable[[int], str] | None = None,
    labels: int = 12,
) -> str:
    """The map as an ``<svg>`` element (trusted markup: every text is escaped)."""
    shown = {n["id"] for n in nodes}
    n_nodes = len(nodes)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="network-map" viewBox="0 0 {WIDTH} '
        f'{HEIGHT}" width="{WIDTH}" height="{HEIGHT}" aria-labelledby="network-map-title">',
        f'<title id="network-map-title">{escape(title)}</title>',
        '<g class="network-edges">',
    ]
    for e in edges:
        a, b = e["source"], e["target"]
        if a not in shown or b not in shown:
            continue
        (x1, y1), (x2, y2) = _xy(pos[a]), _xy(pos[b])
        if e["kind"] == "derived":
            attrs = 'class="edge edge--derived" stroke-dasharray="4 3" stroke-width="1.2"'
            data = f'data-kind="derived" data-count="{e.get("count", 1)}"'
        else:
            width = 0.6 + 0.7 * (e["intensity"] or 0)
            attrs = f'class="edge edge--i{e["intensity"]}" stroke-width="{width:.1f}"'
            topics = escape("|".join(e.get("topics", [])))
            data = f'data-kind="declared" data-intensity="{e["intensity"]}" data-topics="{topics}"'
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {attrs} '
            f'data-source="{a}" data-target="{b}" {data}/>'
        )
    out.append('</g><g class="network-nodes">')
    ranked = sorted(nodes, key=lambda n: (-degrees.get(n["id"], 0), n["label"]))
    labelled = {n["id"] for n in ranked[:labels]}
    for node in nodes:
        i = node["id"]
        x, y = _xy(pos[i])
        degree = degrees.get(i, 0)
        r = radius(degree, n_nodes)
        colour = colours.get(node["sector"], NO_SECTOR)
        label = escape(node["label"])
        text = ""
        if i in labelled:
            short = node["label"] if len(node["label"]) <= 28 else node["label"][:27] + "…"
            text = (
                f'<text x="{x:.1f}" y="{y - r - 3:.1f}" text-anchor="middle" '
                f'class="node-label" aria-hidden="true">{escape(short)}</text>'
            )
        shape = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}" '
            f'class="node node--{escape(node["role"])}"/>'
        )
        data = (
            f'data-id="{i}" data-sector="{escape(node["sector"])}" '
            f'data-sector-name="{escape(node.get("sector_name", ""))}" '
            f'data-role="{escape(node["role"])}" data-degree="{degree}" data-label="{label}"'
        )
        if link is not None:
            out.append(
                f'<a href="{escape(link(i))}" class="node-link" {data}>'
                f"<title>{label}</title>{shape}{text}</a>"
            )
        else:
            out.append(f'<g class="node-link" {data}><title>{label}</title>{shape}{text}</g>')
    out.append("</g></svg>")
    return "".join(out)
