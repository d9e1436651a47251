from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns
from familiennetz.workspace.access import workspace_view


@workspace_view
def shelf(request):
    from django.shortcuts import render

    return render(request, "toyapp/shelf.html")


app_patterns = (
    [path("manage/<slug:alliance_slug>/regal/", shelf, name="manage-shelf")],
    "toyapp",
)
urlpatterns = [path("", include(app_patterns)), *project_urlpatterns]
