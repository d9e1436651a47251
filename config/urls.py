from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from familiennetz.alliances.views import alliance_list
from familiennetz.core.views import healthz
from familiennetz.interop.api.routes import hsds_api, v1_api
from familiennetz.interop.views import crawlers

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("familiennetz.ops.urls")),  # /readyz, /metrics
    # The APIs are not translated and must match before the <alliance_slug>/ guide.
    path("api/v1/", v1_api.urls),
    path("api/hsds/", hsds_api.urls),
    path("robots.txt", crawlers.robots_txt, name="robots-txt"),
    path("sitemap.xml", crawlers.sitemap_index, name="sitemap-index"),
    path("<slug:alliance_slug>/sitemap.xml", crawlers.alliance_sitemap, name="sitemap-alliance"),
    path("favicon.ico", RedirectView.as_view(url=static("img/favicon.svg"), permanent=True)),
]

# The workspace (/manage/…) and accounts (/accounts/…) come before the public guide's
# /<alliance_slug>/ patterns; "manage" and "accounts" are reserved alliance slugs.
urlpatterns += i18n_patterns(
    path("", alliance_list, name="alliance-list"),
    path("accounts/", include("familiennetz.accounts.urls")),
    # Before the workspace: /manage/landesstelle/ (a reserved alliance slug) is the state office.
    path("", include("familiennetz.reports.urls")),
    path("", include("familiennetz.workspace.urls")),
    path("", include("familiennetz.moderation.urls")),
    path("", include("familiennetz.history.urls")),
    path("", include("familiennetz.freshness.urls")),
    path("", include("familiennetz.socialspace.urls")),
    path("", include("familiennetz.governance.urls")),
    path("", include("familiennetz.network.urls")),
    path("", include("familiennetz.participation.urls")),
    path("", include("familiennetz.outreach.urls")),
    path("", include("familiennetz.directory.urls")),
    path("", include("familiennetz.events.urls")),
    path("<slug:alliance_slug>/", include("familiennetz.events.registration_urls")),
    path("", include("familiennetz.interop.urls")),
    path("", include("familiennetz.translations.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static as media_static

    urlpatterns += media_static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
