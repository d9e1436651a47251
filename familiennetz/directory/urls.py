from django.urls import include, path

from .views import public, workspace

app_name = "directory"

public_patterns = [
    path("", public.home, name="home"),
    path("suche/", public.search, name="search"),
    path("suche/karte.geojson", public.search_geojson, name="search-geojson"),
    path("karte/gebiete.geojson", public.map_base_geojson, name="map-base"),
    path("karte/ansicht.json", public.map_viewport, name="map-viewport"),
    path("karte/ort/<int:pk>.json", public.map_place, name="map-place"),
    path("angebote/<slug:slug>/", public.offer_detail, name="offer-detail"),
    path("angebote/<slug:slug>/drucken/", public.offer_print, name="offer-print"),
    path("angebote/<slug:slug>/leichte-sprache/", public.offer_easy, name="offer-easy"),
    path("angebote/<slug:slug>/qr.svg", public.offer_qr, name="offer-qr"),
    path("organisationen/<slug:slug>/", public.organisation_detail, name="organisation-detail"),
    path("orte/<slug:slug>/", public.location_detail, name="location-detail"),
]

# The workspace: /manage/<alliance>/… (views/workspace.py, login and roles required).
workspace_patterns = [
    path("organisationen/", workspace.organisation_list, name="manage-organisation-list"),
    path("organisationen/neu/", workspace.organisation_create, name="manage-organisation-create"),
    path(
        "organisationen/<int:pk>/",
        workspace.organisation_detail,
        name="manage-organisation-detail",
    ),
    path(
        "organisationen/<int:pk>/bearbeiten/",
        workspace.organisation_update,
        name="manage-organisation-update",
    ),
    path(
        "organisationen/<int:pk>/geprueft/",
        workspace.organisation_confirm,
        name="manage-organisation-confirm",
    ),
    path("orte/", workspace.location_list, name="manage-location-list"),
    path("orte/neu/", workspace.location_create, name="manage-location-create"),
    path("orte/<int:pk>/", workspace.location_update, name="manage-location-update"),
    path("orte/<int:pk>/geprueft/", workspace.location_confirm, name="manage-location-confirm"),
    path("angebote/", workspace.offer_list, name="manage-offer-list"),
    path("angebote/neu/", workspace.offer_create, name="manage-offer-create"),
    path("angebote/<int:pk>/", workspace.offer_update, name="manage-offer-update"),
    path("angebote/<int:pk>/geprueft/", workspace.offer_confirm, name="manage-offer-confirm"),
    path("angebote/<int:pk>/status/", workspace.offer_status, name="manage-offer-status"),
]

# Included at the root of i18n_patterns (config/urls.py): workspace first, then the public
# guide under the alliance's slug ("manage" is a reserved slug).
urlpatterns = [
    path("manage/<slug:alliance_slug>/", include(workspace_patterns)),
    path("<slug:alliance_slug>/", include(public_patterns)),
]
