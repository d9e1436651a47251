"""Public open-data URLs of an alliance (German, stable): /<alliance>/offene-daten/ …"""

from django.urls import path

from .views import public

app_name = "interop"

urlpatterns = [
    path("offene-daten/", public.open_data, name="open-data"),
    path("offene-daten/angebote.geojson", public.offers_geojson, name="offers-geojson"),
    path("offene-daten/orte.geojson", public.places_geojson, name="places-geojson"),
    path("offene-daten/hsds-json.zip", public.hsds_download, {"fmt": "json"}, name="hsds-json"),
    path("offene-daten/hsds-csv.zip", public.hsds_download, {"fmt": "csv"}, name="hsds-csv"),
]
