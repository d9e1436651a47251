"""Coverage, the ranked gap list (page, CSV, PDF) and overlapping offers."""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from familiennetz.core.pdf import pdf_response, render_pdf
from familiennetz.core.privacy import display
from familiennetz.core.spreadsheet import neutralise_cell
from familiennetz.directory.models import Category
from familiennetz.workspace.access import check_perm, workspace_view

from ..coverage import gap_list, overlaps
from ..forms import GapForm
from ..models import AgeGroup, District, Indicator
from .analysis import VIEW, kinds_of, number, profile_url

DEFAULT_CATEGORY = "elternbildung.eltern-kind-gruppe"
PDF_ROWS = 100


def _gap_context(request):
    alliance = request.alliance
    categories = list(Category.objects.for_alliance(alliance).order_by("position", "name"))
    kinds = [
        (kind, label)
        for kind, label in kinds_of(alliance)
        if District.objects.for_alliance(alliance)
        .filter(kind=kind, boundary__isnull=False)
        .exists()
    ]
    population = (
        Indicator.objects.for_alliance(alliance)
        .filter(is_population=True)
        .exclude(age_group="")
        .first()
    )
    default_category = next(
        (c for c in categories if c.code == DEFAULT_CATEGORY), categories[0] if categories else None
    )
    initial = {
        "kategorie": default_category.slug if default_category else "",
        "alter": population.age_group
        if population and population.age_group not in ("", "all")
        else "0-6",
        "umkreis": 1.0,
        "ebene": kinds[-1][0] if kinds else "",
    }
    form = GapForm(request.GET or initial, categories=categories, kinds=kinds)
    if not form.is_valid() or not kinds or not categories:
        return {"form": form, "gaps": None}
    data = form.cleaned_data
    category = next(c for c in categories if c.slug == data["kategorie"])
    gaps, result, ranking = gap_list(
        alliance,
        category=category,
        age_group=data["alter"],
        radius_km=data["umkreis"],
        kind=data["ebene"],
    )
    rows = []
    for gap in gaps:
        # Figures computed from a hidden number of children would give it back (offers per
        # 1,000 children, children out of reach × weight): hidden with it.
        hidden = gap.row.children is not None and gap.row.children_shown is None
        rows.append(
            {
                "gap": gap,
                "url": profile_url(alliance, gap.row.district),
                "children": "–" if gap.row.children is None else display(gap.row.children_shown),
                "per_1000": "–"
                if gap.row.per_1000 is None or hidden
                else number(gap.row.per_1000, 1),
                "reach": "–"
                if gap.row.reach_share is None
                else number(gap.row.reach_share * 100, 0) + "\u202f%",
                "score": "–" if hidden else number(gap.score, 0),
            }
        )
    return {
        "form": form,
        "gaps": rows,
        "coverage": result,
        "ranking": ranking,
        "category": category,
        "age_label": AgeGroup(data["alter"]).label,
        "radius": number(data["umkreis"], 1),
        "query": request.GET.urlencode(),
    }


@workspace_view
def gap_page(request):
    check_perm(request, VIEW)
    return render(request, "socialspace/workspace/gap_list.html", _gap_context(request))


@workspace_view
def gap_export(request):
    check_perm(request, VIEW)
    context = _gap_context(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="luecken.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Position"),
            _("Code"),
            pgettext("socialspace", "District"),
            _("Children"),
            _("Offers"),
            _("Offers per 1,000 children"),
            _("Share of the area within reach (%)"),
            _("Index rank"),
            _("Gap score"),
            _("Explanation"),
        ]
    )
    for row in context.get("gaps") or []:
        gap = row["gap"]
        writer.writerow(
            [
                gap.position,
                neutralise_cell(gap.row.district.key),
                neutralise_cell(gap.row.district.name),
                row["children"],
                gap.row.offers,
                row["per_1000"],
                row["reach"].replace("\u202f%", ""),
                gap.rank or "",
                row["score"].replace("\u202f", ""),
                neutralise_cell(gap.sentence),
            ]
        )
    return response


@workspace_view
def gap_report(request):
    check_perm(request, VIEW)
    context = _gap_context(request)
    if context.get("gaps"):
        context["gaps"] = context["gaps"][:PDF_ROWS]
    context["alliance"] = request.alliance
    content = render_pdf("socialspace/workspace/gap_report_pdf.html", context, request=request)
    return pdf_response(content, "luecken.pdf")


@workspace_view
def overlap_list(request):
    check_perm(request, VIEW)
    found = overlaps(request.alliance)
    return render(request, "socialspace/workspace/overlap_list.html", {"overlaps": found})
