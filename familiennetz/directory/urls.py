from django.urls import path

from .views import public

app_name = "directory"

urlpatterns = [
    path("", public.home, name="home"),
    path("suche/", public.search, name="search"),
    path("suche/karte.geojson", public.search_geojson, name="search-geojson"),
    path("angebote/<slug:slug>/", public.offer_detail, name="offer-detail"),
    path("angebote/<slug:slug>/drucken/", public.offer_print, name="offer-print"),
    path("angebote/<slug:slug>/qr.svg", public.offer_qr, name="offer-qr"),
    path("organisationen/<slug:slug>/", public.organisation_detail, name="organisation-detail"),
    path("orte/<slug:slug>/", public.location_detail, name="location-detail"),
]
