"""Network URLs: the workspace under /manage/<alliance>/netzwerk/…"""

from django.urls import include, path

from .views import graph, partners, ties

app_name = "network"

N = "manage/<slug:alliance_slug>/netzwerk/"

urlpatterns = [
    # --- partners, ties, map, analysis, snapshots (network issue, part 1) ---
    path(f"{N}", graph.network_map, name="manage-map"),
    path(f"{N}graph.json", graph.graph_json, name="manage-map-graph"),
    path(f"{N}karte.svg", graph.map_svg, name="manage-map-svg"),
    path(f"{N}karte.png", graph.map_png, name="manage-map-png"),
    path(f"{N}netzwerk.graphml", graph.map_graphml, name="manage-map-graphml"),
    path(f"{N}analyse/", graph.analysis_page, name="manage-analysis"),
    path(f"{N}stichtage/", graph.snapshot_list, name="manage-snapshot-list"),
    path(f"{N}stichtage/<int:pk>/", graph.snapshot_compare, name="manage-snapshot-compare"),
    path(f"{N}partner/", partners.partner_list, name="manage-partner-list"),
    path(f"{N}partner/neu/", partners.partner_create, name="manage-partner-create"),
    path(f"{N}partner/<int:pk>/", partners.partner_detail, name="manage-partner-detail"),
    path(f"{N}partner/<int:pk>/bearbeiten/", partners.partner_update, name="manage-partner-update"),
    path(
        f"{N}partner/<int:pk>/ansprechpersonen/neu/",
        partners.contact_create,
        name="manage-partner-contact-create",
    ),
    path(
        f"{N}partner/<int:pk>/ansprechpersonen/<int:contact>/",
        partners.contact_update,
        name="manage-partner-contact-update",
    ),
    path(
        f"{N}partner/<int:pk>/beitraege/neu/",
        partners.contribution_create,
        name="manage-partner-contribution-create",
    ),
    path(
        f"{N}partner/<int:pk>/beitraege/<int:item>/",
        partners.contribution_update,
        name="manage-partner-contribution-update",
    ),
    path(f"{N}sektoren/", partners.sector_list, name="manage-sector-list"),
    path(f"{N}sektoren/<int:pk>/", partners.sector_update, name="manage-sector-update"),
    path(f"{N}kooperationen/", ties.tie_list, name="manage-tie-list"),
    path(f"{N}kooperationen/neu/", ties.tie_create, name="manage-tie-create"),
    path(f"{N}kooperationen/<int:pk>/", ties.tie_update, name="manage-tie-update"),
    path(
        f"{N}kooperationen/<int:pk>/vereinbarung/",
        ties.tie_agreement,
        name="manage-tie-agreement",
    ),
    # --- end of part 1 ---
    path("", include("familiennetz.network.care_urls")),
]
