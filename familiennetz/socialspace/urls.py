from django.urls import path

from .views import analysis, gaps, imports, walks

app_name = "socialspace"

P = "manage/<slug:alliance_slug>/sozialraum/"

urlpatterns = [
    path(P, analysis.district_map, name="manage-district-map"),
    path(P + "karte.geojson", analysis.district_geojson, name="manage-district-geojson"),
    path(P + "vergleich/", analysis.district_compare, name="manage-district-compare"),
    path(P + "indikatoren/", analysis.indicator_list, name="manage-indicator-list"),
    path(P + "indikatoren/neu/", analysis.indicator_create, name="manage-indicator-create"),
    path(P + "indikatoren/<int:pk>/", analysis.indicator_update, name="manage-indicator-update"),
    path(
        P + "indikatoren/<int:pk>/werte/", analysis.indicator_values, name="manage-indicator-values"
    ),
    path(P + "import/", imports.import_start, name="manage-dataimport-start"),
    path(P + "import/<uuid:pk>/", imports.import_check, name="manage-dataimport-check"),
    path(
        P + "import/<uuid:pk>/importieren/", imports.import_commit, name="manage-dataimport-commit"
    ),
    path(P + "index/", analysis.index_list, name="manage-index-list"),
    path(P + "index/neu/", analysis.index_create, name="manage-index-create"),
    path(P + "index/<int:pk>/", analysis.index_detail, name="manage-index-detail"),
    path(P + "index/<int:pk>/bearbeiten/", analysis.index_update, name="manage-index-update"),
    path(P + "luecken/", gaps.gap_page, name="manage-gap-list"),
    path(P + "luecken.csv", gaps.gap_export, name="manage-gap-export"),
    path(P + "luecken/bericht.pdf", gaps.gap_report, name="manage-gap-report"),
    path(P + "ueberschneidungen/", gaps.overlap_list, name="manage-overlap-list"),
    path(P + "begehungen/", walks.walk_list, name="manage-walk-list"),
    path(P + "begehungen/neu/", walks.walk_create, name="manage-walk-create"),
    path(P + "begehungen/<int:pk>/", walks.walk_detail, name="manage-walk-detail"),
    path(P + "begehungen/<int:pk>/bearbeiten/", walks.walk_update, name="manage-walk-update"),
    path(P + "begehungen/<int:pk>/notiz/", walks.walk_note, name="manage-walk-note"),
    path(P + "begehungen/foto/<int:pk>/", walks.walk_photo, name="manage-walk-photo"),
    # Last: a district's code (e.g. 01011101) or, for districts without one, its slug.
    path(P + "<str:code>/", analysis.district_profile, name="manage-district-profile"),
]
