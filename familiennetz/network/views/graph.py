"""The network map, its data and exports, the analysis and snapshots
(/manage/<alliance>/netzwerk/, graph.json, karte.svg, netzwerk.graphml, analyse/, stichtage/)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import cairosvg
import networkx as nx
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from familiennetz.workspace.access import check_perm, manage_url, redirect_manage

from .. import analysis, layout, selectors, services
from ..forms import MapFilterForm, SnapshotForm
from ..models import Partner, Snapshot, Tie
from .common import add_errors, network_view, row_or_404


@dataclass
class MapData:
    nodes: list
    edges: list
    all_nodes: list
    all_edges: list
    degrees: dict
    colours: dict
    sectors: list
    form: MapFilterForm


def _map_data(request) -> MapData:
    """The network with the map's filters applied (positions always from the whole network,
    so a partner stays where it is when filtering)."""
    alliance = request.alliance
    sectors = list(selectors.sectors(alliance))
    form = MapFilterForm(request.GET or None, sectors=sectors)
    f = form.cleaned_data if form.is_valid() else {}
    data = selectors.network_data(alliance)
    graph = analysis.build_graph(data.nodes, data.edges)
    degrees = analysis.degrees(graph)
    for node in data.nodes:
        node["degree"] = degrees.get(node["id"], 0)
    nodes = data.nodes
    if f.get("sektor"):
        nodes = [n for n in nodes if n["sector"] == f["sektor"]]
    if f.get("rolle"):
        nodes = [n for n in nodes if n["role"] == f["rolle"]]
    edges = data.edges
    if f.get("abgeleitet") == "nein":
        edges = [e for e in edges if e["kind"] == "declared"]
    if f.get("intensitaet") is not None:
        edges = [e for e in edges if e["kind"] == "derived" or e["intensity"] >= f["intensitaet"]]
    topic = (f.get("thema") or "").strip().lower()
    if topic:
        edges = [
            e
            for e in edges
            if e["kind"] == "declared" and any(topic in t.lower() for t in e["topics"])
        ]
        touched = {e["source"] for e in edges} | {e["target"] for e in edges}
        nodes = [n for n in nodes if n["id"] in touched]
    ids = {n["id"] for n in nodes}
    edges = [e for e in edges if e["source"] in ids and e["target"] in ids]
    colours = layout.sector_colours([s.code for s in sectors])
    return MapData(nodes, edges, data.nodes, data.edges, degrees, colours, sectors, form)


def _svg(request, data: MapData) -> str:
    alliance = request.alliance
    pos = layout.cached_positions(data.all_nodes, data.all_edges)
    base = manage_url("network:manage-partner-list", alliance)
    return layout.render_svg(
        data.nodes,
        data.edges,
        pos,
        degrees=data.degrees,
        colours=data.colours,
        title=_("Network map of %(name)s") % {"name": alliance.name},
        link=lambda pk: f"{base}{pk}/",
    )


@network_view
def network_map(request):
    data = _map_data(request)
    svg = _svg(request, data)
    names = {n["id"]: n["label"] for n in data.all_nodes}
    table = request.GET.get("ansicht") == "tabelle"
    used = {n["sector"] for n in data.all_nodes}
    legend = [
        (s.name, data.colours.get(s.code, layout.NO_SECTOR)) for s in data.sectors if s.code in used
    ]
    query = request.GET.copy()
    query.pop("ansicht", None)
    return render(
        request,
        "network/workspace/map.html",
        {
            "svg": mark_safe(svg),
            "nodes": sorted(data.nodes, key=lambda n: (-n["degree"], n["label"])),
            "edges": [{**e, "a": names[e["source"]], "b": names[e["target"]]} for e in data.edges],
            "legend": legend,
            "filter_form": data.form,
            "table": table,
            "query": query.urlencode(),
            "intensities": dict(Tie.Intensity.choices),
            "roles": dict(Partner.Role.choices),
            "total": len(data.all_nodes),
        },
    )


@network_view
def graph_json(request):
    data = _map_data(request)
    return JsonResponse(
        {
            "nodes": data.nodes,
            "edges": data.edges,
            "sectors": [
                {"code": s.code, "name": s.name, "colour": data.colours[s.code]}
                for s in data.sectors
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@network_view
def map_svg(request):
    data = _map_data(request)
    svg = _svg(request, data)
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, content_type="image/svg+xml"
    )
    response["Content-Disposition"] = 'attachment; filename="netzwerkkarte.svg"'
    return response


@network_view
def map_png(request):
    """The map as a picture for a slide or a letter (CairoSVG rasterises the server's SVG at
    twice its size, so it stays sharp when printed)."""
    data = _map_data(request)
    png = cairosvg.svg2png(bytestring=_svg(request, data).encode(), scale=2)
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = 'attachment; filename="netzwerkkarte.png"'
    return response


def graphml_bytes(nodes: list, edges: list) -> bytes:
    """The network as GraphML (Gephi, yEd, networkx): partners with sector and role, ties with
    intensity and kind; a pair with a declared and a derived tie has two edges."""
    graph = nx.MultiGraph()
    for n in nodes:
        graph.add_node(
            n["id"],
            label=n["label"],
            sector=n["sector_name"] or n["sector"],
            role=n["role"],
            degree=n.get("degree", 0),
        )
    for e in edges:
        graph.add_edge(
            e["source"],
            e["target"],
            kind=e["kind"],
            intensity=-1 if e["intensity"] is None else e["intensity"],
            topics=", ".join(e.get("topics", e.get("via", []))),
        )
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8")
    return out.getvalue()


@network_view
def map_graphml(request):
    data = _map_data(request)
    response = HttpResponse(
        graphml_bytes(data.nodes, data.edges), content_type="application/graphml+xml"
    )
    response["Content-Disposition"] = 'attachment; filename="netzwerk.graphml"'
    return response


@network_view
def analysis_page(request):
    alliance = request.alliance
    data = selectors.network_data(alliance)
    graph = analysis.build_graph(data.nodes, data.edges)
    result = analysis.analyse(graph)
    names = {n["id"]: n for n in data.nodes}
    top = sorted(result.degrees.items(), key=lambda kv: (-kv[1], names[kv[0]]["label"]))[:10]
    derived_only = {
        i
        for e in data.edges
        if e["kind"] == "derived"
        for i in (e["source"], e["target"])
        if i in result.isolated
    }
    return render(
        request,
        "network/workspace/analysis.html",
        {
            "result": result,
            "density_percent": result.density * 100,
            "top": [(names[i], d, result.betweenness.get(i, 0)) for i, d in top],
            "isolated": [names[i] for i in result.isolated],
            "derived_only": derived_only,
            "components": [[names[i]["label"] for i in c] for c in result.components],
            "reference": analysis.NATIONAL_REFERENCE,
            "reference_source": analysis.REFERENCE_SOURCE,
            "present": {n["sector"] for n in data.nodes},
            "estimated": graph.number_of_nodes() > analysis.EXACT_LIMIT,
        },
    )


@network_view
def snapshot_list(request):
    alliance = request.alliance
    form = SnapshotForm(request.POST or None, initial={"taken_on": timezone.localdate()})
    if request.method == "POST":
        check_perm(request, "network.manage_network")
        if form.is_valid():
            try:
                services.snapshot_take(alliance=alliance, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The snapshot was saved."))
                return redirect_manage("network:manage-snapshot-list", alliance)
    rows = []
    for snap in selectors.snapshots(alliance):
        graph = analysis.build_graph(snap.nodes, snap.edges)
        rows.append((snap, graph.number_of_nodes(), graph.number_of_edges()))
    return render(
        request,
        "network/workspace/snapshot_list.html",
        {
            "snapshots": rows,
            "form": form,
            "can_manage": request.user.has_perm("network.manage_network", alliance),
        },
    )


def _day(day) -> str:
    return date_format(day, "d.m.Y")


@network_view
def snapshot_compare(request, pk: int):
    alliance = request.alliance
    snapshot = row_or_404(request, Snapshot, pk)
    others = selectors.snapshots(alliance).exclude(pk=snapshot.pk)
    other_pk = request.GET.get("mit", "")
    after = None
    if other_pk.isdigit():
        after = others.filter(pk=int(other_pk)).first()
    if after is not None and after.taken_on < snapshot.taken_on:
        before, after_data = after, snapshot
        before_label, after_label = _day(after.taken_on), _day(snapshot.taken_on)
    else:
        before = snapshot
        after_data = after or selectors.network_data(alliance, include_derived=False)
        before_label = _day(snapshot.taken_on)
        after_label = _day(after.taken_on) if after else _("today")
    comparison = selectors.compare(before, after_data)
    return render(
        request,
        "network/workspace/snapshot_compare.html",
        {
            "snapshot": snapshot,
            "others": others,
            "chosen": after,
            "comparison": comparison,
            "before_label": before_label,
            "after_label": after_label,
            "change_points": comparison.density_change * 100,
            "density_before": comparison.density_before * 100,
            "density_after": comparison.density_after * 100,
        },
    )
