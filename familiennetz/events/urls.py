from django.urls import include, path

from .views import public, widget

app_name = "events"

urlpatterns = [
    path("kalender/", public.calendar, name="calendar"),
    path("kalender/feed.ics", public.calendar_ical, name="calendar-ical"),
    path("kalender/feed.rss", public.calendar_rss, name="calendar-rss"),
    path("kalender/feed.atom", public.calendar_atom, name="calendar-atom"),
    path("kalender/widget/", widget.widget, name="calendar-widget"),
    path("kalender/widget.html", widget.widget_snippet, name="calendar-widget-snippet"),
    path("termine/<slug:slug>/", public.event_detail, name="event-detail"),
    path("termine/<slug:slug>/ical/", public.event_ical, name="event-ical"),
]

# Workspace (/manage/<alliance>/…) and public guide (/<alliance>/…) in one namespace; this
# module is included at the root of i18n_patterns (config/urls.py).
urlpatterns = [
    path("manage/<slug:alliance_slug>/", include("familiennetz.events.workspace_urls")),
    path("<slug:alliance_slug>/", include(urlpatterns)),
]
