"""Network URLs: the workspace under /manage/<alliance>/netzwerk/…"""

from django.urls import include, path

app_name = "network"

urlpatterns = [
    path("", include("familiennetz.network.care_urls")),
]
