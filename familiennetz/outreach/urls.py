"""The network's pages: public under /<alliance>/…, the workspace under /manage/<alliance>/…"""

from django.urls import path, register_converter

from .views import public, workspace

app_name = "outreach"


class Hex64:
    """The key of a stored notice-board sheet (SHA-256, notices.file_key)."""

    regex = "[0-9a-f]{64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(Hex64, "hex64")

A = "<slug:alliance_slug>/"
M = "manage/<slug:alliance_slug>/"
STATION = f"{A}rallye/<slug:slug>/station-<int:number>/"

urlpatterns = [
    # workspace
    path(f"{M}erste-hilfe/", workspace.help_list, name="manage-help"),
    path(f"{M}erste-hilfe/<int:pk>/", workspace.help_update, name="manage-help-update"),
    path(f"{M}erste-hilfe/<int:pk>/loeschen/", workspace.help_delete, name="manage-help-delete"),
    path(f"{M}rallye/", workspace.rally_list, name="manage-rally-list"),
    path(f"{M}rallye/neu/", workspace.rally_create, name="manage-rally-create"),
    path(f"{M}rallye/<int:pk>/", workspace.rally_detail, name="manage-rally-detail"),
    path(
        f"{M}rallye/<int:pk>/stationen/neu/",
        workspace.station_create,
        name="manage-station-create",
    ),
    path(
        f"{M}rallye/<int:pk>/stationen/<int:station>/",
        workspace.station_update,
        name="manage-station-update",
    ),
    path(
        f"{M}rallye/<int:pk>/stationen/<int:station>/loeschen/",
        workspace.station_delete,
        name="manage-station-delete",
    ),
    path(f"{M}qr-codes/", workspace.qr_codes, name="manage-qr"),
    path(f"{M}uebergang-schule/", workspace.transition_list, name="manage-transition"),
    path(
        f"{M}uebergang-schule/<int:pk>/",
        workspace.transition_update,
        name="manage-transition-update",
    ),
    path(
        f"{M}uebergang-schule/<int:pk>/loeschen/",
        workspace.transition_delete,
        name="manage-transition-delete",
    ),
    path(f"{M}aktuelles/", workspace.news_list, name="manage-news"),
    path(f"{M}aktuelles/neu/", workspace.news_create, name="manage-news-create"),
    path(f"{M}aktuelles/<int:pk>/", workspace.news_update, name="manage-news-update"),
    path(f"{M}aktuelles/<int:pk>/loeschen/", workspace.news_delete, name="manage-news-delete"),
    # public
    path(f"{A}qr/", public.qr_code, name="qr"),
    path(f"{A}erste-hilfe/", public.help_box, name="help"),
    path(f"{A}erste-hilfe.pdf", public.help_box_pdf, name="help-pdf"),
    path(f"{A}aushang.pdf", public.notice_pdf, name="notice-pdf"),
    path(f"{A}aushang/<hex64:key>/", public.notice_status, name="notice-status"),
    path(f"{A}aushang/<hex64:key>.pdf", public.notice_file, name="notice-file"),
    path(f"{A}angebote/<slug:slug>/flyer.pdf", public.offer_flyer_pdf, name="offer-flyer"),
    path(f"{A}rallye/<slug:slug>/", public.rally_detail, name="rally-detail"),
    path(f"{A}rallye/<slug:slug>/rallye.pdf", public.rally_pdf, name="rally-pdf"),
    path(STATION, public.rally_station, name="rally-station"),
    path(f"{STATION}geschafft/", public.rally_station_done, name="rally-station-done"),
    path(f"{STATION}bild", public.rally_picture, name="rally-picture"),
    path(f"{A}aktuelles/", public.news_list, name="news"),
    path(f"{A}aktuelles/feed.atom", public.news_feed, name="news-feed"),
    path(f"{A}aktuelles/<slug:slug>/", public.news_detail, name="news-detail"),
    path(f"{A}stadtteilplan/", public.district_plan, name="plan"),
    path(f"{A}uebergang-schule/", public.transition, name="transition"),
    path(f"{A}stadtteilplan.pdf", public.district_plan_pdf, name="plan-pdf"),
]
