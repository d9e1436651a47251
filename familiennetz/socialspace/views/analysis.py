"""Districts, map, profile, comparison, indicators and the composite index
(/manage/<alliance>/sozialraum/…)."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from familiennetz.core.charts import Series, line_chart
from familiennetz.core.privacy import display
from familiennetz.directory.models import Location
from familiennetz.workspace.access import check_perm, manage_url, redirect_manage, workspace_view

from .. import services
from ..analysis import (
    QUANTILES,
    available_years,
    class_label,
    classify,
    compute_index,
    indicator_years,
)
from ..figures import shown_series, shown_values
from ..forms import CompareForm, IndexForm, IndicatorForm, MapForm, ValuesForm, YearForm
from ..maps import MapArea, choropleth_geojson, choropleth_svg
from ..models import CompositeIndex, District, Indicator, IndicatorValue, Walk, WalkNote

VIEW = "socialspace.view_socialspace"
CHANGE = "socialspace.change_indicators"


def number(value: float | None, digits: int = 1) -> str:
    """A figure for people: German decimal comma, thin space for thousands, "<5" if hidden."""
    if value is None:
        return display(None)
    if (float(value).is_integer() and abs(value) >= 1) or value == 0:
        digits = 0
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def kinds_of(alliance) -> list[tuple[str, str]]:
    """Levels present in the alliance, coarsest first (by number of districts)."""
    counts = (
        District.objects.for_alliance(alliance).values("kind").annotate(n=Count("pk")).order_by("n")
    )
    labels = dict(District.Kind.choices)
    return [(row["kind"], f"{labels.get(row['kind'], row['kind'])} ({row['n']})") for row in counts]


def profile_url(alliance, district) -> str:
    return manage_url("socialspace:manage-district-profile", alliance, code=district.key)


def _districts(alliance, kind):
    return list(
        District.objects.for_alliance(alliance)
        .filter(kind=kind)
        .select_related("parent")
        .order_by("name")
    )


# --- map


@workspace_view
def district_map(request):
    check_perm(request, VIEW)
    alliance = request.alliance
    kinds = kinds_of(alliance)
    indicators = list(
        Indicator.objects.for_alliance(alliance).select_related("numerator", "denominator")
    )
    indices = list(CompositeIndex.objects.for_alliance(alliance))
    form = MapForm(request.GET or None, kinds=kinds, indicators=indicators, indices=indices)
    form.is_valid()
    data = getattr(form, "cleaned_data", {}) or {}
    default_kind = next((i.district_kind for i in indices), kinds[-1][0] if kinds else "")
    kind = data.get("ebene") or default_kind
    shown = data.get("anzeige") or ""
    if not shown:
        same_level = [i for i in indices if i.district_kind == kind]
        shown = (
            f"index:{same_level[0].pk}"
            if same_level
            else (f"indicator:{indicators[0].pk}" if indicators else "")
        )
    method = data.get("klassen") or QUANTILES
    k = data.get("anzahl") or 5
    districts = _districts(alliance, kind) if kind else []
    areas: dict[int, MapArea] = {}
    rows = []
    title, years, year, unit, result = "", [], None, "", None
    numeric: dict[int, float | None] = {}
    if shown.startswith("index:"):
        index = next((i for i in indices if f"index:{i.pk}" == shown), None)
        if index is not None:
            years = available_years(index)
            year = data.get("jahr") if data.get("jahr") in years else (years[-1] if years else None)
            result = compute_index(index, year=year)
            if index.district_kind != kind:
                kind = index.district_kind
                districts = _districts(alliance, kind)
            by = result.by_district
            numeric = {d.pk: (by[d.pk].score if d.pk in by else None) for d in districts}
            title = _("%(index)s %(year)s") % {"index": index.name, "year": year or ""}
            texts = {
                pk: _("rank %(rank)s of %(n)s (%(score)s)")
                % {"rank": by[pk].rank, "n": len(result.rows), "score": number(by[pk].score, 2)}
                for pk in by
            }
    elif shown.startswith("indicator:"):
        indicator = next((i for i in indicators if f"indicator:{i.pk}" == shown), None)
        if indicator is not None:
            years = indicator_years(indicator)
            year = data.get("jahr") if data.get("jahr") in years else (years[-1] if years else None)
            unit = indicator.unit
            if year is not None:
                _true, visible = shown_values(indicator, year=year, districts=districts)
                numeric = {d.pk: visible.get(d.pk) for d in districts}
                hidden = {d.pk for d in districts if d.pk in _true and visible.get(d.pk) is None}
            else:
                hidden = set()
            title = _("%(indicator)s %(year)s") % {"indicator": indicator.name, "year": year or ""}
            texts = {
                d.pk: (
                    display(None)
                    if d.pk in hidden
                    else number(numeric[d.pk]) + (f"\u202f{unit}" if unit else "")
                )
                for d in districts
                if numeric.get(d.pk) is not None or d.pk in hidden
            }
    else:
        texts = {}
    classes = classify([v for v in numeric.values() if v is not None], method=method, k=k)
    json_areas = {}
    for district in districts:
        value = numeric.get(district.pk)
        klass = classes.of(value)
        text = texts.get(district.pk, _("no value")) if numeric else ""
        areas[district.pk] = MapArea(district, text, klass)
        json_areas[district.key] = {"v": text, "c": klass, "u": profile_url(alliance, district)}
        rows.append(
            {
                "district": district,
                "url": profile_url(alliance, district),
                "text": text,
                "klass": None if klass is None else klass + 1,
            }
        )
    legend = [
        {
            "colour": colour,
            "low": number(classes.breaks[i], 2),
            "high": number(classes.breaks[i + 1], 2),
            "count": classes.counts[i],
        }
        for i, colour in enumerate(classes.colours)
    ]
    svg = choropleth_svg(alliance, kind, areas=areas, classes=classes, title=title) if kind else ""
    outside = services.places_outside(alliance=alliance)[:100]
    # Show what is shown (the level follows the index; defaults filled in).
    form = MapForm(
        initial={"ebene": kind, "anzeige": shown, "jahr": year, "klassen": method, "anzahl": k},
        kinds=kinds,
        indicators=indicators,
        indices=indices,
    )
    return render(
        request,
        "socialspace/workspace/district_map.html",
        {
            "form": form,
            "kind": kind,
            "title": title,
            "rows": rows,
            "legend": legend,
            "svg": svg,
            "year": year,
            "years": years,
            "map_data": {
                "geojson": manage_url("socialspace:manage-district-geojson", alliance)
                + f"?ebene={kind}",
                "areas": json_areas,
                "colours": classes.colours,
            },
            "has_boundaries": any(d.boundary for d in districts),
            "outside": outside,
            "index_result": result,
            "district_count": len(districts),
        },
    )


@workspace_view
def district_geojson(request):
    check_perm(request, VIEW)
    kinds = kinds_of(request.alliance)
    kind = request.GET.get("ebene") or (kinds[-1][0] if kinds else "")
    if kind not in District.Kind.values:
        raise Http404(_("Unknown level."))
    data = choropleth_geojson(request.alliance, kind)
    etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(data, content_type="application/geo+json")
    response["ETag"] = etag
    response["Cache-Control"] = "private, max-age=300"
    return response


# --- profile and comparison ----------------------------------------------------------------------


def _district_or_404(request, code: str) -> District:
    district = (
        District.objects.for_alliance(request.alliance)
        .by_code(code)
        .select_related("parent")
        .first()
    )
    if district is None:
        raise Http404(_("There is no such district."))
    return district


def _series_for(indicators, district) -> list[tuple[Indicator, dict[int, float | None]]]:
    siblings = list(
        District.objects.for_alliance(district.alliance)
        .filter(kind=district.kind, parent_id=district.parent_id)
        .only("pk", "parent_id")
    )
    out = []
    for indicator in indicators:
        series = shown_series(indicator, district=district, siblings=siblings)
        if series:
            out.append((indicator, series))
    return out


@workspace_view
def district_profile(request, code: str):
    check_perm(request, VIEW)
    alliance = request.alliance
    district = _district_or_404(request, code)
    indicators = list(
        Indicator.objects.for_alliance(alliance)
        .select_related("numerator", "denominator")
        .prefetch_related("summands")
    )
    charts, single = [], []
    for indicator, series in _series_for(indicators, district):
        years = sorted(series)
        unit = indicator.unit
        if len(years) >= 2:
            chart = line_chart(
                title=indicator.name,
                categories=[str(y) for y in years],
                series=[Series(district.name, [series[y] for y in years])],
                unit=unit,
            )
            charts.append((indicator, chart))
        else:
            value = series[years[0]]
            single.append(
                (
                    indicator,
                    years[0],
                    number(value) + (f"\u202f{unit}" if unit and value is not None else ""),
                )
            )
    indices = []
    for index in CompositeIndex.objects.for_alliance(alliance).filter(district_kind=district.kind):
        result = compute_index(index)
        row = result.by_district.get(district.pk)
        indices.append(
            {
                "index": index,
                "result": result,
                "row": row,
                "label": class_label(row.klass, index.classes) if row else "",
            }
        )
    places = list(
        Location.objects.for_alliance(alliance).filter(district=district).order_by("name")[:200]
    )
    notes = list(
        WalkNote.objects.for_alliance(alliance)
        .filter(walk__district=district, latitude__isnull=False)
        .select_related("walk")[:200]
    )
    features = [
        {
            "n": n,
            "name": p.name,
            "lat": p.latitude,
            "lon": p.longitude,
            "url": p.get_absolute_url(),
            "place": p.address_line,
        }
        for n, p in enumerate([p for p in places if p.has_coordinates], start=1)
    ]
    start = len(features)
    features += [
        {
            "n": start + n,
            "name": _("Walk note: %(text)s") % {"text": note.text[:60]},
            "lat": note.latitude,
            "lon": note.longitude,
            "url": manage_url("socialspace:manage-walk-detail", alliance, pk=note.walk_id),
            "place": note.walk.title,
        }
        for n, note in enumerate(notes, start=1)
    ]
    return render(
        request,
        "socialspace/workspace/district_profile.html",
        {
            "district": district,
            "children": district.children.order_by("name"),
            "charts": charts,
            "single": single,
            "indices": indices,
            "places": places,
            "walks": Walk.objects.for_alliance(alliance).filter(district=district)[:20],
            "notes": notes,
            "features": features,
        },
    )


@workspace_view
def district_compare(request):
    check_perm(request, VIEW)
    alliance = request.alliance
    districts = list(
        District.objects.for_alliance(alliance).select_related("parent").order_by("kind", "name")
    )
    form = CompareForm(request.GET or None, districts=districts)
    pair, rows, charts = None, [], []
    if form.is_valid():
        by_key = {d.key: d for d in districts}
        a, b = by_key[form.cleaned_data["a"]], by_key[form.cleaned_data["b"]]
        pair = (a, b)
        indicators = list(
            Indicator.objects.for_alliance(alliance)
            .select_related("numerator", "denominator")
            .prefetch_related("summands")
        )
        series_a = dict(_series_for(indicators, a))
        series_b = dict(_series_for(indicators, b))
        for indicator in indicators:
            sa, sb = series_a.get(indicator, {}), series_b.get(indicator, {})
            if not sa and not sb:
                continue
            years = sorted(set(sa) | set(sb))
            latest = years[-1]
            rows.append(
                {
                    "indicator": indicator,
                    "year": latest,
                    "a": number(sa.get(latest)) if latest in sa else "–",
                    "b": number(sb.get(latest)) if latest in sb else "–",
                }
            )
            if len(years) >= 2:
                charts.append(
                    line_chart(
                        title=indicator.name,
                        categories=[str(y) for y in years],
                        series=[
                            Series(a.name, [sa.get(y) for y in years]),
                            Series(b.name, [sb.get(y) for y in years]),
                        ],
                        unit=indicator.unit,
                    )
                )
        for index in CompositeIndex.objects.for_alliance(alliance):
            result = compute_index(index)
            by = result.by_district
            if a.pk in by or b.pk in by:
                rows.append(
                    {
                        "indicator": index,
                        "year": result.year,
                        "a": _("rank %(r)s of %(n)s") % {"r": by[a.pk].rank, "n": len(result.rows)}
                        if a.pk in by
                        else "–",
                        "b": _("rank %(r)s of %(n)s") % {"r": by[b.pk].rank, "n": len(result.rows)}
                        if b.pk in by
                        else "–",
                    }
                )
    return render(
        request,
        "socialspace/workspace/district_compare.html",
        {"form": form, "pair": pair, "rows": rows, "charts": charts},
    )


# --- indicators


@workspace_view
def indicator_list(request):
    check_perm(request, VIEW)
    alliance = request.alliance
    indicators = list(
        Indicator.objects.for_alliance(alliance)
        .select_related("numerator", "denominator")
        .annotate(n_values=Count("values"))
    )
    years = {}
    for indicator_id, year in (
        IndicatorValue.objects.for_alliance(alliance).values_list("indicator_id", "year").distinct()
    ):
        years.setdefault(indicator_id, []).append(year)
    rows = [{"indicator": i, "years": sorted(years.get(i.pk, []))} for i in indicators]
    return render(request, "socialspace/workspace/indicator_list.html", {"rows": rows})


def _indicator_form(request, indicator: Indicator | None):
    alliance = request.alliance
    can_change = request.user.has_perm(CHANGE, alliance)
    if request.method == "POST":
        check_perm(request, CHANGE)
        form = IndicatorForm(request.POST, instance=indicator, alliance=alliance)
        if form.is_valid():
            saved = services.indicator_save(form=form)
            messages.success(
                request, _("The indicator “%(name)s” was saved.") % {"name": saved.name}
            )
            return redirect_manage("socialspace:manage-indicator-list", alliance)
    else:
        form = IndicatorForm(instance=indicator, alliance=alliance)
    if not can_change:
        for field in form.fields.values():
            field.disabled = True
    return render(
        request,
        "socialspace/workspace/indicator_form.html",
        {"form": form, "indicator": indicator, "can_change": can_change},
    )


@workspace_view
def indicator_create(request):
    check_perm(request, CHANGE)
    return _indicator_form(request, None)


@workspace_view
def indicator_update(request, pk: int):
    check_perm(request, VIEW)
    indicator = Indicator.objects.for_alliance(request.alliance).filter(pk=pk).first()
    if indicator is None:
        raise Http404(_("There is no such indicator."))
    return _indicator_form(request, indicator)


@workspace_view
def indicator_values(request, pk: int):
    check_perm(request, CHANGE)
    alliance = request.alliance
    indicator = Indicator.objects.for_alliance(alliance).filter(pk=pk).first()
    if indicator is None:
        raise Http404(_("There is no such indicator."))
    if indicator.is_derived:
        messages.warning(
            request, _("A derived indicator is computed; its values cannot be edited.")
        )
        return redirect_manage("socialspace:manage-indicator-update", alliance, pk=pk)
    kinds = kinds_of(alliance)
    kind = request.GET.get("ebene") or ""
    used = indicator.values.values_list("district__kind", flat=True).first()
    if kind not in dict(kinds):
        kind = used or (kinds[-1][0] if kinds else "")
    year_form = YearForm(request.GET or None)
    years = indicator_years(indicator)
    year = (
        year_form.cleaned_data["year"] if year_form.is_valid() else (years[-1] if years else None)
    )
    if year is None:
        return render(
            request,
            "socialspace/workspace/indicator_values.html",
            {
                "indicator": indicator,
                "year_form": YearForm(),
                "form": None,
                "kinds": kinds,
                "kind": kind,
            },
        )
    districts = _districts(alliance, kind)
    current = dict(
        indicator.values.filter(year=year, district__in=districts).values_list(
            "district_id", "value"
        )
    )
    if request.method == "POST":
        form = ValuesForm(request.POST, districts=districts, initial_values=current)
        if form.is_valid():
            counts = services.indicator_values_set(
                indicator=indicator, year=year, values=form.values
            )
            messages.success(
                request,
                _("Saved: %(created)s new, %(updated)s changed, %(deleted)s removed.") % counts,
            )
            url = manage_url("socialspace:manage-indicator-values", alliance, pk=pk)
            return redirect(f"{url}?year={year}&ebene={kind}")
    else:
        form = ValuesForm(districts=districts, initial_values=current)
    return render(
        request,
        "socialspace/workspace/indicator_values.html",
        {
            "indicator": indicator,
            "form": form,
            "year": year,
            "years": years,
            "year_form": YearForm(initial={"year": year}),
            "kinds": kinds,
            "kind": kind,
        },
    )


# --- composite index


@workspace_view
def index_list(request):
    check_perm(request, VIEW)
    indices = CompositeIndex.objects.for_alliance(request.alliance).prefetch_related(
        "components__indicator"
    )
    return render(request, "socialspace/workspace/index_list.html", {"indices": indices})


def _index_form(request, index: CompositeIndex | None):
    alliance = request.alliance
    if request.method == "POST":
        form = IndexForm(request.POST, instance=index, alliance=alliance)
        if form.is_valid():
            saved = services.index_save(form=form, components=form.components)
            messages.success(request, _("The index “%(name)s” was saved.") % {"name": saved.name})
            return redirect_manage("socialspace:manage-index-detail", alliance, pk=saved.pk)
    else:
        form = IndexForm(instance=index, alliance=alliance)
    return render(request, "socialspace/workspace/index_form.html", {"form": form, "index": index})


@workspace_view
def index_create(request):
    check_perm(request, CHANGE)
    return _index_form(request, None)


@workspace_view
def index_update(request, pk: int):
    check_perm(request, CHANGE)
    index = CompositeIndex.objects.for_alliance(request.alliance).filter(pk=pk).first()
    if index is None:
        raise Http404(_("There is no such index."))
    return _index_form(request, index)


@workspace_view
def index_detail(request, pk: int):
    check_perm(request, VIEW)
    alliance = request.alliance
    index = CompositeIndex.objects.for_alliance(alliance).filter(pk=pk).first()
    if index is None:
        raise Http404(_("There is no such index."))
    years = available_years(index)
    form = YearForm(request.GET or None)
    year = (
        form.cleaned_data["year"]
        if form.is_valid() and form.cleaned_data["year"] in years
        else None
    )
    result = compute_index(index, year=year)
    rows = [
        {
            "row": row,
            "url": profile_url(alliance, row.district),
            "score": number(row.score, 2),
            "trend": number(row.trend, 2) if row.trend is not None else "–",
            "label": class_label(row.klass, index.classes),
        }
        for row in result.rows
    ]
    components = [
        {
            "stats": c,
            "mean": number(c.mean, 2),
            "sd": number(c.sd, 2),
        }
        for c in result.components
    ]
    return render(
        request,
        "socialspace/workspace/index_detail.html",
        {
            "index": index,
            "result": result,
            "rows": rows,
            "components": components,
            "years": years,
            "map_url": manage_url("socialspace:manage-district-map", alliance)
            + f"?ebene={index.district_kind}&anzeige=index:{index.pk}",
        },
    )
