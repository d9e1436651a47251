"""URLs of the interop app: the public open-data pages of an alliance (German, stable):
/<alliance>/offene-daten/ …, and the coordinators' import and export pages in the workspace:
/manage/<alliance>/daten/ …"""

from django.urls import include, path

from .views import public, workspace

app_name = "interop"

workspace_patterns = [
    path("daten/importieren/", workspace.import_start, name="manage-import"),
    path(
        "daten/importieren/vorlage.<str:fmt>",
        workspace.import_template,
        name="manage-import-template",
    ),
    path("daten/importieren/<uuid:pk>/", workspace.import_preview, name="manage-import-preview"),
    path(
        "daten/importieren/<uuid:pk>/speichern/",
        workspace.import_commit,
        name="manage-import-commit",
    ),
    path(
        "daten/importieren/<uuid:pk>/ergebnis/",
        workspace.import_result,
        name="manage-import-result",
    ),
    path("daten/exportieren/", workspace.export_page, name="manage-export"),
    path(
        "daten/exportieren/<str:filename>",
        workspace.export_download,
        name="manage-export-download",
    ),
]

public_patterns = [
    path("offene-daten/", public.open_data, name="open-data"),
    path("offene-daten/angebote.geojson", public.offers_geojson, name="offers-geojson"),
    path("offene-daten/orte.geojson", public.places_geojson, name="places-geojson"),
    path("offene-daten/hsds-json.zip", public.hsds_download, {"fmt": "json"}, name="hsds-json"),
    path("offene-daten/hsds-csv.zip", public.hsds_download, {"fmt": "csv"}, name="hsds-csv"),
    path("offene-daten/hsds-pruefen/", public.hsds_check, name="hsds-check"),
]

urlpatterns = [
    path("manage/<slug:alliance_slug>/", include(workspace_patterns)),
    path("<slug:alliance_slug>/", include(public_patterns)),
]
