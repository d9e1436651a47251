"""robots.txt and sitemaps for search engines. Demo alliances (fictional data) are kept out
of both: a parent must not find an invented offer through a search engine."""

from __future__ import annotations

from django.contrib.sitemaps.views import sitemap
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from familiennetz.alliances.models import Alliance
from familiennetz.interop.sitemaps import alliance_sitemaps

crawler_cache = cache_control(public=True, max_age=3600)


@require_safe
@crawler_cache
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /manage/",
        "Disallow: /api/",
        "Disallow: /*/suche/",
        "Disallow: /en/*/suche/",
    ]
    for slug in Alliance.objects.filter(is_demo=True).values_list("slug", flat=True):
        lines += [f"Disallow: /{slug}/", f"Disallow: /en/{slug}/"]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _indexed_alliances():
    return Alliance.objects.active().filter(is_demo=False).order_by("slug")


@require_safe
@crawler_cache
def sitemap_index(request):
    """One sitemap per alliance (each within the protocol's 50,000 URLs per file)."""
    sitemaps = [
        request.build_absolute_uri(reverse("sitemap-alliance", kwargs={"alliance_slug": slug}))
        for slug in _indexed_alliances().values_list("slug", flat=True)
    ]
    return render(
        request,
        "interop/sitemap_index.xml",
        {"sitemaps": sitemaps},
        content_type="application/xml; charset=utf-8",
    )


@require_safe
@crawler_cache
def alliance_sitemap(request):
    alliance = request.alliance
    if alliance.is_demo:
        raise Http404("Demo networks are not listed for search engines.")
    return sitemap(request, sitemaps=alliance_sitemaps(alliance))
